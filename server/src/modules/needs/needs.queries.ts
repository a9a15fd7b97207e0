/**
 * What other domains read of residents' needs (the model is regions.queries): what one is
 * called, for the audit trail to name the need an entry is about. Needs' own reads and
 * changes stay in needs.service.
 */
import { type SQL, sql } from 'drizzle-orm';

/** SQL: a need's title, as a scalar subquery (`districtId`, `id`: the caller's columns). */
export const needTitle = (districtId: SQL, id: SQL): SQL =>
  sql`(SELECT need_row.title FROM needs need_row WHERE need_row.district_id = ${districtId} AND need_row.id = ${id})`;
