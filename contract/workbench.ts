import { z } from 'zod';
import { WeekOverview } from './dashboards';

/**
 * What waits for someone (待办), each kind one domain's: the domain computes its items from its
 * own rows (nothing is kept as a second copy), so an item handled by anyone leaves everyone's list.
 */
export const WAITING_KINDS = [
  'registration.decide',
  'booking.decide',
  'need.decide',
  'task.work',
  'meeting.minute',
  'notice.read',
  'team.application',
  'team.invitation',
  'attendance.record',
  'hours.confirm',
] as const;
export type TodoKind = (typeof WAITING_KINDS)[number];

export const Todo = z.object({
  id: z.number(),
  /** What it is about, as a person reads it: a need's title, a person's name, a facility and time. */
  title: z.string(),
  /** Where it is: a community, a facility, a team. */
  place: z.string().nullable(),
  /** Since when it waits: the age shown beside it. */
  since: z.string(),
  /** When it falls due, where it does (a task, a session). */
  dueAt: z.string().nullable(),
  /** The page where it is done, one click away. */
  link: z.string(),
});
export type Todo = z.infer<typeof Todo>;

export const TodoGroup = z.object({
  kind: z.enum(WAITING_KINDS),
  /** How many wait in all (the items are the oldest few). */
  count: z.number(),
  /** The page listing all of them. */
  link: z.string(),
  items: z.array(Todo),
});
export type TodoGroup = z.infer<typeof TodoGroup>;

/** What comes next for someone (即将): what they signed up for, claimed, booked, or teach. */
export const UPCOMING_KINDS = ['signup', 'claim', 'booking', 'course_session', 'meeting'] as const;
export type UpcomingKind = (typeof UPCOMING_KINDS)[number];

export const Upcoming = z.object({
  kind: z.enum(UPCOMING_KINDS),
  id: z.number(),
  title: z.string(),
  place: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  link: z.string(),
});
export type Upcoming = z.infer<typeof Upcoming>;

/**
 * Someone's workbench: what waits for them, oldest first, what comes next, soonest first, and for
 * those who read the dashboards, what moved last week (概况; null for everyone else).
 */
export const Workbench = z.object({
  todos: z.array(TodoGroup),
  upcoming: z.array(Upcoming),
  overview: WeekOverview.nullable(),
});
export type Workbench = z.infer<typeof Workbench>;
