/**
 * A fingerprint of every row of every table: equal fingerprints mean equal data. What a
 * test compares before and after something that must change nothing (hostile input) or
 * must bring everything back (restore).
 */
type Query = <T>(text: string, params?: unknown[]) => Promise<T[]>;

/** Per table, its row count and an md5 of its rows in a fixed order. */
export async function tableChecksums(sql: Query, except: string[] = []): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables
      WHERE schemaname = 'public' AND NOT (tablename = ANY($1::text[])) ORDER BY tablename`,
    [except],
  );
  const sums: Record<string, string> = {};
  for (const { name } of tables) {
    const [r] = await sql<{ n: number; sum: string | null }>(
      `SELECT count(*)::int AS n, md5(string_agg(md5(x::text), '' ORDER BY md5(x::text))) AS sum
         FROM public.${JSON.stringify(name)} x`,
    );
    sums[name] = `${r!.n}:${r!.sum ?? '-'}`;
  }
  return sums;
}
