/**
 * A dedication day's occurrences: each a day of the rule, materialised ahead with its tasks,
 * which organisers change one by one (times, places, capacity) or cancel, and members sign up for.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Occurrence,
  OccurrenceListQuery,
  OccurrenceStatus,
  OccurrenceTaskBody,
  OccurrenceTaskUpdateBody,
  SignupStatus,
} from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { allow, scopes } from '../../auth/authorize';
import type { Tx } from '../../db/client';
import { pageOf } from '../../db/paging';
import { conflict, notFound, unprocessable } from '../../errors';
import { iso } from '../../http';
import { type Locale, readStored } from '../../i18n';
import { recordAudit } from '../audit/audit.service';
import { personRow } from '../members/members.queries';
import { memberPlaces } from '../members/members.service';
import { notify } from '../notifications/notifications.service';
import { regionForRead } from '../regions/regions.queries';
import { dedicationPolicy } from './dedication-days.policy';
import { cancel } from './dedication-days.service';
import { addDays } from './recurrence';

type OccurrenceRow = {
  id: number;
  dedication_day_id: number;
  title: string;
  region_id: number;
  region_name: string;
  region_path: string;
  region_kind: string;
  on_date: string;
  starts_at: string;
  ends_at: string;
  place: string;
  status: OccurrenceStatus;
  reason: string | null;
  tasks: {
    id: number;
    title: string;
    place: string;
    capacity: number;
    signed: number;
    waiting: number;
    specialties: string[];
    starts_at: string;
    ends_at: string;
    mine_id: number | null;
    mine_status: SignupStatus | null;
    mine_position: number | null;
  }[];
};

/** An occurrence with its tasks, their fill, and the reader's own place on each. */
const occurrenceSelect = (actor: Actor, from: SQL = sql`dedication_occurrences o`) => sql`
  SELECT o.id, o.dedication_day_id, d.title, o.region_id, r.name AS region_name, r.path::text AS region_path,
         r.kind::text AS region_kind, o.on_date::text AS on_date, o.starts_at, o.ends_at, o.place, o.status, o.reason,
         coalesce((SELECT json_agg(json_build_object(
             'id', t.id, 'title', t.title, 'place', t.place, 'capacity', t.capacity, 'signed', t.signed,
             'waiting', (SELECT count(*) FROM signups w WHERE w.district_id = t.district_id AND w.task_id = t.id AND w.status = 'waiting'),
             'specialties', t.specialties, 'starts_at', t.starts_at, 'ends_at', t.ends_at,
             'mine_id', m.id, 'mine_status', m.status,
             'mine_position', CASE WHEN m.status = 'waiting' THEN (SELECT count(*) FROM signups w
                 WHERE w.district_id = t.district_id AND w.task_id = t.id AND w.status = 'waiting' AND w.id <= m.id) END
           ) ORDER BY t.starts_at, t.id)
           FROM dedication_tasks t
           LEFT JOIN LATERAL (SELECT s.id, s.status FROM signups s
                               WHERE s.district_id = t.district_id AND s.task_id = t.id AND s.person_id = ${actor.personId ?? 0}
                               ORDER BY s.status IN ('signed', 'waiting') DESC, s.id DESC LIMIT 1) m ON true
          WHERE t.district_id = o.district_id AND t.occurrence_id = o.id), '[]') AS tasks
    FROM ${from}
    JOIN dedication_days d ON d.district_id = o.district_id AND d.id = o.dedication_day_id
    JOIN regions r ON r.district_id = o.district_id AND r.id = o.region_id`;

export const presentOccurrence =
  (locale: Locale) =>
  (o: OccurrenceRow): Occurrence => ({
    id: o.id,
    dedicationDayId: o.dedication_day_id,
    title: o.title,
    regionId: o.region_id,
    regionName: o.region_name,
    date: o.on_date,
    startsAt: iso(o.starts_at)!,
    endsAt: iso(o.ends_at)!,
    place: o.place,
    status: o.status,
    reason: readStored(o.reason, locale),
    tasks: o.tasks.map((t) => ({
      id: t.id,
      title: t.title,
      place: t.place,
      capacity: t.capacity,
      signed: t.signed,
      waiting: Number(t.waiting),
      specialties: t.specialties,
      startsAt: iso(t.starts_at)!,
      endsAt: iso(t.ends_at)!,
      mine:
        t.mine_id === null
          ? null
          : {
              signupId: t.mine_id,
              status: t.mine_status!,
              position: t.mine_position === null ? null : Number(t.mine_position),
            },
    })),
  });

export async function loadOccurrence(db: Tx, actor: Actor, id: number, lock = false) {
  const { rows } = await db.execute<OccurrenceRow>(sql`${occurrenceSelect(actor)}
    WHERE o.district_id = ${actor.districtId} AND o.id = ${id} ${lock ? sql`FOR UPDATE OF o` : sql``}`);
  if (!rows[0]) throw notFound();
  return rows[0];
}

export const getOccurrence = async (db: Tx, actor: Actor, id: number, locale: Locale) =>
  presentOccurrence(locale)(await loadOccurrence(db, actor, id));

/**
 * A calendar's occurrences: of a region's subtree, or the reader's own sign-ups, or by
 * default what concerns the reader: the areas they organise, and the days they may serve.
 */
export async function listOccurrences(
  db: Tx,
  actor: Actor,
  q: z.infer<typeof OccurrenceListQuery>,
  locale: Locale,
) {
  if (q.to < q.from) throw unprocessable('rule_broken', { constraint: 'to_after_from' });
  if (addDays(q.from, 62) < q.to) throw unprocessable('range_too_long', { days: 62 });
  const where: SQL[] = [
    sql`o.district_id = ${actor.districtId}`,
    sql`o.on_date BETWEEN ${q.from} AND ${q.to}`,
  ];
  if (q.dedicationDayId) where.push(sql`o.dedication_day_id = ${q.dedicationDayId}`);
  if (q.mine === 'true') {
    where.push(sql`EXISTS (SELECT 1 FROM signups s WHERE s.district_id = o.district_id AND s.occurrence_id = o.id
      AND s.person_id = ${actor.personId ?? 0} AND s.status IN ('signed', 'waiting'))`);
  } else if (q.regionId) {
    const root = await regionForRead(db, actor, q.regionId);
    where.push(sql`r.path <@ ${root.path}::ltree`);
  } else if (!q.dedicationDayId) {
    const areas = scopes(actor, 'dedication.manage');
    const places = await memberPlaces(db, actor);
    const streets = [...new Set(places.map((p) => p.split('.').slice(0, 2).join('.')))];
    const reach = [
      ...areas.map((a) => sql`r.path <@ ${a}::ltree`),
      ...places.map((p) => sql`r.path <@ ${p}::ltree`),
      ...streets.map((s) => sql`r.path = ${s}::ltree`),
    ];
    where.push(reach.length ? sql`(${sql.join(reach, sql` OR `)})` : sql`false`);
  }
  return pageOf(
    db,
    q,
    { select: occurrenceSelect(actor), where: sql.join(where, sql` AND `), orderBy: sql`o.starts_at, o.id` },
    presentOccurrence(locale),
  );
}

async function managedOccurrence(tx: Tx, actor: Actor, id: number) {
  const o = await loadOccurrence(tx, actor, id, true);
  allow(dedicationPolicy.organise(actor, o), 'out_of_scope');
  if (o.status === 'cancelled') throw conflict('occurrence_cancelled');
  if (Date.parse(o.ends_at) <= Date.now()) throw unprocessable('occurrence_over');
  return o;
}

export async function cancelOccurrence(db: Tx, actor: Actor, id: number, reason: string, locale: Locale) {
  return db.transaction(async (tx) => {
    const o = await managedOccurrence(tx, actor, id);
    await cancel(tx, actor.districtId, id, reason);
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: o.region_id,
      action: 'occurrence.cancel',
      entityType: 'occurrence',
      entityId: id,
      before: { status: o.status },
      after: { status: 'cancelled', reason },
    });
    return presentOccurrence(locale)(await loadOccurrence(tx, actor, id));
  });
}

function taskTimes(
  o: OccurrenceRow,
  input: { startsAt?: string; endsAt?: string },
  current?: OccurrenceRow['tasks'][number],
) {
  const startsAt = input.startsAt ?? current?.starts_at ?? o.starts_at;
  const endsAt = input.endsAt ?? current?.ends_at ?? o.ends_at;
  if (Date.parse(endsAt) <= Date.parse(startsAt))
    throw unprocessable('rule_broken', { constraint: 'ends_after_start' });
  return { startsAt, endsAt };
}

export async function addTask(
  db: Tx,
  actor: Actor,
  id: number,
  input: z.infer<typeof OccurrenceTaskBody>,
  locale: Locale,
) {
  return db.transaction(async (tx) => {
    const o = await managedOccurrence(tx, actor, id);
    const { startsAt, endsAt } = taskTimes(o, input);
    const { rows } = await tx.execute<{ id: number }>(sql`
      INSERT INTO dedication_tasks (district_id, occurrence_id, title, place, capacity, specialties, starts_at, ends_at)
      VALUES (${actor.districtId}, ${id}, ${input.title}, ${input.place || o.place}, ${input.capacity},
              ${`{${input.specialties.join(',')}}`}::text[], ${startsAt}, ${endsAt}) RETURNING id`);
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: o.region_id,
      action: 'occurrence.task.create',
      entityType: 'dedication_task',
      entityId: rows[0]!.id,
      after: { occurrenceId: id, title: input.title, capacity: input.capacity },
    });
    return presentOccurrence(locale)(await loadOccurrence(tx, actor, id));
  });
}

export async function updateTask(
  db: Tx,
  actor: Actor,
  id: number,
  taskId: number,
  input: z.infer<typeof OccurrenceTaskUpdateBody>,
  locale: Locale,
) {
  return db.transaction(async (tx) => {
    const o = await managedOccurrence(tx, actor, id);
    const task = o.tasks.find((t) => t.id === taskId);
    if (!task) throw notFound();
    const { startsAt, endsAt } = taskTimes(o, input, task);
    if (input.capacity !== undefined && input.capacity < task.signed)
      throw unprocessable('task_capacity_below_signed', { signed: task.signed });
    await tx.execute(sql`
      UPDATE dedication_tasks SET title = ${input.title ?? task.title}, place = ${input.place ?? task.place},
             capacity = ${input.capacity ?? task.capacity},
             specialties = ${`{${(input.specialties ?? task.specialties).join(',')}}`}::text[],
             starts_at = ${startsAt}, ends_at = ${endsAt}, updated_at = now()
       WHERE district_id = ${actor.districtId} AND id = ${taskId}`);
    // More places: those waiting move up, first come first served.
    if (input.capacity !== undefined && input.capacity > task.capacity)
      await promote(tx, actor.districtId, taskId);
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: o.region_id,
      action: 'occurrence.task.update',
      entityType: 'dedication_task',
      entityId: taskId,
      before: { title: task.title, capacity: task.capacity },
      after: { title: input.title ?? task.title, capacity: input.capacity ?? task.capacity },
    });
    return presentOccurrence(locale)(await loadOccurrence(tx, actor, id));
  });
}

/**
 * Fills a task's free places from its waiting list, in order, telling each person
 * promoted. The task's row lock orders this against sign-ups and withdrawals.
 */
export async function promote(tx: Tx, districtId: number, taskId: number) {
  for (;;) {
    const { rows: room } = await tx.execute<{ free: boolean }>(sql`
      SELECT signed < capacity AS free FROM dedication_tasks WHERE district_id = ${districtId} AND id = ${taskId} FOR UPDATE`);
    if (!room[0]?.free) return;
    const { rows } = await tx.execute<{
      user_id: number | null;
      title: string;
      on_date: string;
      occurrence_id: number;
    }>(sql`
      UPDATE signups s SET status = 'signed', updated_at = now() FROM dedication_occurrences o, dedication_days d
       WHERE s.district_id = ${districtId}
         AND s.id = (SELECT id FROM signups WHERE district_id = ${districtId} AND task_id = ${taskId} AND status = 'waiting'
                      ORDER BY id LIMIT 1 FOR UPDATE)
         AND o.district_id = s.district_id AND o.id = s.occurrence_id AND d.district_id = o.district_id AND d.id = o.dedication_day_id
      RETURNING (SELECT p.user_id FROM (${personRow(sql`s.district_id`, sql`s.person_id`)}) p) AS user_id,
                d.title, o.on_date::text AS on_date, o.id AS occurrence_id`);
    const p = rows[0];
    if (!p) return;
    await tx.execute(
      sql`UPDATE dedication_tasks SET signed = signed + 1 WHERE district_id = ${districtId} AND id = ${taskId}`,
    );
    await notify(
      tx,
      { districtId, userId: p.user_id },
      'notify_signup_promoted',
      { title: p.title, date: p.on_date },
      `/occurrences/${p.occurrence_id}`,
    );
  }
}
