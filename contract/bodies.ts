import { z } from 'zod';
import { Id, LocalDate, Name, Pagination, Ref, SearchText } from './common';
import type { RegionKind } from './regions';

export const BODY_KINDS = ['joint_conference', 'coordination_council', 'liaison_group'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];
/** Where each kind of body is set up. */
export const BODY_LEVELS: Record<BodyKind, readonly RegionKind[]> = {
  joint_conference: ['street'],
  coordination_council: ['community'],
  liaison_group: ['building', 'entrance'],
};
export const BODY_MEMBER_KINDS = ['party_org', 'unit', 'person'] as const;
export const OWNER_KINDS = ['party_org', 'unit', 'person'] as const;
export const ATTENDANCE = ['present', 'absent', 'excused'] as const;
export const MEETING_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
export const TASK_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;

export const Body = z.object({
  id: z.number(),
  kind: z.enum(BODY_KINDS),
  regionId: z.number(),
  regionName: z.string(),
  /** e.g. 八角北路社区 3号楼 */
  regionLabel: z.string(),
  name: z.string(),
  convenor: Ref.nullable(),
  status: z.enum(['active', 'dissolved']),
  establishedOn: z.string(),
  dissolvedOn: z.string().nullable(),
  memberCount: z.number(),
  meetingCount: z.number(),
  lastMeetingAt: z.string().nullable(),
});
export type Body = z.infer<typeof Body>;
export const BodyListQuery = z.strictObject({
  ...Pagination,
  regionId: Id.optional(),
  kind: z.enum(BODY_KINDS).optional(),
  status: z.enum(['active', 'dissolved']).optional(),
  q: SearchText.optional(),
});
export const BodyCreateBody = z.strictObject({
  kind: z.enum(BODY_KINDS),
  regionId: Id,
  name: Name,
  convenorPersonId: Id.optional(),
  establishedOn: LocalDate.optional(),
});
export const BodyUpdateBody = z.strictObject({
  name: Name.optional(),
  convenorPersonId: Id.nullable().optional(),
  /** true dissolves the body (kept in history); false revives it. */
  dissolved: z.boolean().optional(),
});
export const BodyMember = z.object({
  id: z.number(),
  memberKind: z.enum(BODY_MEMBER_KINDS),
  memberId: z.number(),
  name: z.string(),
  /** Party organisation or unit of a person; kind label of an organisation. */
  detail: z.string().nullable(),
  joinedOn: z.string(),
  leftOn: z.string().nullable(),
});
export type BodyMember = z.infer<typeof BodyMember>;
export const BodyMemberListQuery = z.strictObject({ includePast: z.enum(['true', 'false']).optional() });
export const BodyMemberAddBody = z.strictObject({
  memberKind: z.enum(BODY_MEMBER_KINDS),
  memberId: Id,
  joinedOn: LocalDate.optional(),
});

export const Invitee = z.object({
  personId: z.number(),
  name: z.string(),
  detail: z.string().nullable(),
  attendance: z.enum(ATTENDANCE).nullable(),
});
export const Resolution = z.object({
  id: z.number(),
  text: z.string(),
  task: z
    .object({
      id: z.number(),
      title: z.string(),
      status: z.enum(TASK_STATUSES),
      dueOn: z.string(),
      overdue: z.boolean(),
    })
    .nullable(),
});
export const MeetingSummary = z.object({
  id: z.number(),
  bodyId: z.number(),
  bodyName: z.string(),
  bodyKind: z.enum(BODY_KINDS),
  regionId: z.number(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  place: z.string(),
  status: z.enum(MEETING_STATUSES),
  inviteeCount: z.number(),
  presentCount: z.number(),
  resolutionCount: z.number(),
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;
export const Meeting = MeetingSummary.extend({
  agenda: z.string(),
  minutes: z.string().nullable(),
  invitees: z.array(Invitee),
  resolutions: z.array(Resolution),
});
export type Meeting = z.infer<typeof Meeting>;
export const MeetingListQuery = z.strictObject({
  ...Pagination,
  bodyId: Id.optional(),
  regionId: Id.optional(),
  status: z.enum(MEETING_STATUSES).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
const LongText = z.string().trim().max(20_000);
export const MeetingCreateBody = z.strictObject({
  bodyId: Id,
  title: Name,
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }).optional(),
  place: z.string().trim().min(1).max(200),
  agenda: LongText.default(''),
  /** Omit to invite the body's current person members (organisations and units are invited through the people chosen here). */
  inviteePersonIds: z.array(Id).max(500).optional(),
});
export const MeetingUpdateBody = z.strictObject({
  title: Name.optional(),
  startsAt: z.iso.datetime({ offset: true }).optional(),
  endsAt: z.iso.datetime({ offset: true }).nullable().optional(),
  place: z.string().trim().min(1).max(200).optional(),
  agenda: LongText.optional(),
  minutes: LongText.nullable().optional(),
  status: z.enum(MEETING_STATUSES).optional(),
});
export const AttendanceBody = z.strictObject({
  items: z
    .array(z.strictObject({ personId: Id, attendance: z.enum(ATTENDANCE) }))
    .min(1)
    .max(500),
});
export const TaskOwnerInput = z.strictObject({ kind: z.enum(OWNER_KINDS), id: Id });
export const ResolutionCreateBody = z.strictObject({
  text: z.string().trim().min(2).max(2000),
  /** A follow-up task with an owner and a due date; omit for a resolution needing none. */
  task: z.strictObject({ title: Name, owner: TaskOwnerInput, dueOn: LocalDate }).optional(),
});

export const TaskNote = z.object({
  id: z.number(),
  text: z.string(),
  progress: z.number().nullable(),
  at: z.string(),
  authorName: z.string().nullable(),
});
/** What the reader may do to a task (computed by the server's bodies.policy). */
export const TaskCan = z.object({
  /** Reassign, rename or reschedule it: the organisers of its body's area. */
  manage: z.boolean(),
  /** Report progress and add notes: the organisers and the task's owner. */
  work: z.boolean(),
});
export type TaskCan = z.infer<typeof TaskCan>;
export const Task = z.object({
  id: z.number(),
  title: z.string(),
  regionId: z.number(),
  regionName: z.string(),
  source: z.object({ meetingId: z.number(), meetingTitle: z.string(), resolutionId: z.number() }).nullable(),
  owner: z.object({ kind: z.enum(OWNER_KINDS), id: z.number(), name: z.string() }),
  dueOn: z.string(),
  status: z.enum(TASK_STATUSES),
  overdue: z.boolean(),
  progress: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  can: TaskCan,
});
export type Task = z.infer<typeof Task>;
export const TaskDetail = Task.extend({ notes: z.array(TaskNote) });
export const TaskListQuery = z.strictObject({
  ...Pagination,
  regionId: Id.optional(),
  status: z.enum(TASK_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  ownerKind: z.enum(OWNER_KINDS).optional(),
  ownerId: Id.optional(),
  q: SearchText.optional(),
});
export const TaskUpdateBody = z.strictObject({
  title: Name.optional(),
  status: z.enum(TASK_STATUSES).optional(),
  dueOn: LocalDate.optional(),
  owner: TaskOwnerInput.optional(),
});
export const TaskNoteBody = z.strictObject({
  text: z.string().trim().min(1).max(2000),
  progress: z.number().int().min(0).max(100).optional(),
});
