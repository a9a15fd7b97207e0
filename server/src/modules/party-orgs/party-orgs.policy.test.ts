/** The Party organisations' policy as a table: each actor × organisation × action, and the answer. */
import { describe, expect, it } from 'vitest';
import { actor, answers, only } from '../../../test/actors';
import type { Actor } from '../../auth/actor';
import { type PartyOrgFacts, partyOrgCan, partyOrgPolicy } from './party-orgs.policy';

// Street 1.2 with communities 1.2.3 and 1.2.9; another street 1.5. A community's branch at
// 1.2.3, and unit 40's organisation standing there too.
const UNIT = 40;
const branch: PartyOrgFacts = { path: '1.2.3', unitId: null };
const unitOrg: PartyOrgFacts = { path: '1.2.3', unitId: UNIT };
const actors = {
  districtAdmin: actor(null, [['district_admin', '1']]),
  streetAdmin: actor(null, [['street_admin', '1.2']]),
  worker: actor(null, [['community_worker', '1.2.3']]),
  otherCommunity: actor(null, [['community_worker', '1.2.9']]),
  otherStreet: actor(null, [['street_admin', '1.5']]),
  contact: actor(null, [['unit_contact', '1.2.3', UNIT]]),
  member: actor(8, [['party_member', '1.2.3']]),
};
type Who = keyof typeof actors;
const over: Who[] = ['districtAdmin', 'streetAdmin', 'worker'];

const cases: [string, (a: Actor) => boolean, Who[]][] = [
  ['read the community’s branch', (a) => partyOrgPolicy.read(a, branch), over],
  ['read the unit’s organisation', (a) => partyOrgPolicy.read(a, unitOrg), [...over, 'contact']],
  ['edit the community’s branch', (a) => partyOrgPolicy.manage(a, branch), over],
  // A unit's contact reads its organisation, but organisations are the network's to edit.
  ['edit the unit’s organisation', (a) => partyOrgPolicy.manage(a, unitOrg), over],
  ['read the branch’s record', (a) => partyOrgPolicy.seeRecord(a, branch), over],
  ['read the unit organisation’s record', (a) => partyOrgPolicy.seeRecord(a, unitOrg), [...over, 'contact']],
  ['edit the unit’s organisation (console)', (a) => partyOrgCan(a, unitOrg).edit, over],
  [
    'read the unit organisation’s record (console)',
    (a) => partyOrgCan(a, unitOrg).seeRecord,
    [...over, 'contact'],
  ],
];

describe('party-orgs.policy', () => {
  for (const [action, allowed, who] of cases)
    it(`${action}: ${who.length ? who.join(', ') : 'nobody'}`, () => {
      expect(answers(actors, allowed)).toEqual(only(actors, who));
    });
});
