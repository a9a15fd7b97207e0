/** The facilities' policy as a table: each actor × facility or booking × action, and the answer. */
import { describe, expect, it } from 'vitest';
import { actor } from '../../../test/actors';
import type { Actor } from '../../auth/actor';
import { bookingPolicy, type FacilityFacts, facilityCan, facilityPolicy } from './facilities.policy';

// A street 1.2 with the community 1.2.3; another street 1.5. Unit 40 owns a gym in 1.2.3.

const gym: FacilityFacts = { region_path: '1.2.3', unit_id: 40, retired_at: null };
const hall: FacilityFacts = { region_path: '1.2.3', unit_id: null, retired_at: null };
const actors = {
  contact: actor(null, [['unit_contact', '1.2.3', 40]]),
  otherContact: actor(null, [['unit_contact', '1.2.3', 41]]),
  worker: actor(null, [['community_worker', '1.2.3']]),
  streetAdmin: actor(null, [['street_admin', '1.2']]),
  otherStreet: actor(null, [['street_admin', '1.5']]),
  booker: actor(8, [['resident', '1.2.3']]),
  resident: actor(9, [['resident', '1.2.3']]),
};
type Who = keyof typeof actors;
const byResident8 = { person_id: 8, unit_id: null };
const byUnit40 = { person_id: null, unit_id: 40 };

const cases: [string, (a: Actor) => boolean, Who[]][] = [
  ["keep the unit's gym", (a) => facilityPolicy.keep(a, gym), ['contact', 'worker', 'streetAdmin']],
  ["decide the gym's bookings", (a) => facilityPolicy.decide(a, gym), ['contact']],
  ["keep the community's hall", (a) => facilityPolicy.keep(a, hall), ['worker', 'streetAdmin']],
  ["decide the hall's bookings", (a) => facilityPolicy.decide(a, hall), ['worker', 'streetAdmin']],
  [
    "see who booked the gym's slots",
    (a) => facilityPolicy.seeBookers(a, gym),
    ['contact', 'worker', 'streetAdmin'],
  ],
  ["read the gym's use", (a) => facilityPolicy.readUse(a, gym), ['contact', 'worker', 'streetAdmin']],
  [
    "see resident 8's booking of the gym",
    (a) => bookingPolicy.see(a, byResident8, gym),
    ['contact', 'booker'],
  ],
  [
    "cancel resident 8's booking of the hall",
    (a) => bookingPolicy.cancel(a, byResident8, hall),
    ['worker', 'streetAdmin', 'booker'],
  ],
  [
    "cancel unit 40's booking of the hall",
    (a) => bookingPolicy.cancel(a, byUnit40, hall),
    ['contact', 'worker', 'streetAdmin'],
  ],
  ['book in a unit’s name', (a) => bookingPolicy.unitToBookFor(a) !== undefined, ['contact', 'otherContact']],
  ['edit a retired gym (console)', (a) => facilityCan(a, { ...gym, retired_at: '2026-01-01' }).edit, []],
];

describe('facilities.policy', () => {
  for (const [action, allowed, who] of cases)
    it(`${action}: ${who.length ? who.join(', ') : 'nobody'}`, () => {
      const answers = Object.fromEntries(Object.entries(actors).map(([name, a]) => [name, allowed(a)]));
      const expected = Object.fromEntries(
        Object.keys(actors).map((name) => [name, who.includes(name as Who)]),
      );
      expect(answers).toEqual(expected);
    });
});
