/** The dedication days' policy as a table: each actor × occurrence or sign-up × action, and the answer. */
import { describe, expect, it } from 'vitest';
import { actor, answers, only } from '../../../test/actors';
import type { Actor } from '../../auth/actor';
import { dedicationPolicy, type OccurrenceFacts, type SignupFacts } from './dedication-days.policy';

// Street 1.2 with communities 1.2.3 (the day's) and 1.2.9; another street 1.5.
const day: OccurrenceFacts = { region_path: '1.2.3', region_kind: 'community' };
const streetDay: OccurrenceFacts = { region_path: '1.2', region_kind: 'street' };
const LEADER = 7;
const actors = {
  organiser: actor(null, [['community_worker', '1.2.3']], 10),
  streetAdmin: actor(null, [['street_admin', '1.2']], 11),
  otherCommunity: actor(null, [['community_worker', '1.2.9']], 12),
  member: actor(8, [['party_member', '1.2.3']], 8),
  leader: actor(LEADER, [['party_member', '1.2.9']], 15),
};
type Who = keyof typeof actors;
const signup: SignupFacts = { person_user_id: 8, region_path: '1.2.3' };

const cases: [string, (a: Actor) => boolean, Who[]][] = [
  ['organise the day', (a) => dedicationPolicy.organise(a, day), ['organiser', 'streetAdmin']],
  ['see member 8’s sign-up', (a) => dedicationPolicy.see(a, signup), ['organiser', 'streetAdmin', 'member']],
  ['withdraw member 8’s sign-up', (a) => dedicationPolicy.withdraw(a, signup), ['member']],
  [
    'sign up a team of community 1.2.9 for a street-wide day',
    (a) => dedicationPolicy.serveAsTeam(a, { leader_id: LEADER, region_path: '1.2.9' }, streetDay),
    ['streetAdmin', 'otherCommunity', 'leader'],
  ],
  [
    'sign up a team of community 1.2.9 for a day of 1.2.3',
    (a) => dedicationPolicy.serveAsTeam(a, { leader_id: LEADER, region_path: '1.2.9' }, day),
    [],
  ],
];

describe('dedication-days.policy', () => {
  for (const [action, allowed, who] of cases)
    it(`${action}: ${who.length ? who.join(', ') : 'nobody'}`, () => {
      expect(answers(actors, allowed)).toEqual(only(actors, who));
    });

  it('a member serves where they live or registered, and on street-wide days of their streets', () => {
    expect(dedicationPolicy.serve(['1.2.3'], day)).toBe(true);
    expect(dedicationPolicy.serve(['1.2.9'], day)).toBe(false);
    expect(dedicationPolicy.serve(['1.2.9'], streetDay)).toBe(true);
    expect(dedicationPolicy.serve(['1.5.1'], streetDay)).toBe(false);
    expect(dedicationPolicy.serve([], day)).toBe(false);
  });
});
