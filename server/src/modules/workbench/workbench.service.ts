/**
 * Someone's workbench (工作台): what waits for them, oldest first, and what comes next, soonest
 * first. Each domain answers for its own kinds through workbench.types' small interface, in its
 * own policy's scope; this file only gathers them, in the order people work through them. Staff
 * also find 概况 there: what moved last week, read through dashboards' queries.
 */
import type { Workbench } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import type { Tx } from '../../db/client';
import { meetingUpcoming, minutesTodos, taskTodos } from '../bodies/bodies.workbench';
import { attendanceTodos, courseUpcoming } from '../courses/courses.workbench';
import { weekOverview } from '../dashboards/dashboards.queries';
import { hoursTodos, signupUpcoming } from '../dedication-days/dedication-days.workbench';
import { bookingsAhead, bookingTodos } from '../facilities/facilities.workbench';
import { needTodos } from '../needs/needs.workbench';
import { readingTodos } from '../notices/notices.workbench';
import { claimsAhead } from '../projects/projects.workbench';
import { registrationTodos } from '../registrations/registrations.workbench';
import { teamApplicationTodos, teamInvitationTodos } from '../teams/teams.workbench';
import { ITEMS_SHOWN, type TodoSource, type UpcomingSource } from './workbench.types';

/** The kinds of to-do, in the order they are shown: people waiting on a decision first. */
const WAITING: TodoSource[] = [
  registrationTodos,
  bookingTodos,
  needTodos,
  teamApplicationTodos,
  teamInvitationTodos,
  attendanceTodos,
  hoursTodos,
  taskTodos,
  minutesTodos,
  readingTodos,
];
const UPCOMING: UpcomingSource[] = [
  signupUpcoming,
  claimsAhead,
  bookingsAhead,
  courseUpcoming,
  meetingUpcoming,
];
/** How far ahead 即将 looks. */
const AHEAD_DAYS = 30;
const UPCOMING_ITEMS = 8;

export async function workbench(db: Tx, actor: Actor): Promise<Workbench> {
  const from = new Date();
  const to = new Date(from.getTime() + AHEAD_DAYS * 86_400_000);
  const [todos, upcoming, overview] = await Promise.all([
    Promise.all(
      WAITING.filter((s) => s.applies(actor)).map(async (s) => ({
        kind: s.kind,
        link: s.link,
        ...(await s.list(db, actor, ITEMS_SHOWN)),
      })),
    ),
    Promise.all(UPCOMING.map((u) => u(db, actor, from, to))),
    // 概况: what moved last week, for those who read the dashboards (through dashboards' queries).
    weekOverview(db, actor),
  ]);
  return {
    todos: todos.filter((g) => g.count > 0),
    upcoming: upcoming
      .flat()
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
      .slice(0, UPCOMING_ITEMS),
    overview,
  };
}
