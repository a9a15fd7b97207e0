/**
 * What projects put on a workbench: the roles the reader holds that start soon — claimed in
 * their own name, by a unit they speak for, by a team they lead, or a unit's claim naming them
 * (projectPolicy.isTheirs, as the projects' `mine` reads it).
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Upcoming } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { inUnits, unitScopes } from '../../auth/authorize';
import { iso } from '../../http';
import { livingRegions } from '../regions/regions.queries';
import { teamRow } from '../teams/teams.queries';
import type { UpcomingSource } from '../workbench/workbench.types';

/** More than the workbench ever shows of what comes next: the soonest of them are enough. */
const AHEAD = 20;

/**
 * SQL: the actor's active claims (id, role_id, project_id) — theirs, their units', their teams', or naming
 * them — one branch per way, each on its own index (an OR across them scans every claim).
 */
const COLUMNS = sql`c.id, c.role_id, c.project_id`;
const held = (actor: Actor): SQL => {
  const active = sql`c.district_id = ${actor.districtId} AND c.status = 'active'`;
  const ways: SQL[] = [];
  if (unitScopes(actor, 'unit.read').length)
    ways.push(
      sql`SELECT ${COLUMNS} FROM claims c WHERE ${active} AND ${inUnits(actor, 'unit.read', sql`c.unit_id`)}`,
    );
  if (actor.personId !== null)
    ways.push(
      sql`SELECT ${COLUMNS} FROM claims c WHERE ${active} AND c.person_id = ${actor.personId}`,
      sql`SELECT ${COLUMNS} FROM claims c JOIN LATERAL (${teamRow(sql`c.district_id`, sql`c.team_id`)}) tm ON true
           WHERE ${active} AND c.team_id IS NOT NULL AND tm.leader_person_id = ${actor.personId}`,
      sql`SELECT ${COLUMNS} FROM claim_members cm JOIN claims c ON c.district_id = cm.district_id AND c.id = cm.claim_id
           WHERE ${active} AND cm.district_id = ${actor.districtId} AND cm.person_id = ${actor.personId}`,
    );
  return sql.join(ways, sql` UNION `);
};

/** The reader's active claims on roles starting in [from, to), in projects still going ahead. */
export const claimsAhead: UpcomingSource = async (db, actor, from, to) => {
  if (actor.personId === null && unitScopes(actor, 'unit.read').length === 0) return [];
  const { rows } = await db.execute<{
    id: number;
    project_id: number;
    title: string;
    place: string | null;
    starts_at: string;
    ends_at: string;
  }>(sql`
    SELECT c.id, pr.id AS project_id, pr.title || coalesce(' · ' || ro.custom_name, '') AS title,
           r.name AS place, ro.starts_at, ro.ends_at
      FROM (${held(actor)}) c
      JOIN project_roles ro ON ro.district_id = ${actor.districtId} AND ro.id = c.role_id
      JOIN projects pr ON pr.district_id = ${actor.districtId} AND pr.id = c.project_id
      LEFT JOIN (${livingRegions(db, actor.districtId)}) r ON r.id = pr.region_id
     WHERE pr.status NOT IN ('draft', 'cancelled')
       AND ro.starts_at >= ${from.toISOString()}::timestamptz AND ro.starts_at < ${to.toISOString()}::timestamptz
     ORDER BY ro.starts_at, c.id LIMIT ${AHEAD}`);
  return rows.map(
    (r): Upcoming => ({
      kind: 'claim',
      id: r.id,
      title: r.title,
      place: r.place,
      startsAt: iso(r.starts_at)!,
      endsAt: iso(r.ends_at)!,
      link: `/projects/${r.project_id}`,
    }),
  );
};
