/**
 * What other domains read of the units (驻区单位): SQL fragments they embed in their own
 * set-based statements (a list joined, filtered, ordered and paginated in SQL), so the
 * `units` table is named only inside this domain. Whole units, checked against the
 * reader's scope, come from units.service's unitFor.
 */
import { type SQL, sql } from 'drizzle-orm';

/**
 * SQL: one unit (id, name, region_id), for `[LEFT] JOIN LATERAL (…) u ON true`; `districtId` and
 * `unitId` are the caller's columns. The planner flattens it into an index lookup.
 */
export const unitRow = (districtId: SQL, unitId: SQL): SQL =>
  sql`SELECT unit_row.id, unit_row.name, unit_row.region_id FROM units unit_row
       WHERE unit_row.district_id = ${districtId} AND unit_row.id = ${unitId}`;

/** SQL: the regions of any of these units, as a subquery of region ids (`r.id IN (…)`). */
export const unitsRegionIds = (districtId: number, unitIds: number[]): SQL =>
  sql`SELECT u.region_id FROM units u
       WHERE u.district_id = ${districtId} AND u.id = ANY(${`{${unitIds.join(',')}}`}::bigint[])`;

/** SQL: every unit of a district (district_id, id, name, region_id), as a derived table (an honour's candidates). */
export const districtUnits = (districtId: number): SQL =>
  sql`SELECT u.district_id, u.id, u.name, u.region_id FROM units u WHERE u.district_id = ${districtId}`;
