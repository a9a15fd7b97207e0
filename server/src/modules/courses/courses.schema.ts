import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { COURSE_KINDS, ENROLMENT_MODES, ENROLMENT_STATUSES } from '../../../../contract';
import { createdAt, districtId, id, updatedAt } from '../../db/columns';
import { users } from '../accounts/accounts.schema';
import { campaigns } from '../campaigns/campaigns.schema';
import { people } from '../members/members.schema';
import { regions } from '../regions/regions.schema';

export const courseKind = pgEnum('course_kind', COURSE_KINDS);
export const enrolmentMode = pgEnum('enrolment_mode', ENROLMENT_MODES);
export const enrolmentStatus = pgEnum('enrolment_status', ENROLMENT_STATUSES);
/** 社区干部培训班 or 专题讲座 (a one-session course). */
export const courses = pgTable(
  'courses',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    regionId: id('region_id').notNull(),
    kind: courseKind().notNull(),
    title: text().notNull(),
    description: text().notNull().default(''),
    audience: text().notNull().default(''),
    capacity: integer().notNull(),
    enrolment: enrolmentMode().notNull().default('open'),
    minSessions: integer('min_sessions').notNull().default(1),
    /** Enrolled now: a guarded counter the CHECK holds within capacity. */
    enrolled: integer().notNull().default(0),
    campaignId: id('campaign_id'),
    createdBy: id('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.regionId], foreignColumns: [regions.districtId, regions.id] }),
    foreignKey({
      columns: [t.districtId, t.campaignId],
      foreignColumns: [campaigns.districtId, campaigns.id],
    }),
    index('courses_region_idx').on(t.districtId, t.regionId),
    index('courses_campaign_idx').on(t.districtId, t.campaignId),
    check('courses_enrolled_within_capacity', sql`${t.enrolled} BETWEEN 0 AND ${t.capacity}`),
    check('courses_min_sessions_positive', sql`${t.minSessions} > 0`),
  ],
);

export const courseSessions = pgTable(
  'course_sessions',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    courseId: id('course_id').notNull(),
    title: text().notNull(),
    lecturerUserId: id('lecturer_user_id').references(() => users.id),
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'string' }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true, mode: 'string' }).notNull(),
    place: text().notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.courseId], foreignColumns: [courses.districtId, courses.id] }),
    index('course_sessions_course_idx').on(t.districtId, t.courseId, t.startsAt),
    index('course_sessions_lecturer_idx').on(t.lecturerUserId, t.startsAt),
    check('course_sessions_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export const enrolments = pgTable(
  'enrolments',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    courseId: id('course_id').notNull(),
    personId: id('person_id').notNull(),
    status: enrolmentStatus().notNull().default('enrolled'),
    nominatedBy: id('nominated_by').references(() => users.id),
    completedAt: timestamp('completed_at', { withTimezone: true, mode: 'string' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.courseId], foreignColumns: [courses.districtId, courses.id] }),
    foreignKey({ columns: [t.districtId, t.personId], foreignColumns: [people.districtId, people.id] }),
    uniqueIndex('enrolments_once_key').on(t.districtId, t.courseId, t.personId),
    index('enrolments_person_idx').on(t.districtId, t.personId),
  ],
);

export const sessionAttendance = pgTable(
  'session_attendance',
  {
    districtId: districtId(),
    sessionId: id('session_id').notNull(),
    personId: id('person_id').notNull(),
    present: boolean().notNull(),
    recordedBy: id('recorded_by').references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.sessionId, t.personId] }),
    foreignKey({
      columns: [t.districtId, t.sessionId],
      foreignColumns: [courseSessions.districtId, courseSessions.id],
    }),
    foreignKey({ columns: [t.districtId, t.personId], foreignColumns: [people.districtId, people.id] }),
    index('session_attendance_person_idx').on(t.districtId, t.personId),
  ],
);
