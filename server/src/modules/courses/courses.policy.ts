/**
 * Who may do what to a course or lecture: its organisers run it, its lecturers record the
 * attendance of the sessions they teach, and anyone enrols in an open course. Every course
 * carries its reader's answers as `can`.
 */
import type { CourseCan } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { can } from '../../auth/authorize';

/** What the rules read of a course: its area, how people enrol, and who teaches each session. */
export type CourseFacts = {
  region_path: string;
  enrolment: string;
  sessions: { lecturer_id: number | null }[];
};

const teaches = (actor: Actor, c: CourseFacts) => c.sessions.some((s) => s.lecturer_id === actor.userId);

export const coursePolicy = {
  /** Edits it and nominates people: the organisers of its area. */
  manage: (actor: Actor, c: CourseFacts) => can(actor, 'course.manage', c.region_path),
  /** Sees who is enrolled: those who run it, and its lecturers. */
  seeEnrolments: (actor: Actor, c: CourseFacts) => coursePolicy.manage(actor, c) || teaches(actor, c),
  /** Records a session's attendance: those who run the course, and that session's lecturer. */
  recordAttendance: (actor: Actor, c: CourseFacts, sessionLecturer: number | null) =>
    coursePolicy.manage(actor, c) || (sessionLecturer !== null && sessionLecturer === actor.userId),
  /** Enrols oneself: anyone, while enrolment is open (organisers nominate otherwise). */
  enrolSelf: (_actor: Actor, c: CourseFacts) => c.enrolment === 'open',
};

/** What the reader may do to this course, for the console. */
export const courseCan = (actor: Actor, c: CourseFacts): CourseCan => ({
  edit: coursePolicy.manage(actor, c),
  nominate: coursePolicy.manage(actor, c),
  seeEnrolments: coursePolicy.seeEnrolments(actor, c),
});
