import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import {
  CAMPAIGN_KINDS,
  COURSE_KINDS,
  ENROLMENT_MODES,
  ENROLMENT_STATUSES,
  NOTICE_KINDS,
  NOTICE_STATUSES,
  type NoticeAudience,
} from '../../../../contract';
import { createdAt, districtId, id, updatedAt } from '../../db/columns';
import { users } from '../accounts/accounts.schema';
import { people } from '../members/members.schema';
import { regions } from '../regions/regions.schema';

export const campaignKind = pgEnum('campaign_kind', CAMPAIGN_KINDS);
export const courseKind = pgEnum('course_kind', COURSE_KINDS);
export const enrolmentMode = pgEnum('enrolment_mode', ENROLMENT_MODES);
export const enrolmentStatus = pgEnum('enrolment_status', ENROLMENT_STATUSES);
export const noticeKind = pgEnum('notice_kind', NOTICE_KINDS);
export const noticeStatus = pgEnum('notice_status', NOTICE_STATUSES);

/** A campaign such as 社区党建宣传周: dates, a scope and a theme that group the rest. */
export const campaigns = pgTable(
  'campaigns',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    regionId: id('region_id').notNull(),
    kind: campaignKind().notNull(),
    title: text().notNull(),
    theme: text().notNull().default(''),
    startsOn: date('starts_on', { mode: 'string' }).notNull(),
    endsOn: date('ends_on', { mode: 'string' }).notNull(),
    createdBy: id('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.regionId], foreignColumns: [regions.districtId, regions.id] }),
    index('campaigns_region_idx').on(t.districtId, t.regionId, t.startsOn),
    check('campaigns_ends_after_start', sql`${t.endsOn} >= ${t.startsOn}`),
  ],
);

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

/** A notice, open letter or policy explainer, and who it reaches. */
export const notices = pgTable(
  'notices',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    regionId: id('region_id').notNull(),
    kind: noticeKind().notNull(),
    title: text().notNull(),
    body: text().notNull(),
    audience: jsonb().$type<NoticeAudience>().notNull(),
    status: noticeStatus().notNull().default('draft'),
    recipients: integer().notNull().default(0),
    /** Recipients who have read it: kept by a trigger on notice_recipients (lists show it). */
    reads: integer().notNull().default(0),
    campaignId: id('campaign_id'),
    createdBy: id('created_by').references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'string' }),
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
    index('notices_region_idx').on(t.districtId, t.regionId, t.createdAt.desc()),
    index('notices_campaign_idx').on(t.districtId, t.campaignId),
    check('notices_reads_not_negative', sql`${t.reads} >= 0`),
  ],
);

/** One inbox item per recipient: the key makes a retried fan-out deliver exactly once. */
export const noticeRecipients = pgTable(
  'notice_recipients',
  {
    districtId: districtId(),
    noticeId: id('notice_id').notNull(),
    personId: id('person_id').notNull(),
    /** The community where they live, for read rates per community. */
    communityId: id('community_id').notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'string' }),
    remindedAt: timestamp('reminded_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.noticeId, t.personId] }),
    foreignKey({ columns: [t.districtId, t.noticeId], foreignColumns: [notices.districtId, notices.id] }),
    foreignKey({ columns: [t.districtId, t.personId], foreignColumns: [people.districtId, people.id] }),
    index('notice_recipients_person_idx').on(t.districtId, t.personId, t.deliveredAt.desc()),
    index('notice_recipients_community_idx').on(t.districtId, t.noticeId, t.communityId),
  ],
);

/** A file attached to a notice, kept under the data directory. */
export const noticeAttachments = pgTable(
  'notice_attachments',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    noticeId: id('notice_id').notNull(),
    name: text().notNull(),
    contentType: text('content_type').notNull(),
    size: integer().notNull(),
    /** The file's name in the data directory's uploads. */
    storedAs: text('stored_as').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.noticeId], foreignColumns: [notices.districtId, notices.id] }),
    index('notice_attachments_notice_idx').on(t.districtId, t.noticeId),
    check('notice_attachments_size', sql`${t.size} BETWEEN 1 AND 10485760`),
  ],
);

/** Per-user notification preferences: kinds muted in the bell, extra channels. */
export const notificationPrefs = pgTable('notification_prefs', {
  userId: id('user_id')
    .primaryKey()
    .references(() => users.id),
  muted: text().array().notNull().default(sql`'{}'::text[]`),
  channels: text().array().notNull().default(sql`'{}'::text[]`),
  updatedAt: updatedAt(),
});

/** Messages for channels beyond the bell (SMS, WeChat), sent by the operator's sender. */
export const outbox = pgTable(
  'outbox',
  {
    id: id().primaryKey().generatedByDefaultAsIdentity(),
    userId: id('user_id')
      .notNull()
      .references(() => users.id),
    channel: text().notNull(),
    text: text().notNull(),
    status: text().notNull().default('queued'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [index('outbox_queued_idx').on(t.createdAt).where(sql`${t.status} = 'queued'`)],
);
