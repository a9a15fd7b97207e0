/**
 * What other domains read of facilities and their bookings (the model is regions.queries):
 * what one is called, for the audit trail to name the facility or booking an entry is about.
 * Facilities' own reads and changes stay in facilities.service and bookings.service.
 */
import { type SQL, sql } from 'drizzle-orm';

/** SQL: a facility's name, as a scalar subquery (`districtId`, `id`: the caller's columns). */
export const facilityName = (districtId: SQL, id: SQL): SQL =>
  sql`(SELECT facility_row.name FROM facilities facility_row WHERE facility_row.district_id = ${districtId} AND facility_row.id = ${id})`;

/** SQL: a booking as "facility · purpose", as a scalar subquery (`districtId`, `id`: the caller's columns). */
export const bookingLabel = (districtId: SQL, id: SQL): SQL => sql`(
    SELECT facility_row.name || ' · ' || booking_row.purpose FROM bookings booking_row
      JOIN facilities facility_row ON facility_row.district_id = booking_row.district_id AND facility_row.id = booking_row.facility_id
     WHERE booking_row.district_id = ${districtId} AND booking_row.id = ${id})`;
