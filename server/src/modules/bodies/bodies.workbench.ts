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
import type { TodoSource } from '../workbench/workbench.types';
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
    const { rows } = await db.execute<{
      id: number;
      title: string;
      place: string | null;
      due_on: string;
      created_at: string;
      n: number;
    }>(sql`
      SELECT t.id, t.title, r.name AS place, t.due_on::text AS due_on, t.created_at, count(*) OVER ()::int AS n
        FROM tasks t LEFT JOIN (${livingRegions(db, actor.districtId)}) r ON r.id = t.region_id
       WHERE ${waiting(actor)} ORDER BY t.due_on, t.id LIMIT ${limit}`);
    return {
      count: rows[0]?.n ?? 0,
      items: rows.map((r) => ({
        id: r.id,
        title: r.title,
        place: r.place,
        since: iso(r.created_at)!,
        // A calendar day in Beijing: the task is overdue once the day has passed.
        dueAt: r.due_on,
        link: `${LINK}?task=${r.id}`,
      })),
    };
  },
};
