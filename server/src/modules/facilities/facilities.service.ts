/**
 * 资源共享: units' classrooms, courts, halls and clinic rooms opened to the community, and
 * the community's venues opened to units. A facility has opening hours per weekday (the
 * district's wall-clock time, its time zone), closures, and rules for who may book what and when.
 */

import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Booker,
  Facility,
  FacilityCalendarQuery,
  FacilityCreateBody,
  FacilityListQuery,
  FacilityUpdateBody,
  UtilizationQuery,
} from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { allow, inScope, scopes, unitScopes } from '../../auth/authorize';
import type { Tx } from '../../db/client';
import { pageOf } from '../../db/paging';
import { conflict, notFound, unprocessable } from '../../errors';
import { contains, iso } from '../../http';
import { storeMessage } from '../../i18n';
import { recordAudit } from '../audit/audit.service';
import { addDays, earlierDate, instant, laterDate, todayIn } from '../dedication-days/recurrence';
import { memberPlaces } from '../members/members.service';
import { notify } from '../notifications/notifications.service';
import { districtTimeZone, regionForRead, zoneOf } from '../regions/regions.queries';
import { unitRow } from '../units/units.queries';
import { unitFor } from '../units/units.service';
import { facilityCan, facilityPolicy } from './facilities.policy';

export type FacilityRow = {
  id: number;
  unit_id: number | null;
  unit_name: string | null;
  region_id: number;
  region_name: string;
  region_path: string;
  community_id: number;
  community_name: string;
  name: string;
  kind: Facility['kind'];
  sub_kind: Facility['subKind'];
  capacity: number;
  address: string;
  description: string;
  rules: string;
  opening_hours: { weekday: number; opens: string; closes: string }[];
  closures: { from: string; to: string; reason: string }[];
  min_minutes: number;
  max_minutes: number;
  max_days_ahead: number;
  min_notice_hours: number;
  needs_approval: boolean;
  who_may_book: Booker[];
  retired_at: string | null;
  created_at: string;
  /** The district's time zone: opening hours, closures and days are its wall-clock. */
  time_zone: string;
};

const SELECT = sql`
  SELECT f.id, f.unit_id, u.name AS unit_name, f.region_id, r.name AS region_name, r.path::text AS region_path,
         c.id AS community_id, c.name AS community_name, f.name, f.kind, f.sub_kind, f.capacity, f.address, f.description,
         f.rules, f.opening_hours, f.closures, f.min_minutes, f.max_minutes, f.max_days_ahead, f.min_notice_hours,
         f.needs_approval, f.who_may_book, f.retired_at, f.created_at, ${zoneOf(sql`f.district_id`)} AS time_zone
    FROM facilities f
    JOIN regions r ON r.district_id = f.district_id AND r.id = f.region_id
    JOIN regions c ON c.district_id = r.district_id AND c.path = subpath(r.path, 0, least(3, nlevel(r.path)))
    LEFT JOIN LATERAL (${unitRow(sql`f.district_id`, sql`f.unit_id`)}) u ON true`;

export const presentFacility =
  (actor: Actor) =>
  (f: FacilityRow): Facility => ({
    id: f.id,
    name: f.name,
    kind: f.kind,
    subKind: f.sub_kind,
    capacity: f.capacity,
    regionId: f.region_id,
    regionName: f.region_name,
    communityName: f.community_name,
    owner:
      f.unit_id !== null
        ? { kind: 'unit', id: f.unit_id, name: f.unit_name ?? '' }
        : { kind: 'community', id: f.community_id, name: f.community_name },
    address: f.address,
    description: f.description,
    rules: f.rules,
    openingHours: f.opening_hours,
    closures: f.closures,
    bookingRules: {
      minMinutes: f.min_minutes,
      maxMinutes: f.max_minutes,
      maxDaysAhead: f.max_days_ahead,
      minNoticeHours: f.min_notice_hours,
      needsApproval: f.needs_approval,
      whoMayBook: f.who_may_book,
    },
    can: facilityCan(actor, f),
    retiredAt: iso(f.retired_at),
    createdAt: iso(f.created_at)!,
  });

/** Facilities are a public catalogue in the district: anyone signed in may look. */
export async function loadFacility(db: Tx, actor: Actor, id: number, lock = false): Promise<FacilityRow> {
  const { rows } =
    await db.execute<FacilityRow>(sql`${SELECT} WHERE f.district_id = ${actor.districtId} AND f.id = ${id}
    ${lock ? sql`FOR UPDATE OF f` : sql``}`);
  if (!rows[0]) throw notFound();
  return rows[0];
}

export const getFacility = async (db: Tx, actor: Actor, id: number) =>
  presentFacility(actor)(await loadFacility(db, actor, id));

/** SQL: the facility `f` is open, not closed, and not taken for the whole of [from, to), in `zone`'s wall-clock (the district's). */
export const freeFor = (from: string, to: string, zone: SQL) => sql`(
  (${from}::timestamptz AT TIME ZONE ${zone})::date = ((${to}::timestamptz - interval '1 second') AT TIME ZONE ${zone})::date
  AND EXISTS (SELECT 1 FROM jsonb_array_elements(f.opening_hours) oh
               WHERE (oh->>'weekday')::int = extract(isodow FROM ${from}::timestamptz AT TIME ZONE ${zone})
                 AND oh->>'opens' <= to_char(${from}::timestamptz AT TIME ZONE ${zone}, 'HH24:MI')
                 AND oh->>'closes' >= to_char(${to}::timestamptz AT TIME ZONE ${zone}, 'HH24:MI'))
  AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(f.closures) cl
               WHERE (${from}::timestamptz AT TIME ZONE ${zone})::date BETWEEN (cl->>'from')::date AND (cl->>'to')::date)
  AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.district_id = f.district_id AND b.facility_id = f.id
               AND b.status IN ('pending', 'confirmed', 'used') AND b.during && tstzrange(${from}::timestamptz, ${to}::timestamptz)))`;

/** The communities the actor belongs to: home and registration, their unit's, or those they serve. */
async function homePlaces(db: Tx, actor: Actor): Promise<string[]> {
  const places = await memberPlaces(db, actor);
  for (const root of scopes(actor, 'facility.manage')) if (root.split('.').length >= 3) places.push(root);
  for (const u of unitScopes(actor, 'unit.read')) {
    const unit = await unitFor(db, actor, u);
    places.push(unit.regionPath.split('.').slice(0, 3).join('.'));
  }
  return places;
}

export async function listFacilities(db: Tx, actor: Actor, q: z.infer<typeof FacilityListQuery>) {
  const where: SQL[] = [sql`f.district_id = ${actor.districtId}`, facilityPolicy.listed()];
  let order = sql`f.name, f.id`;
  if (q.regionId) {
    const root = await regionForRead(db, actor, q.regionId);
    where.push(sql`r.path <@ ${root.path}::ltree`);
  } else {
    // Nearby first: the reader's own communities, then the rest of the district.
    const places = await homePlaces(db, actor);
    if (places.length)
      order = sql`(${sql.join(
        places.map((p) => sql`r.path <@ ${p}::ltree`),
        sql` OR `,
      )}) DESC, f.name, f.id`;
  }
  if (q.q) where.push(sql`(f.name ILIKE ${contains(q.q)} OR u.name ILIKE ${contains(q.q)})`);
  if (q.kind) where.push(sql`f.kind = ${q.kind}`);
  if (q.subKind) where.push(sql`f.sub_kind = ${q.subKind}`);
  if (q.unitId) where.push(sql`f.unit_id = ${q.unitId}`);
  if (q.minCapacity) where.push(sql`f.capacity >= ${q.minCapacity}`);
  if (q.managed === 'true') where.push(inScope(actor, 'facility.manage', sql`r.path`, sql`f.unit_id`));
  if (q.freeFrom || q.freeTo) {
    if (!q.freeFrom || !q.freeTo || Date.parse(q.freeTo) <= Date.parse(q.freeFrom))
      throw unprocessable('rule_broken', { constraint: 'free_slot' });
    where.push(freeFor(q.freeFrom, q.freeTo, zoneOf(actor.districtId)));
  }
  return pageOf(
    db,
    q,
    { select: SELECT, where: sql.join(where, sql` AND `), orderBy: order },
    presentFacility(actor),
  );
}

type Fields = z.infer<typeof FacilityUpdateBody>;

function checkFields(f: Fields) {
  for (const h of f.openingHours ?? [])
    if (h.closes <= h.opens)
      throw unprocessable('facility_hours_order', { opens: h.opens, closes: h.closes });
  for (const c of f.closures ?? [])
    if (c.to < c.from) throw unprocessable('rule_broken', { constraint: 'closure_to_after_from' });
  if (f.bookingRules && f.bookingRules.maxMinutes < f.bookingRules.minMinutes)
    throw unprocessable('rule_broken', { constraint: 'max_after_min' });
}

/** The region must be a community or a building or entrance in one. */
async function placeFor(tx: Tx, actor: Actor, regionId: number) {
  const region = await regionForRead(tx, actor, regionId);
  if (!['community', 'building', 'entrance'].includes(region.kind))
    throw unprocessable('facility_region_kind');
  return region;
}

export async function createFacility(db: Tx, actor: Actor, input: z.infer<typeof FacilityCreateBody>) {
  return db.transaction(async (tx) => {
    checkFields(input);
    const region = await placeFor(tx, actor, input.regionId);
    if (input.unitId !== undefined) {
      const unit = await unitFor(tx, actor, input.unitId);
      allow(facilityPolicy.keep(actor, { region_path: region.path, unit_id: unit.id }), 'out_of_scope');
    } else {
      // A community's own venue is kept by the community's organisers.
      allow(facilityPolicy.keep(actor, { region_path: region.path, unit_id: null }), 'out_of_scope');
    }
    const r = input.bookingRules;
    const { rows } = await tx.execute<{ id: number }>(sql`
      INSERT INTO facilities (district_id, unit_id, region_id, name, kind, sub_kind, capacity, address, description, rules,
                              opening_hours, closures, min_minutes, max_minutes, max_days_ahead, min_notice_hours,
                              needs_approval, who_may_book, created_by)
      VALUES (${actor.districtId}, ${input.unitId ?? null}, ${region.id}, ${input.name}, ${input.kind}, ${input.subKind},
              ${input.capacity}, ${input.address}, ${input.description}, ${input.rules},
              ${JSON.stringify(input.openingHours)}::jsonb, ${JSON.stringify(input.closures)}::jsonb,
              ${r.minMinutes}, ${r.maxMinutes}, ${r.maxDaysAhead}, ${r.minNoticeHours}, ${r.needsApproval},
              ${`{${r.whoMayBook.join(',')}}`}::text[], ${actor.userId})
      RETURNING id`);
    const id = rows[0]!.id;
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: region.id,
      action: 'facility.create',
      entityType: 'facility',
      entityId: id,
      after: { name: input.name, unitId: input.unitId ?? null, kind: input.kind, capacity: input.capacity },
    });
    return presentFacility(actor)(await loadFacility(tx, actor, id));
  });
}

export async function updateFacility(db: Tx, actor: Actor, id: number, input: Fields) {
  return db.transaction(async (tx) => {
    const f = await loadFacility(tx, actor, id, true);
    allow(facilityPolicy.keep(actor, f));
    if (f.retired_at) throw conflict('facility_retired');
    checkFields(input);
    const region = input.regionId ? await placeFor(tx, actor, input.regionId) : null;
    if (region) allow(facilityPolicy.keep(actor, { region_path: region.path, unit_id: f.unit_id }));
    const r = input.bookingRules;
    await tx.execute(sql`
      UPDATE facilities SET
        name = ${input.name ?? f.name}, kind = ${input.kind ?? f.kind}, sub_kind = ${input.subKind ?? f.sub_kind},
        capacity = ${input.capacity ?? f.capacity}, region_id = ${region?.id ?? f.region_id},
        address = ${input.address ?? f.address}, description = ${input.description ?? f.description},
        rules = ${input.rules ?? f.rules},
        opening_hours = ${JSON.stringify(input.openingHours ?? f.opening_hours)}::jsonb,
        closures = ${JSON.stringify(input.closures ?? f.closures)}::jsonb,
        min_minutes = ${r?.minMinutes ?? f.min_minutes}, max_minutes = ${r?.maxMinutes ?? f.max_minutes},
        max_days_ahead = ${r?.maxDaysAhead ?? f.max_days_ahead}, min_notice_hours = ${r?.minNoticeHours ?? f.min_notice_hours},
        needs_approval = ${r?.needsApproval ?? f.needs_approval},
        who_may_book = ${`{${(r?.whoMayBook ?? f.who_may_book).join(',')}}`}::text[], updated_at = now()
      WHERE district_id = ${actor.districtId} AND id = ${id}`);
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: f.region_id,
      action: 'facility.update',
      entityType: 'facility',
      entityId: id,
      before: { name: f.name, capacity: f.capacity, openingHours: f.opening_hours, closures: f.closures },
      after: {
        name: input.name ?? f.name,
        capacity: input.capacity ?? f.capacity,
        openingHours: input.openingHours ?? f.opening_hours,
        closures: input.closures ?? f.closures,
      },
    });
    return presentFacility(actor)(await loadFacility(tx, actor, id));
  });
}

/** Takes a facility out of the catalogue; its coming bookings are cancelled and their bookers told. */
export async function retireFacility(db: Tx, actor: Actor, id: number) {
  return db.transaction(async (tx) => {
    const f = await loadFacility(tx, actor, id, true);
    allow(facilityPolicy.keep(actor, f));
    if (f.retired_at) throw conflict('facility_retired');
    await tx.execute(sql`UPDATE facilities SET retired_at = now(), updated_at = now()
      WHERE district_id = ${actor.districtId} AND id = ${id}`);
    const { rows } = await tx.execute<{ user_id: number | null }>(sql`
      WITH c AS (
        UPDATE bookings SET status = 'cancelled', reason = ${storeMessage({ key: 'booking_facility_retired' })}, updated_at = now()
         WHERE district_id = ${actor.districtId} AND facility_id = ${id} AND status IN ('pending', 'confirmed')
           AND lower(during) > now() RETURNING created_by)
      SELECT created_by AS user_id FROM c`);
    for (const b of rows)
      await notify(
        tx,
        { districtId: actor.districtId, userId: b.user_id },
        'notify_facility_retired',
        { name: f.name },
        null,
      );
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: f.region_id,
      action: 'facility.retire',
      entityType: 'facility',
      entityId: id,
      after: { cancelledBookings: rows.length },
    });
    return presentFacility(actor)(await loadFacility(tx, actor, id));
  });
}

/** The dates from `from` to `to` inclusive. */
function daysOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

const isoWeekday = (date: string) => {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
};

/** Open intervals of a facility on the days of a span, closures left out, as instants. */
export function openIntervals(
  f: Pick<FacilityRow, 'opening_hours' | 'closures' | 'time_zone'>,
  from: string,
  to: string,
) {
  const open: { date: string; startsAt: string; endsAt: string }[] = [];
  const closed: { date: string; reason: string }[] = [];
  for (const date of daysOf(from, to)) {
    const closure = f.closures.find((c) => c.from <= date && date <= c.to);
    if (closure) {
      closed.push({ date, reason: closure.reason });
      continue;
    }
    for (const h of f.opening_hours.filter((x) => x.weekday === isoWeekday(date)))
      open.push({
        date,
        startsAt: instant(date, h.opens, f.time_zone),
        endsAt: instant(date, h.closes, f.time_zone),
      });
  }
  return { open, closed };
}

export async function facilityCalendar(
  db: Tx,
  actor: Actor,
  id: number,
  q: z.infer<typeof FacilityCalendarQuery>,
) {
  if (q.to < q.from) throw unprocessable('rule_broken', { constraint: 'to_after_from' });
  if (addDays(q.from, 31) < q.to) throw unprocessable('range_too_long', { days: 31 });
  const f = await loadFacility(db, actor, id);
  const { open, closed } = openIntervals(f, q.from, q.to);
  const owner = facilityPolicy.seeBookers(actor, f);
  const { rows } = await db.execute<{
    id: number;
    starts_at: string;
    ends_at: string;
    status: 'pending' | 'confirmed' | 'used';
    purpose: string;
    mine: boolean;
  }>(sql`
    SELECT b.id, lower(b.during) AS starts_at, upper(b.during) AS ends_at, b.status, b.purpose,
           (b.person_id = ${actor.personId ?? 0} OR ${
             unitScopes(actor, 'unit.read').length
               ? sql`b.unit_id IN (${sql.join(
                   unitScopes(actor, 'unit.read').map((u) => sql`${u}`),
                   sql`, `,
                 )})`
               : sql`false`
           }) AS mine
      FROM bookings b
     WHERE b.district_id = ${actor.districtId} AND b.facility_id = ${id} AND b.status IN ('pending', 'confirmed', 'used')
       AND b.during && tstzrange(${instant(q.from, '00:00', f.time_zone)}::timestamptz, ${instant(addDays(q.to, 1), '00:00', f.time_zone)}::timestamptz)
     ORDER BY lower(b.during)`);
  return {
    open: open.map(({ startsAt, endsAt }) => ({ startsAt, endsAt })),
    closed,
    taken: rows.map((b) => {
      const visible = owner || b.mine;
      return {
        startsAt: iso(b.starts_at)!,
        endsAt: iso(b.ends_at)!,
        status: b.status,
        bookingId: visible ? b.id : null,
        purpose: visible ? b.purpose : null,
      };
    }),
  };
}

/**
 * Utilization over a span: open hours from the opening hours and closures, booked and used
 * hours from the bookings, per facility and per week. For a facility, a unit, or a region.
 */
export async function utilization(db: Tx, actor: Actor, q: z.infer<typeof UtilizationQuery>) {
  if (q.to < q.from) throw unprocessable('rule_broken', { constraint: 'to_after_from' });
  if (addDays(q.from, 370) < q.to) throw unprocessable('range_too_long', { days: 370 });
  const where: SQL[] = [sql`f.district_id = ${actor.districtId}`];
  if (q.facilityId) {
    const f = await loadFacility(db, actor, q.facilityId);
    allow(facilityPolicy.readUse(actor, f));
    where.push(sql`f.id = ${f.id}`);
  } else if (q.unitId) {
    await unitFor(db, actor, q.unitId);
    where.push(sql`f.unit_id = ${q.unitId}`);
  } else if (q.regionId) {
    const root = await regionForRead(db, actor, q.regionId, 'ledger.read');
    where.push(sql`r.path <@ ${root.path}::ltree`);
  } else {
    where.push(inScope(actor, 'facility.manage', sql`r.path`, sql`f.unit_id`));
  }
  const { rows: facilities } = await db.execute<FacilityRow>(
    sql`${SELECT} WHERE ${sql.join(where, sql` AND `)} ORDER BY f.name, f.id`,
  );
  const ids = facilities.map((f) => f.id);
  const zone = await districtTimeZone(db, actor.districtId);
  const start = instant(q.from, '00:00', zone);
  const end = instant(addDays(q.to, 1), '00:00', zone);
  const { rows: usage } = ids.length
    ? await db.execute<{ facility_id: number; week: string; booked: number; used: number }>(sql`
        SELECT b.facility_id, to_char(date_trunc('week', lower(b.during) AT TIME ZONE ${zone}), 'YYYY-MM-DD') AS week,
               sum(extract(epoch FROM upper(b.during) - lower(b.during)) / 3600)::float8 AS booked,
               coalesce(sum(b.used_hours) FILTER (WHERE b.status = 'used'), 0)::float8 AS used
          FROM bookings b
         WHERE b.district_id = ${actor.districtId} AND b.facility_id = ANY(${`{${ids.join(',')}}`}::bigint[])
           AND b.status IN ('confirmed', 'used', 'no_show') AND lower(b.during) >= ${start} AND lower(b.during) < ${end}
         GROUP BY 1, 2`)
    : { rows: [] };
  const round = (x: number) => Math.round(x * 10) / 10;
  const byFacility = facilities.map((f) => {
    // Only the days it was in the catalogue count as open.
    const created = todayIn(zone, new Date(f.created_at));
    const retired = f.retired_at ? addDays(todayIn(zone, new Date(f.retired_at)), -1) : q.to;
    const from = laterDate(created, q.from);
    const to = earlierDate(retired, q.to);
    const openHours = (from <= to ? openIntervals(f, from, to).open : []).reduce(
      (s, o) => s + (Date.parse(o.endsAt) - Date.parse(o.startsAt)) / 3_600_000,
      0,
    );
    const mine = usage.filter((u) => u.facility_id === f.id);
    return {
      id: f.id,
      name: f.name,
      openHours: round(openHours),
      bookedHours: round(mine.reduce((s, u) => s + u.booked, 0)),
      usedHours: round(mine.reduce((s, u) => s + u.used, 0)),
    };
  });
  const weeks = new Map<string, { bookedHours: number; usedHours: number }>();
  for (const u of usage) {
    const w = weeks.get(u.week) ?? { bookedHours: 0, usedHours: 0 };
    w.bookedHours += u.booked;
    w.usedHours += u.used;
    weeks.set(u.week, w);
  }
  const total = (k: 'openHours' | 'bookedHours' | 'usedHours') =>
    round(byFacility.reduce((s, f) => s + f[k], 0));
  const openHours = total('openHours');
  return {
    from: q.from,
    to: q.to,
    openHours,
    bookedHours: total('bookedHours'),
    usedHours: total('usedHours'),
    bookedRate: openHours ? Math.min(1, total('bookedHours') / openHours) : 0,
    usedRate: openHours ? Math.min(1, total('usedHours') / openHours) : 0,
    byFacility,
    byWeek: [...weeks.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([week, w]) => ({ week, bookedHours: round(w.bookedHours), usedHours: round(w.usedHours) })),
  };
}
