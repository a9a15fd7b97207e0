/** The members' policy as a table: each actor × person × action, and the answer. */
import { describe, expect, it } from 'vitest';
import { actor, answers, only } from '../../../test/actors';
import type { Actor } from '../../auth/actor';
import { type MemberFacts, memberCan, memberPolicy } from './members.policy';

// Street 1.2 with communities 1.2.3 (the person's home, building 1.2.3.7) and 1.2.9; another
// street 1.5, with community 1.5.6. The person (account 8) belongs to unit 40's organisation,
// which stands at 1.5.6.
const UNIT = 40;
const person: MemberFacts = {
  user_id: 8,
  home_path: '1.2.3.7',
  org_path: '1.5.6',
  unit_id: UNIT,
  reg_status: null,
  reg_community_path: null,
};
/** Registered with community 1.2.9 (approved), or still waiting for it. */
const registered: MemberFacts = { ...person, reg_status: 'approved', reg_community_path: '1.2.9' };
const pending: MemberFacts = { ...registered, reg_status: 'pending' };
const actors = {
  districtAdmin: actor(null, [['district_admin', '1']], 10),
  homeWorker: actor(null, [['community_worker', '1.2.3']], 11),
  streetAdmin: actor(null, [['street_admin', '1.2']], 12),
  orgStreet: actor(null, [['street_admin', '1.5']], 13),
  registeredWorker: actor(null, [['community_worker', '1.2.9']], 14),
  unitContact: actor(null, [['unit_contact', '1.5.6', UNIT]], 15),
  otherUnit: actor(null, [['unit_contact', '1.5.6', 41]], 16),
  self: actor(3, [['party_member', '1.2.3.7']], 8),
  neighbour: actor(4, [['party_member', '1.2.3.7']], 17),
};
type Who = keyof typeof actors;

const cases: [string, (a: Actor) => boolean, Who[]][] = [
  ['edit the person', (a) => memberPolicy.edit(a, person), ['districtAdmin', 'homeWorker', 'streetAdmin']],
  [
    'edit the person registered elsewhere (the home decides)',
    (a) => memberPolicy.edit(a, registered),
    ['districtAdmin', 'homeWorker', 'streetAdmin'],
  ],
  [
    'house a person in building 1.2.3.7',
    (a) => memberPolicy.house(a, '1.2.3.7'),
    ['districtAdmin', 'homeWorker', 'streetAdmin'],
  ],
  [
    'see phone and ID unmasked (not through the organisation)',
    (a) => memberPolicy.seePrivate(a, person),
    ['districtAdmin', 'homeWorker', 'streetAdmin', 'self'],
  ],
  [
    'see phone and ID unmasked, registered with 1.2.9',
    (a) => memberPolicy.seePrivate(a, registered),
    ['districtAdmin', 'homeWorker', 'streetAdmin', 'registeredWorker', 'self'],
  ],
  [
    'see phone and ID unmasked, registration pending',
    (a) => memberPolicy.seePrivate(a, pending),
    ['districtAdmin', 'homeWorker', 'streetAdmin', 'self'],
  ],
  [
    'read the participation record',
    (a) => memberPolicy.seeRecord(a, person),
    ['districtAdmin', 'homeWorker', 'streetAdmin', 'orgStreet', 'unitContact', 'self'],
  ],
  [
    'read the participation record, registered with 1.2.9',
    (a) => memberPolicy.seeRecord(a, registered),
    ['districtAdmin', 'homeWorker', 'streetAdmin', 'orgStreet', 'registeredWorker', 'unitContact', 'self'],
  ],
  [
    'read the record of a resident with no organisation',
    (a) => memberPolicy.seeRecord(a, { ...person, org_path: null, unit_id: null }),
    ['districtAdmin', 'homeWorker', 'streetAdmin', 'self'],
  ],
  [
    'edit the person (console)',
    (a) => memberCan(a, person).edit,
    ['districtAdmin', 'homeWorker', 'streetAdmin'],
  ],
  [
    'read the participation record (console)',
    (a) => memberCan(a, person).seeRecord,
    ['districtAdmin', 'homeWorker', 'streetAdmin', 'orgStreet', 'unitContact', 'self'],
  ],
];

describe('members.policy', () => {
  for (const [action, allowed, who] of cases)
    it(`${action}: ${who.length ? who.join(', ') : 'nobody'}`, () => {
      expect(answers(actors, allowed)).toEqual(only(actors, who));
    });

  it('a person without an account is nobody’s own', () => {
    const noAccount = { ...person, user_id: null };
    expect(answers(actors, (a) => memberPolicy.seeRecord(a, noAccount))).toEqual(
      only(actors, ['districtAdmin', 'homeWorker', 'streetAdmin', 'orgStreet', 'unitContact']),
    );
  });
});
