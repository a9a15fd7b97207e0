/** The units' policy as a table: each actor × unit × action, and the answer. */
import { describe, expect, it } from 'vitest';
import { actor, answers, only } from '../../../test/actors';
import type { Actor } from '../../auth/actor';
import { type UnitFacts, unitCan, unitPolicy } from './units.policy';

// Street 1.2 with communities 1.2.3 (where the unit stands) and 1.2.9; another street 1.5.
const UNIT = 40;
const unit: UnitFacts = { id: UNIT, regionPath: '1.2.3' };
const actors = {
  districtAdmin: actor(null, [['district_admin', '1']]),
  streetAdmin: actor(null, [['street_admin', '1.2']]),
  worker: actor(null, [['community_worker', '1.2.3']]),
  otherCommunity: actor(null, [['community_worker', '1.2.9']]),
  otherStreet: actor(null, [['street_admin', '1.5']]),
  contact: actor(null, [['unit_contact', '1.2.3', UNIT]]),
  // Another unit's contact at the same place: a contact reaches its unit, not the place.
  otherUnit: actor(null, [['unit_contact', '1.2.3', 41]]),
  member: actor(8, [['party_member', '1.2.3']]),
  resident: actor(9, [['resident', '1.2.3']]),
};
type Who = keyof typeof actors;
const over: Who[] = ['districtAdmin', 'streetAdmin', 'worker'];

const cases: [string, (a: Actor) => boolean, Who[]][] = [
  ['read the unit', (a) => unitPolicy.read(a, unit), [...over, 'contact']],
  ['edit the unit', (a) => unitPolicy.manage(a, unit), [...over, 'contact']],
  ['place a unit in community 1.2.3', (a) => unitPolicy.place(a, '1.2.3'), over],
  ['see its contact’s number unmasked', (a) => unitPolicy.seeContactPhone(a, unit), [...over, 'contact']],
  ['read its participation record', (a) => unitPolicy.seeRecord(a, unit), [...over, 'contact']],
  ['edit the unit (console)', (a) => unitCan(a, unit).edit, [...over, 'contact']],
  ['read its record (console)', (a) => unitCan(a, unit).seeRecord, [...over, 'contact']],
  ['see its facilities’ bookings', (a) => unitPolicy.seeBookings(a, unit), [...over, 'contact']],
  ['see its facilities’ bookings (console)', (a) => unitCan(a, unit).seeBookings, [...over, 'contact']],
];

describe('units.policy', () => {
  for (const [action, allowed, who] of cases)
    it(`${action}: ${who.length ? who.join(', ') : 'nobody'}`, () => {
      expect(answers(actors, allowed)).toEqual(only(actors, who));
    });
});
