import { z } from 'zod';
import { Id, Pagination, patchOf } from './common';

export const COURSE_KINDS = ['course', 'lecture'] as const;
export const ENROLMENT_MODES = ['open', 'nomination'] as const;
export const ENROLMENT_STATUSES = ['enrolled', 'withdrawn'] as const;
export const CourseSessionInput = z.strictObject({
  title: z.string().trim().min(2).max(100),
  /** A user holding the lecturer role. */
  lecturerUserId: Id.optional(),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  place: z.string().trim().max(100).default(''),
});
export const CourseCreateBody = z.strictObject({
  kind: z.enum(COURSE_KINDS),
  title: z.string().trim().min(2).max(100),
  description: z.string().trim().max(5000).default(''),
  /** Who it is for, in words: 社区干部, 楼门长, 全体党员… */
  audience: z.string().trim().max(200).default(''),
  regionId: Id,
  capacity: z.number().int().min(1).max(10_000),
  enrolment: z.enum(ENROLMENT_MODES).default('open'),
  /** Sessions to attend for completion; a lecture has one. */
  minSessions: z.number().int().min(1).max(50).default(1),
  /** null takes it out of its campaign. */
  campaignId: Id.nullable().optional(),
  sessions: z.array(CourseSessionInput).min(1).max(50),
});
export const CourseUpdateBody = patchOf(
  CourseCreateBody.omit({ kind: true, regionId: true, sessions: true }).shape,
);
export const CourseSession = z.object({
  id: z.number(),
  title: z.string(),
  lecturer: z.object({ id: z.number(), name: z.string() }).nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  present: z.number(),
  /** The reader teaches it: they record its attendance. */
  mine: z.boolean(),
});
export const CourseCan = z.object({
  edit: z.boolean(),
  nominate: z.boolean(),
  /** See who is enrolled (organisers, and the course's lecturers). */
  seeEnrolments: z.boolean(),
});
export type CourseCan = z.infer<typeof CourseCan>;
export const Course = z.object({
  id: z.number(),
  kind: z.enum(COURSE_KINDS),
  title: z.string(),
  description: z.string(),
  audience: z.string(),
  regionId: z.number(),
  regionName: z.string(),
  capacity: z.number(),
  enrolment: z.enum(ENROLMENT_MODES),
  minSessions: z.number(),
  enrolled: z.number(),
  completed: z.number(),
  campaignId: z.number().nullable(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  sessions: z.array(CourseSession),
  /** The reader's own enrolment: sessions attended, completion. */
  mine: z
    .object({ enrolmentId: z.number(), attended: z.number(), completedAt: z.string().nullable() })
    .nullable(),
  /** What the reader may do to it (courses.policy.ts answers). */
  can: CourseCan,
  createdAt: z.string(),
});
export type Course = z.infer<typeof Course>;
export const CourseListQuery = z.strictObject({
  ...Pagination,
  q: z.string().trim().max(50).optional(),
  kind: z.enum(COURSE_KINDS).optional(),
  regionId: Id.optional(),
  campaignId: Id.optional(),
  /** Courses the reader is enrolled in. */
  mine: z.enum(['true', 'false']).optional(),
  /** Courses with sessions the reader teaches. */
  teaching: z.enum(['true', 'false']).optional(),
});
export const Enrolment = z.object({
  id: z.number(),
  courseId: z.number(),
  person: z.object({ id: z.number(), name: z.string() }),
  status: z.enum(ENROLMENT_STATUSES),
  nominated: z.boolean(),
  attended: z.number(),
  /** Per session of the course, in order: present or not (null before it is recorded). */
  attendance: z.array(z.object({ sessionId: z.number(), present: z.boolean().nullable() })),
  completedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Enrolment = z.infer<typeof Enrolment>;
/** Enrol oneself (open courses), or nominate people (organisers). */
export const EnrolBody = z.strictObject({ personIds: z.array(Id).max(500).optional() });
export const SessionAttendanceBody = z.strictObject({
  items: z
    .array(z.strictObject({ personId: Id, present: z.boolean() }))
    .min(1)
    .max(2000),
});
