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
} from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { allow, inDistrictScope, scopes, unitScopes } from '../../auth/authorize';
import type { Tx } from '../../db/client';
import { cappedCount, keyset, type SortKey } from '../../db/paging';
import { conflict, notFound, unprocessable } from '../../errors';
import { contains, iso } from '../../http';
import { storeMessage } from '../../i18n';
import { recordAudit } from '../audit/audit.service';
import { addDays, instant } from '../dedication-days/recurrence';
import { memberPlaces } from '../members/members.service';
import { notify } from '../notifications/notifications.service';
import { regionForRead, zoneOf } from '../regions/regions.queries';
import { unitRow, unitsRegionIds } from '../units/units.queries';
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

const COLUMNS = sql`
         f.id, f.unit_id, u.name AS unit_name, f.region_id, r.name AS region_name, r.path::text AS region_path,
         c.id AS community_id, c.name AS community_name, f.name, f.kind, f.sub_kind, f.capacity, f.address, f.description,
         f.rules, f.opening_hours, f.closures, f.min_minutes, f.max_minutes, f.max_days_ahead, f.min_notice_hours,
         f.needs_approval, f.who_may_book, f.retired_at, f.created_at, ${zoneOf(sql`f.district_id`)} AS time_zone`;
/** A facility's (`f`) place (`r`), unit (`u`, none for a community's own venue) and community (`c`). */
const PLACE = sql`JOIN regions r ON r.district_id = f.district_id AND r.id = f.region_id
    LEFT JOIN LATERAL (${unitRow(sql`f.district_id`, sql`f.unit_id`)}) u ON true`;
const COMMUNITY = sql`JOIN regions c ON c.district_id = r.district_id AND c.path = subpath(r.path, 0, least(3, nlevel(r.path)))`;
const FROM = sql`FROM facilities f ${PLACE}`;
const WITH_COMMUNITY = sql`${FROM} ${COMMUNITY}`;
const SELECT = sql`SELECT ${COLUMNS} ${WITH_COMMUNITY}`;

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

/**
 * SQL: the regions (`nr.id`) of the communities the actor belongs to — home and registration,
 * those they serve, their units' — or null if none.
 */
async function nearRegions(db: Tx, actor: Actor): Promise<SQL | null> {
  const places = await memberPlaces(db, actor);
  for (const root of scopes(actor, 'facility.manage')) if (root.split('.').length >= 3) places.push(root);
  const parts = places.map((p) => sql`nr.path <@ ${p}::ltree`);
  const units = unitScopes(actor, 'unit.read');
  if (units.length)
    parts.push(sql`EXISTS (SELECT 1 FROM regions ur WHERE ur.district_id = nr.district_id
      AND ur.id IN (${unitsRegionIds(actor.districtId, units)}) AND nr.path <@ subpath(ur.path, 0, least(3, nlevel(ur.path))))`);
  return parts.length
    ? sql`SELECT nr.id FROM regions nr WHERE nr.district_id = ${actor.districtId} AND (${sql.join(parts, sql` OR `)})`
    : null;
}

const BY_NAME: SortKey[] = [
  { sql: sql`f.name`, type: 'text' },
  { sql: sql`f.id`, type: 'bigint' },
];

/**
 * The catalogue, by name (the index facilities_name_idx: page 1 and every page after a cursor
 * are a range of it), or nearby first for a reader who has communities of their own. The
 * facility's community, unit and zone are looked up for the page's rows; the count reads the
 * place and unit only when a condition does.
 */
export async function listFacilities(db: Tx, actor: Actor, q: z.infer<typeof FacilityListQuery>) {
  const own: SQL[] = [sql`f.district_id = ${actor.districtId}`, facilityPolicy.listed()];
  const joined: SQL[] = [];
  // Nearby first (unless a place is asked for): the reader's own communities, then the rest.
  let near: SQL | null = null;
  if (q.regionId) {
    const root = await regionForRead(db, actor, q.regionId);
    joined.push(sql`r.path <@ ${root.path}::ltree`);
  } else {
    const regions = await nearRegions(db, actor);
    if (regions) near = sql`f.region_id IN (${regions})`;
  }
  if (q.q) joined.push(sql`(f.name ILIKE ${contains(q.q)} OR u.name ILIKE ${contains(q.q)})`);
  if (q.kind) own.push(sql`f.kind = ${q.kind}`);
  if (q.subKind) own.push(sql`f.sub_kind = ${q.subKind}`);
  if (q.unitId) own.push(sql`f.unit_id = ${q.unitId}`);
  if (q.minCapacity) own.push(sql`f.capacity >= ${q.minCapacity}`);
  if (q.managed === 'true')
    joined.push(inDistrictScope(actor, 'facility.manage', sql`r.path`, sql`f.unit_id`));
  if (q.freeFrom || q.freeTo) {
    if (!q.freeFrom || !q.freeTo || Date.parse(q.freeTo) <= Date.parse(q.freeFrom))
      throw unprocessable('rule_broken', { constraint: 'free_slot' });
    own.push(freeFor(q.freeFrom, q.freeTo, zoneOf(actor.districtId)));
  }
  const cond = sql.join([...own, ...joined], sql` AND `);
  const from = joined.length ? FROM : sql`FROM facilities f`;
  const ks = keyset(
    q,
    near ? [{ sql: sql`(CASE WHEN ${near} THEN 0 ELSE 1 END)`, type: 'int' }, ...BY_NAME] : BY_NAME,
  );
  const [page, count] = await Promise.all([
    db.execute<FacilityRow & Record<string, unknown>>(
      near && (ks.after || q.page === 1)
        ? nearFirst(actor, ks, { from, cond, near }, q.pageSize)
        : sql`SELECT ${COLUMNS}, ${ks.keys} ${WITH_COMMUNITY} WHERE ${cond} AND ${ks.where}
           ORDER BY ${ks.orderBy} ${ks.limit}`,
    ),
    cappedCount(db, sql`${from} WHERE ${cond}`),
  ]);
  return { ...ks.page(page.rows, presentFacility(actor)), ...count };
}

/**
 * A page of the nearby-first order, as two index reads: the few nearby facilities (by their
 * places), then the rest by name from the cursor on (facilities_name_idx) — not a sort of
 * the whole catalogue by "is it nearby". Keys as `keyset` gives them (`_k0` 0: nearby).
 */
function nearFirst(
  actor: Actor,
  ks: ReturnType<typeof keyset>,
  { from, cond, near }: { from: SQL; cond: SQL; near: SQL },
  size: number,
) {
  const [part, name, id] = ks.after ?? [];
  const beyond = sql`(f.name, f.id) > (${name}::text, ${id}::bigint)`;
  const limit = sql.raw(String(size + 1));
  const nearby = sql`SELECT f.id, f.name, 0 AS part ${from} WHERE ${cond} AND ${near}
    AND ${part === '0' ? beyond : sql`true`}`;
  const rest = sql`(SELECT f.id, f.name, 1 AS part ${from} WHERE ${cond} AND NOT ${near}
    AND ${part === '1' ? beyond : sql`true`} ORDER BY f.name, f.id LIMIT ${limit})`;
  return sql`WITH pg AS MATERIALIZED (
      SELECT * FROM (${part === '1' ? rest : sql`${nearby} UNION ALL ${rest}`}) x ORDER BY part, name, id LIMIT ${limit})
    SELECT ${COLUMNS}, pg.part::text AS _k0, pg.name AS _k1, pg.id::text AS _k2
      FROM pg JOIN facilities f ON f.district_id = ${actor.districtId} AND f.id = pg.id ${PLACE} ${COMMUNITY}
    ORDER BY pg.part, pg.name, pg.id`;
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
