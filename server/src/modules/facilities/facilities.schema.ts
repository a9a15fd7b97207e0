import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { BOOKING_STATUSES, type Booker, FACILITY_KINDS, FACILITY_SUB_KINDS } from '../../../../contract';
import { createdAt, districtId, id, tstzrange, updatedAt } from '../../db/columns';
import { users } from '../accounts/accounts.schema';
import { people } from '../members/members.schema';
import { regions } from '../regions/regions.schema';
import { units } from '../units/units.schema';

export const facilityKind = pgEnum('facility_kind', FACILITY_KINDS);
export const facilitySubKind = pgEnum('facility_sub_kind', FACILITY_SUB_KINDS);
export const bookingStatus = pgEnum('booking_status', BOOKING_STATUSES);

/** A unit's (or the community's own) room, court, hall or clinic, opened to others. */
export const facilities = pgTable(
  'facilities',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    /** The owning unit; null for the community's own venue. */
    unitId: id('unit_id'),
    regionId: id('region_id').notNull(),
    name: text().notNull(),
    kind: facilityKind().notNull(),
    subKind: facilitySubKind('sub_kind').notNull(),
    capacity: integer().notNull(),
    address: text().notNull().default(''),
    description: text().notNull().default(''),
    rules: text().notNull().default(''),
    /** [{weekday 1–7, opens, closes}], wall-clock times in the district's time zone. */
    openingHours: jsonb('opening_hours')
      .$type<{ weekday: number; opens: string; closes: string }[]>()
      .notNull()
      .default([]),
    closures: jsonb().$type<{ from: string; to: string; reason: string }[]>().notNull().default([]),
    minMinutes: integer('min_minutes').notNull().default(30),
    maxMinutes: integer('max_minutes').notNull().default(240),
    maxDaysAhead: integer('max_days_ahead').notNull().default(30),
    minNoticeHours: integer('min_notice_hours').notNull().default(2),
    needsApproval: boolean('needs_approval').notNull().default(true),
    whoMayBook: text('who_may_book')
      .array()
      .$type<Booker[]>()
      .notNull()
      .default(sql`'{resident,member,team,unit}'::text[]`),
    retiredAt: timestamp('retired_at', { withTimezone: true, mode: 'string' }),
    createdBy: id('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.unitId], foreignColumns: [units.districtId, units.id] }),
    foreignKey({ columns: [t.districtId, t.regionId], foreignColumns: [regions.districtId, regions.id] }),
    index('facilities_region_idx').on(t.districtId, t.regionId),
    index('facilities_unit_idx').on(t.districtId, t.unitId),
    index('facilities_kind_idx').on(t.districtId, t.kind, t.capacity),
    index('facilities_name_trgm').using('gin', sql`${t.name} gin_trgm_ops`),
    // One or two characters of a name: the header's search (db/text's textContains).
    index('facilities_name_grams').using('gin', sql`name_grams(${t.name})`),
    // The list's order: a page reads 20 rows off it instead of sorting every facility.
    index('facilities_name_idx').on(t.districtId, t.name, t.id).where(sql`${t.retiredAt} IS NULL`),
    check('facilities_capacity_positive', sql`${t.capacity} > 0`),
    check('facilities_lengths', sql`${t.minMinutes} > 0 AND ${t.maxMinutes} >= ${t.minMinutes}`),
  ],
);

/**
 * A slot on a facility. Two pending or confirmed (or used) bookings of one facility never
 * overlap: an exclusion constraint in the migration holds it, whatever the code does.
 */
export const bookings = pgTable(
  'bookings',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    facilityId: id('facility_id').notNull(),
    /** A weekly series shares the id of its first booking. */
    seriesId: id('series_id'),
    during: tstzrange().notNull(),
    purpose: text().notNull(),
    people: integer().notNull(),
    personId: id('person_id'),
    unitId: id('unit_id'),
    status: bookingStatus().notNull(),
    reason: text(),
    usedHours: numeric('used_hours', { precision: 5, scale: 2, mode: 'number' }),
    decidedBy: id('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'string' }),
    createdBy: id('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({
      columns: [t.districtId, t.facilityId],
      foreignColumns: [facilities.districtId, facilities.id],
    }),
    foreignKey({ columns: [t.districtId, t.personId], foreignColumns: [people.districtId, people.id] }),
    foreignKey({ columns: [t.districtId, t.unitId], foreignColumns: [units.districtId, units.id] }),
    index('bookings_person_idx').on(t.districtId, t.personId, t.createdAt.desc()),
    index('bookings_unit_idx').on(t.districtId, t.unitId, t.createdAt.desc()),
    index('bookings_pending_idx').on(t.districtId, t.facilityId).where(sql`${t.status} = 'pending'`),
    check('bookings_one_booker', sql`num_nonnulls(${t.personId}, ${t.unitId}) = 1`),
    check('bookings_people_positive', sql`${t.people} > 0`),
    check(
      'bookings_slot_bounded',
      sql`NOT isempty(${t.during}) AND NOT upper_inf(${t.during}) AND NOT lower_inf(${t.during})`,
    ),
    check('bookings_declined_has_reason', sql`${t.status} <> 'declined' OR ${t.reason} IS NOT NULL`),
    check('bookings_used_hours', sql`${t.usedHours} IS NULL OR ${t.usedHours} BETWEEN 0 AND 24`),
  ],
);
