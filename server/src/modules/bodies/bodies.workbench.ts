/**
 * What bodies put on a workbench: the follow-up tasks the reader owns (in person, or their
 * unit's as its contact) still open or under way, and — for the organisers of an area — its
 * overdue tasks. Each one the reader may work on (taskPolicy.work), due soonest first.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../auth/actor';
import { holds, inScope, inUnits, unitScopes } from '../../auth/authorize';
import type { Tx } from '../../db/client';
import { iso } from '../../http';
import { livingRegions } from '../regions/regions.queries';
import { type TodoRow, type TodoSource, todoList, type UpcomingSource } from '../workbench/workbench.types';
import { TODAY } from './tasks.service';

const LINK = '/tasks';

/** SQL: the task `t` (its place `r`) waits on the actor. */
const waiting = (actor: Actor): SQL => sql`
  t.district_id = ${actor.districtId} AND t.status IN ('open', 'in_progress')
  AND (t.owner_person_id = ${actor.personId ?? 0}
    OR ${inUnits(actor, 'unit.manage', sql`t.owner_unit_id`)}
    OR (t.due_on < ${TODAY} AND ${inScope(actor, 'task.manage', sql`r.path`)}))`;

export const taskTodos: TodoSource = {
  kind: 'task.work',
  link: LINK,
  applies: (actor) =>
    actor.personId !== null || unitScopes(actor, 'unit.manage').length > 0 || holds(actor, 'task.manage'),
  async list(db: Tx, actor: Actor, limit: number) {
    // A calendar day in the district: the task is overdue once the day has passed.
    const { rows } = await db.execute<TodoRow>(sql`
      SELECT t.id, t.title, r.name AS place, t.due_on::text AS due_on, t.created_at AS since,
             '/tasks?task=' || t.id AS link, count(*) OVER ()::int AS n
        FROM tasks t LEFT JOIN (${livingRegions(db, actor.districtId)}) r ON r.id = t.region_id
       WHERE ${waiting(actor)} ORDER BY t.due_on, t.id LIMIT ${limit}`);
    return todoList(rows);
  },
};

/** SQL: the meeting `m` (body `b`, place `r`) took place, but nobody has written its minutes yet. */
const unminuted = (actor: Actor): SQL => sql`
  m.district_id = ${actor.districtId} AND m.status <> 'cancelled' AND m.minutes IS NULL
  AND coalesce(m.ends_at, m.starts_at) <= now() AND ${inScope(actor, 'body.manage', sql`r.path`)}`;

/** Meetings held in the reader's area (bodyPolicy.manage) whose minutes wait: the oldest first. */
export const minutesTodos: TodoSource = {
  kind: 'meeting.minute',
  link: '/meetings',
  applies: (actor) => holds(actor, 'body.manage'),
  async list(db: Tx, actor: Actor, limit: number) {
    const { rows } = await db.execute<TodoRow>(sql`
      SELECT m.id, m.title, b.name AS place, m.starts_at AS since, '/meetings/' || m.id AS link,
             count(*) OVER ()::int AS n
        FROM meetings m
        JOIN bodies b ON b.district_id = m.district_id AND b.id = m.body_id
        JOIN (${livingRegions(db, actor.districtId)}) r ON r.id = b.region_id
       WHERE ${unminuted(actor)} ORDER BY m.starts_at, m.id LIMIT ${limit}`);
    return todoList(rows);
  },
};

/** Meetings between `from` and `to` the reader is invited to, soonest first. */
export const meetingUpcoming: UpcomingSource = async (db, actor, from, to) => {
  if (actor.personId === null) return [];
  const { rows } = await db.execute<{
    id: number;
    title: string;
    place: string;
    starts_at: string;
    ends_at: string | null;
  }>(sql`
    SELECT m.id, m.title, m.place, m.starts_at, m.ends_at
      FROM meeting_attendees a
      JOIN meetings m ON m.district_id = a.district_id AND m.id = a.meeting_id
     WHERE a.district_id = ${actor.districtId} AND a.person_id = ${actor.personId} AND m.status = 'scheduled'
       AND coalesce(m.ends_at, m.starts_at) > ${from.toISOString()} AND m.starts_at < ${to.toISOString()}
     ORDER BY m.starts_at, m.id LIMIT 20`);
  return rows.map((r) => ({
    kind: 'meeting' as const,
    id: r.id,
    title: r.title,
    place: r.place,
    startsAt: iso(r.starts_at)!,
    // A meeting without an end is shown as starting only: its end reads as its start.
    endsAt: iso(r.ends_at ?? r.starts_at)!,
    link: `/meetings/${r.id}`,
  }));
};
