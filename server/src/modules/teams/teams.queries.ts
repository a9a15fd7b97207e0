/**
 * What other domains read of teams (the model is regions.queries). The team tables stay
 * named here only: where a caller's read must stay one set-based statement (a notice's
 * audience narrowed to a team, over tens of thousands of people), this file gives an SQL
 * fragment the caller embeds, so the caller never names teams or team_members itself. The
 * teams the header's search finds come from here too.
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../auth/actor';
import type { Tx } from '../../db/client';
import { firstOf } from '../../db/paging';
import { limitOf, type SearchPart, textContains } from '../../db/text';
import { personRow } from '../members/members.queries';
import { regionRow } from '../regions/regions.queries';
import { teamPolicy } from './teams.policy';
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

/** SQL: a team membership as "person · team", as a scalar subquery (`districtId`, `id`: the caller's columns). */
export const teamMemberLabel = (districtId: SQL, id: SQL): SQL => sql`(
    SELECT member_person.name || ' · ' || team_row.name FROM team_members team_member_row
      JOIN teams team_row ON team_row.district_id = team_member_row.district_id AND team_row.id = team_member_row.team_id
      JOIN LATERAL (${personRow(sql`team_member_row.district_id`, sql`team_member_row.person_id`)}) member_person ON true
     WHERE team_member_row.district_id = ${districtId} AND team_member_row.id = ${id})`;

/** SQL: the name of the person an invitation asks, as a scalar subquery (`districtId`, `id`: the caller's columns). */
export const invitationLabel = (districtId: SQL, id: SQL): SQL => sql`(
    SELECT invited_person.name FROM invitations invitation_row
      JOIN LATERAL (${personRow(sql`invitation_row.district_id`, sql`invitation_row.person_id`)}) invited_person ON true
     WHERE invitation_row.district_id = ${districtId} AND invitation_row.id = ${id})`;

/**
 * The teams a search finds (the header's search): those the list of teams shows
 * (`teamPolicy.listed`: every living one — teams recruit across the district) whose name
 * contains `q`, shortest name first, each with its community or street. Each leads to its
 * own page.
 */
export function searchTeams(actor: Actor, q: string, limit: number): SearchPart {
  return {
    // The first few from the teams alone, then their places (teamPolicy.listed reads `tm`).
    sql: sql`
      SELECT tm.id, tm.name AS title, r.name AS subtitle FROM (
        SELECT tm.district_id, tm.id, tm.name, tm.region_id FROM teams tm
         WHERE tm.district_id = ${actor.districtId} AND ${textContains(sql`tm.name`, q)} AND ${teamPolicy.listed()}
         ORDER BY length(tm.name), tm.name, tm.id ${limitOf(limit + 1)}) tm
        JOIN LATERAL (${regionRow(sql`tm.district_id`, sql`tm.region_id`)}) r ON true
       ORDER BY length(tm.name), tm.name, tm.id`,
    present: (rows) => ({
      ...firstOf(rows, limit, (r) => ({
        id: r.id,
        title: r.title,
        subtitle: r.subtitle,
        link: `/teams/${r.id}`,
      })),
      link: `/teams?q=${encodeURIComponent(q)}`,
    }),
  };
}
