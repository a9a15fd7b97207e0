/**
 * What other domains read of evaluations (the model is regions.queries): what one is called,
 * for the audit trail to name the evaluation an entry is about. Evaluations' own reads and
 * changes stay in evaluations.service and nominations.service.
 */
import { type SQL, sql } from 'drizzle-orm';

/** SQL: an evaluation's title, as a scalar subquery (`districtId`, `id`: the caller's columns). */
export const evaluationTitle = (districtId: SQL, id: SQL): SQL =>
  sql`(SELECT evaluation_row.title FROM evaluations evaluation_row WHERE evaluation_row.district_id = ${districtId} AND evaluation_row.id = ${id})`;
