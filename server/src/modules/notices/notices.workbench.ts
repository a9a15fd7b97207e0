/**
 * What notices put on a workbench: the letters and notices delivered to the reader in the last
 * weeks and not yet opened (each one a slip to acknowledge: opening it records the read). Older
 * ones stay in the inbox without asking again — the workbench reminds, it does not nag.
 */
import { sql } from 'drizzle-orm';
import type { Actor } from '../../auth/actor';
import type { Tx } from '../../db/client';
import { livingRegions } from '../regions/regions.queries';
import { type TodoRow, type TodoSource, todoList } from '../workbench/workbench.types';

/** How far back an unread notice still asks to be read. */
const RECENT_DAYS = 30;

export const readingTodos: TodoSource = {
  kind: 'notice.read',
  link: '/me/inbox',
  applies: (actor) => actor.personId !== null,
  async list(db: Tx, actor: Actor, limit: number) {
    const { rows } = await db.execute<TodoRow>(sql`
      SELECT n.id, n.title, r.name AS place, x.delivered_at AS since, '/me/inbox/' || n.id AS link,
             count(*) OVER ()::int AS n
        FROM notice_recipients x
        JOIN notices n ON n.district_id = x.district_id AND n.id = x.notice_id
        LEFT JOIN (${livingRegions(db, actor.districtId)}) r ON r.id = n.region_id
       WHERE x.district_id = ${actor.districtId} AND x.person_id = ${actor.personId ?? 0} AND x.read_at IS NULL
         AND x.delivered_at > now() - make_interval(days => ${RECENT_DAYS})
       ORDER BY x.delivered_at, n.id LIMIT ${limit}`);
    return todoList(rows);
  },
};
