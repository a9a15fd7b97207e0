/**
 * What facilities put on a workbench: bookings waiting for the reader's decision at the
 * facilities they keep (facilityPolicy.decide), and the reader's own bookings coming up.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Upcoming } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { holds, inScope, inUnits, unitScopes } from '../../auth/authorize';
import type { Tx } from '../../db/client';
import { iso } from '../../http';
import { clockIn, dateTimeIn } from '../../time';
import { personRow } from '../members/members.queries';
import { districtTimeZone, livingRegions } from '../regions/regions.queries';
import { unitRow } from '../units/units.queries';
import type { TodoSource, UpcomingSource } from '../workbench/workbench.types';

const INBOX = '/bookings/inbox';
const MINE = '/me/bookings';
/** More than the workbench ever shows of what comes next: the soonest of them are enough. */
const AHEAD = 20;

/**
 * SQL: the facility `f` (its place `r`) is one whose bookings the actor decides — its unit's
 * contact, or for a community venue the organisers over it (facilityPolicy.decide).
 */
const decides = (actor: Actor): SQL =>
  sql`((f.unit_id IS NULL AND ${inScope(actor, 'facility.manage', sql`r.path`)})
    OR ${inUnits(actor, 'facility.manage', sql`f.unit_id`)})`;

/** SQL: the booking `b` is the actor's own, or their unit's as its contact (bookingPolicy.booked). */
const booked = (actor: Actor): SQL =>
  sql`(b.person_id = ${actor.personId ?? 0} OR ${inUnits(actor, 'unit.manage', sql`b.unit_id`)})`;

/** The booking with its facility, the facility's place and its owner (a unit, or the place itself). */
const FROM = (db: Tx, actor: Actor) => sql`
    FROM bookings b
    JOIN facilities f ON f.district_id = b.district_id AND f.id = b.facility_id
    LEFT JOIN (${livingRegions(db, actor.districtId)}) r ON r.id = f.region_id
    LEFT JOIN LATERAL (${unitRow(sql`f.district_id`, sql`f.unit_id`)}) fu ON true`;

type Row = {
  id: number;
  facility: string;
  owner: string | null;
  starts_at: string;
  ends_at: string;
  booker: string | null;
  created_at: string;
};

/** "Hall 2025-06-01 14:00–16:00", in the district's time (`zone`): the facility and the slot, no words. */
const slotOf = (r: Row, zone: string) =>
  `${r.facility} ${dateTimeIn(r.starts_at, zone)}–${clockIn(r.ends_at, zone)}`;

export const bookingTodos: TodoSource = {
  kind: 'booking.decide',
  link: INBOX,
  applies: (actor) => holds(actor, 'facility.manage'),
  async list(db: Tx, actor: Actor, limit: number) {
    const { rows } = await db.execute<Row & { n: number }>(sql`
      SELECT b.id, f.name AS facility, coalesce(fu.name, r.name) AS owner,
             lower(b.during) AS starts_at, upper(b.during) AS ends_at,
             coalesce(p.name, u.name) AS booker, b.created_at, count(*) OVER ()::int AS n
      ${FROM(db, actor)}
      LEFT JOIN LATERAL (${personRow(sql`b.district_id`, sql`b.person_id`)}) p ON true
      LEFT JOIN LATERAL (${unitRow(sql`b.district_id`, sql`b.unit_id`)}) u ON true
      WHERE b.district_id = ${actor.districtId} AND b.status = 'pending' AND ${decides(actor)}
      ORDER BY b.created_at, b.id LIMIT ${limit}`);
    const zone = await districtTimeZone(db, actor.districtId);
    return {
      count: rows[0]?.n ?? 0,
      items: rows.map((r) => ({
        id: r.id,
        title: r.booker ? `${slotOf(r, zone)} · ${r.booker}` : slotOf(r, zone),
        place: r.owner,
        since: iso(r.created_at)!,
        dueAt: null,
        link: INBOX,
      })),
    };
  },
};

/** The reader's own (or their unit's) bookings, confirmed or waiting, starting in [from, to). */
export const bookingsAhead: UpcomingSource = async (db, actor, from, to) => {
  if (actor.personId === null && unitScopes(actor, 'unit.manage').length === 0) return [];
  const { rows } = await db.execute<Row>(sql`
    SELECT b.id, f.name AS facility, coalesce(fu.name, r.name) AS owner,
           lower(b.during) AS starts_at, upper(b.during) AS ends_at, NULL AS booker, b.created_at
    ${FROM(db, actor)}
    WHERE b.district_id = ${actor.districtId} AND ${booked(actor)}
      AND b.status IN ('pending', 'confirmed')
      AND lower(b.during) >= ${from.toISOString()}::timestamptz AND lower(b.during) < ${to.toISOString()}::timestamptz
    ORDER BY lower(b.during), b.id LIMIT ${AHEAD}`);
  return rows.map(
    (r): Upcoming => ({
      kind: 'booking',
      id: r.id,
      title: r.facility,
      place: r.owner,
      startsAt: iso(r.starts_at)!,
      endsAt: iso(r.ends_at)!,
      link: MINE,
    }),
  );
};
