/** The courses' policy as a table: each actor × course × action, and the answer. */
import { describe, expect, it } from 'vitest';
import { actor, answers, only } from '../../../test/actors';
import type { Actor } from '../../auth/actor';
import { type CourseFacts, coursePolicy } from './courses.policy';

const LECTURER = 50;
const course: CourseFacts = { region_path: '1.2', enrolment: 'open', sessions: [{ lecturer_id: LECTURER }] };
const closed: CourseFacts = { ...course, enrolment: 'nominated' };
const actors = {
  organiser: actor(null, [['street_admin', '1.2']]),
  worker: actor(null, [['community_worker', '1.2.3']]),
  otherStreet: actor(null, [['street_admin', '1.5']]),
  lecturer: actor(null, [['lecturer', '1']], LECTURER),
  otherLecturer: actor(null, [['lecturer', '1']], 51),
  member: actor(8, [['party_member', '1.2.3']]),
};
type Who = keyof typeof actors;

const cases: [string, (a: Actor) => boolean, Who[]][] = [
  ['edit it and nominate', (a) => coursePolicy.manage(a, course), ['organiser']],
  ['see who is enrolled', (a) => coursePolicy.seeEnrolments(a, course), ['organiser', 'lecturer']],
  [
    "record the lecturer's session",
    (a) => coursePolicy.recordAttendance(a, course, LECTURER),
    ['organiser', 'lecturer'],
  ],
  ['record a session nobody teaches', (a) => coursePolicy.recordAttendance(a, course, null), ['organiser']],
  ['enrol oneself in an open course', (a) => coursePolicy.enrolSelf(a, course), Object.keys(actors) as Who[]],
  ['enrol oneself where organisers nominate', (a) => coursePolicy.enrolSelf(a, closed), []],
];

describe('courses.policy', () => {
  for (const [action, allowed, who] of cases)
    it(`${action}: ${who.length ? who.join(', ') : 'nobody'}`, () => {
      expect(answers(actors, allowed)).toEqual(only(actors, who));
    });
});
