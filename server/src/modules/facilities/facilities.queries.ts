/**
 * What other domains read of facilities and their bookings (the model is regions.queries):
 * what one is called, for the audit trail to name the facility or booking an entry is about;
 * and the facilities the header's search finds. Facilities' own reads and changes stay in
 * facilities.service and bookings.service.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../auth/actor';
import { firstOf } from '../../db/paging';
import { limitOf, type SearchPart, textContains } from '../../db/text';
import { regionRow } from '../regions/regions.queries';
import { unitRow } from '../units/units.queries';
import { facilityPolicy } from './facilities.policy';

/** SQL: a facility's name, as a scalar subquery (`districtId`, `id`: the caller's columns). */
export const facilityName = (districtId: SQL, id: SQL): SQL =>
  sql`(SELECT facility_row.name FROM facilities facility_row WHERE facility_row.district_id = ${districtId} AND facility_row.id = ${id})`;

/** SQL: a booking as "facility · purpose", as a scalar subquery (`districtId`, `id`: the caller's columns). */
export const bookingLabel = (districtId: SQL, id: SQL): SQL => sql`(
    SELECT facility_row.name || ' · ' || booking_row.purpose FROM bookings booking_row
      JOIN facilities facility_row ON facility_row.district_id = booking_row.district_id AND facility_row.id = booking_row.facility_id
     WHERE booking_row.district_id = ${districtId} AND booking_row.id = ${id})`;

/**
 * The facilities a search finds (the header's search): those the catalogue shows
 * (`facilityPolicy.listed`) whose name contains `q` (a unit's own name is the units' to find),
 * shortest name first, each with its unit, or its place for a community's own venue. Each
 * leads to its own page.
 */
export function searchFacilities(actor: Actor, q: string, limit: number): SearchPart {
  return {
    // The first few from the facilities alone, then their places and units (facilityPolicy.listed reads `f`).
    sql: sql`
      SELECT f.id, f.name AS title, coalesce(u.name, r.name) AS subtitle FROM (
        SELECT f.district_id, f.id, f.name, f.region_id, f.unit_id FROM facilities f
         WHERE f.district_id = ${actor.districtId} AND ${textContains(sql`f.name`, q)} AND ${facilityPolicy.listed()}
         ORDER BY length(f.name), f.name, f.id ${limitOf(limit + 1)}) f
        JOIN LATERAL (${regionRow(sql`f.district_id`, sql`f.region_id`)}) r ON true
        LEFT JOIN LATERAL (${unitRow(sql`f.district_id`, sql`f.unit_id`)}) u ON true
       ORDER BY length(f.name), f.name, f.id`,
    present: (rows) => ({
      ...firstOf(rows, limit, (r) => ({
        id: r.id,
        title: r.title,
        subtitle: r.subtitle,
        link: `/facilities/${r.id}`,
      })),
      link: `/facilities?q=${encodeURIComponent(q)}`,
    }),
  };
}
