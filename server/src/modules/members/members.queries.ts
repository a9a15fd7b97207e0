/**
 * What other domains may read of a person without reading the people table: where the
 * reader lives, for the rules and orderings that ask (a review's residency, home first);
 * and SQL fragments the caller embeds where its read must stay one set-based statement
 * (a list joined, filtered and paginated in SQL), so people stays named here only.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../auth/actor';
import type { Tx } from '../../db/client';

/** The path of the place the reader lives (a building or a community); null without a person. */
export async function homePathOf(db: Tx, actor: Actor): Promise<string | null> {
  if (actor.personId === null) return null;
  const { rows } = await db.execute<{ path: string }>(sql`
    SELECT h.path::text AS path FROM people p JOIN regions h ON h.district_id = p.district_id AND h.id = p.home_region_id
     WHERE p.district_id = ${actor.districtId} AND p.id = ${actor.personId}`);
  return rows[0]?.path ?? null;
}

// The fragments alias their table person_row, never a short name a caller may use for its own
// rows: an inner `p` would hide the caller's `p` and compare a column with itself.

/**
 * SQL: one person (id, name, user_id, home_region_id, party_org_id, phone, specialties), for
 * `[LEFT] JOIN LATERAL (…) p ON true`; `districtId` and `personId` are the caller's columns.
 */
export const personRow = (districtId: SQL, personId: SQL): SQL => sql`
    SELECT person_row.id, person_row.name, person_row.user_id, person_row.home_region_id, person_row.party_org_id, person_row.phone, person_row.specialties FROM people person_row
     WHERE person_row.district_id = ${districtId} AND person_row.id = ${personId}`;

/**
 * SQL: the members of one Party organisation (district_id, id), as a derived table to count
 * (`SELECT count(*) FROM (…) m`); `districtId` and `orgId` are the caller's columns.
 */
export const orgMembers = (districtId: SQL, orgId: SQL): SQL => sql`
    SELECT person_row.district_id, person_row.id FROM people person_row WHERE person_row.district_id = ${districtId} AND person_row.party_org_id = ${orgId}`;

/**
 * SQL: the people of a district (district_id, id, name, user_id, home_region_id, party_org_id,
 * party_status), as a derived table for a caller that filters or groups many of them in one
 * statement (a notice's audience, an honour's candidates); the planner flattens it.
 */
export const districtPeople = (districtId: number | SQL): SQL => sql`
    SELECT person_row.district_id, person_row.id, person_row.name, person_row.user_id, person_row.home_region_id, person_row.party_org_id, person_row.party_status
      FROM people person_row WHERE person_row.district_id = ${districtId}`;
