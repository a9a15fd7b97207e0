/** The registrations' policy as a table: each actor × registrant × action, and the answer. */
import { describe, expect, it } from 'vitest';
import { actor, answers, only } from '../../../test/actors';
import type { Actor } from '../../auth/actor';
import { type RegistrantFacts, registrationPolicy } from './registrations.policy';

const MEMBER_USER = 30;
const member: RegistrantFacts = { user_id: MEMBER_USER, unit_id: 40 };
const actors = {
  member: actor(5, [['party_member', '1.2.3']], MEMBER_USER),
  memberWithoutRole: actor(5, [], MEMBER_USER),
  contact: actor(null, [['unit_contact', '1.2.3', 40]]),
  otherContact: actor(null, [['unit_contact', '1.2.3', 41]]),
  worker: actor(null, [['community_worker', '1.2.3']]),
  neighbour: actor(6, [['party_member', '1.2.3']], 31),
};
type Who = keyof typeof actors;

const cases: [string, (a: Actor) => boolean, Who[]][] = [
  [
    'ask for the member to be registered',
    (a) => registrationPolicy.request(a, member),
    ['member', 'contact'],
  ],
  [
    "withdraw the member's request",
    (a) => registrationPolicy.withdraw(a, member),
    ['member', 'memberWithoutRole', 'contact'],
  ],
  [
    'decide a registration with community 1.2.3',
    (a) => registrationPolicy.decide(a, { community_path: '1.2.3' }),
    ['worker'],
  ],
  [
    'decide a registration with community 1.2.9',
    (a) => registrationPolicy.decide(a, { community_path: '1.2.9' }),
    [],
  ],
];

describe('registrations.policy', () => {
  for (const [action, allowed, who] of cases)
    it(`${action}: ${who.length ? who.join(', ') : 'nobody'}`, () => {
      expect(answers(actors, allowed)).toEqual(only(actors, who));
    });
});
