/**
 * What dedication days put on a workbench: the sign-ups whose hours wait for the organisers of
 * the day's area (`dedicationPolicy.organise`: `dedication.manage` over the occurrence's
 * region); and the reader's own live sign-ups (signed, or waiting for a place) coming up.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../auth/actor';
import { holds, inScope } from '../../auth/authorize';
import type { Tx } from '../../db/client';
import { iso } from '../../http';
import { personRow } from '../members/members.queries';
import { livingRegions } from '../regions/regions.queries';
import { type TodoRow, type TodoSource, todoList, type UpcomingSource } from '../workbench/workbench.types';

/** At most this many coming sign-ups (the workbench shows fewer, merged with the other kinds). */
const UPCOMING_MAX = 20;

/**
 * The sign-up's occurrence `o` and its place `r` (none once retired: out of every organiser's
 * scope, while the member still sees their own sign-up).
 */
const occurrence = (
  db: Tx,
  actor: Actor,
): SQL => sql`JOIN dedication_occurrences o ON o.district_id = s.district_id AND o.id = s.occurrence_id
  LEFT JOIN (${livingRegions(db, actor.districtId)}) r ON r.id = o.region_id`;

/**
 * Sign-ups `s` (occurrence `o`, region `r`) whose hours wait in the reader's scope: signed up
 * for a day still held that has begun (`decideHours` refuses earlier), once the member has
 * checked out or the day is over (no-shows wait for an answer too). Confirmed or rejected
 * by anyone, they leave.
 */
const waiting = (actor: Actor): SQL => sql`
  s.district_id = ${actor.districtId} AND s.status = 'signed' AND s.hours_status = 'pending'
  AND o.status = 'scheduled' AND o.starts_at <= now() AND (s.checked_out_at IS NOT NULL OR o.ends_at <= now())
  AND ${inScope(actor, 'dedication.manage', sql`r.path`)}`;

export const hoursTodos: TodoSource = {
  kind: 'hours.confirm',
  link: '/dedication-calendar',
  applies: (actor) => holds(actor, 'dedication.manage'),
  async list(db: Tx, actor: Actor, limit: number) {
    const [items, count] = await Promise.all([
      db.execute<TodoRow>(sql`
        SELECT s.id, p.name AS title, d.title || ' ' || o.on_date::text AS place,
               coalesce(s.checked_out_at, o.ends_at) AS since, '/occurrences/' || s.occurrence_id AS link
          FROM signups s ${occurrence(db, actor)}
          JOIN dedication_days d ON d.district_id = o.district_id AND d.id = o.dedication_day_id
          JOIN LATERAL (${personRow(sql`s.district_id`, sql`s.person_id`)}) p ON true
         WHERE ${waiting(actor)} ORDER BY coalesce(s.checked_out_at, o.ends_at), s.id LIMIT ${limit}`),
      db.execute<{ n: number }>(sql`
        SELECT count(*)::int AS n FROM signups s ${occurrence(db, actor)} WHERE ${waiting(actor)}`),
    ]);
    return todoList(items.rows, count.rows[0]?.n);
  },
};

/**
 * The reader's live sign-ups (signed or waiting; a withdrawn or removed one is history, so a
 * sign-up withdrawn and made again shows once) whose task runs between `from` and `to`, on
 * days still held.
 */
export const signupUpcoming: UpcomingSource = async (db, actor, from, to) => {
  if (actor.personId === null) return [];
  const { rows } = await db.execute<{
    id: number;
    occurrence_id: number;
    title: string;
    place: string;
    starts_at: string;
    ends_at: string;
  }>(sql`
    SELECT s.id, s.occurrence_id, d.title || ' · ' || t.title AS title,
           coalesce(nullif(t.place, ''), nullif(o.place, ''), r.name) AS place, t.starts_at, t.ends_at
      FROM signups s ${occurrence(db, actor)}
      JOIN dedication_days d ON d.district_id = o.district_id AND d.id = o.dedication_day_id
      JOIN dedication_tasks t ON t.district_id = s.district_id AND t.id = s.task_id
     WHERE s.district_id = ${actor.districtId} AND s.person_id = ${actor.personId} AND s.status IN ('signed', 'waiting')
       AND o.status = 'scheduled' AND t.ends_at > ${from.toISOString()} AND t.starts_at < ${to.toISOString()}
     ORDER BY t.starts_at, s.id LIMIT ${UPCOMING_MAX}`);
  return rows.map((r) => ({
    kind: 'signup' as const,
    id: r.id,
    title: r.title,
    place: r.place,
    startsAt: iso(r.starts_at)!,
    endsAt: iso(r.ends_at)!,
    link: `/occurrences/${r.occurrence_id}`,
  }));
};
