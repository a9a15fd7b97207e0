/**
 * Signing up for a dedication day's task, checking in and out, and the hours that follow.
 * A task's places are a guarded counter: a sign-up takes a place while one is free, or
 * joins the waiting list; the task's row lock puts concurrent sign-ups in one order.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  CheckinResult,
  HoursDecisionBody,
  HoursStatus,
  Signup,
  SignupListQuery,
  SignupStatus,
} from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { allow, inScope } from '../../auth/authorize';
import type { Tx } from '../../db/client';
import { pageOf } from '../../db/paging';
import { AppError, conflict, notFound, unprocessable, violated } from '../../errors';
import { iso } from '../../http';
import { type Locale, message } from '../../i18n';
import { auditFrom, recordAudit } from '../audit/audit.service';
import { settle } from '../ledger/ledger.service';
import { personRow } from '../members/members.queries';
import { notify } from '../notifications/notifications.service';
import { registeredCommunities } from '../registrations/registrations.queries';
import type { TeamFacts } from '../teams/teams.policy';
import { makeCode, readCode, STEP_SECONDS } from './checkin-code';
import { dedicationPolicy } from './dedication-days.policy';
import { loadOccurrence, promote } from './occurrences.service';

/** Check-in opens this long before the start; check-out stays open this long after the end. */
const EARLY_MS = 30 * 60_000;
const LATE_MS = 60 * 60_000;

type Row = {
  id: number;
  occurrence_id: number;
  dedication_day_id: number;
  title: string;
  region_id: number;
  region_name: string;
  region_path: string;
  on_date: string;
  occurrence_status: string;
  occurrence_starts_at: string;
  occurrence_ends_at: string;
  task_id: number;
  task_title: string;
  place: string;
  starts_at: string;
  ends_at: string;
  person_id: number;
  person_name: string;
  person_user_id: number | null;
  team_id: number | null;
  status: SignupStatus;
  position: number | null;
  checked_in_at: string | null;
  checked_out_at: string | null;
  checked_by: 'qr' | 'hand' | null;
  computed_hours: number | null;
  hours: number | null;
  hours_status: HoursStatus;
  reason: string | null;
  created_at: string;
};

const SELECT = sql`
  SELECT s.id, s.occurrence_id, o.dedication_day_id, d.title, o.region_id, r.name AS region_name, r.path::text AS region_path,
         o.on_date::text AS on_date, o.status::text AS occurrence_status, o.starts_at AS occurrence_starts_at,
         o.ends_at AS occurrence_ends_at, s.task_id, t.title AS task_title, t.place, t.starts_at, t.ends_at,
         s.person_id, p.name AS person_name, p.user_id AS person_user_id, s.team_id, s.status,
         CASE WHEN s.status = 'waiting' THEN (SELECT count(*)::int FROM signups w WHERE w.district_id = s.district_id
                AND w.task_id = s.task_id AND w.status = 'waiting' AND w.id <= s.id) END AS position,
         s.checked_in_at, s.checked_out_at, s.checked_by,
         -- Time between check-in and check-out, never more than the task lasts, to a tenth of an hour.
         CASE WHEN s.checked_out_at IS NOT NULL THEN round((least(extract(epoch FROM s.checked_out_at - s.checked_in_at),
                extract(epoch FROM t.ends_at - t.starts_at)) / 3600)::numeric, 1)::float8 END AS computed_hours,
         s.hours::float8 AS hours, s.hours_status, s.reason, s.created_at
    FROM signups s
    JOIN dedication_tasks t ON t.district_id = s.district_id AND t.id = s.task_id
    JOIN dedication_occurrences o ON o.district_id = s.district_id AND o.id = s.occurrence_id
    JOIN dedication_days d ON d.district_id = o.district_id AND d.id = o.dedication_day_id
    JOIN regions r ON r.district_id = o.district_id AND r.id = o.region_id
    JOIN LATERAL (${personRow(sql`s.district_id`, sql`s.person_id`)}) p ON true`;

const present = (s: Row): Signup => ({
  id: s.id,
  occurrenceId: s.occurrence_id,
  dedicationDayId: s.dedication_day_id,
  title: s.title,
  regionName: s.region_name,
  date: s.on_date,
  taskId: s.task_id,
  taskTitle: s.task_title,
  place: s.place,
  startsAt: iso(s.starts_at)!,
  endsAt: iso(s.ends_at)!,
  person: { id: s.person_id, name: s.person_name },
  status: s.status,
  position: s.position,
  checkedInAt: iso(s.checked_in_at),
  checkedOutAt: iso(s.checked_out_at),
  checkedBy: s.checked_by,
  computedHours: s.computed_hours,
  hours: s.hours,
  hoursStatus: s.hours_status,
  reason: s.reason,
  createdAt: iso(s.created_at)!,
});

/** A sign-up the actor may see: their own, or one where they organise. */
async function load(db: Tx, actor: Actor, id: number, lock = false): Promise<Row> {
  const { rows } =
    await db.execute<Row>(sql`${SELECT} WHERE s.district_id = ${actor.districtId} AND s.id = ${id}
    ${lock ? sql`FOR UPDATE OF s` : sql``}`);
  const s = rows[0];
  if (!s || !dedicationPolicy.see(actor, s)) throw notFound();
  return s;
}

const signupFor = async (db: Tx, actor: Actor, id: number) => present(await load(db, actor, id));

export async function listSignups(db: Tx, actor: Actor, q: z.infer<typeof SignupListQuery>) {
  const own = sql`s.person_id = ${actor.personId ?? 0}`;
  const where: SQL[] = [sql`s.district_id = ${actor.districtId}`];
  where.push(q.mine === 'true' ? own : sql`(${own} OR ${inScope(actor, 'dedication.manage', sql`r.path`)})`);
  if (q.occurrenceId) where.push(sql`s.occurrence_id = ${q.occurrenceId}`);
  if (q.taskId) where.push(sql`s.task_id = ${q.taskId}`);
  if (q.status) where.push(sql`s.status = ${q.status}`);
  if (q.hoursStatus) where.push(sql`s.hours_status = ${q.hoursStatus}`);
  // One's own list holds a day once: a sign-up withdrawn and made again shows as the one that
  // stands, not also as cancelled (the organisers' lists keep the whole history).
  if (q.mine === 'true')
    where.push(sql`NOT EXISTS (SELECT 1 FROM signups later WHERE later.district_id = s.district_id
      AND later.person_id = s.person_id AND later.occurrence_id = s.occurrence_id AND later.id > s.id)`);
  // Mine: soonest first; an organiser's list: by task, then in the order people came.
  const orderBy =
    q.mine === 'true' ? sql`o.starts_at DESC, s.id DESC` : sql`t.starts_at, t.id, s.status, s.id`;
  return pageOf(db, q, { select: SELECT, where: sql.join(where, sql` AND `), orderBy }, present);
}

/** A Party member signs up for a task: a place while one is free, else the waiting list. */
export async function signUp(db: Tx, actor: Actor, taskId: number) {
  if (actor.personId === null) throw unprocessable('need_no_person');
  const personId = actor.personId;
  // What the rules read (the task's occurrence, where the member may serve) in one query.
  const { rows } = await db.execute<OccurrenceFacts & { places: string[] }>(sql`
    SELECT o.id, o.status::text AS status, o.starts_at, o.ends_at, o.region_id, r.path::text AS region_path,
           r.kind::text AS region_kind,
           ARRAY(SELECT subpath(h.path, 0, 3)::text
                  FROM (${personRow(sql`t.district_id`, sql`${personId}`)}) p
                  JOIN regions h ON h.district_id = t.district_id AND h.id = p.home_region_id
                 UNION
                 SELECT c.path::text FROM regions c
                  WHERE c.district_id = t.district_id
                    AND c.id IN (${registeredCommunities(actor.districtId, personId)})) AS places
      FROM dedication_tasks t
      JOIN dedication_occurrences o ON o.district_id = t.district_id AND o.id = t.occurrence_id
      JOIN regions r ON r.district_id = o.district_id AND r.id = o.region_id
     WHERE t.district_id = ${actor.districtId} AND t.id = ${taskId}`);
  const o = rows[0];
  if (!o) throw notFound();
  openForSignUp(o);
  allow(dedicationPolicy.serve(o.places, o), 'signup_out_of_reach');
  return signupFor(db, actor, await place(db, actor, o, taskId, personId, null));
}

/** What a sign-up reads of the task's occurrence. */
type OccurrenceFacts = {
  id: number;
  status: string;
  starts_at: string;
  ends_at: string;
  region_id: number;
  region_path: string;
  region_kind: string;
};

/** An occurrence cancelled or over takes no sign-ups. */
function openForSignUp(o: OccurrenceFacts) {
  if (o.status === 'cancelled') throw conflict('occurrence_cancelled');
  if (Date.parse(o.ends_at) <= Date.now()) throw unprocessable('occurrence_over');
}

async function occurrenceOfTask(tx: Tx, actor: Actor, taskId: number) {
  const { rows: found } = await tx.execute<{ occurrence_id: number }>(sql`
    SELECT occurrence_id FROM dedication_tasks WHERE district_id = ${actor.districtId} AND id = ${taskId}`);
  if (!found[0]) throw notFound();
  const o = await loadOccurrence(tx, actor, found[0].occurrence_id);
  openForSignUp(o);
  return o;
}

/** The database refused the sign-up: the person has one that stands that day. */
const signedUpAlready = (e: unknown) => violated(e, '23505') === 'signups_live_key';

/**
 * Takes a place for one person (or puts them in line), in one statement: the task's counter,
 * the sign-up and its audit entry. Its id; 409 when the day has begun and no place is free.
 */
async function place(
  tx: Tx,
  actor: Actor,
  o: OccurrenceFacts,
  taskId: number,
  personId: number,
  teamId: number | null,
) {
  const started = Date.parse(o.starts_at) <= Date.now();
  const d = actor.districtId;
  // The task's row lock orders every sign-up to the task: `free` is read from the row as
  // locked, so one racing a withdrawal gets the freed place, and the ids (the waiting list's
  // order) are given out in the order of the lock. The counter is moved by a statement that
  // first computes from the row as it was when the statement began, so least() keeps that
  // stale sum within the CHECK until the locked row is read again (a sign-up racing a
  // withdrawal once got 422 instead of the freed place — found by the concurrency suite). A
  // sign-up already standing fails the unique key, which undoes the whole statement. Without
  // a transaction around it, the lock is held for this statement alone.
  let rows: { id: number | null; free: boolean }[];
  try {
    ({ rows } = await tx.execute<{ id: number | null; free: boolean }>(sql`
      WITH locked AS (
        SELECT signed < capacity AS free FROM dedication_tasks WHERE district_id = ${d} AND id = ${taskId} FOR UPDATE),
      took AS (
        UPDATE dedication_tasks SET signed = least(signed + 1, capacity)
         WHERE district_id = ${d} AND id = ${taskId} AND (SELECT free FROM locked)),
      made AS (
        INSERT INTO signups (district_id, occurrence_id, task_id, person_id, team_id, status, created_by)
        SELECT ${d}::bigint, ${o.id}::bigint, ${taskId}::bigint, ${personId}::bigint, ${teamId}::bigint,
               CASE WHEN l.free THEN 'signed' ELSE 'waiting' END::signup_status, ${actor.userId}::bigint
          FROM locked l WHERE l.free OR NOT ${started}::boolean
        RETURNING id, status),
      logged AS (${auditFrom(
        actor,
        {
          districtId: d,
          regionId: o.region_id,
          action: 'signup.create',
          entityType: 'signup',
          entityId: sql`made.id`,
          after: sql`${JSON.stringify({ taskId, personId, teamId })}::jsonb || jsonb_build_object('status', made.status)`,
        },
        sql`made`,
      )})
      SELECT made.id, l.free FROM locked l LEFT JOIN made ON true`));
  } catch (e) {
    if (signedUpAlready(e)) throw conflict('signup_exists');
    throw e;
  }
  const r = rows[0];
  if (!r) throw notFound();
  // On the day itself nobody waits: there is a place, or there is not.
  if (r.id === null) throw conflict('task_full');
  return r.id;
}

/**
 * A team's leader puts members forward for a task as the team: each gets a place (or a
 * place in line), is told, and their confirmed hours count for the team too. Members
 * already signed up that day are skipped and listed.
 */
export async function teamSignUp(
  db: Tx,
  actor: Actor,
  team: TeamFacts & { id: number; name: string },
  taskId: number,
  personIds: number[],
  locale: Locale,
) {
  const done = await db.transaction(async (tx) => {
    const o = await occurrenceOfTask(tx, actor, taskId);
    allow(dedicationPolicy.serveAsTeam(actor, team, o), 'signup_out_of_reach');
    const ids: number[] = [];
    const skipped: { personId: number; reason: string }[] = [];
    for (const personId of [...new Set(personIds)]) {
      const { rows } = await tx.execute(sql`SELECT 1 FROM signups WHERE district_id = ${actor.districtId}
        AND occurrence_id = ${o.id} AND person_id = ${personId} AND status IN ('signed', 'waiting')`);
      if (rows.length) {
        skipped.push({ personId, reason: message(locale, 'signup_exists') });
        continue;
      }
      const id = await place(tx, actor, o, taskId, personId, team.id);
      ids.push(id);
      const { rows: who } = await tx.execute<{ user_id: number | null }>(
        sql`SELECT p.user_id FROM (${personRow(sql`${actor.districtId}`, sql`${personId}`)}) p`,
      );
      await notify(
        tx,
        { districtId: actor.districtId, userId: who[0]?.user_id ?? null },
        'notify_team_signed_up',
        { team: team.name, title: o.title, date: o.on_date },
        `/occurrences/${o.id}`,
      );
    }
    return { ids, skipped };
  });
  const signups = [];
  for (const id of done.ids) signups.push(present(await loadAny(db, actor, id)));
  return { signups, skipped: done.skipped };
}

/** A sign-up by id, for one who has just made it on others' behalf. */
async function loadAny(db: Tx, actor: Actor, id: number) {
  const { rows } = await db.execute<Row>(
    sql`${SELECT} WHERE s.district_id = ${actor.districtId} AND s.id = ${id}`,
  );
  return rows[0]!;
}

/** Frees a sign-up's place (the member before the start, or the organiser with a reason) and promotes the next in line. */
async function release(db: Tx, actor: Actor, id: number, reason: string | null) {
  return db.transaction(async (tx) => {
    // The task's row first, then the sign-up's: the order a sign-up takes them (the task's
    // counter, then the new row under the one-per-day key). The other way round, a member
    // withdrawing while signing up again deadlocked — found by the concurrency suite.
    await tx.execute(sql`SELECT 1 FROM dedication_tasks t JOIN signups s ON s.district_id = t.district_id AND s.task_id = t.id
      WHERE s.district_id = ${actor.districtId} AND s.id = ${id} FOR UPDATE OF t`);
    const s = await load(tx, actor, id, true);
    if (s.status !== 'signed' && s.status !== 'waiting') throw conflict('signup_not_active');
    if (reason === null) {
      allow(dedicationPolicy.withdraw(actor, s));
      // Check-in opens before the start: one who has checked in is there, and cannot leave
      // the day (to sign up and check in a second time) — found by the concurrency suite.
      if (s.checked_in_at) throw unprocessable('signup_own_checked_in');
      if (Date.parse(s.occurrence_starts_at) <= Date.now()) throw unprocessable('signup_started');
    } else {
      allow(dedicationPolicy.organise(actor, s), 'out_of_scope');
      if (s.checked_in_at) throw conflict('signup_checked_in');
    }
    const status = reason === null ? 'withdrawn' : 'removed';
    await tx.execute(sql`UPDATE signups SET status = ${status}, reason = ${reason}, updated_at = now()
      WHERE district_id = ${actor.districtId} AND id = ${id}`);
    if (s.status === 'signed') {
      await tx.execute(sql`UPDATE dedication_tasks SET signed = signed - 1
        WHERE district_id = ${actor.districtId} AND id = ${s.task_id}`);
      await promote(tx, actor.districtId, s.task_id);
    }
    if (reason !== null) {
      await notify(
        tx,
        { districtId: actor.districtId, userId: s.person_user_id },
        'notify_signup_removed',
        { title: s.title, date: s.on_date, reason },
        `/occurrences/${s.occurrence_id}`,
      );
    }
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: s.region_id,
      action: `signup.${status === 'withdrawn' ? 'withdraw' : 'remove'}`,
      entityType: 'signup',
      entityId: id,
      before: { status: s.status },
      after: { status, reason },
    });
    return signupFor(tx, actor, id);
  });
}

export const withdrawSignup = (db: Tx, actor: Actor, id: number) => release(db, actor, id, null);
export const removeSignup = (db: Tx, actor: Actor, id: number, reason: string) =>
  release(db, actor, id, reason);

/** Whether now falls where checking in (or out) is open for an occurrence. */
function openFor(action: 'in' | 'out', o: { starts_at: string; ends_at: string }, now = Date.now()) {
  const from = Date.parse(o.starts_at) - EARLY_MS;
  const to = Date.parse(o.ends_at) + (action === 'out' ? LATE_MS : 0);
  return now >= from && now <= to;
}

/**
 * Checks a signed-up person in or out, once: a second scan, or two at the same moment,
 * finds the time already set and changes nothing.
 */
async function check(tx: Tx, districtId: number, s: Row, action: 'in' | 'out', by: 'qr' | 'hand') {
  if (action === 'in') {
    const { rows } =
      await tx.execute(sql`UPDATE signups SET checked_in_at = now(), checked_by = ${by}, updated_at = now()
      WHERE district_id = ${districtId} AND id = ${s.id} AND checked_in_at IS NULL RETURNING id`);
    return rows.length ? 'checked_in' : 'already_in';
  }
  if (!s.checked_in_at) throw conflict('checkin_not_in');
  const { rows } = await tx.execute(sql`UPDATE signups SET checked_out_at = now(), updated_at = now()
    WHERE district_id = ${districtId} AND id = ${s.id} AND checked_out_at IS NULL RETURNING id`);
  return rows.length ? 'checked_out' : 'already_out';
}

/** A member scans the organiser's code. */
export async function checkIn(
  db: Tx,
  actor: Actor,
  input: { token: string; action: 'in' | 'out' },
): Promise<z.infer<typeof CheckinResult>> {
  const occurrenceId = await readCode(db, actor.districtId, input.token);
  if (occurrenceId === null) throw unprocessable('checkin_code_invalid');
  return db.transaction(async (tx) => {
    const o = await loadOccurrence(tx, actor, occurrenceId);
    if (o.status === 'cancelled') throw conflict('occurrence_cancelled');
    if (!openFor(input.action, o)) throw unprocessable('checkin_outside_window');
    const { rows } = await tx.execute<{ id: number }>(sql`
      SELECT id FROM signups WHERE district_id = ${actor.districtId} AND occurrence_id = ${occurrenceId}
         AND person_id = ${actor.personId ?? 0} AND status = 'signed'`);
    if (!rows[0]) {
      // The page offers to join on the spot; it needs the occurrence to show its tasks.
      throw new AppError(422, 'checkin_not_signed_up', {}, [
        { path: 'occurrenceId', message: String(occurrenceId) },
      ]);
    }
    const s = await load(tx, actor, rows[0].id, true);
    // Read again under the lock: a withdrawal committed meanwhile leaves nothing to check in
    // (found by the concurrency suite: a scan racing a withdrawal checked in a withdrawn sign-up).
    if (s.status !== 'signed') {
      throw new AppError(422, 'checkin_not_signed_up', {}, [
        { path: 'occurrenceId', message: String(occurrenceId) },
      ]);
    }
    const outcome = await check(tx, actor.districtId, s, input.action, 'qr');
    if (outcome === 'checked_in' || outcome === 'checked_out') {
      await recordAudit(tx, actor, {
        districtId: actor.districtId,
        regionId: s.region_id,
        action: `signup.check_${input.action}`,
        entityType: 'signup',
        entityId: s.id,
        after: { by: 'qr' },
      });
    }
    return { outcome, signup: await signupFor(tx, actor, s.id) };
  });
}

/** The organiser checks someone in or out by hand (no phone, flat battery). */
export async function checkByHand(db: Tx, actor: Actor, id: number, action: 'in' | 'out') {
  return db.transaction(async (tx) => {
    const s = await load(tx, actor, id, true);
    allow(dedicationPolicy.organise(actor, s), 'out_of_scope');
    if (s.status !== 'signed') throw conflict('signup_not_active');
    if (s.occurrence_status === 'cancelled') throw conflict('occurrence_cancelled');
    if (!openFor('out', { starts_at: s.occurrence_starts_at, ends_at: s.occurrence_ends_at }))
      throw unprocessable('checkin_outside_window');
    const outcome = await check(tx, actor.districtId, s, action, 'hand');
    if (outcome === 'checked_in' || outcome === 'checked_out') {
      await recordAudit(tx, actor, {
        districtId: actor.districtId,
        regionId: s.region_id,
        action: `signup.check_${action}`,
        entityType: 'signup',
        entityId: id,
        after: { by: 'hand' },
      });
    }
    return signupFor(tx, actor, id);
  });
}

/** The code an organiser shows for an occurrence, renewed every step. */
export async function checkinCode(db: Tx, actor: Actor, occurrenceId: number, origin: string) {
  const o = await loadOccurrence(db, actor, occurrenceId);
  allow(dedicationPolicy.organise(actor, o), 'out_of_scope');
  if (o.status === 'cancelled') throw conflict('occurrence_cancelled');
  const code = await makeCode(db, actor.districtId, occurrenceId);
  return {
    ...code,
    url: `${origin}/checkin?t=${encodeURIComponent(code.token)}`,
    refreshSeconds: STEP_SECONDS,
  };
}

/**
 * The organiser confirms the hours (the computed ones, or another figure with a reason)
 * or rejects them with a reason. The ledger holds the confirmed figure exactly once: a
 * new decision corrects it.
 */
export async function decideHours(
  db: Tx,
  actor: Actor,
  id: number,
  input: z.infer<typeof HoursDecisionBody>,
) {
  return db.transaction(async (tx) => {
    const s = await load(tx, actor, id, true);
    allow(dedicationPolicy.organise(actor, s), 'out_of_scope');
    if (s.status !== 'signed') throw conflict('signup_not_active');
    if (Date.parse(s.occurrence_starts_at) > Date.now()) throw unprocessable('hours_too_early');
    let hours: number;
    if (input.decision === 'reject') {
      if (!input.reason) throw unprocessable('hours_reason_needed');
      hours = 0;
    } else {
      if (input.hours === undefined && s.computed_hours === null) throw unprocessable('hours_needed');
      hours = input.hours ?? s.computed_hours!;
      if (hours !== s.computed_hours && !input.reason) throw unprocessable('hours_reason_needed');
    }
    const status = input.decision === 'reject' ? 'rejected' : 'confirmed';
    await tx.execute(sql`UPDATE signups SET hours = ${hours}, hours_status = ${status}, reason = ${input.reason ?? null},
        decided_by = ${actor.userId}, decided_at = now(), updated_at = now()
      WHERE district_id = ${actor.districtId} AND id = ${id}`);
    const ended = new Date(Math.min(Date.parse(s.ends_at), Date.now())).toISOString();
    await settle(
      tx,
      actor,
      {
        districtId: actor.districtId,
        kind: 'service_hours',
        sourceType: 'signup',
        sourceId: id,
        personId: s.person_id,
        teamId: s.team_id,
      },
      { quantity: hours, at: ended, regionId: s.region_id },
      { key: 'ledger_hours_adjusted' },
    );
    await notify(
      tx,
      { districtId: actor.districtId, userId: s.person_user_id },
      status === 'confirmed' ? 'notify_hours_confirmed' : 'notify_hours_rejected',
      { title: `${s.title} ${s.on_date}`, hours, reason: input.reason ?? '' },
      '/me/record',
    );
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: s.region_id,
      action: `signup.hours_${status}`,
      entityType: 'signup',
      entityId: id,
      before: { hours: s.hours, status: s.hours_status },
      after: { hours, status, reason: input.reason ?? null },
    });
    return signupFor(tx, actor, id);
  });
}
