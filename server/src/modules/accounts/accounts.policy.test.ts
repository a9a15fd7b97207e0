/** The accounts' policy as a table: each actor × account, user or role × action, and the answer. */
import { describe, expect, it } from 'vitest';
import { actor, answers, only } from '../../../test/actors';
import type { Actor } from '../../auth/actor';
import { accountPolicy, type UserFacts } from './accounts.policy';

// A district 1 with the street 1.2 (communities 1.2.3 and 1.2.9); another street 1.5.
// The third argument of actor() is the account's user id.

const actors = {
  districtAdmin: actor(null, [['district_admin', '1']], 1),
  streetAdmin: actor(null, [['street_admin', '1.2']], 2),
  worker: actor(null, [['community_worker', '1.2.3']], 3),
  otherStreet: actor(null, [['street_admin', '1.5']], 4),
  contact: actor(null, [['unit_contact', '1.2.3', 40]], 5),
  member: actor(8, [['party_member', '1.2.3']], 6),
};
type Who = keyof typeof actors;
const everyone = Object.keys(actors) as Who[];

const resident: UserFacts = {
  id: 10,
  regionPath: '1.2.3',
  roles: [{ role: 'resident', regionPath: '1.2.3' }],
};
const peerWorker: UserFacts = {
  id: 11,
  regionPath: '1.2.3',
  roles: [{ role: 'community_worker', regionPath: '1.2.3' }],
};
const theWorker: UserFacts = { ...peerWorker, id: 3 };
const streetAdminUser: UserFacts = {
  id: 2,
  regionPath: '1.2',
  roles: [{ role: 'street_admin', regionPath: '1.2' }],
};
const noRoles: UserFacts = { id: 12, regionPath: '1.2.9', roles: [] };

const cases: [string, (a: Actor) => boolean, Who[]][] = [
  ['sign in to an open account', () => accountPolicy.signIn({ disabledAt: null }), everyone],
  ['sign in to a disabled account', () => accountPolicy.signIn({ disabledAt: '2026-01-01T00:00:00Z' }), []],
  [
    'reach a resident of 1.2.3',
    (a) => accountPolicy.reach(a, resident),
    ['districtAdmin', 'streetAdmin', 'worker'],
  ],
  ['reach a user at home in 1.2.9', (a) => accountPolicy.reach(a, noRoles), ['districtAdmin', 'streetAdmin']],
  [
    "act on the worker's own account",
    (a) => accountPolicy.actOn(a, theWorker),
    ['districtAdmin', 'streetAdmin', 'otherStreet', 'contact', 'member'],
  ],
  [
    'outrank a resident of 1.2.3',
    (a) => accountPolicy.outrank(a, resident),
    ['districtAdmin', 'streetAdmin', 'worker'],
  ],
  [
    'outrank a community worker of 1.2.3',
    (a) => accountPolicy.outrank(a, peerWorker),
    ['districtAdmin', 'streetAdmin'],
  ],
  ['outrank a user without roles', (a) => accountPolicy.outrank(a, noRoles), everyone],
  [
    'manage a resident of 1.2.3',
    (a) => accountPolicy.manage(a, resident),
    ['districtAdmin', 'streetAdmin', 'worker'],
  ],
  [
    'manage a fellow community worker',
    (a) => accountPolicy.manage(a, peerWorker),
    ['districtAdmin', 'streetAdmin'],
  ],
  [
    'manage the worker (themself included)',
    (a) => accountPolicy.manage(a, theWorker),
    ['districtAdmin', 'streetAdmin'],
  ],
  ['manage the street admin', (a) => accountPolicy.manage(a, streetAdminUser), ['districtAdmin']],
  [
    'issue a reset code to a resident of 1.2.3',
    (a) => accountPolicy.issueReset(a, { ...resident, disabledAt: null }),
    ['districtAdmin', 'streetAdmin', 'worker'],
  ],
  [
    'issue a reset code to a user at home in 1.2.9',
    (a) => accountPolicy.issueReset(a, { ...noRoles, disabledAt: null }),
    ['districtAdmin', 'streetAdmin'],
  ],
  [
    'issue a reset code to a fellow community worker',
    (a) => accountPolicy.issueReset(a, { ...peerWorker, disabledAt: null }),
    ['districtAdmin', 'streetAdmin'],
  ],
  [
    'issue a reset code to the worker (never to themself)',
    (a) => accountPolicy.issueReset(a, { ...theWorker, disabledAt: null }),
    ['districtAdmin', 'streetAdmin'],
  ],
  [
    'issue a reset code to the street admin',
    (a) => accountPolicy.issueReset(a, { ...streetAdminUser, disabledAt: null }),
    ['districtAdmin'],
  ],
  [
    'issue a reset code to a disabled resident',
    (a) => accountPolicy.issueReset(a, { ...resident, disabledAt: '2026-01-01T00:00:00Z' }),
    [],
  ],
  [
    'grant street admin at 1.2',
    (a) => accountPolicy.grant(a, { role: 'street_admin', regionPath: '1.2' }),
    ['districtAdmin'],
  ],
  [
    'grant party member at 1.2.9',
    (a) => accountPolicy.grant(a, { role: 'party_member', regionPath: '1.2.9' }),
    ['districtAdmin', 'streetAdmin'],
  ],
  [
    'grant unit contact at 1.2.3',
    (a) => accountPolicy.grant(a, { role: 'unit_contact', regionPath: '1.2.3' }),
    ['districtAdmin', 'streetAdmin', 'worker'],
  ],
  [
    'revoke community worker at 1.2.3',
    (a) => accountPolicy.revoke(a, { role: 'community_worker', regionPath: '1.2.3' }),
    ['districtAdmin', 'streetAdmin'],
  ],
];

describe('accounts.policy', () => {
  for (const [action, allowed, who] of cases)
    it(`${action}: ${who.length ? who.join(', ') : 'nobody'}`, () => {
      expect(answers(actors, allowed)).toEqual(only(actors, who));
    });
});
