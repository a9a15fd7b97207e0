import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from './client';

/**
 * One page of a raw-SQL list and the total, in parallel: `select` is the SELECT … FROM …
 * joins, `where` the scope and filters, `orderBy` a stable order.
 */
export async function pageOf<R extends Record<string, unknown>, T>(
  db: Tx,
  q: { page: number; pageSize: number },
  parts: { select: SQL; where: SQL; orderBy: SQL },
  present: (row: R) => T,
): Promise<{ items: T[]; total: number }> {
  const [page, count] = await Promise.all([
    db.execute<R>(sql`${parts.select} WHERE ${parts.where} ORDER BY ${parts.orderBy}
      LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`),
    db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM (${parts.select} WHERE ${parts.where}) x`),
  ]);
  return { items: (page.rows as R[]).map((r) => present(r)), total: count.rows[0]?.n ?? 0 };
}

/** The first `limit` of rows asked for as `limit + 1`, presented, and whether there were more. */
export function firstOf<R, T>(
  rows: R[],
  limit: number,
  present: (row: R) => T,
): { items: T[]; more: boolean } {
  return { items: rows.slice(0, limit).map(present), more: rows.length > limit };
}
