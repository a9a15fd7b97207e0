/**
 * What other domains read of the units (驻区单位): SQL fragments they embed in their own
 * set-based statements (a list joined, filtered, ordered and paginated in SQL), so the
 * `units` table is named only inside this domain. Whole units, checked against the
 * reader's scope, come from units.service's unitFor; the units a search finds, from here.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../auth/actor';
import { firstOf } from '../../db/paging';
import { limitOf, type SearchPart, textContains } from '../../db/text';
import { regionRow } from '../regions/regions.queries';
import { unitPolicy } from './units.policy';

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

/**
 * The units a search finds (the header's search): those the reader's list of units holds
 * (`unitPolicy.visible`) whose name contains `q`, shortest name first, each with the place it
 * stands. They have no page of their own: each leads to the list, filtered by its name.
 */
export function searchUnits(actor: Actor, q: string, limit: number): SearchPart {
  const list = (name: string) => `/units?q=${encodeURIComponent(name)}`;
  return {
    sql: sql`
      SELECT unit_row.id, unit_row.name AS title, unit_place.name AS subtitle FROM units unit_row
        JOIN LATERAL (${regionRow(sql`unit_row.district_id`, sql`unit_row.region_id`)}) unit_place ON true
       WHERE unit_row.district_id = ${actor.districtId} AND ${textContains(sql`unit_row.name`, q)}
         AND ${unitPolicy.visible(actor, sql`unit_place.path`, sql`unit_row.id`)}
       ORDER BY length(unit_row.name), unit_row.name, unit_row.id ${limitOf(limit + 1)}`,
    present: (rows) => ({
      ...firstOf(rows, limit, (r) => ({
        id: r.id,
        title: r.title,
        subtitle: r.subtitle,
        link: list(r.title),
      })),
      link: list(q),
    }),
  };
}
