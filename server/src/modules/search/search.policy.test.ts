/** The search's policy as a table: each reader × kind, and whether the search looks through it. */
import { describe, expect, it } from 'vitest';
import { SEARCH_KINDS, type SearchKind } from '../../../../contract';
import { actor, answers, only } from '../../../test/actors';
import { searchPolicy } from './search.policy';

// A street 1.2 with community 1.2.3; unit 40 stands in it.
const actors = {
  districtAdmin: actor(null, [['district_admin', '1']]),
  streetAdmin: actor(null, [['street_admin', '1.2']]),
  communityWorker: actor(null, [['community_worker', '1.2.3']]),
  unitContact: actor(5, [['unit_contact', '1.2.3', 40]]),
  member: actor(7, [['party_member', '1.2.3']]),
  resident: actor(9, [['resident', '1.2.3']]),
  lecturer: actor(null, [['lecturer', '1']]),
  lecturerLivingHere: actor(11, [['lecturer', '1']]),
};
type Who = keyof typeof actors;
const everyone = Object.keys(actors) as Who[];
const staff: Who[] = ['districtAdmin', 'streetAdmin', 'communityWorker'];

const cases: [SearchKind, Who[]][] = [
  // People are in the lists of those who read people; residents, members and lecturers have none.
  ['person', [...staff, 'unitContact']],
  ['unit', [...staff, 'unitContact']],
  // Those who decide needs, and anyone with a person record (the needs they raised).
  ['need', [...staff, 'unitContact', 'member', 'resident', 'lecturerLivingHere']],
  // Public in the district: every reader's list.
  ['project', everyone],
  ['facility', everyone],
  ['team', everyone],
];

describe('search.policy', () => {
  for (const [kind, who] of cases)
    it(`searches ${kind}: ${who.join(', ')}`, () => {
      expect(answers(actors, (a) => searchPolicy.searches(a, kind))).toEqual(only(actors, who));
    });

  it('covers every kind, and lists the kinds in their groups’ order', () => {
    expect(cases.map(([kind]) => kind).sort()).toEqual([...SEARCH_KINDS].sort());
    expect(searchPolicy.kinds(actors.resident)).toEqual(['project', 'need', 'facility', 'team']);
    expect(searchPolicy.kinds(actors.communityWorker)).toEqual([...SEARCH_KINDS]);
  });
});
