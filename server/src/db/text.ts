/** Finding rows by part of a name or title, as the lists and the header's search do. */
import { type SQL, sql } from 'drizzle-orm';
import type { SearchFound } from '../../../contract';
import { contains } from '../http';

/**
 * SQL: `column` contains `q`, case aside. One or two characters: the column's name_grams GIN
 * index (migration 0007; a trigram index has no trigram to look up for them and would read
 * itself whole); longer: its trigram GIN index (ILIKE). Both mean "contains". The strpos test
 * says the same as the grams test, cheaply: when walking another index's order is the better
 * plan (a common name in a list ordered by home), it is the test each row gets — name_grams
 * costs ~36 µs a row.
 */
export const textContains = (column: SQL, q: string): SQL =>
  [...q].length <= 2
    ? sql`name_grams(${column}) @> ARRAY[lower(${q})] AND strpos(lower(${column}), lower(${q})) > 0`
    : sql`${column} ILIKE ${contains(q)}`;

/** A match of the header's search (全局搜索): id, the name or title that matched, and where or whose it is. */
export type SearchRow = { id: number; title: string; subtitle: string | null };

/**
 * One kind's part of the header's search, from its domain: `sql` selects its matches (id,
 * title, subtitle), the first `limit + 1` in the kind's order, for the search to send in one
 * statement with the other kinds'; `present` makes them the kind's group.
 */
export type SearchPart = { sql: SQL; present: (rows: SearchRow[]) => SearchFound };

/** SQL: LIMIT n, written into the statement (a parameter would spoil its generic plan's estimate). */
export const limitOf = (n: number): SQL => {
  if (!Number.isInteger(n) || n < 0) throw new Error(`Not a row count: ${n}`);
  return sql.raw(`LIMIT ${n}`);
};
