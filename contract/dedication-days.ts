import { z } from 'zod';
import { Id, LocalDate, Pagination, patchOf } from './common';
import { SpecialtyCode } from './members';
import { TimeZone } from './regions';

export const OCCURRENCE_STATUSES = ['scheduled', 'cancelled'] as const;
export type OccurrenceStatus = (typeof OCCURRENCE_STATUSES)[number];
export const SIGNUP_STATUSES = ['signed', 'waiting', 'withdrawn', 'removed'] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];
export const HOURS_STATUSES = ['pending', 'confirmed', 'rejected'] as const;
export type HoursStatus = (typeof HOURS_STATUSES)[number];
/** A wall-clock time in the dedication day's time zone. */
export const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm');

/** A task every occurrence starts with; copied into each occurrence, then editable there. */
export const DedicationTaskTemplate = z.strictObject({
  title: z.string().trim().min(2).max(60),
  place: z.string().trim().max(100).default(''),
  capacity: z.number().int().min(1).max(500),
  specialties: z.array(SpecialtyCode).max(10).default([]),
  /** Within the day's hours; absent = the whole day's hours. */
  startTime: LocalTime.optional(),
  endTime: LocalTime.optional(),
});
export type DedicationTaskTemplate = z.infer<typeof DedicationTaskTemplate>;
/** A date the rule gives that is cancelled, or moved to another date. */
export const DedicationException = z.strictObject({
  date: LocalDate,
  movedTo: LocalDate.optional(),
  reason: z.string().trim().max(200).default(''),
});
export type DedicationException = z.infer<typeof DedicationException>;
const DedicationDayFields = {
  title: z.string().trim().min(2).max(60),
  /** RFC 5545 RRULE without DTSTART, e.g. FREQ=MONTHLY;BYDAY=SA;BYSETPOS=2 (the second Saturday). */
  rrule: z
    .string()
    .trim()
    .toUpperCase()
    .regex(
      /^(RRULE:)?FREQ=[A-Z]+(;[A-Z]+=[A-Z0-9,+-]+)*$/,
      'an RRULE such as FREQ=MONTHLY;BYDAY=SA;BYSETPOS=2',
    ),
  /** The first date the rule may give (DTSTART), in the time zone. */
  startsOn: LocalDate,
  startTime: LocalTime,
  endTime: LocalTime,
  /** Absent: the district's zone (its setting) when the day is made. */
  timezone: TimeZone.optional(),
  place: z.string().trim().max(100).default(''),
  exceptions: z.array(DedicationException).max(200).default([]),
  tasks: z.array(DedicationTaskTemplate).min(1).max(20),
};
export const DedicationDayCreateBody = z.strictObject({ regionId: Id, ...DedicationDayFields });
export const DedicationDayUpdateBody = patchOf(DedicationDayFields);
export const DedicationDay = z.object({
  id: z.number(),
  regionId: z.number(),
  regionName: z.string(),
  title: z.string(),
  rrule: z.string(),
  startsOn: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  timezone: z.string(),
  place: z.string(),
  exceptions: z.array(z.object({ date: z.string(), movedTo: z.string().optional(), reason: z.string() })),
  tasks: z.array(
    z.object({
      title: z.string(),
      place: z.string(),
      capacity: z.number(),
      specialties: z.array(z.string()),
      startTime: z.string().optional(),
      endTime: z.string().optional(),
    }),
  ),
  /** The next dates it gives, exceptions applied: how a reader checks the rule says what they meant. */
  upcoming: z.array(z.string()),
  retiredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type DedicationDay = z.infer<typeof DedicationDay>;
export const DedicationDayListQuery = z.strictObject({
  ...Pagination,
  regionId: Id.optional(),
  q: z.string().trim().max(50).optional(),
});
/** Try a rule before saving it: the dates it gives. */
export const RecurrencePreviewBody = z.strictObject({
  rrule: DedicationDayFields.rrule,
  startsOn: LocalDate,
  /** Absent: the district's zone. */
  timezone: TimeZone.optional(),
  exceptions: z.array(DedicationException).max(200).default([]),
  count: z.number().int().min(1).max(50).default(12),
});

export const DedicationTask = z.object({
  id: z.number(),
  title: z.string(),
  place: z.string(),
  capacity: z.number(),
  signed: z.number(),
  waiting: z.number(),
  specialties: z.array(z.string()),
  startsAt: z.string(),
  endsAt: z.string(),
  /** The reader's own sign-up for this task, if any. */
  mine: z
    .object({ signupId: z.number(), status: z.enum(SIGNUP_STATUSES), position: z.number().nullable() })
    .nullable(),
});
export type DedicationTask = z.infer<typeof DedicationTask>;
export const Occurrence = z.object({
  id: z.number(),
  dedicationDayId: z.number(),
  title: z.string(),
  regionId: z.number(),
  regionName: z.string(),
  /** The local date in the dedication day's time zone. */
  date: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  status: z.enum(OCCURRENCE_STATUSES),
  reason: z.string().nullable(),
  tasks: z.array(DedicationTask),
});
export type Occurrence = z.infer<typeof Occurrence>;
export const OccurrenceListQuery = z.strictObject({
  ...Pagination,
  pageSize: z.coerce.number().int().min(1).max(500).default(200),
  regionId: Id.optional(),
  dedicationDayId: Id.optional(),
  /** Only occurrences where the reader has signed up or waits. */
  mine: z.enum(['true', 'false']).optional(),
  from: LocalDate,
  to: LocalDate,
});
export const OccurrenceCancelBody = z.strictObject({ reason: z.string().trim().min(2).max(200) });
export const OccurrenceTaskBody = z.strictObject({
  title: z.string().trim().min(2).max(60),
  place: z.string().trim().max(100).default(''),
  capacity: z.number().int().min(1).max(500),
  specialties: z.array(SpecialtyCode).max(10).default([]),
  startsAt: z.iso.datetime({ offset: true }).optional(),
  endsAt: z.iso.datetime({ offset: true }).optional(),
});
export const OccurrenceTaskUpdateBody = patchOf(OccurrenceTaskBody.shape);

export const Signup = z.object({
  id: z.number(),
  occurrenceId: z.number(),
  dedicationDayId: z.number(),
  title: z.string(),
  regionName: z.string(),
  date: z.string(),
  taskId: z.number(),
  taskTitle: z.string(),
  place: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  person: z.object({ id: z.number(), name: z.string() }),
  status: z.enum(SIGNUP_STATUSES),
  /** 1 for the first in line while waiting. */
  position: z.number().nullable(),
  checkedInAt: z.string().nullable(),
  checkedOutAt: z.string().nullable(),
  checkedBy: z.enum(['qr', 'hand']).nullable(),
  /** From check-in and check-out, capped at the task's length. */
  computedHours: z.number().nullable(),
  hours: z.number().nullable(),
  hoursStatus: z.enum(HOURS_STATUSES),
  reason: z.string().nullable(),
  createdAt: z.string(),
});
export type Signup = z.infer<typeof Signup>;
export const SignupCreateBody = z.strictObject({ taskId: Id });
export const SignupListQuery = z.strictObject({
  ...Pagination,
  mine: z.enum(['true', 'false']).optional(),
  occurrenceId: Id.optional(),
  taskId: Id.optional(),
  status: z.enum(SIGNUP_STATUSES).optional(),
  hoursStatus: z.enum(HOURS_STATUSES).optional(),
});
export const SignupRemoveBody = z.strictObject({ reason: z.string().trim().min(2).max(200) });
/** The organiser checks a person in or out by hand. */
export const HandCheckBody = z.strictObject({ action: z.enum(['in', 'out']) });
export const HoursDecisionBody = z.strictObject({
  decision: z.enum(['confirm', 'reject']),
  /** Absent: the computed hours. A figure other than the computed one needs a reason. */
  hours: z.number().min(0).max(24).optional(),
  reason: z.string().trim().min(2).max(200).optional(),
});
/** The rotating code an organiser shows; a photo of it stops working within a minute. */
export const CheckinCode = z.object({
  token: z.string(),
  /** The page a phone's camera opens: it checks the member in. */
  url: z.string(),
  expiresAt: z.string(),
  refreshSeconds: z.number(),
});
export const CheckinBody = z.strictObject({
  token: z.string().trim().min(10).max(200),
  action: z.enum(['in', 'out']).default('in'),
});
export const CheckinResult = z.object({
  outcome: z.enum(['checked_in', 'already_in', 'checked_out', 'already_out']),
  signup: Signup,
});
