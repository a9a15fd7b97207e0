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
  OccurrenceStatus,
  RecurrencePreviewBody,
} from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { allow } from '../../auth/authorize';
import type { Tx } from '../../db/client';
import { pageOf } from '../../db/paging';
import { conflict, notFound, unprocessable } from '../../errors';
import { contains, iso } from '../../http';
import { type StoredMessage, storeMessage } from '../../i18n';
import { recordAudit } from '../audit/audit.service';
import { personRow } from '../members/members.queries';
import { notify } from '../notifications/notifications.service';
import { districtTimeZone, regionForRead } from '../regions/regions.queries';
import { dedicationPolicy } from './dedication-days.policy';
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

/** The dates a rule gives, for the organiser to check before saving (in the district's zone unless told). */
export async function previewRule(db: Tx, actor: Actor, input: z.infer<typeof RecurrencePreviewBody>) {
  const zone = input.timezone ?? (await districtTimeZone(db, actor.districtId));
  return {
    dates: ruleOrThrow(() => nextDates(input, todayIn(zone), input.count)),
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
    // A new day's wall-clock times are the district's unless it names another zone.
    const timezone = input.timezone ?? (await districtTimeZone(tx, actor.districtId));
    const rrule = validate({
      rrule: input.rrule,
      starts_on: input.startsOn,
      start_time: input.startTime,
      end_time: input.endTime,
      timezone,
      exceptions: input.exceptions,
      tasks: input.tasks,
    });
    const { rows } = await tx.execute<{ id: number }>(sql`
      INSERT INTO dedication_days (district_id, region_id, title, rrule, starts_on, start_time, end_time, timezone, place,
                                   exceptions, tasks, created_by)
      VALUES (${actor.districtId}, ${region.id}, ${input.title}, ${rrule}, ${input.startsOn}, ${input.startTime},
              ${input.endTime}, ${timezone}, ${input.place}, ${JSON.stringify(input.exceptions)}::jsonb,
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
    allow(dedicationPolicy.organise(actor, before), 'out_of_scope');
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
export async function cancel(
  tx: Tx,
  districtId: number,
  occurrenceId: number,
  reason: StoredMessage | string,
) {
  const stored = typeof reason === 'string' ? reason : storeMessage(reason);
  const { rows } = await tx.execute<{ title: string; on_date: string }>(sql`
    UPDATE dedication_occurrences o SET status = 'cancelled', reason = ${stored}, updated_at = now()
      FROM dedication_days d WHERE o.district_id = ${districtId} AND o.id = ${occurrenceId} AND o.status = 'scheduled'
       AND d.district_id = o.district_id AND d.id = o.dedication_day_id
    RETURNING d.title, o.on_date::text AS on_date`);
  if (!rows[0]) return;
  const { rows: people } = await tx.execute<{ user_id: number | null }>(sql`
    SELECT p.user_id FROM signups s JOIN LATERAL (${personRow(sql`s.district_id`, sql`s.person_id`)}) p ON true
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
    allow(dedicationPolicy.organise(actor, day), 'out_of_scope');
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
