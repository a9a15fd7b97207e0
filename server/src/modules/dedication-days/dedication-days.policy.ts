/**
 * Who may do what on a dedication day (党员固定活动日): organise its occurrences, serve on
 * them, and withdraw or see a sign-up. Services ask here
 * (`allow(dedicationPolicy.serve(places, o), 'signup_out_of_reach')`).
 */
import type { Actor } from '../../auth/actor';
import { can, isWithin } from '../../auth/authorize';
import { type TeamFacts, teamPolicy } from '../teams/teams.policy';

/** What the rules read of an occurrence: its place, and whether the day is street-wide. */
export type OccurrenceFacts = { region_path: string; region_kind: string };
/** What the rules read of a sign-up: whose account it is, and where its day is. */
export type SignupFacts = { person_user_id: number | null; region_path: string };

export const dedicationPolicy = {
  /** Organisers of the area run its days: tasks, check-ins, hours, removals. */
  organise: (actor: Actor, o: { region_path: string }) => can(actor, 'dedication.manage', o.region_path),
  /** A member serves where they live or registered, and on street-wide days of their streets. */
  serve: (places: string[], o: OccurrenceFacts) =>
    places.some(
      (p) => isWithin(o.region_path, p) || (o.region_kind === 'street' && isWithin(p, o.region_path)),
    ),
  /** A team serves as a team through those who run it, where the team is at home. */
  serveAsTeam: (actor: Actor, team: TeamFacts, o: OccurrenceFacts) =>
    teamPolicy.run(actor, team) && dedicationPolicy.serve([team.region_path], o),
  /** A sign-up is its member's and the organisers' to see; to others it does not exist (404). */
  see: (actor: Actor, s: SignupFacts) =>
    s.person_user_id === actor.userId || dedicationPolicy.organise(actor, s),
  /** Only the member withdraws their own sign-up; organisers remove one, with a reason. */
  withdraw: (actor: Actor, s: SignupFacts) => s.person_user_id === actor.userId,
};
