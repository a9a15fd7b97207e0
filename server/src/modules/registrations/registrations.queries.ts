/**
 * What other domains read of community registrations (the model is regions.queries).
 * Members and units list and count people by their registration in set-based queries
 * over whole pages or districts, so this file gives SQL fragments the caller embeds;
 * community_registrations stays named here only. Changes stay in registrations.service.
 */
import { type SQL, sql } from 'drizzle-orm';
import { personRow } from '../members/members.queries';

/**
 * SQL: the person's latest registration (id, community_id, status), a live one first — for
 * `LEFT JOIN LATERAL (…) reg ON true`. `districtId` and `personId` are the caller's columns.
 */
export const latestRegistration = (districtId: SQL, personId: SQL): SQL => sql`
    SELECT cr.id, cr.community_id, cr.status FROM community_registrations cr
     WHERE cr.district_id = ${districtId} AND cr.person_id = ${personId}
     ORDER BY cr.status IN ('pending', 'approved') DESC, cr.requested_at DESC LIMIT 1`;

/** SQL: the ids of the people registered (approved) with a community, as a subquery. */
export const registeredWith = (districtId: number, communityId: number): SQL =>
  sql`SELECT person_id FROM community_registrations
       WHERE district_id = ${districtId} AND community_id = ${communityId} AND status = 'approved'`;

/** SQL: the communities a person is registered (approved) with, as a subquery of region ids. */
export const registeredCommunities = (districtId: number, personId: number): SQL =>
  sql`SELECT cr.community_id FROM community_registrations cr
       WHERE cr.district_id = ${districtId} AND cr.person_id = ${personId} AND cr.status = 'approved'`;

/** SQL: whether a person (the caller's columns) is registered (approved) with a community. */
export const isRegistered = (districtId: SQL, personId: SQL): SQL =>
  sql`EXISTS (SELECT 1 FROM community_registrations cr
       WHERE cr.district_id = ${districtId} AND cr.person_id = ${personId} AND cr.status = 'approved')`;

/** SQL: the name of the person a registration is for, as a scalar subquery (`districtId`, `id`: the caller's columns). */
export const registrationLabel = (districtId: SQL, id: SQL): SQL => sql`(
    SELECT registered_person.name FROM community_registrations registration_row
      JOIN LATERAL (${personRow(sql`registration_row.district_id`, sql`registration_row.person_id`)}) registered_person ON true
     WHERE registration_row.district_id = ${districtId} AND registration_row.id = ${id})`;
