/** The campaigns' policy as a table: each actor × campaign × action, and the answer. */
import { describe, expect, it } from 'vitest';
import { actor, answers, only } from '../../../test/actors';
import type { Actor } from '../../auth/actor';
import { type CampaignFacts, campaignCan, campaignPolicy } from './campaigns.policy';

// A street's campaign (1.2), and one of its communities (1.2.3); another street 1.5.
const streetWeek: CampaignFacts = { region_path: '1.2' };
const communityWeek: CampaignFacts = { region_path: '1.2.3' };
const actors = {
  districtAdmin: actor(null, [['district_admin', '1']]),
  streetAdmin: actor(null, [['street_admin', '1.2']]),
  worker: actor(null, [['community_worker', '1.2.3']]),
  otherStreet: actor(null, [['street_admin', '1.5']]),
  member: actor(8, [['party_member', '1.2.3']]),
};
type Who = keyof typeof actors;

const cases: [string, (a: Actor) => boolean, Who[]][] = [
  ['run a street’s campaign', (a) => campaignPolicy.manage(a, streetWeek), ['districtAdmin', 'streetAdmin']],
  [
    'run a community’s campaign',
    (a) => campaignPolicy.manage(a, communityWeek),
    ['districtAdmin', 'streetAdmin', 'worker'],
  ],
  [
    'edit a street’s campaign (console)',
    (a) => campaignCan(a, streetWeek).edit,
    ['districtAdmin', 'streetAdmin'],
  ],
];

describe('campaigns.policy', () => {
  for (const [action, allowed, who] of cases)
    it(`${action}: ${who.length ? who.join(', ') : 'nobody'}`, () => {
      expect(answers(actors, allowed)).toEqual(only(actors, who));
    });
});
