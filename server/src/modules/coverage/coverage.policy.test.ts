/** The coverage policy as a table: each actor × node × action, and the answer. */
import { describe, expect, it } from 'vitest';
import { actor, answers, only } from '../../../test/actors';
import type { Actor } from '../../auth/actor';
import { coverageGapCan, coveragePolicy, type NodeFacts } from './coverage.policy';

// Street 1.2 with community 1.2.3 and its building 1.2.3.7; another street 1.5.
const street: NodeFacts = { path: '1.2' };
const building: NodeFacts = { path: '1.2.3.7' };
const actors = {
  districtAdmin: actor(null, [['district_admin', '1']]),
  streetAdmin: actor(null, [['street_admin', '1.2']]),
  worker: actor(null, [['community_worker', '1.2.3']]),
  otherStreet: actor(null, [['street_admin', '1.5']]),
  contact: actor(null, [['unit_contact', '1.2.3', 40]]),
  member: actor(8, [['party_member', '1.2.3']]),
};
type Who = keyof typeof actors;

const cases: [string, (a: Actor) => boolean, Who[]][] = [
  ['read a street’s coverage', (a) => coveragePolicy.read(a, street), ['districtAdmin', 'streetAdmin']],
  [
    'read a building’s coverage',
    (a) => coveragePolicy.read(a, building),
    ['districtAdmin', 'streetAdmin', 'worker'],
  ],
  ['fill a street’s gap', (a) => coveragePolicy.fill(a, street), ['districtAdmin', 'streetAdmin']],
  [
    'set up a building’s missing body (console)',
    (a) => coverageGapCan(a, building).createBody,
    ['districtAdmin', 'streetAdmin', 'worker'],
  ],
];

describe('coverage.policy', () => {
  for (const [action, allowed, who] of cases)
    it(`${action}: ${who.length ? who.join(', ') : 'nobody'}`, () => {
      expect(answers(actors, allowed)).toEqual(only(actors, who));
    });
});
