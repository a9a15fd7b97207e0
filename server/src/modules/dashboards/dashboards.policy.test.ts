/** The dashboards' policy as a table: each actor × node × action, and the answer. */
import { describe, expect, it } from 'vitest';
import { actor, answers, only } from '../../../test/actors';
import type { Actor } from '../../auth/actor';
import { dashboardNodeCan, dashboardPolicy, type NodeFacts } from './dashboards.policy';

// District 1, street 1.2 with community 1.2.3; another street 1.5.
const district: NodeFacts = { path: '1' };
const street: NodeFacts = { path: '1.2' };
const community: NodeFacts = { path: '1.2.3' };
const actors = {
  districtAdmin: actor(null, [['district_admin', '1']]),
  streetAdmin: actor(null, [['street_admin', '1.2']]),
  worker: actor(null, [['community_worker', '1.2.3']]),
  otherStreet: actor(null, [['street_admin', '1.5']]),
  contact: actor(null, [['unit_contact', '1.2.3', 40]]),
  member: actor(8, [['party_member', '1.2.3']]),
  // A Party member's home in another street opens nothing there.
  workerAndMember: actor(9, [
    ['community_worker', '1.2.3'],
    ['party_member', '1.5.1'],
  ]),
};
type Who = keyof typeof actors;

const cases: [string, (a: Actor) => boolean, Who[]][] = [
  ['read the district’s figures', (a) => dashboardPolicy.read(a, district), ['districtAdmin']],
  ['read a street’s figures', (a) => dashboardPolicy.read(a, street), ['districtAdmin', 'streetAdmin']],
  [
    'read a community’s figures',
    (a) => dashboardPolicy.read(a, community),
    ['districtAdmin', 'streetAdmin', 'worker', 'workerAndMember'],
  ],
  [
    'see the week’s figures on the workbench (概况)',
    (a) => dashboardPolicy.overview(a),
    ['districtAdmin', 'streetAdmin', 'worker', 'otherStreet', 'workerAndMember'],
  ],
  [
    'go back up to the street (console)',
    (a) => dashboardNodeCan(a, street).open,
    ['districtAdmin', 'streetAdmin'],
  ],
  [
    'go back up to another street (console)',
    (a) => dashboardNodeCan(a, { path: '1.5' }).open,
    ['districtAdmin', 'otherStreet'],
  ],
];

describe('dashboards.policy', () => {
  for (const [action, allowed, who] of cases)
    it(`${action}: ${who.length ? who.join(', ') : 'nobody'}`, () => {
      expect(answers(actors, allowed)).toEqual(only(actors, who));
    });
});
