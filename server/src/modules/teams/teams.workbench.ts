/**
 * What teams put on a workbench: applications waiting at the teams the reader runs
 * (teamPolicy.run: its leader, or the organisers of its area), and the invitations the reader
 * has to answer (invitationPolicy.answer, teamPolicy.answer: the invited person alone) — to
 * join a team, or to take a project role or a dedication-day task.
 */
import { sql } from 'drizzle-orm';
import type { Actor } from '../../auth/actor';
import { holds, inScope } from '../../auth/authorize';
import type { Tx } from '../../db/client';
import { taskTargets } from '../dedication-days/dedication-days.queries';
import { personRow } from '../members/members.queries';
import { roleTargets } from '../projects/projects.queries';
import { livingRegions } from '../regions/regions.queries';
import { type TodoRow, type TodoSource, todoList } from '../workbench/workbench.types';

const INVITATIONS = '/me/invitations';

/** Applications to join a team the reader runs; answered on the team's page, where its inbox opens. */
export const teamApplicationTodos: TodoSource = {
  kind: 'team.application',
  link: '/teams',
  applies: (actor) => actor.personId !== null || holds(actor, 'team.manage'),
  async list(db: Tx, actor: Actor, limit: number) {
    const { rows } = await db.execute<TodoRow>(sql`
      SELECT m.id, p.name AS title, tm.name AS place, m.created_at AS since,
             '/teams/' || m.team_id || '?tab=inbox' AS link, count(*) OVER ()::int AS n
        FROM teams tm
        JOIN team_members m ON m.district_id = tm.district_id AND m.team_id = tm.id AND m.status = 'applied'
        LEFT JOIN (${livingRegions(db, actor.districtId)}) r ON r.id = tm.region_id
        JOIN LATERAL (${personRow(sql`m.district_id`, sql`m.person_id`)}) p ON true
       WHERE tm.district_id = ${actor.districtId} AND tm.retired_at IS NULL
         AND (tm.leader_person_id = ${actor.personId ?? 0} OR ${inScope(actor, 'team.manage', sql`r.path`)})
       ORDER BY m.created_at, m.id LIMIT ${limit}`);
    return todoList(rows);
  },
};

/**
 * The reader's invitations still to answer: to join a team (answered on the team's page), and to
 * take a project role or a dedication-day task (answered among their invitations).
 */
export const teamInvitationTodos: TodoSource = {
  kind: 'team.invitation',
  link: INVITATIONS,
  applies: (actor) => actor.personId !== null,
  async list(db: Tx, actor: Actor, limit: number) {
    const { rows } = await db.execute<TodoRow>(sql`
      SELECT x.*, count(*) OVER ()::int AS n FROM (
        SELECT m.id, tm.name AS title, r.name AS place, m.created_at AS since, '/teams/' || m.team_id AS link
          FROM team_members m
          JOIN teams tm ON tm.district_id = m.district_id AND tm.id = m.team_id AND tm.retired_at IS NULL
          LEFT JOIN (${livingRegions(db, actor.districtId)}) r ON r.id = tm.region_id
         WHERE m.district_id = ${actor.districtId} AND m.person_id = ${actor.personId} AND m.status = 'invited'
        UNION ALL
        SELECT i.id, coalesce(ro.title || coalesce(' · ' || ro.role_name, ''), t.title) AS title, r.name AS place,
               i.created_at AS since, ${INVITATIONS} AS link
          FROM invitations i
          LEFT JOIN (${roleTargets()}) ro ON ro.district_id = i.district_id AND ro.id = i.role_id
          LEFT JOIN (${taskTargets()}) t ON t.district_id = i.district_id AND t.id = i.task_id
          LEFT JOIN (${livingRegions(db, actor.districtId)}) r ON r.id = coalesce(ro.region_id, t.region_id)
         WHERE i.district_id = ${actor.districtId} AND i.person_id = ${actor.personId} AND i.status = 'pending'
      ) x ORDER BY x.since, x.id LIMIT ${limit}`);
    return todoList(rows);
  },
};
