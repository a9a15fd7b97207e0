/**
 * 固定奉献日: a community's recurring day of service. The rule lives on the dedication
 * day; its occurrences are materialised for a rolling window ahead, each with the tasks of
 * the template, so members can sign up and organisers can change one day without
 * touching the others.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  DedicationDay,
  DedicationDayCreateBody,
  DedicationDayListQuery,
  DedicationDayUpdateBody,
  DedicationException,
  DedicationTaskTemplate,
  Occurrence,
  OccurrenceListQuery,
  OccurrenceStatus,
  OccurrenceTaskBody,
  OccurrenceTaskUpdateBody,
  RecurrencePreviewBody,
  SignupStatus,
} from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { authorize, can, isWithin, scopes } from '../../auth/authorize';
import type { Tx } from '../../db/client';
import { pageOf } from '../../db/paging';
import { conflict, notFound, unprocessable } from '../../errors';
import { contains, iso } from '../../http';
import { type Locale, readStored, type StoredMessage, storeMessage } from '../../i18n';
import { recordAudit } from '../audit/audit.service';
import { memberPlaces } from '../members/members.service';
import { notify } from '../notifications/notifications.service';
import { regionForRead } from '../regions/regions.service';
import {
  addDays,
  datesBetween,
  instant,
  laterDate,
  nextDates,
  normaliseRule,
  RuleError,
  todayIn,
} from './recurrence';

/** How far ahead occurrences exist: long enough to sign up for the next three months. */
export const WINDOW_DAYS = 92;

export type DayRow = {
  id: number;
  region_id: number;
  region_name: string;
  region_path: string;
  title: string;
  rrule: string;
  starts_on: string;
  start_time: string;
  end_time: string;
  timezone: string;
  place: string;
  exceptions: DedicationException[];
  tasks: DedicationTaskTemplate[];
  retired_at: string | null;
  created_at: string;
};

const DAYS = sql`
  SELECT d.id, d.region_id, r.name AS region_name, r.path::text AS region_path, d.title, d.rrule, d.starts_on::text AS starts_on,
         d.start_time, d.end_time, d.timezone, d.place, d.exceptions, d.tasks, d.retired_at, d.created_at
    FROM dedication_days d JOIN regions r ON r.district_id = d.district_id AND r.id = d.region_id`;

function ruleOrThrow<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof RuleError) throw unprocessable('rule_invalid');
    throw e;
  }
}

const presentDay = (d: DayRow): DedicationDay => ({
  id: d.id,
  regionId: d.region_id,
  regionName: d.region_name,
  title: d.title,
  rrule: d.rrule,
  startsOn: d.starts_on,
  startTime: d.start_time,
  endTime: d.end_time,
  timezone: d.timezone,
  place: d.place,
  exceptions: d.exceptions,
  tasks: d.tasks,
  upcoming: d.retired_at
    ? []
    : ruleOrThrow(() =>
        nextDates(
          { rrule: d.rrule, startsOn: d.starts_on, exceptions: d.exceptions },
          todayIn(d.timezone),
          5,
        ),
      ),
  retiredAt: iso(d.retired_at),
  createdAt: iso(d.created_at)!,
});

async function loadDay(db: Tx, actor: Actor, id: number, lock = false): Promise<DayRow> {
  const { rows } =
    await db.execute<DayRow>(sql`${DAYS} WHERE d.district_id = ${actor.districtId} AND d.id = ${id}
    ${lock ? sql`FOR UPDATE OF d` : sql``}`);
  if (!rows[0]) throw notFound();
  return rows[0];
}

export const getDay = async (db: Tx, actor: Actor, id: number) => presentDay(await loadDay(db, actor, id));

/** Dedication days are public in the district: anyone may see when and where to serve. */
export async function listDays(db: Tx, actor: Actor, q: z.infer<typeof DedicationDayListQuery>) {
  const where: SQL[] = [sql`d.district_id = ${actor.districtId}`];
  if (q.regionId) {
    const root = await regionForRead(db, actor, q.regionId);
    where.push(sql`r.path <@ ${root.path}::ltree`);
  }
  if (q.q) where.push(sql`(d.title ILIKE ${contains(q.q)} OR r.name ILIKE ${contains(q.q)})`);
  return pageOf(
    db,
    q,
    {
      select: DAYS,
      where: sql.join(where, sql` AND `),
      orderBy: sql`d.retired_at IS NOT NULL, r.path, d.id`,
    },
    presentDay,
  );
}

/** The dates a rule gives, for the organiser to check before saving. */
export function previewRule(input: z.infer<typeof RecurrencePreviewBody>) {
  return {
    dates: ruleOrThrow(() => nextDates(input, todayIn(input.timezone), input.count)),
  };
}

type Fields = Pick<
  DayRow,
  'rrule' | 'starts_on' | 'start_time' | 'end_time' | 'timezone' | 'exceptions' | 'tasks'
>;

/** The rules a dedication day keeps beyond its fields' own shapes. */
function validate(f: Fields) {
  const rrule = ruleOrThrow(() => normaliseRule(f.rrule));
  if (f.end_time <= f.start_time) throw unprocessable('rule_broken', { constraint: 'ends_after_start' });
  for (const t of f.tasks) {
    const start = t.startTime ?? f.start_time;
    const end = t.endTime ?? f.end_time;
    if (end <= start || start < f.start_time || end > f.end_time)
      throw unprocessable('dedication_task_outside_day', { title: t.title });
  }
  const soon = ruleOrThrow(() =>
    nextDates({ rrule, startsOn: f.starts_on, exceptions: f.exceptions }, todayIn(f.timezone), 1),
  );
  if (soon.length === 0) throw unprocessable('rule_no_dates');
  return rrule;
}

export async function createDay(db: Tx, actor: Actor, input: z.infer<typeof DedicationDayCreateBody>) {
  return db.transaction(async (tx) => {
    const region = await regionForRead(tx, actor, input.regionId, 'dedication.manage');
    if (region.kind !== 'community' && region.kind !== 'street')
      throw unprocessable('dedication_region_kind');
    const rrule = validate({
      rrule: input.rrule,
      starts_on: input.startsOn,
      start_time: input.startTime,
      end_time: input.endTime,
      timezone: input.timezone,
      exceptions: input.exceptions,
      tasks: input.tasks,
    });
    const { rows } = await tx.execute<{ id: number }>(sql`
      INSERT INTO dedication_days (district_id, region_id, title, rrule, starts_on, start_time, end_time, timezone, place,
                                   exceptions, tasks, created_by)
      VALUES (${actor.districtId}, ${region.id}, ${input.title}, ${rrule}, ${input.startsOn}, ${input.startTime},
              ${input.endTime}, ${input.timezone}, ${input.place}, ${JSON.stringify(input.exceptions)}::jsonb,
              ${JSON.stringify(input.tasks)}::jsonb, ${actor.userId})
      RETURNING id`);
    const id = rows[0]!.id;
    const day = await loadDay(tx, actor, id, true);
    await materialise(tx, actor.districtId, day);
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: region.id,
      action: 'dedication.create',
      entityType: 'dedication_day',
      entityId: id,
      after: { title: input.title, rrule, startsOn: input.startsOn, startTime: input.startTime },
    });
    return presentDay(day);
  });
}

export async function updateDay(
  db: Tx,
  actor: Actor,
  id: number,
  input: z.infer<typeof DedicationDayUpdateBody>,
) {
  return db.transaction(async (tx) => {
    const before = await loadDay(tx, actor, id, true);
    authorize(actor, 'dedication.manage', before.region_path);
    if (before.retired_at) throw conflict('dedication_retired');
    const next: Fields & { title: string; place: string } = {
      title: input.title ?? before.title,
      place: input.place ?? before.place,
      rrule: input.rrule ?? before.rrule,
      starts_on: input.startsOn ?? before.starts_on,
      start_time: input.startTime ?? before.start_time,
      end_time: input.endTime ?? before.end_time,
      timezone: input.timezone ?? before.timezone,
      exceptions: input.exceptions ?? before.exceptions,
      tasks: input.tasks ?? before.tasks,
    };
    const rrule = validate(next);
    await tx.execute(sql`
      UPDATE dedication_days SET title = ${next.title}, place = ${next.place}, rrule = ${rrule}, starts_on = ${next.starts_on},
             start_time = ${next.start_time}, end_time = ${next.end_time}, timezone = ${next.timezone},
             exceptions = ${JSON.stringify(next.exceptions)}::jsonb, tasks = ${JSON.stringify(next.tasks)}::jsonb, updated_at = now()
       WHERE district_id = ${actor.districtId} AND id = ${id}`);
    // Future days nobody has signed up for are made again from the new rule and template;
    // days with sign-ups keep their tasks, follow the new times, or are cancelled if the
    // rule no longer gives them.
    await tx.execute(sql`
      WITH gone AS (
        SELECT o.id FROM dedication_occurrences o
         WHERE o.district_id = ${actor.districtId} AND o.dedication_day_id = ${id} AND o.starts_at > now()
           AND NOT EXISTS (SELECT 1 FROM signups s WHERE s.district_id = o.district_id AND s.occurrence_id = o.id)),
      tasks AS (DELETE FROM dedication_tasks t USING gone WHERE t.district_id = ${actor.districtId} AND t.occurrence_id = gone.id)
      DELETE FROM dedication_occurrences o USING gone WHERE o.district_id = ${actor.districtId} AND o.id = gone.id`);
    const day = await loadDay(tx, actor, id, true);
    await retime(tx, actor.districtId, day);
    await materialise(tx, actor.districtId, day);
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: before.region_id,
      action: 'dedication.update',
      entityType: 'dedication_day',
      entityId: id,
      before: {
        title: before.title,
        rrule: before.rrule,
        startTime: before.start_time,
        endTime: before.end_time,
      },
      after: { title: next.title, rrule, startTime: next.start_time, endTime: next.end_time },
    });
    return presentDay(day);
  });
}

/** Future occurrences with sign-ups follow a change of the day's hours; their tasks keep their place in the day. */
async function retime(tx: Tx, districtId: number, day: DayRow) {
  const { rows } = await tx.execute<{ id: number; on_date: string; starts_at: string }>(sql`
    SELECT id, on_date::text AS on_date, starts_at FROM dedication_occurrences
     WHERE district_id = ${districtId} AND dedication_day_id = ${day.id} AND starts_at > now() AND status = 'scheduled'`);
  for (const o of rows) {
    const startsAt = instant(o.on_date, day.start_time, day.timezone);
    const endsAt = instant(o.on_date, day.end_time, day.timezone);
    if (Date.parse(startsAt) === Date.parse(o.starts_at)) continue;
    await tx.execute(sql`
      WITH o AS (
        UPDATE dedication_occurrences SET starts_at = ${startsAt}, ends_at = ${endsAt}, updated_at = now()
         WHERE district_id = ${districtId} AND id = ${o.id} RETURNING id, starts_at, ends_at)
      UPDATE dedication_tasks t SET
        starts_at = least(o.starts_at + (t.starts_at - ${o.starts_at}::timestamptz), o.ends_at - interval '15 minutes'),
        ends_at = least(o.starts_at + (t.ends_at - ${o.starts_at}::timestamptz), o.ends_at), updated_at = now()
        FROM o WHERE t.district_id = ${districtId} AND t.occurrence_id = o.id`);
  }
}

/**
 * Makes the occurrences the rule gives from today to the end of the window, with the
 * template's tasks; cancels those with sign-ups that the rule no longer gives.
 */
export async function materialise(tx: Tx, districtId: number, day: DayRow) {
  const today = todayIn(day.timezone);
  const until = addDays(today, WINDOW_DAYS);
  const from = laterDate(day.starts_on, today);
  const rule = { rrule: day.rrule, startsOn: day.starts_on, exceptions: day.exceptions };
  const dates = from > until ? [] : datesBetween(rule, from, until);
  const { rows: existing } = await tx.execute<{ id: number; on_date: string; status: OccurrenceStatus }>(sql`
    SELECT id, on_date::text AS on_date, status FROM dedication_occurrences
     WHERE district_id = ${districtId} AND dedication_day_id = ${day.id} AND on_date >= ${today}`);
  const have = new Set(existing.map((o) => o.on_date));
  const given = new Set(dates);
  for (const o of existing) {
    if (o.status === 'scheduled' && !given.has(o.on_date))
      await cancel(tx, districtId, o.id, { key: 'occurrence_rule_changed' });
  }
  const fresh = dates.filter((d) => !have.has(d));
  if (fresh.length > 0) {
    const values = fresh.map(
      (d) =>
        sql`(${districtId}, ${day.id}, ${day.region_id}, ${d}, ${instant(d, day.start_time, day.timezone)}::timestamptz,
             ${instant(d, day.end_time, day.timezone)}::timestamptz, ${day.place})`,
    );
    const { rows: made } = await tx.execute<{ id: number; on_date: string }>(sql`
      INSERT INTO dedication_occurrences (district_id, dedication_day_id, region_id, on_date, starts_at, ends_at, place)
      VALUES ${sql.join(values, sql`, `)} RETURNING id, on_date::text AS on_date`);
    const tasks = made.flatMap((o) =>
      day.tasks.map(
        (t) =>
          sql`(${districtId}, ${o.id}, ${t.title}, ${t.place || day.place}, ${t.capacity},
               ${`{${t.specialties.join(',')}}`}::text[],
               ${instant(o.on_date, t.startTime ?? day.start_time, day.timezone)}::timestamptz,
               ${instant(o.on_date, t.endTime ?? day.end_time, day.timezone)}::timestamptz)`,
      ),
    );
    for (let i = 0; i < tasks.length; i += 500) {
      await tx.execute(sql`
        INSERT INTO dedication_tasks (district_id, occurrence_id, title, place, capacity, specialties, starts_at, ends_at)
        VALUES ${sql.join(tasks.slice(i, i + 500), sql`, `)}`);
    }
  }
  await tx.execute(sql`UPDATE dedication_days SET materialised_until = ${until}
    WHERE district_id = ${districtId} AND id = ${day.id}`);
}

/** Keeps every live dedication day's window rolling; the job runs it daily. */
export async function materialiseAll(db: Tx) {
  const { rows } = await db.execute<{ district_id: number; id: number; timezone: string }>(sql`
    SELECT district_id, id, timezone FROM dedication_days
     WHERE retired_at IS NULL AND (materialised_until IS NULL OR materialised_until < (now() AT TIME ZONE timezone)::date + ${WINDOW_DAYS}::int)`);
  for (const r of rows) {
    await db.transaction(async (tx) => {
      const { rows: days } =
        await tx.execute<DayRow>(sql`${DAYS} WHERE d.district_id = ${r.district_id} AND d.id = ${r.id}
        FOR UPDATE OF d SKIP LOCKED`);
      if (days[0]) await materialise(tx, r.district_id, days[0]);
    });
  }
  return rows.length;
}

/** Cancels one occurrence and tells everyone signed up or waiting. */
async function cancel(tx: Tx, districtId: number, occurrenceId: number, reason: StoredMessage | string) {
  const stored = typeof reason === 'string' ? reason : storeMessage(reason);
  const { rows } = await tx.execute<{ title: string; on_date: string }>(sql`
    UPDATE dedication_occurrences o SET status = 'cancelled', reason = ${stored}, updated_at = now()
      FROM dedication_days d WHERE o.district_id = ${districtId} AND o.id = ${occurrenceId} AND o.status = 'scheduled'
       AND d.district_id = o.district_id AND d.id = o.dedication_day_id
    RETURNING d.title, o.on_date::text AS on_date`);
  if (!rows[0]) return;
  const { rows: people } = await tx.execute<{ user_id: number | null }>(sql`
    SELECT p.user_id FROM signups s JOIN people p ON p.district_id = s.district_id AND p.id = s.person_id
     WHERE s.district_id = ${districtId} AND s.occurrence_id = ${occurrenceId} AND s.status IN ('signed', 'waiting')`);
  for (const p of people) {
    await notify(
      tx,
      { districtId, userId: p.user_id },
      'notify_occurrence_cancelled',
      { title: rows[0].title, date: rows[0].on_date },
      `/occurrences/${occurrenceId}`,
    );
  }
}

export async function retireDay(db: Tx, actor: Actor, id: number) {
  return db.transaction(async (tx) => {
    const day = await loadDay(tx, actor, id, true);
    authorize(actor, 'dedication.manage', day.region_path);
    if (day.retired_at) throw conflict('dedication_retired');
    await tx.execute(sql`UPDATE dedication_days SET retired_at = now(), updated_at = now()
      WHERE district_id = ${actor.districtId} AND id = ${id}`);
    const { rows } = await tx.execute<{ id: number }>(sql`
      SELECT id FROM dedication_occurrences WHERE district_id = ${actor.districtId} AND dedication_day_id = ${id}
         AND starts_at > now() AND status = 'scheduled'`);
    for (const o of rows) await cancel(tx, actor.districtId, o.id, { key: 'occurrence_day_retired' });
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: day.region_id,
      action: 'dedication.retire',
      entityType: 'dedication_day',
      entityId: id,
      after: { cancelled: rows.length },
    });
    return presentDay(await loadDay(tx, actor, id));
  });
}

// ---------- occurrences ----------

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

/** Where a member may serve: their communities, and street-wide days of their streets. */
export function servesIn(places: string[], o: { region_path: string; region_kind: string }) {
  return places.some(
    (p) => isWithin(o.region_path, p) || (o.region_kind === 'street' && isWithin(p, o.region_path)),
  );
}

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
  authorize(actor, 'dedication.manage', o.region_path);
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
      UPDATE signups s SET status = 'signed', updated_at = now() FROM people p, dedication_occurrences o, dedication_days d
       WHERE s.district_id = ${districtId}
         AND s.id = (SELECT id FROM signups WHERE district_id = ${districtId} AND task_id = ${taskId} AND status = 'waiting'
                      ORDER BY id LIMIT 1 FOR UPDATE)
         AND p.district_id = s.district_id AND p.id = s.person_id
         AND o.district_id = s.district_id AND o.id = s.occurrence_id AND d.district_id = o.district_id AND d.id = o.dedication_day_id
      RETURNING p.user_id, d.title, o.on_date::text AS on_date, o.id AS occurrence_id`);
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

/** Whether the actor organises where this occurrence is. */
export const organises = (actor: Actor, o: { region_path: string }) =>
  can(actor, 'dedication.manage', o.region_path);
