import { type SQL, sql } from 'drizzle-orm';
import { COUNT_CAP } from '../../../contract';
import { badRequest } from '../errors';
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

/**
 * One column of a keyset order. Sort keys must be NOT NULL (a row comparison with NULL
 * drops the row) and, taken together, unique (end with the id).
 */
export type SortKey = {
  sql: SQL;
  type: 'bigint' | 'int' | 'text' | 'date' | 'timestamptz' | 'ltree';
  desc?: boolean;
};

/**
 * Keyset (cursor) paging for the long lists. Page 1 and every page asked for `after` a cursor
 * run without OFFSET, with the LIMIT written into the statement, so PostgreSQL keeps one
 * plan for them (db/client.ts prepares statements) and page 500 costs what page 1 does.
 * Pages asked for by number only (a jump) still use OFFSET.
 *
 * - `keys`: add to the SELECT list; it carries each sort key as text (timestamps keep
 *   their microseconds, which a JavaScript Date would lose), as `_k0`, `_k1`…
 * - `where`: AND it to the list's conditions: the rows after the cursor, or `true`.
 * - `whereJoined`: the same rows, for an order whose first key is a joined table's column
 *   (units by their place's path): written as that key's own range (`k0 >= v0`, where the
 *   joined table's index starts) less the cursor's own k0 rows up to the cursor. A row
 *   comparison across two tables is no index range, and PostgreSQL, guessing it keeps a third
 *   of the rows, would rather sort the whole join.
 * - `orderBy`, `limit`: ORDER BY … LIMIT … (one row more than the page, to see if there is a next).
 * - `after`: the cursor's values (as text; null without one), for a list that reads its order in
 *   parts (facilities: those nearby, then the rest).
 * - `page(rows, present)`: the page's items and the cursor of the page after it.
 */
export function keyset(q: { page: number; pageSize: number; after?: string | undefined }, order: SortKey[]) {
  const values = q.after === undefined ? null : decodeCursor(q.after, order);
  const cmp = (i: number): SQL => {
    const k = order[i]!;
    const v = sql`${values![i]}::${sql.raw(k.type)}`;
    const beyond = k.desc ? sql`${k.sql} < ${v}` : sql`${k.sql} > ${v}`;
    return i === order.length - 1 ? beyond : sql`(${beyond} OR (${k.sql} = ${v} AND ${cmp(i + 1)}))`;
  };
  const sameWay = order.every((k) => !!k.desc === !!order[0]!.desc);
  const row = (parts: SQL[]) => sql`(${sql.join(parts, sql`, `)})`;
  const where =
    values === null
      ? sql`true`
      : sameWay
        ? // A row comparison: the index on the same columns serves it as a range.
          sql`${row(order.map((k) => k.sql))} ${sql.raw(order[0]!.desc ? '<' : '>')} ${row(
            order.map((k, i) => sql`${values[i]}::${sql.raw(k.type)}`),
          )}`
        : cmp(0);
  const lead = (): SQL => {
    const [k, ...rest] = order as [SortKey, ...SortKey[]];
    const v = (i: number) => sql`${values![i]}::${sql.raw(order[i]!.type)}`;
    if (!rest.length) return sql`${k.sql} ${sql.raw(k.desc ? '<' : '>')} ${v(0)}`;
    const upTo = sql`${row(rest.map((r) => r.sql))} ${sql.raw(k.desc ? '>=' : '<=')} ${row(rest.map((_, i) => v(i + 1)))}`;
    return sql`${k.sql} ${sql.raw(k.desc ? '<=' : '>=')} ${v(0)} AND NOT (${k.sql} = ${v(0)} AND ${upTo})`;
  };
  const offset = values === null && q.page > 1 ? sql` OFFSET ${(q.page - 1) * q.pageSize}` : sql``;
  return {
    keys: sql.join(
      order.map((k, i) => sql`(${k.sql})::text AS ${sql.raw(`_k${i}`)}`),
      sql`, `,
    ),
    where,
    whereJoined: values === null ? sql`true` : sameWay ? lead() : where,
    after: values,
    orderBy: sql.join(
      order.map((k) => (k.desc ? sql`${k.sql} DESC` : k.sql)),
      sql`, `,
    ),
    limit: sql`LIMIT ${sql.raw(String(q.pageSize + 1))}${offset}`,
    page<R extends Record<string, unknown>, T>(rows: R[], present: (row: R) => T) {
      const more = rows.length > q.pageSize;
      const last = more ? rows[q.pageSize - 1] : undefined;
      return {
        items: rows.slice(0, q.pageSize).map(present),
        ...(last ? { next: encodeCursor(order.map((_, i) => String(last[`_k${i}`]))) } : {}),
      };
    },
  };
}

/**
 * The rows of a filtered set, counted only up to COUNT_CAP: counting 600,000 people costs
 * more than a page of them. The cap is written into the statement (one plan for all);
 * `plan`: CUSTOM_PLAN where the best plan depends on the values; `cap`: a lower one where
 * more would not help the reader (a name search).
 */
export async function cappedCount(
  db: Tx,
  from: SQL,
  plan: SQL = sql``,
  cap = COUNT_CAP,
): Promise<{ total: number; capped?: true }> {
  const { rows } = await db.execute<{ n: number }>(
    sql`${plan}SELECT count(*)::int AS n FROM (SELECT 1 ${from} LIMIT ${sql.raw(String(cap + 1))}) x`,
  );
  const n = rows[0]?.n ?? 0;
  return n > cap ? { total: cap, capped: true } : { total: n };
}

const encodeCursor = (values: string[]) => Buffer.from(JSON.stringify(values)).toString('base64url');

/** What each type's text looks like, so a forged cursor is a 400, not a failed cast. */
const SHAPES: Record<SortKey['type'], RegExp> = {
  bigint: /^-?\d{1,18}$/,
  int: /^-?\d{1,9}$/,
  text: /^[^\p{Cc}]{0,200}$/u,
  date: /^\d{4}-\d{2}-\d{2}$/,
  timestamptz: /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?$/,
  ltree: /^\w{1,100}(\.\w{1,100}){0,30}$/,
};

function decodeCursor(cursor: string, order: SortKey[]): string[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badRequest('cursor_invalid');
  }
  if (
    !Array.isArray(values) ||
    values.length !== order.length ||
    !values.every((v, i) => typeof v === 'string' && SHAPES[order[i]!.type].test(v))
  )
    throw badRequest('cursor_invalid');
  return values as string[];
}
