/** The bodies' and follow-up tasks' policy as a table: each actor × body or task × action, and the answer. */
import { describe, expect, it } from 'vitest';
import { actor, answers, only } from '../../../test/actors';
import type { Actor } from '../../auth/actor';
import { bodyPolicy, type TaskFacts, taskPolicy } from './bodies.policy';

const OWNER_USER = 30;
const personal: TaskFacts = {
  region_path: '1.2',
  owner_kind: 'person',
  owner_id: 5,
  owner_person_user: OWNER_USER,
};
const unitTask: TaskFacts = { region_path: '1.2', owner_kind: 'unit', owner_id: 40, owner_person_user: null };
const actors = {
  streetAdmin: actor(null, [['street_admin', '1.2']]),
  worker: actor(null, [['community_worker', '1.2.3']]),
  owner: actor(5, [['party_member', '1.2.3']], OWNER_USER),
  contact: actor(null, [['unit_contact', '1.2.3', 40]]),
  otherContact: actor(null, [['unit_contact', '1.2.3', 41]]),
};
type Who = keyof typeof actors;

const cases: [string, (a: Actor) => boolean, Who[]][] = [
  [
    "change a street's joint conference",
    (a) => bodyPolicy.manage(a, { region_path: '1.2' }),
    ['streetAdmin'],
  ],
  [
    "change a community's coordination council",
    (a) => bodyPolicy.manage(a, { region_path: '1.2.3' }),
    ['streetAdmin', 'worker'],
  ],
  ["work on a person's task", (a) => taskPolicy.work(a, personal), ['streetAdmin', 'owner']],
  ["reassign or reschedule a person's task", (a) => taskPolicy.manage(a, personal), ['streetAdmin']],
  ["work on a unit's task", (a) => taskPolicy.work(a, unitTask), ['streetAdmin', 'contact']],
  ["reassign or reschedule a unit's task", (a) => taskPolicy.manage(a, unitTask), ['streetAdmin']],
];

describe('bodies.policy', () => {
  for (const [action, allowed, who] of cases)
    it(`${action}: ${who.length ? who.join(', ') : 'nobody'}`, () => {
      expect(answers(actors, allowed)).toEqual(only(actors, who));
    });
});
