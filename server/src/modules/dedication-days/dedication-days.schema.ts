import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import {
  DEFAULT_TIME_ZONE,
  type DedicationException,
  type DedicationTaskTemplate,
  HOURS_STATUSES,
  OCCURRENCE_STATUSES,
  SIGNUP_STATUSES,
} from '../../../../contract';
import { createdAt, districtId, id, updatedAt } from '../../db/columns';
import { users } from '../accounts/accounts.schema';
import { people } from '../members/members.schema';
import { regions } from '../regions/regions.schema';
import { teams } from '../teams/teams.schema';

export const occurrenceStatus = pgEnum('occurrence_status', OCCURRENCE_STATUSES);
export const signupStatus = pgEnum('signup_status', SIGNUP_STATUSES);
export const hoursStatus = pgEnum('hours_status', HOURS_STATUSES);

const HHMM = `'^([01][0-9]|2[0-3]):[0-5][0-9]$'`;

/** 固定奉献日: a community's (or street's) recurring day of service, as an RFC 5545 rule. */
export const dedicationDays = pgTable(
  'dedication_days',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    regionId: id('region_id').notNull(),
    title: text().notNull(),
    rrule: text().notNull(),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    /** Wall-clock times in `timezone` (the district's when the day was made). */
    startTime: text('start_time').notNull(),
    endTime: text('end_time').notNull(),
    timezone: text().notNull().default(DEFAULT_TIME_ZONE),
    place: text().notNull().default(''),
    exceptions: jsonb().$type<DedicationException[]>().notNull().default([]),
    tasks: jsonb().$type<DedicationTaskTemplate[]>().notNull().default([]),
    /** Occurrences exist up to this date; the rolling window moves it on. */
    materialisedUntil: date('materialised_until', { mode: 'string' }),
    retiredAt: timestamp('retired_at', { withTimezone: true, mode: 'string' }),
    createdBy: id('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.regionId], foreignColumns: [regions.districtId, regions.id] }),
    index('dedication_days_region_idx').on(t.districtId, t.regionId),
    check(
      'dedication_days_times',
      sql`${t.startTime} ~ ${sql.raw(HHMM)} AND ${t.endTime} ~ ${sql.raw(HHMM)}`,
    ),
    check('dedication_days_ends_after_start', sql`${t.endTime} > ${t.startTime}`),
  ],
);

/** One day the rule gives, materialised ahead so people can sign up. */
export const occurrences = pgTable(
  'dedication_occurrences',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    dedicationDayId: id('dedication_day_id').notNull(),
    regionId: id('region_id').notNull(),
    onDate: date('on_date', { mode: 'string' }).notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'string' }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true, mode: 'string' }).notNull(),
    place: text().notNull().default(''),
    status: occurrenceStatus().notNull().default('scheduled'),
    /** Typed by the organiser, or a system message stored as `sys:<key>:<json>`. */
    reason: text(),
    remindedAt: timestamp('reminded_at', { withTimezone: true, mode: 'string' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({
      columns: [t.districtId, t.dedicationDayId],
      foreignColumns: [dedicationDays.districtId, dedicationDays.id],
    }),
    foreignKey({ columns: [t.districtId, t.regionId], foreignColumns: [regions.districtId, regions.id] }),
    uniqueIndex('dedication_occurrences_day_key').on(t.districtId, t.dedicationDayId, t.onDate),
    index('dedication_occurrences_starts_idx').on(t.districtId, t.startsAt),
    check('dedication_occurrences_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
    check(
      'dedication_occurrences_cancelled_has_reason',
      sql`${t.status} <> 'cancelled' OR ${t.reason} IS NOT NULL`,
    ),
  ],
);

/** A task on one occurrence; `signed` is a guarded counter the CHECK holds within capacity. */
export const dedicationTasks = pgTable(
  'dedication_tasks',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    occurrenceId: id('occurrence_id').notNull(),
    title: text().notNull(),
    place: text().notNull().default(''),
    capacity: smallint().notNull(),
    signed: smallint().notNull().default(0),
    specialties: text().array().notNull().default(sql`'{}'::text[]`),
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'string' }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true, mode: 'string' }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({
      columns: [t.districtId, t.occurrenceId],
      foreignColumns: [occurrences.districtId, occurrences.id],
    }),
    index('dedication_tasks_occurrence_idx').on(t.districtId, t.occurrenceId),
    // The tasks overlapping a time: who is busy then (teams' suggestions).
    index('dedication_tasks_during_idx').using(
      'gist',
      t.districtId,
      sql`tstzrange(${t.startsAt}, ${t.endsAt})`,
    ),
    check('dedication_tasks_capacity_positive', sql`${t.capacity} > 0`),
    check('dedication_tasks_signed_within_capacity', sql`${t.signed} BETWEEN 0 AND ${t.capacity}`),
    check('dedication_tasks_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** A member's sign-up for a task: signed, or waiting in line (by id) for a place. */
export const signups = pgTable(
  'signups',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    occurrenceId: id('occurrence_id').notNull(),
    taskId: id('task_id').notNull(),
    personId: id('person_id').notNull(),
    /** Signed up by a team's leader as one of the team: the hours count for the team too. */
    teamId: id('team_id'),
    status: signupStatus().notNull(),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true, mode: 'string' }),
    checkedOutAt: timestamp('checked_out_at', { withTimezone: true, mode: 'string' }),
    checkedBy: text('checked_by'),
    hours: numeric({ precision: 5, scale: 2, mode: 'number' }),
    hoursStatus: hoursStatus('hours_status').notNull().default('pending'),
    reason: text(),
    decidedBy: id('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'string' }),
    createdBy: id('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({
      columns: [t.districtId, t.occurrenceId],
      foreignColumns: [occurrences.districtId, occurrences.id],
    }),
    foreignKey({
      columns: [t.districtId, t.taskId],
      foreignColumns: [dedicationTasks.districtId, dedicationTasks.id],
    }),
    foreignKey({ columns: [t.districtId, t.personId], foreignColumns: [people.districtId, people.id] }),
    foreignKey({ columns: [t.districtId, t.teamId], foreignColumns: [teams.districtId, teams.id] }),
    // One live sign-up per person per occurrence: one task on the day, one check-in.
    uniqueIndex('signups_live_key')
      .on(t.districtId, t.occurrenceId, t.personId)
      .where(sql`${t.status} IN ('signed', 'waiting')`),
    index('signups_task_idx').on(t.districtId, t.taskId, t.status, t.id),
    index('signups_person_idx').on(t.districtId, t.personId, t.createdAt.desc()),
    // The hours still to decide (the organisers' workbench): a few among every sign-up ever made.
    index('signups_hours_pending_idx')
      .on(t.districtId, t.occurrenceId)
      .where(sql`${t.status} = 'signed' AND ${t.hoursStatus} = 'pending'`),
    check('signups_checked_by', sql`${t.checkedBy} IS NULL OR ${t.checkedBy} IN ('qr', 'hand')`),
    // One who has checked in stays signed up: with one live sign-up per person per day, no
    // one is checked in twice for a day (the concurrency suite found both ways round it).
    check('signups_checked_in_while_signed', sql`${t.checkedInAt} IS NULL OR ${t.status} = 'signed'`),
    check(
      'signups_out_after_in',
      sql`${t.checkedOutAt} IS NULL OR (${t.checkedInAt} IS NOT NULL AND ${t.checkedOutAt} >= ${t.checkedInAt})`,
    ),
    check('signups_removed_has_reason', sql`${t.status} <> 'removed' OR ${t.reason} IS NOT NULL`),
    check('signups_hours_range', sql`${t.hours} IS NULL OR ${t.hours} BETWEEN 0 AND 24`),
  ],
);

/** Server-wide secrets, made by the database at migration: the check-in codes' key. */
export const appSecrets = pgTable('app_secrets', {
  name: text().primaryKey(),
  value: text().notNull(),
});
