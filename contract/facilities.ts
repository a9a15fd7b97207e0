import { z } from 'zod';
import { Id, KeysetPagination, LocalDate, Pagination, page, patchOf } from './common';
import { LocalTime } from './dedication-days';

export const FACILITY_KINDS = ['education', 'sports', 'culture', 'health'] as const;
export type FacilityKind = (typeof FACILITY_KINDS)[number];
export const FACILITY_SUB_KINDS = [
  'classroom',
  'library',
  'lab',
  'gym',
  'court',
  'field',
  'pool',
  'hall',
  'activity_room',
  'meeting_room',
  'clinic_room',
  'other',
] as const;
export const BOOKERS = ['resident', 'member', 'team', 'unit'] as const;
export type Booker = (typeof BOOKERS)[number];
export const BOOKING_STATUSES = ['pending', 'confirmed', 'declined', 'cancelled', 'no_show', 'used'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** Open from `opens` to `closes` on a weekday (1 = Monday … 7 = Sunday), Beijing time. */
export const OpeningInterval = z.strictObject({
  weekday: z.number().int().min(1).max(7),
  opens: LocalTime,
  closes: LocalTime,
});
export const FacilityClosure = z.strictObject({
  from: LocalDate,
  to: LocalDate,
  reason: z.string().trim().min(1).max(100),
});
export const BookingRules = z.strictObject({
  minMinutes: z
    .number()
    .int()
    .min(15)
    .max(24 * 60)
    .default(30),
  maxMinutes: z
    .number()
    .int()
    .min(15)
    .max(24 * 60)
    .default(240),
  /** How far ahead one may book. */
  maxDaysAhead: z.number().int().min(1).max(366).default(30),
  /** How long before the start a booking must be made. */
  minNoticeHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 14)
    .default(2),
  needsApproval: z.boolean().default(true),
  whoMayBook: z.array(z.enum(BOOKERS)).min(1).default(['resident', 'member', 'team', 'unit']),
});
export type BookingRules = z.infer<typeof BookingRules>;
const FacilityFields = {
  name: z.string().trim().min(2).max(60),
  kind: z.enum(FACILITY_KINDS),
  subKind: z.enum(FACILITY_SUB_KINDS),
  capacity: z.number().int().min(1).max(10_000),
  /** Where it is: a community, a building or an entrance. */
  regionId: Id,
  address: z.string().trim().max(200).default(''),
  description: z.string().trim().max(2000).default(''),
  rules: z.string().trim().max(2000).default(''),
  openingHours: z.array(OpeningInterval).max(50).default([]),
  closures: z.array(FacilityClosure).max(200).default([]),
  bookingRules: BookingRules.default(BookingRules.parse({})),
};
export const FacilityCreateBody = z.strictObject({
  ...FacilityFields,
  /** The owning unit; absent = the community's own venue. */
  unitId: Id.optional(),
});
export const FacilityUpdateBody = patchOf(FacilityFields);
export const FacilityCan = z.object({
  edit: z.boolean(),
  retire: z.boolean(),
  decideBookings: z.boolean(),
  /** See its bookings and who made them. */
  seeBookings: z.boolean(),
  /** See its use figures (utilization). */
  readUse: z.boolean(),
});
export type FacilityCan = z.infer<typeof FacilityCan>;
export const Facility = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(FACILITY_KINDS),
  subKind: z.enum(FACILITY_SUB_KINDS),
  capacity: z.number(),
  regionId: z.number(),
  regionName: z.string(),
  /** The community it stands in. */
  communityName: z.string(),
  owner: z.object({ kind: z.enum(['unit', 'community']), id: z.number(), name: z.string() }),
  address: z.string(),
  description: z.string(),
  rules: z.string(),
  openingHours: z.array(z.object({ weekday: z.number(), opens: z.string(), closes: z.string() })),
  closures: z.array(z.object({ from: z.string(), to: z.string(), reason: z.string() })),
  bookingRules: z.object({
    minMinutes: z.number(),
    maxMinutes: z.number(),
    maxDaysAhead: z.number(),
    minNoticeHours: z.number(),
    needsApproval: z.boolean(),
    whoMayBook: z.array(z.enum(BOOKERS)),
  }),
  /** What the reader may do to it (facilities.policy.ts answers; the console shows only these). */
  can: FacilityCan,
  retiredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Facility = z.infer<typeof Facility>;
export const FacilityListQuery = z.strictObject({
  ...KeysetPagination,
  q: z.string().trim().max(50).optional(),
  kind: z.enum(FACILITY_KINDS).optional(),
  subKind: z.enum(FACILITY_SUB_KINDS).optional(),
  regionId: Id.optional(),
  unitId: Id.optional(),
  minCapacity: z.coerce.number().int().min(1).max(10_000).optional(),
  /** Free (open, not closed, not booked) for this whole slot. */
  freeFrom: z.iso.datetime({ offset: true }).optional(),
  freeTo: z.iso.datetime({ offset: true }).optional(),
  /** Only those the reader keeps. */
  managed: z.enum(['true', 'false']).optional(),
});

export const Booking = z.object({
  id: z.number(),
  facilityId: z.number(),
  facilityName: z.string(),
  ownerName: z.string(),
  seriesId: z.number().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  purpose: z.string(),
  people: z.number(),
  /** Who asked: a person (resident or member) or a unit. */
  bookedFor: z.object({ kind: z.enum(['person', 'unit']), id: z.number(), name: z.string() }),
  status: z.enum(BOOKING_STATUSES),
  reason: z.string().nullable(),
  usedHours: z.number().nullable(),
  createdAt: z.string(),
});
export type Booking = z.infer<typeof Booking>;
export const BookingCreateBody = z.strictObject({
  facilityId: Id,
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  purpose: z.string().trim().min(2).max(200),
  people: z.number().int().min(1).max(10_000),
  /** For a unit's contact: book for the unit. */
  forUnit: z.boolean().default(false),
  /** A weekly series: the same hours every week until this date (inclusive). */
  weeklyUntil: LocalDate.optional(),
});
export const BookingSeriesResult = z.object({
  seriesId: z.number().nullable(),
  booked: z.array(Booking),
  /** Dates that could not be booked, and why. */
  clashes: z.array(z.object({ date: z.string(), code: z.string(), reason: z.string() })),
});
export const BookingListQuery = z.strictObject({
  ...Pagination,
  mine: z.enum(['true', 'false']).optional(),
  facilityId: Id.optional(),
  status: z.enum(BOOKING_STATUSES).optional(),
  /** The owner's inbox: bookings waiting for a decision on facilities the reader keeps. */
  inbox: z.enum(['true', 'false']).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  /**
   * The bookings of this unit's facilities (the unit's page): waiting for a decision first, then
   * those coming up (soonest first), then the past (newest first).
   */
  unitId: Id.optional(),
});
export const BookingDecisionBody = z.strictObject({
  decision: z.enum(['confirm', 'decline']),
  reason: z.string().trim().min(2).max(200).optional(),
});
export const BookingUseBody = z.strictObject({
  /** Hours the facility was actually used; 0 with `noShow`. */
  usedHours: z.number().min(0).max(24).optional(),
  noShow: z.boolean().default(false),
});
/** A week (or any span ≤ 31 days) of a facility: when it is open, closed, and taken. */
export const FacilityCalendar = z.object({
  open: z.array(z.object({ startsAt: z.string(), endsAt: z.string() })),
  closed: z.array(z.object({ date: z.string(), reason: z.string() })),
  taken: z.array(
    z.object({
      startsAt: z.string(),
      endsAt: z.string(),
      status: z.enum(BOOKING_STATUSES),
      /** Only to those who may see it: the owner, and the one who booked. */
      bookingId: z.number().nullable(),
      purpose: z.string().nullable(),
    }),
  ),
});
export const FacilityCalendarQuery = z.strictObject({ from: LocalDate, to: LocalDate });
/** Orders of utilization's facility table. */
export const UTILIZATION_SORTS = [
  'name',
  'openHours',
  'bookedHours',
  'usedHours',
  'bookedRate',
  'usedRate',
] as const;
export const UtilizationQuery = z.strictObject({
  /** The page of the facility table; the totals and weeks are the whole scope's. */
  ...Pagination,
  sort: z.enum(UTILIZATION_SORTS).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  facilityId: Id.optional(),
  unitId: Id.optional(),
  regionId: Id.optional(),
  from: LocalDate,
  to: LocalDate,
});
export const Utilization = z.object({
  from: z.string(),
  to: z.string(),
  openHours: z.number(),
  bookedHours: z.number(),
  usedHours: z.number(),
  /** Booked and used over open hours, 0…1. */
  bookedRate: z.number(),
  usedRate: z.number(),
  /** One page of the scope's facilities, in the order asked for; `total` counts them all. */
  byFacility: page(
    z.object({
      id: z.number(),
      name: z.string(),
      openHours: z.number(),
      bookedHours: z.number(),
      usedHours: z.number(),
    }),
  ),
  /** Used hours per week (Monday), for a chart. */
  byWeek: z.array(z.object({ week: z.string(), bookedHours: z.number(), usedHours: z.number() })),
});
