/** The region tree's policy as a table: each actor × node × action, and the answer. */
import { describe, expect, it } from 'vitest';
import { actor, answers, only } from '../../../test/actors';
import type { Actor } from '../../auth/actor';
import { type RegionStateFacts, regionCan, regionPolicy } from './regions.policy';

// A district 1 with the streets 1.2 and 1.5 (and 1.23, whose path starts like 1.2's);
// the community 1.2.3 with the building 1.2.3.50 and its entrance 1.2.3.50.51.

const node = (path: string, kind: RegionStateFacts['kind'], retiredAt: string | null = null) => ({
  path,
  kind,
  retiredAt,
});
const district = node('1', 'district');
const street = node('1.2', 'street');
const lookalike = node('1.23', 'street');
const community = node('1.2.3', 'community');
const building = node('1.2.3.50', 'building');
const entrance = node('1.2.3.50.51', 'entrance');
const retired = node('1.2.3', 'community', '2026-01-01T00:00:00Z');
const actors = {
  districtAdmin: actor(null, [['district_admin', '1']]),
  streetAdmin: actor(null, [['street_admin', '1.2']]),
  worker: actor(null, [['community_worker', '1.2.3']]),
  otherStreet: actor(null, [['street_admin', '1.5']]),
  // Reads the whole district as a lecturer, manages only its community.
  lecturerWorker: actor(null, [
    ['lecturer', '1'],
    ['community_worker', '1.2.3'],
  ]),
  resident: actor(9, [['resident', '1.2.3']]),
};
type Who = keyof typeof actors;

const cases: [string, (a: Actor) => boolean, Who[]][] = [
  ['work under the street 1.2', (a) => regionPolicy.manage(a, street), ['districtAdmin', 'streetAdmin']],
  [
    'work under the community 1.2.3',
    (a) => regionPolicy.manage(a, community),
    ['districtAdmin', 'streetAdmin', 'worker', 'lecturerWorker'],
  ],
  ['change the district itself', (a) => regionPolicy.change(a, district), []],
  [
    "change the district's settings (its time zone)",
    (a) => regionPolicy.settings(a, district),
    ['districtAdmin'],
  ],
  ['change the street 1.2', (a) => regionPolicy.change(a, street), ['districtAdmin']],
  ['change the street 1.23', (a) => regionPolicy.change(a, lookalike), ['districtAdmin']],
  ['change the community 1.2.3', (a) => regionPolicy.change(a, community), ['districtAdmin', 'streetAdmin']],
  [
    'change a building of 1.2.3',
    (a) => regionPolicy.change(a, building),
    ['districtAdmin', 'streetAdmin', 'worker', 'lecturerWorker'],
  ],
  [
    'add a building to 1.2.3 (console)',
    (a) => regionCan(a, community).addChild,
    ['districtAdmin', 'streetAdmin', 'worker', 'lecturerWorker'],
  ],
  ['add a child to an entrance (console)', (a) => regionCan(a, entrance).addChild, []],
  ['edit a retired community (console)', (a) => regionCan(a, retired).edit, []],
  [
    'restore a retired community (console)',
    (a) => regionCan(a, retired).restore,
    ['districtAdmin', 'streetAdmin'],
  ],
];

describe('regions.policy', () => {
  for (const [action, allowed, who] of cases)
    it(`${action}: ${who.length ? who.join(', ') : 'nobody'}`, () => {
      expect(answers(actors, allowed)).toEqual(only(actors, who));
    });

  it('the console’s flags are the policy’s answers for an open node', () => {
    for (const a of Object.values(actors))
      for (const r of [district, street, community, building])
        expect(regionCan(a, r)).toEqual({
          addChild: regionPolicy.manage(a, r),
          edit: regionPolicy.change(a, r),
          move: regionPolicy.change(a, r),
          retire: regionPolicy.change(a, r),
          restore: false,
        });
  });
});
