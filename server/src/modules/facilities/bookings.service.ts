/**
 * Booking a shared facility. The rules of the facility (opening hours, closures, lengths,
 * notice, who may book) are checked here with a reason for each refusal; that two bookings
 * never overlap is the database's exclusion constraint, so a lost race is a clean 409.
 */

import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Booker,
  Booking,
  BookingCreateBody,
  BookingDecisionBody,
  BookingListQuery,
  BookingStatus,
  BookingUseBody,
} from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { allow, inScope, scopes, unitScopes } from '../../auth/authorize';
import type { Tx } from '../../db/client';
import { pageOf } from '../../db/paging';
import { AppError, conflict, notFound, unprocessable } from '../../errors';
import { iso } from '../../http';
import { type Locale, type MessageKey, message, readStored } from '../../i18n';
import { addDays, clockIn, dateTimeIn, todayIn } from '../../time';
import { actionHolders } from '../accounts/accounts.queries';
import { auditFrom, recordAudit } from '../audit/audit.service';
import { settle } from '../ledger/ledger.service';
import { personRow } from '../members/members.queries';
import { markHandled, notify, notifyStaff, staffBells } from '../notifications/notifications.service';
import { districtTimeZone } from '../regions/regions.queries';
import { unitPolicy } from '../units/units.policy';
import { unitRow } from '../units/units.queries';
import { unitFor } from '../units/units.service';
import { bookingPolicy, facilityPolicy } from './facilities.policy';
import { type FacilityRow, loadFacility } from './facilities.service';

type Row = {
  id: number;
  facility_id: number;
  facility_name: string;
  facility_unit_id: number | null;
  owner_name: string;
  region_id: number;
  region_path: string;
  series_id: number | null;
  starts_at: string;
  ends_at: string;
  purpose: string;
  people: number;
  person_id: number | null;
  person_name: string | null;
  unit_id: number | null;
  unit_name: string | null;
  created_by: number | null;
  status: BookingStatus;
  reason: string | null;
  used_hours: number | null;
  created_at: string;
};

/** The bookings' columns, each read from `source` as `b`: the table, or a write's RETURNING *. */
const selectFrom = (source: SQL) => sql`
  SELECT b.id, b.facility_id, f.name AS facility_name, f.unit_id AS facility_unit_id,
         coalesce(fu.name, c.name) AS owner_name, f.region_id, r.path::text AS region_path, b.series_id,
         lower(b.during) AS starts_at, upper(b.during) AS ends_at, b.purpose, b.people, b.person_id, p.name AS person_name,
         b.unit_id, u.name AS unit_name, b.created_by, b.status, b.reason, b.used_hours::float8 AS used_hours, b.created_at
    FROM ${source} b
    JOIN facilities f ON f.district_id = b.district_id AND f.id = b.facility_id
    JOIN regions r ON r.district_id = f.district_id AND r.id = f.region_id
    JOIN regions c ON c.district_id = r.district_id AND c.path = subpath(r.path, 0, least(3, nlevel(r.path)))
    LEFT JOIN LATERAL (${unitRow(sql`f.district_id`, sql`f.unit_id`)}) fu ON true
    LEFT JOIN LATERAL (${personRow(sql`b.district_id`, sql`b.person_id`)}) p ON true
    LEFT JOIN LATERAL (${unitRow(sql`b.district_id`, sql`b.unit_id`)}) u ON true`;
const SELECT = selectFrom(sql`bookings`);

const present =
  (locale: Locale) =>
  (b: Row): Booking => ({
    id: b.id,
    facilityId: b.facility_id,
    facilityName: b.facility_name,
    ownerName: b.owner_name,
    seriesId: b.series_id,
    startsAt: iso(b.starts_at)!,
    endsAt: iso(b.ends_at)!,
    purpose: b.purpose,
    people: b.people,
    bookedFor:
      b.person_id !== null
        ? { kind: 'person', id: b.person_id, name: b.person_name ?? '' }
        : { kind: 'unit', id: b.unit_id!, name: b.unit_name ?? '' },
    status: b.status,
    reason: readStored(b.reason, locale),
    usedHours: b.used_hours,
    createdAt: iso(b.created_at)!,
  });

/** A booking the actor may see: their own (or their unit's), or one on a facility they decide. */
async function load(db: Tx, actor: Actor, id: number, lock = false): Promise<Row> {
  const { rows } =
    await db.execute<Row>(sql`${SELECT} WHERE b.district_id = ${actor.districtId} AND b.id = ${id}
    ${lock ? sql`FOR UPDATE OF b` : sql``}`);
  const b = rows[0];
  if (!b || !bookingPolicy.see(actor, b, ownerOf(b))) throw notFound();
  return b;
}

const ownerOf = (b: Row) => ({ region_path: b.region_path, unit_id: b.facility_unit_id });

export async function listBookings(
  db: Tx,
  actor: Actor,
  q: z.infer<typeof BookingListQuery>,
  locale: Locale,
) {
  const units = unitScopes(actor, 'unit.manage');
  const own = sql`(b.person_id = ${actor.personId ?? 0} OR ${
    units.length
      ? sql`b.unit_id IN (${sql.join(
          units.map((u) => sql`${u}`),
          sql`, `,
        )})`
      : sql`false`
  })`;
  const decided = decidedBy(actor);
  const where: SQL[] = [sql`b.district_id = ${actor.districtId}`];
  if (q.mine === 'true') where.push(own);
  else if (q.inbox === 'true') where.push(decided, sql`b.status = 'pending'`);
  else if (!q.unitId) where.push(sql`(${own} OR ${decided})`);
  if (q.unitId) where.push(await ofUnit(db, actor, q.unitId));
  if (q.facilityId) where.push(sql`b.facility_id = ${q.facilityId}`);
  if (q.status) where.push(sql`b.status = ${q.status}`);
  if (q.from) where.push(sql`upper(b.during) > ${q.from}`);
  if (q.to) where.push(sql`lower(b.during) < ${q.to}`);
  // The inbox and what is coming read soonest first; history newest first. A unit's page reads
  // what waits for a decision, then what is confirmed ahead (each soonest first), then the rest.
  const ahead = sql`lower(b.during) > now() AND b.status IN ('pending', 'confirmed')`;
  const orderBy =
    q.unitId && q.mine !== 'true' && q.inbox !== 'true'
      ? sql`(${ahead}) DESC, b.status = 'pending' DESC,
            CASE WHEN ${ahead} THEN lower(b.during) END, lower(b.during) DESC, b.id DESC`
      : q.inbox === 'true' || q.from
        ? sql`lower(b.during), b.id`
        : sql`lower(b.during) DESC, b.id DESC`;
  return pageOf(db, q, { select: SELECT, where: sql.join(where, sql` AND `), orderBy }, present(locale));
}

/**
 * SQL: the bookings of a unit's facilities, for the unit's page — refused (403) to a reader who
 * may not see them; the rows are those of facilities the reader keeps or decides.
 */
async function ofUnit(db: Tx, actor: Actor, unitId: number): Promise<SQL> {
  const unit = await unitFor(db, actor, unitId);
  allow(unitPolicy.seeBookings(actor, unit), 'out_of_scope');
  return sql`f.unit_id = ${unit.id} AND ${inScope(actor, 'facility.manage', sql`r.path`, sql`f.unit_id`)}`;
}

/** SQL: the facility `f` is one whose bookings the actor decides (see facilityPolicy.decide). */
function decidedBy(actor: Actor): SQL {
  const units = unitScopes(actor, 'facility.manage');
  const parts = [
    sql`(f.unit_id IS NULL AND (${sql.join(
      [sql`false`, ...scopesOf(actor).map((root) => sql`r.path <@ ${root}::ltree`)],
      sql` OR `,
    )}))`,
  ];
  if (units.length)
    parts.push(
      sql`f.unit_id IN (${sql.join(
        units.map((u) => sql`${u}`),
        sql`, `,
      )})`,
    );
  return sql`(${sql.join(parts, sql` OR `)})`;
}

const scopesOf = (actor: Actor) => scopes(actor, 'facility.manage');

type Refusal = { status: number; code: MessageKey; params?: Record<string, string | number> };

/** How the actor books: as a unit (its contact), a Party member, or a resident. */
function bookerOf(actor: Actor, forUnit: boolean): { kind: Booker; personId?: number; unitId?: number } {
  if (forUnit) {
    const unitId = bookingPolicy.unitToBookFor(actor);
    allow(unitId !== undefined, 'claim_not_unit');
    return { kind: 'unit', unitId };
  }
  if (actor.personId === null) throw unprocessable('need_no_person');
  const member = actor.roles.some((r) => r.role === 'party_member');
  return { kind: member ? 'member' : 'resident', personId: actor.personId };
}

/** Why a slot cannot be booked on this facility, or null when the rules allow it. */
function refusal(
  f: FacilityRow,
  from: Date,
  to: Date,
  people: number,
  kind: Booker,
  now = Date.now(),
): Refusal | null {
  if (f.retired_at) return { status: 409, code: 'facility_retired' };
  if (!f.who_may_book.includes(kind)) return { status: 403, code: 'booking_not_allowed' };
  const minutes = (to.getTime() - from.getTime()) / 60_000;
  if (minutes <= 0) return { status: 422, code: 'rule_broken', params: { constraint: 'ends_after_start' } };
  const TZ = f.time_zone;
  const date = todayIn(TZ, from);
  if (todayIn(TZ, new Date(to.getTime() - 1000)) !== date) return { status: 422, code: 'booking_spans_days' };
  if (minutes < f.min_minutes)
    return { status: 422, code: 'booking_too_short', params: { minutes: f.min_minutes } };
  if (minutes > f.max_minutes)
    return { status: 422, code: 'booking_too_long', params: { minutes: f.max_minutes } };
  if (from.getTime() < now + f.min_notice_hours * 3_600_000)
    return { status: 422, code: 'booking_too_soon', params: { hours: f.min_notice_hours } };
  if (date > addDays(todayIn(TZ, new Date(now)), f.max_days_ahead))
    return { status: 422, code: 'booking_too_far', params: { days: f.max_days_ahead } };
  if (people > f.capacity)
    return { status: 422, code: 'booking_over_capacity', params: { capacity: f.capacity } };
  const closure = f.closures.find((c) => c.from <= date && date <= c.to);
  if (closure) return { status: 422, code: 'booking_closed', params: { date, reason: closure.reason } };
  const weekday = ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
  const opens = clockIn(from.toISOString(), TZ);
  const closes = clockIn(to.toISOString(), TZ);
  const hours = f.opening_hours.filter((h) => h.weekday === weekday);
  if (!hours.some((h) => h.opens <= opens && (closes === '00:00' ? '24:00' : closes) <= h.closes)) {
    const open = hours.map((h) => `${h.opens}–${h.closes}`).join('、');
    return open
      ? { status: 422, code: 'booking_outside_hours', params: { hours: open } }
      : { status: 422, code: 'booking_closed_day', params: { date } };
  }
  return null;
}

/** SQL: inserts one booking unless the slot is taken (the exclusion constraint decides). */
const insertSql = (
  actor: Actor,
  f: FacilityRow,
  who: { personId?: number; unitId?: number },
  slot: { from: Date; to: Date },
  input: { purpose: string; people: number },
  seriesId: number | null,
) => sql`
    INSERT INTO bookings (district_id, facility_id, series_id, during, purpose, people, person_id, unit_id, status, created_by)
    VALUES (${actor.districtId}, ${f.id}, ${seriesId}, tstzrange(${slot.from.toISOString()}::timestamptz, ${slot.to.toISOString()}::timestamptz),
            ${input.purpose}, ${input.people}, ${who.personId ?? null}, ${who.unitId ?? null},
            ${f.needs_approval ? 'pending' : 'confirmed'}, ${actor.userId})
    ON CONFLICT DO NOTHING`;

/** Inserts one booking of a weekly series unless the slot is taken; its id, or null. */
async function insert(
  tx: Tx,
  actor: Actor,
  f: FacilityRow,
  who: { personId?: number; unitId?: number },
  slot: { from: Date; to: Date },
  input: { purpose: string; people: number },
  seriesId: number | null,
) {
  const { rows } = await tx.execute<{ id: number }>(
    sql`${insertSql(actor, f, who, slot, input, seriesId)} RETURNING id`,
  );
  return rows[0]?.id ?? null;
}

const MAX_WEEKS = 26;

/**
 * Those who decide the facility's bookings (facilityPolicy.decide: the owning unit's contacts, or
 * for a community venue `facility.manage` over its place): they are told one waits.
 */
const keepersOf = (actor: Actor, f: FacilityRow) =>
  f.unit_id !== null
    ? actionHolders(actor.districtId, 'facility.manage', { unitId: sql`${f.unit_id}::bigint` })
    : actionHolders(actor.districtId, 'facility.manage', { path: sql`${f.region_path}::ltree` });

/** The keepers hear of a weekly series once. */
async function tellKeepers(tx: Tx, actor: Actor, f: FacilityRow, first: Row, weeks: number) {
  const at = dateTimeIn(first.starts_at, f.time_zone);
  await notifyStaff(
    tx,
    actor,
    keepersOf(actor, f),
    'notify_booking_pending',
    { facility: f.name, at: weeks > 1 ? `${at} ×${weeks}` : at },
    '/bookings/inbox',
    subjectOf(first),
  );
}

/** What the keepers' bell is about: the booking, or the weekly series it opens. */
const subjectOf = (b: Row) => `booking:${b.series_id ?? b.id}`;

/** The keepers' bell about a booking reads as read once nothing of it (or of its series) is pending. */
async function settleBooking(tx: Tx, districtId: number, b: Row) {
  if (b.series_id !== null) {
    const { rows } = await tx.execute(sql`SELECT 1 FROM bookings
      WHERE district_id = ${districtId} AND series_id = ${b.series_id} AND status = 'pending' LIMIT 1`);
    if (rows.length) return;
  }
  await markHandled(tx, districtId, subjectOf(b));
}

/**
 * Books one slot, or the same hours every week until `weeklyUntil`: every free week is
 * booked, and the weeks that cannot be are listed with the reason.
 */
export async function createBooking(
  db: Tx,
  actor: Actor,
  input: z.infer<typeof BookingCreateBody>,
  locale: Locale,
) {
  const f = await loadFacility(db, actor, input.facilityId);
  const who = bookerOf(actor, input.forUnit);
  const first = { from: new Date(input.startsAt), to: new Date(input.endsAt) };
  const slots = [first];
  if (input.weeklyUntil) {
    for (let w = 1; w < MAX_WEEKS; w++) {
      const from = new Date(first.from.getTime() + w * 7 * 86_400_000);
      if (todayIn(f.time_zone, from) > input.weeklyUntil) break;
      slots.push({ from, to: new Date(first.to.getTime() + w * 7 * 86_400_000) });
    }
  }
  if (slots.length === 1) return bookOne(db, actor, f, who, first, input, locale);
  return db.transaction(async (tx) => {
    const booked: number[] = [];
    const clashes: { date: string; code: MessageKey; params?: Record<string, string | number> }[] = [];
    for (const slot of slots) {
      const no = refusal(f, slot.from, slot.to, input.people, who.kind);
      if (no && no.status === 403) throw new AppError(no.status, no.code, no.params);
      const date = todayIn(f.time_zone, slot.from);
      if (no) {
        clashes.push({ date, code: no.code, params: no.params });
        continue;
      }
      const id = await insert(tx, actor, f, who, slot, input, booked[0] ?? null);
      if (id === null) clashes.push({ date, code: 'booking_overlap' });
      else booked.push(id);
    }
    if (booked.length === 0) {
      throw new AppError(
        409,
        'series_nothing_booked',
        {},
        clashes.map((c) => ({ path: c.date, message: message(locale, c.code, c.params) })),
      );
    }
    const seriesId = booked[0]!;
    await tx.execute(
      sql`UPDATE bookings SET series_id = ${seriesId} WHERE district_id = ${actor.districtId} AND id = ${seriesId}`,
    );
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: f.region_id,
      action: 'booking.create',
      entityType: 'booking',
      entityId: seriesId,
      after: {
        facilityId: f.id,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        weeks: booked.length,
        clashes: clashes.map((c) => c.date),
      },
    });
    const { rows } = await tx.execute<Row>(sql`${SELECT} WHERE b.district_id = ${actor.districtId}
      AND b.id = ANY(${`{${booked.join(',')}}`}::bigint[]) ORDER BY lower(b.during)`);
    if (f.needs_approval) await tellKeepers(tx, actor, f, rows[0]!, rows.length);
    return {
      seriesId,
      booked: rows.map(present(locale)),
      clashes: clashes.map((c) => ({
        date: c.date,
        code: c.code,
        reason: message(locale, c.code, c.params),
      })),
    };
  });
}

/**
 * One slot, in one statement: the booking, its audit entry, the keepers' bell when it waits for
 * them, and the booking read back. A slot taken (the exclusion constraint) writes nothing.
 * No transaction around it, so a booking racing for the same slot waits on this one for the
 * statement alone.
 */
async function bookOne(
  db: Tx,
  actor: Actor,
  f: FacilityRow,
  who: ReturnType<typeof bookerOf>,
  slot: { from: Date; to: Date },
  input: z.infer<typeof BookingCreateBody>,
  locale: Locale,
) {
  const no = refusal(f, slot.from, slot.to, input.people, who.kind);
  if (no) throw new AppError(no.status, no.code, no.params);
  const bell = f.needs_approval
    ? sql`, ${staffBells(
        actor,
        keepersOf(actor, f),
        'notify_booking_pending',
        { facility: f.name, at: dateTimeIn(slot.from, f.time_zone) },
        '/bookings/inbox',
        sql`(SELECT 'booking:' || made.id FROM made)`,
      )}`
    : sql``;
  const { rows } = await db.execute<Row>(sql`
    WITH made AS (${insertSql(actor, f, who, slot, input, null)} RETURNING *),
    logged AS (${auditFrom(
      actor,
      {
        districtId: actor.districtId,
        regionId: f.region_id,
        action: 'booking.create',
        entityType: 'booking',
        entityId: sql`made.id`,
        after: { facilityId: f.id, startsAt: input.startsAt, endsAt: input.endsAt, weeks: 1, clashes: [] },
      },
      sql`made`,
    )})${bell}
    ${selectFrom(sql`made`)}`);
  if (!rows[0]) throw conflict('booking_overlap');
  return { seriesId: null, booked: rows.map(present(locale)), clashes: [] };
}

/** The owner confirms or declines (with a reason) a pending booking; the booker is told. */
export async function decideBooking(
  db: Tx,
  actor: Actor,
  id: number,
  input: z.infer<typeof BookingDecisionBody>,
  locale: Locale,
) {
  return db.transaction(async (tx) => {
    const b = await load(tx, actor, id, true);
    allow(facilityPolicy.decide(actor, ownerOf(b)));
    if (b.status !== 'pending') throw conflict('booking_not_pending');
    if (input.decision === 'decline' && !input.reason) throw unprocessable('booking_reason_needed');
    const status = input.decision === 'confirm' ? 'confirmed' : 'declined';
    await tx.execute(sql`UPDATE bookings SET status = ${status}, reason = ${input.reason ?? null}, decided_by = ${actor.userId},
        decided_at = now(), updated_at = now() WHERE district_id = ${actor.districtId} AND id = ${id}`);
    await settleBooking(tx, actor.districtId, b);
    await notify(
      tx,
      { districtId: actor.districtId, userId: b.created_by },
      status === 'confirmed' ? 'notify_booking_confirmed' : 'notify_booking_declined',
      {
        facility: b.facility_name,
        at: dateTimeIn(b.starts_at, await districtTimeZone(tx, actor.districtId)),
        reason: input.reason ?? '',
      },
      '/me/bookings',
    );
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: b.region_id,
      action: `booking.${input.decision}`,
      entityType: 'booking',
      entityId: id,
      before: { status: b.status },
      after: { status, reason: input.reason ?? null },
    });
    return present(locale)(await load(tx, actor, id));
  });
}

/** The booker cancels before the start; the owner may cancel with a reason and the booker is told. */
export async function cancelBooking(
  db: Tx,
  actor: Actor,
  id: number,
  reason: string | undefined,
  locale: Locale,
) {
  return db.transaction(async (tx) => {
    const b = await load(tx, actor, id, true);
    if (!['pending', 'confirmed'].includes(b.status)) throw conflict('booking_not_active');
    allow(bookingPolicy.cancel(actor, b, ownerOf(b)));
    // One who did not book it cancels it for the booker, and says why.
    if (!bookingPolicy.booked(actor, b) && !reason) throw unprocessable('booking_reason_needed');
    if (Date.parse(b.starts_at) <= Date.now()) throw unprocessable('booking_started');
    await tx.execute(sql`UPDATE bookings SET status = 'cancelled', reason = ${reason ?? null}, updated_at = now()
      WHERE district_id = ${actor.districtId} AND id = ${id}`);
    await settleBooking(tx, actor.districtId, b);
    if (!bookingPolicy.booked(actor, b)) {
      await notify(
        tx,
        { districtId: actor.districtId, userId: b.created_by },
        'notify_booking_cancelled',
        {
          facility: b.facility_name,
          at: dateTimeIn(b.starts_at, await districtTimeZone(tx, actor.districtId)),
          reason: reason ?? '',
        },
        '/me/bookings',
      );
    }
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: b.region_id,
      action: 'booking.cancel',
      entityType: 'booking',
      entityId: id,
      before: { status: b.status },
      after: { status: 'cancelled', reason: reason ?? null },
    });
    return present(locale)(await load(tx, actor, id));
  });
}

/**
 * The owner records what happened: the hours actually used, or a no-show. Hours a unit's
 * facility served others count for the unit in the ledger (facility hours shared), once.
 */
export async function recordUse(
  db: Tx,
  actor: Actor,
  id: number,
  input: z.infer<typeof BookingUseBody>,
  locale: Locale,
) {
  return db.transaction(async (tx) => {
    const b = await load(tx, actor, id, true);
    allow(facilityPolicy.decide(actor, ownerOf(b)));
    if (!['confirmed', 'used', 'no_show'].includes(b.status)) throw conflict('booking_not_confirmed');
    if (Date.parse(b.starts_at) > Date.now()) throw unprocessable('booking_not_started');
    const slotHours = (Date.parse(b.ends_at) - Date.parse(b.starts_at)) / 3_600_000;
    const hours = input.noShow ? 0 : Math.min(input.usedHours ?? slotHours, slotHours);
    const status = input.noShow ? 'no_show' : 'used';
    await tx.execute(sql`UPDATE bookings SET status = ${status}, used_hours = ${hours}, updated_at = now()
      WHERE district_id = ${actor.districtId} AND id = ${id}`);
    // A unit's own use of its own facility is not sharing.
    if (b.facility_unit_id !== null && b.unit_id !== b.facility_unit_id) {
      await settle(
        tx,
        actor,
        {
          districtId: actor.districtId,
          kind: 'facility_hours_shared',
          sourceType: 'booking',
          sourceId: id,
          unitId: b.facility_unit_id,
        },
        { quantity: Math.round(hours * 100) / 100, at: iso(b.ends_at)!, regionId: b.region_id },
        { key: 'ledger_use_changed' },
      );
    }
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: b.region_id,
      action: `booking.${status}`,
      entityType: 'booking',
      entityId: id,
      before: { status: b.status, usedHours: b.used_hours },
      after: { status, usedHours: hours },
    });
    return present(locale)(await load(tx, actor, id));
  });
}
