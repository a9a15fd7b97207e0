/** The teams' policy as a table: each actor × team or membership × action, and the answer. */
import { describe, expect, it } from 'vitest';
import { actor, answers, only } from '../../../test/actors';
import type { Actor } from '../../auth/actor';
import { invitationPolicy, type MembershipFacts, type TeamFacts, teamCan, teamPolicy } from './teams.policy';

// A street 1.2 with communities 1.2.3 (the team's) and 1.2.9; another street 1.5.

const LEADER = 7;
const team: TeamFacts = { leader_id: LEADER, region_path: '1.2.3', retired_at: null };
const retired: TeamFacts = { ...team, retired_at: '2026-01-01T00:00:00Z' };
const actors = {
  leader: actor(LEADER, [['party_member', '1.2.3']]),
  member: actor(8, [['party_member', '1.2.3']]),
  organiser: actor(null, [['community_worker', '1.2.3']]),
  streetAdmin: actor(null, [['street_admin', '1.2']]),
  otherCommunity: actor(null, [['community_worker', '1.2.9']]),
  otherStreet: actor(null, [['street_admin', '1.5']]),
  resident: actor(9, [['resident', '1.2.3']]),
};
type Who = keyof typeof actors;
const applied = (person: number): MembershipFacts => ({ person_id: person, status: 'applied' });
const invited = (person: number): MembershipFacts => ({ person_id: person, status: 'invited' });
const active = (person: number): MembershipFacts => ({ person_id: person, status: 'active' });

const cases: [string, (a: Actor) => boolean, Who[]][] = [
  ['run the team', (a) => teamPolicy.run(a, team), ['leader', 'organiser', 'streetAdmin']],
  ['choose another leader', (a) => teamPolicy.changeLeader(a, team), ['organiser', 'streetAdmin']],
  [
    "answer member 8's application",
    (a) => teamPolicy.answer(a, team, applied(8)),
    ['leader', 'organiser', 'streetAdmin'],
  ],
  ["answer member 8's invitation", (a) => teamPolicy.answer(a, team, invited(8)), ['member']],
  ['answer an active membership', (a) => teamPolicy.answer(a, team, active(8)), []],
  [
    "answer person 8's invitation to a role or task",
    (a) => invitationPolicy.answer(a, { person_id: 8 }),
    ['member'],
  ],
  [
    "see member 8's application",
    (a) => teamPolicy.seeMembership(a, team, applied(8)),
    ['leader', 'member', 'organiser', 'streetAdmin'],
  ],
  [
    "change member 8's role",
    (a) => teamPolicy.changeMember(a, team, active(8), false),
    ['leader', 'organiser', 'streetAdmin'],
  ],
  [
    'take member 8 out of the team',
    (a) => teamPolicy.changeMember(a, team, active(8), true),
    ['leader', 'member', 'organiser', 'streetAdmin'],
  ],
  ['edit a retired team (console)', (a) => teamCan(a, retired).edit, []],
  [
    'see a retired team’s applications (console)',
    (a) => teamCan(a, retired).seeApplications,
    ['leader', 'organiser', 'streetAdmin'],
  ],
];

describe('teams.policy', () => {
  for (const [action, allowed, who] of cases)
    it(`${action}: ${who.length ? who.join(', ') : 'nobody'}`, () => {
      const answers = Object.fromEntries(Object.entries(actors).map(([name, a]) => [name, allowed(a)]));
      const expected = Object.fromEntries(
        Object.keys(actors).map((name) => [name, who.includes(name as Who)]),
      );
      expect(answers).toEqual(expected);
    });

  it('the console’s flags are the policy’s answers for an open team', () => {
    for (const a of Object.values(actors))
      expect(teamCan(a, team)).toEqual({
        edit: teamPolicy.run(a, team),
        invite: teamPolicy.run(a, team),
        changeLeader: teamPolicy.changeLeader(a, team),
        seeApplications: teamPolicy.run(a, team),
        signUpAsTeam: teamPolicy.run(a, team),
        leave: false,
      });
  });

  it('a reader whose membership is active may leave, unless they lead the team (a leader is replaced first)', () => {
    const active = { ...team, my_status: 'active' };
    expect(answers(actors, (a) => teamCan(a, active).leave)).toEqual(
      only(actors, ['member', 'organiser', 'streetAdmin', 'otherCommunity', 'otherStreet', 'resident']),
    );
    expect(teamCan(actors.member, { ...active, my_status: 'applied' }).leave).toBe(false);
    expect(teamCan(actors.member, { ...active, retired_at: '2026-01-01T00:00:00Z' }).leave).toBe(false);
  });
});
