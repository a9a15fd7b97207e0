/**
 * Who may do what to a public-welfare project and its claims. Services ask here
 * (`allow(projectPolicy.claimAsTeam(actor, team, p), 'claim_out_of_reach')`); every project
 * and claim carries the answers for its reader as `can`, so the console never works a rule
 * out again.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { ClaimCan, ProjectCan, ProjectStatus } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { can, inScope, isWithin, unitScopes } from '../../auth/authorize';
import { type TeamFacts, teamPolicy } from '../teams/teams.policy';

/** What the rules read of a project: its place, how wide it is open, where it stands. */
export type ProjectFacts = {
  region_path: string;
  region_kind: string;
  open_to_street: boolean;
  status: ProjectStatus;
};
/** What the rules read of a claim: who holds it (a person's account, a unit, a team) and where it stands. */
export type ClaimFacts = {
  person_user_id: number | null;
  unit_id: number | null;
  team_id: number | null;
  team_leader_id: number | null;
  team_path: string | null;
  members: { user_id: number | null }[];
  status: string;
  hours_confirmed: number | null;
  role_starts_at: string;
  region_path: string;
  project_status: ProjectStatus;
};

const OPEN: ProjectStatus[] = ['published', 'claimed'];
const RUNNING: ProjectStatus[] = ['in_progress', 'done', 'reviewed'];
const CLOSED: ProjectStatus[] = ['done', 'reviewed', 'cancelled'];

/** The community a place belongs to (a building's community, or the place itself above that). */
const community = (path: string) => path.split('.').slice(0, 3).join('.');
const runsTeam = (actor: Actor, c: ClaimFacts) =>
  c.team_id !== null && teamPolicy.run(actor, { leader_id: c.team_leader_id, region_path: c.team_path! });
const speaksForUnit = (actor: Actor, c: ClaimFacts) =>
  c.unit_id !== null && unitScopes(actor, 'unit.manage').includes(c.unit_id);

export const projectPolicy = {
  /**
   * SQL: the projects (`pr`, place `r`) the actor may see. Drafts are their organisers';
   * once published, a project is public in the district.
   */
  visible: (actor: Actor): SQL =>
    sql`(pr.status <> 'draft' OR ${inScope(actor, 'project.manage', sql`r.path`)})`,
  /** Organisers of the project's area edit it, move it along, remove claims and confirm hours. */
  manage: (actor: Actor, p: { region_path: string }) => can(actor, 'project.manage', p.region_path),
  /**
   * Within reach of someone living or registered in `places`: the project is in one of those
   * communities (or one of their buildings), or it is open to (or of) their street.
   */
  reaches: (places: string[], p: ProjectFacts) => {
    const street = p.region_path.split('.').slice(0, 2).join('.');
    const wide = p.region_kind === 'street' || p.open_to_street;
    return places.some((place) => isWithin(p.region_path, place) || (wide && isWithin(place, street)));
  },
  /** A team claims through those who run it, where the team itself is at home. */
  claimAsTeam: (actor: Actor, team: TeamFacts, p: ProjectFacts) =>
    teamPolicy.run(actor, team) && projectPolicy.reaches([team.region_path], p),
  /** A unit claims through its contact, for projects around the unit's own community. */
  claimAsUnit: (unitPath: string, p: ProjectFacts) => projectPolicy.reaches([community(unitPath)], p),
  /** Residents of the project's community (or street) rate it once it is done — not only those of its building. */
  review: (homePath: string | null, p: ProjectFacts) =>
    homePath !== null && isWithin(homePath, community(p.region_path)),
  /** The claim is the reader's own: they hold it, are named on it, or act for its unit or team. */
  isTheirs: (actor: Actor, c: ClaimFacts) =>
    c.person_user_id === actor.userId ||
    c.members.some((m) => m.user_id === actor.userId) ||
    (c.unit_id !== null && unitScopes(actor, 'unit.read').includes(c.unit_id)) ||
    runsTeam(actor, c),
  /** A claim is seen whole by its own people and by the organisers; others see it masked or not at all. */
  see: (actor: Actor, c: ClaimFacts) => projectPolicy.isTheirs(actor, c) || projectPolicy.manage(actor, c),
  /** The claimant withdraws of their own accord: the person, the unit's contact, or who runs the team. */
  withdraw: (actor: Actor, c: ClaimFacts) =>
    c.person_user_id === actor.userId || speaksForUnit(actor, c) || runsTeam(actor, c),
  /** A unit names its own members through its contact; a team, through those who run it. */
  nameMembers: (actor: Actor, c: ClaimFacts) =>
    c.unit_id !== null ? speaksForUnit(actor, c) : runsTeam(actor, c),
};

/** What the reader may do to this project, for the console. */
export const projectCan = (
  actor: Actor,
  p: ProjectFacts & { roles: { slots: number; claimed: number; starts_at: string }[] },
  reader: { homePath: string | null; reviewed: boolean },
): ProjectCan => {
  // A unit's contact holds the role at the unit's place.
  const unit = actor.roles.find((r) => r.role === 'unit_contact' && r.unitId !== null);
  const free = p.roles.some((r) => r.claimed < r.slots && new Date(r.starts_at) > new Date());
  return {
    manage: projectPolicy.manage(actor, p),
    review:
      ['done', 'reviewed'].includes(p.status) && !reader.reviewed && projectPolicy.review(reader.homePath, p),
    claimWhole:
      OPEN.includes(p.status) && free && unit !== undefined && projectPolicy.claimAsUnit(unit.regionPath, p),
  };
};

/** What the reader may do to this claim, for the console (others' claims: nothing). */
export const claimCan = (actor: Actor, c: ClaimFacts): ClaimCan => {
  const active = c.status === 'active';
  const manages = projectPolicy.manage(actor, c);
  return {
    withdraw: active && new Date(c.role_starts_at) > new Date() && projectPolicy.withdraw(actor, c),
    nameMembers:
      active &&
      c.hours_confirmed === null &&
      (c.unit_id !== null || c.team_id !== null) &&
      projectPolicy.nameMembers(actor, c),
    remove: active && manages && !CLOSED.includes(c.project_status),
    confirmHours: active && manages && RUNNING.includes(c.project_status),
  };
};
