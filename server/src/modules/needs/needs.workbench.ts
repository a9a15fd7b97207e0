/**
 * What needs put on a workbench: residents' needs still waiting for an answer — open, or
 * accepted and not yet declined, merged or converted — in the communities the reader decides
 * for (`needPolicy.decide`: `need.decide` over the need's community). Once answered by anyone,
 * a need leaves every list.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../auth/actor';
import { holds, inScope } from '../../auth/authorize';
import type { Tx } from '../../db/client';
import { livingRegions } from '../regions/regions.queries';
import { type TodoRow, type TodoSource, todoList } from '../workbench/workbench.types';

const LINK = '/needs';

/**
 * Needs `n` (community `c`) pending in the reader's scope: the statuses needCan still lets
 * them decide (open: accept it or answer it; accepted: answer it).
 */
const waiting = (actor: Actor): SQL => sql`
  n.district_id = ${actor.districtId} AND n.status IN ('open', 'accepted')
  AND ${inScope(actor, 'need.decide', sql`c.path`)}`;

/** The need's community `c`, among the living nodes of the reader's district. */
const community = (db: Tx, actor: Actor): SQL =>
  sql`JOIN (${livingRegions(db, actor.districtId)}) c ON c.id = n.community_id`;

export const needTodos: TodoSource = {
  kind: 'need.decide',
  link: LINK,
  applies: (actor) => holds(actor, 'need.decide'),
  async list(db: Tx, actor: Actor, limit: number) {
    const [items, count] = await Promise.all([
      db.execute<TodoRow>(sql`
        SELECT n.id, n.title, c.name AS place, n.created_at AS since, '/needs/' || n.id AS link
          FROM needs n ${community(db, actor)}
         WHERE ${waiting(actor)} ORDER BY n.created_at, n.id LIMIT ${limit}`),
      db.execute<{ n: number }>(sql`
        SELECT count(*)::int AS n FROM needs n ${community(db, actor)} WHERE ${waiting(actor)}`),
    ]);
    return todoList(items.rows, count.rows[0]?.n);
  },
};
