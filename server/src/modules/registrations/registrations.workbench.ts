/** What registrations put on a workbench: requests waiting in the communities the reader decides for. */
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../auth/actor';
import { holds, inScope } from '../../auth/authorize';
import type { Tx } from '../../db/client';
import { personRow } from '../members/members.queries';
import { livingRegions } from '../regions/regions.queries';
import { type TodoRow, type TodoSource, todoList } from '../workbench/workbench.types';

const LINK = '/registrations?status=pending';

/** Pending requests `cr` (community `c`) in the reader's scope to decide. */
const waiting = (actor: Actor): SQL => sql`
  cr.district_id = ${actor.districtId} AND cr.status = 'pending'
  AND ${inScope(actor, 'registration.decide', sql`c.path`)}`;

export const registrationTodos: TodoSource = {
  kind: 'registration.decide',
  link: LINK,
  applies: (actor) => holds(actor, 'registration.decide'),
  async list(db: Tx, actor: Actor, limit: number) {
    const [items, count] = await Promise.all([
      db.execute<TodoRow>(sql`
        SELECT cr.id, p.name AS title, c.name AS place, cr.requested_at AS since, ${LINK}::text AS link
          FROM community_registrations cr
          JOIN (${livingRegions(db, actor.districtId)}) c ON c.id = cr.community_id
          JOIN LATERAL (${personRow(sql`cr.district_id`, sql`cr.person_id`)}) p ON true
         WHERE ${waiting(actor)} ORDER BY cr.requested_at, cr.id LIMIT ${limit}`),
      db.execute<{ n: number }>(sql`
        SELECT count(*)::int AS n FROM community_registrations cr
          JOIN (${livingRegions(db, actor.districtId)}) c ON c.id = cr.community_id
         WHERE ${waiting(actor)}`),
    ]);
    return todoList(items.rows, count.rows[0]?.n);
  },
};
