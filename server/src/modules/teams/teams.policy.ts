/**
 * Who may do what to a volunteer team and its members, and to an invitation an organiser sends
 * a person (to a project role or a dedication-day task). Services ask here
 * (`allow(teamPolicy.run(actor, team))`); every team carries the answers for its reader as
 * `can`, so the console never works a rule out again.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { TeamCan } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { can } from '../../auth/authorize';

/** What the rules read of a team: its leader and its place. */
export type TeamFacts = { leader_id: number | null; region_path: string; retired_at?: string | null };
/** What the rules read of a membership: whose it is and where it stands. */
export type MembershipFacts = { person_id: number; status: string };
/** What the rules read of an invitation: whom it invites. */
export type InvitationFacts = { person_id: number };

const leads = (actor: Actor, t: TeamFacts) => t.leader_id !== null && t.leader_id === actor.personId;
const organises = (actor: Actor, t: TeamFacts) => can(actor, 'team.manage', t.region_path);
const isSelf = (actor: Actor, m: { person_id: number }) =>
  actor.personId !== null && m.person_id === actor.personId;

export const teamPolicy = {
  /** SQL: the teams (`tm`) the list shows: every living one of the district, to anyone — teams recruit across it. */
  listed: (): SQL => sql`tm.retired_at IS NULL`,
  /** Runs the team — edits it, invites, answers applications, claims and signs up as the team: its leader, or the organisers of its area. */
  run: (actor: Actor, t: TeamFacts) => leads(actor, t) || organises(actor, t),
  /** Choosing another leader is the organisers' call, not the leader's own. */
  changeLeader: (actor: Actor, t: TeamFacts) => organises(actor, t),
  /** May learn how a membership stands at all: those who run the team, and the person it is about. */
  seeMembership: (actor: Actor, t: TeamFacts, m: MembershipFacts) =>
    teamPolicy.run(actor, t) || isSelf(actor, m),
  /** An application is the team's to answer; an invitation, the invited person's. */
  answer: (actor: Actor, t: TeamFacts, m: MembershipFacts) =>
    m.status === 'applied' ? teamPolicy.run(actor, t) : m.status === 'invited' ? isSelf(actor, m) : false,
  /** A member's role is changed by those who run the team; a member may also leave of their own accord. */
  changeMember: (actor: Actor, t: TeamFacts, m: MembershipFacts, leaving: boolean) =>
    teamPolicy.run(actor, t) || (leaving && isSelf(actor, m)),
};

export const invitationPolicy = {
  /** Accepts or declines it: the invited person alone — the organiser asks, and never answers for them. */
  answer: (actor: Actor, i: InvitationFacts) => isSelf(actor, i),
};

/** What the reader may do to this team, for the console (`my_status`: the reader's membership, if any). */
export const teamCan = (actor: Actor, t: TeamFacts & { my_status?: string | null }): TeamCan => {
  const open = !t.retired_at;
  const runs = teamPolicy.run(actor, t);
  return {
    edit: open && runs,
    invite: open && runs,
    changeLeader: open && teamPolicy.changeLeader(actor, t),
    seeApplications: runs,
    signUpAsTeam: open && runs,
    // A leader is replaced before leaving, or the team would be left without one.
    leave: open && t.my_status === 'active' && !leads(actor, t),
  };
};
