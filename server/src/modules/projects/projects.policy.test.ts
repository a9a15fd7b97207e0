/** The projects' policy as a table: each actor × project or claim × action, and the answer. */
import { describe, expect, it } from 'vitest';
import { actor, answers, only } from '../../../test/actors';
import type { Actor } from '../../auth/actor';
import type { TeamFacts } from '../teams/teams.policy';
import { type ClaimFacts, claimCan, type ProjectFacts, projectCan, projectPolicy } from './projects.policy';

// Street 1.2 with communities 1.2.3 (the project's, building 1.2.3.7) and 1.2.9; another street 1.5.
const project: ProjectFacts = {
  region_path: '1.2.3',
  region_kind: 'community',
  open_to_street: false,
  status: 'published',
};
const streetWide: ProjectFacts = { ...project, open_to_street: true };
const UNIT = 40;
const LEADER = 7;
const team: TeamFacts = { leader_id: LEADER, region_path: '1.2.3' };
const actors = {
  organiser: actor(null, [['community_worker', '1.2.3']], 10),
  streetAdmin: actor(null, [['street_admin', '1.2']], 11),
  otherCommunity: actor(null, [['community_worker', '1.2.9']], 12),
  claimant: actor(8, [['party_member', '1.2.3']], 8),
  namedMember: actor(9, [['party_member', '1.2.3']], 9),
  unitContact: actor(null, [['unit_contact', '1.2.3.7', UNIT]], 13),
  otherUnit: actor(null, [['unit_contact', '1.2.9', 41]], 14),
  leader: actor(LEADER, [['party_member', '1.2.3']], 15),
};
type Who = keyof typeof actors;

const later = new Date(Date.now() + 86_400_000).toISOString();
const earlier = new Date(Date.now() - 86_400_000).toISOString();
const claim = (over: Partial<ClaimFacts>): ClaimFacts => ({
  person_user_id: null,
  unit_id: null,
  team_id: null,
  team_leader_id: null,
  team_path: null,
  members: [],
  status: 'active',
  hours_confirmed: null,
  role_starts_at: later,
  region_path: '1.2.3',
  project_status: 'published',
  ...over,
});
const personal = claim({ person_user_id: 8 });
const units = claim({ unit_id: UNIT, members: [{ user_id: 9 }] });
const teams = claim({ team_id: 3, team_leader_id: LEADER, team_path: '1.2.3' });

const cases: [string, (a: Actor) => boolean, Who[]][] = [
  ['manage the project', (a) => projectPolicy.manage(a, project), ['organiser', 'streetAdmin']],
  [
    'claim as the team',
    (a) => projectPolicy.claimAsTeam(a, team, project),
    ['organiser', 'streetAdmin', 'leader'],
  ],
  ['see a person’s claim', (a) => projectPolicy.see(a, personal), ['organiser', 'streetAdmin', 'claimant']],
  [
    'see a unit’s claim',
    (a) => projectPolicy.see(a, units),
    ['organiser', 'streetAdmin', 'namedMember', 'unitContact'],
  ],
  ['withdraw a person’s claim', (a) => projectPolicy.withdraw(a, personal), ['claimant']],
  [
    'withdraw a unit’s claim (a named member may not)',
    (a) => projectPolicy.withdraw(a, units),
    ['unitContact'],
  ],
  [
    'withdraw a team’s claim',
    (a) => projectPolicy.withdraw(a, teams),
    ['organiser', 'streetAdmin', 'leader'],
  ],
  ['name a unit’s members', (a) => projectPolicy.nameMembers(a, units), ['unitContact']],
  [
    'name a team’s members',
    (a) => projectPolicy.nameMembers(a, teams),
    ['organiser', 'streetAdmin', 'leader'],
  ],
  [
    'withdraw a claim whose role started (console)',
    (a) => claimCan(a, { ...personal, role_starts_at: earlier }).withdraw,
    [],
  ],
  [
    'remove a claim of a cancelled project (console)',
    (a) => claimCan(a, { ...personal, project_status: 'cancelled' }).remove,
    [],
  ],
  ['confirm hours before the project runs (console)', (a) => claimCan(a, personal).confirmHours, []],
  [
    'confirm hours while it runs (console)',
    (a) => claimCan(a, { ...personal, project_status: 'in_progress' }).confirmHours,
    ['organiser', 'streetAdmin'],
  ],
  [
    'name members once hours are confirmed (console)',
    (a) => claimCan(a, { ...units, hours_confirmed: 2 }).nameMembers,
    [],
  ],
  [
    'take the whole project for a unit (console)',
    (a) =>
      projectCan(
        a,
        { ...project, roles: [{ slots: 2, claimed: 0, starts_at: later }] },
        { homePath: null, reviewed: false },
      ).claimWhole,
    ['unitContact'],
  ],
  [
    'take a whole project with no free slot (console)',
    (a) =>
      projectCan(
        a,
        { ...project, roles: [{ slots: 2, claimed: 2, starts_at: later }] },
        { homePath: null, reviewed: false },
      ).claimWhole,
    [],
  ],
];

describe('projects.policy', () => {
  for (const [action, allowed, who] of cases)
    it(`${action}: ${who.length ? who.join(', ') : 'nobody'}`, () => {
      expect(answers(actors, allowed)).toEqual(only(actors, who));
    });

  it('a project is within reach of its own community, and of its street when open to it', () => {
    expect(projectPolicy.reaches(['1.2.3'], project)).toBe(true);
    expect(projectPolicy.reaches(['1.2.9'], project)).toBe(false);
    expect(projectPolicy.reaches(['1.2.9'], streetWide)).toBe(true);
    expect(projectPolicy.reaches(['1.5.1'], streetWide)).toBe(false);
    expect(projectPolicy.claimAsUnit('1.2.3.7', project)).toBe(true);
    expect(projectPolicy.claimAsUnit('1.2.9.4', project)).toBe(false);
  });

  it('residents of the project’s community review it, from any of its buildings', () => {
    expect(projectPolicy.review('1.2.3.7', project)).toBe(true);
    expect(projectPolicy.review('1.2.3', project)).toBe(true);
    expect(projectPolicy.review('1.2.9.1', project)).toBe(false);
    expect(projectPolicy.review(null, project)).toBe(false);
    const done = { ...project, status: 'done' as const, roles: [] };
    expect(projectCan(actors.claimant, done, { homePath: '1.2.3.7', reviewed: false }).review).toBe(true);
    expect(projectCan(actors.claimant, done, { homePath: '1.2.3.7', reviewed: true }).review).toBe(false);
    expect(
      projectCan(
        actors.claimant,
        { ...done, status: 'in_progress' },
        { homePath: '1.2.3.7', reviewed: false },
      ).review,
    ).toBe(false);
  });
});
