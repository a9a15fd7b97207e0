/**
 * What other domains read of teams (the model is regions.queries). The team tables stay
 * named here only: where a caller's read must stay one set-based statement (a notice's
 * audience narrowed to a team, over tens of thousands of people), this file gives an SQL
 * fragment the caller embeds, so the caller never names teams or team_members itself.
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { teams } from './teams.schema';

/** SQL: the ids of a team's active members, as a subquery (`p.id IN (…)`). */
export const activeTeamMembers = (districtId: number, teamId: number): SQL =>
  sql`SELECT m.person_id FROM team_members m
       WHERE m.district_id = ${districtId} AND m.team_id = ${teamId} AND m.status = 'active'`;

/**
 * SQL: one team (district_id, id, name, leader_person_id, region_id), for
 * `[LEFT] JOIN LATERAL (…) tm ON true`; `districtId` and `teamId` are the caller's columns.
 */
export const teamRow = (districtId: SQL, teamId: SQL): SQL => sql`
    SELECT tm.district_id, tm.id, tm.name, tm.leader_person_id, tm.region_id FROM teams tm
     WHERE tm.district_id = ${districtId} AND tm.id = ${teamId}`;

/** The region a team belongs to, or null when the district has no such team. */
export async function teamRegionId(db: Tx, districtId: number, teamId: number): Promise<number | null> {
  const [row] = await db
    .select({ regionId: teams.regionId })
    .from(teams)
    .where(and(eq(teams.districtId, districtId), eq(teams.id, teamId)));
  return row?.regionId ?? null;
}
