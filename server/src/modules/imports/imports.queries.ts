/**
 * What other domains read of imports (the model is regions.queries): the file an import read,
 * for the audit trail to name the import an entry is about. Imports' own reads and changes
 * stay in imports.service.
 */
import { type SQL, sql } from 'drizzle-orm';

/** SQL: the name of the file an import read, as a scalar subquery (`districtId`, `id`: the caller's columns). */
export const importFileName = (districtId: SQL, id: SQL): SQL =>
  sql`(SELECT import_row.file_name FROM imports import_row WHERE import_row.district_id = ${districtId} AND import_row.id = ${id})`;
