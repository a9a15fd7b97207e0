/**
 * What other domains read of facilities and their bookings (the model is regions.queries):
 * what one is called, for the audit trail to name the facility or booking an entry is about;
 * and the facilities the header's search finds. Facilities' own reads and changes stay in
 * facilities.service and bookings.service.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { SearchFound } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import type { Tx } from '../../db/client';
import { firstOf } from '../../db/paging';
import { contains } from '../../http';
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
 * (`facilityPolicy.listed`) whose name contains `q` (the trigram index; a unit's own name is
 * the units' to find), shortest name first, each with its unit, or its place for a
 * community's own venue. Each leads to its own page.
 */
export async function searchFacilities(db: Tx, actor: Actor, q: string, limit: number): Promise<SearchFound> {
  // facilityPolicy.listed reads the facility as `f`.
  const { rows } = await db.execute<{ id: number; name: string; owner: string }>(sql`
    SELECT f.id, f.name, coalesce(u.name, r.name) AS owner FROM facilities f
      JOIN LATERAL (${regionRow(sql`f.district_id`, sql`f.region_id`)}) r ON true
      LEFT JOIN LATERAL (${unitRow(sql`f.district_id`, sql`f.unit_id`)}) u ON true
     WHERE f.district_id = ${actor.districtId} AND f.name ILIKE ${contains(q)} AND ${facilityPolicy.listed()}
     ORDER BY length(f.name), f.name, f.id LIMIT ${limit + 1}`);
  return {
    ...firstOf(rows, limit, (r) => ({
      id: r.id,
      title: r.name,
      subtitle: r.owner,
      link: `/facilities/${r.id}`,
    })),
    link: `/facilities?q=${encodeURIComponent(q)}`,
  };
}
