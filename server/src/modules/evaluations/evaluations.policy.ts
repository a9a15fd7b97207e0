/**
 * Who may do what in an honours evaluation (评选表彰), from the ranking to the published list.
 * Evaluations are the whole district's business: whoever reads evaluations sees every one, its
 * candidates and their scores. The organisers of its area run it; nominators (street and
 * district admins) put forward the candidates of the streets they hold; anyone signed in may
 * object to a shortlisted nominee while the notice runs (the route asks no right). Services ask
 * here (`allow(evaluationPolicy.manage(actor, e), 'out_of_scope')`); evaluations, candidates,
 * nominations, objections and shortlist entries carry their reader's answers as `can`, so the
 * console never works a rule out again. Which step the evaluation is in stays the services'
 * 409s; the `can` flags fold it in, so the console shows only what the server will accept.
 */
import type {
  EvaluationCan,
  EvaluationStatus,
  HonourEntryCan,
  NominationCan,
  NominationStatus,
  ObjectionCan,
  ScoreCan,
} from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { can, holds, isWithin, scopes } from '../../auth/authorize';

/** What the rules read of an evaluation: its area and its step. */
export type EvaluationFacts = { region_path: string; status: EvaluationStatus };
/** What the rules read of a nomination: the street it counts against (its quota's region), and where it stands. */
export type NominationFacts = { region_path: string; status: NominationStatus };

const pending = (n: NominationFacts) => n.status === 'nominated' || n.status === 'approved';

export const evaluationPolicy = {
  /** Sees the ranking and each candidate's breakdown: whoever holds evaluation.read anywhere — it is the district's. */
  seeCandidates: (actor: Actor) => holds(actor, 'evaluation.read'),
  /**
   * Runs it — computes, deducts, closes, reviews nominations and sets quotas, reads and answers
   * objections, starts the notice, decides, publishes: the organisers of its area.
   */
  manage: (actor: Actor, e: { region_path: string }) => can(actor, 'evaluation.manage', e.region_path),
  /**
   * Takes part in its nominations: a nominator whose area lies within the evaluation's (a street
   * in a district-wide one) or holds it (the district over a street's).
   */
  nominateIn: (actor: Actor, e: { region_path: string }) =>
    scopes(actor, 'evaluation.nominate').some(
      (root) => isWithin(root, e.region_path) || isWithin(e.region_path, root),
    ),
};

export const nominationPolicy = {
  /** Puts a candidate forward: the nominators over the street it counts against — a street admin never for another street. */
  nominate: (actor: Actor, n: { region_path: string }) => can(actor, 'evaluation.nominate', n.region_path),
  /** Takes a nomination back: whoever may nominate for its street, not only the one who made it. */
  withdraw: (actor: Actor, n: { region_path: string }) => nominationPolicy.nominate(actor, n),
};

/** What the reader may do with this evaluation, for the console. */
export const evaluationCan = (actor: Actor, e: EvaluationFacts): EvaluationCan => {
  const manages = evaluationPolicy.manage(actor, e);
  const open = e.status === 'open';
  const nominating = e.status === 'closed';
  return {
    compute: manages && open,
    deduct: manages && open,
    close: manages && open,
    nominate: nominating && evaluationPolicy.nominateIn(actor, e),
    review: manages && nominating,
    startNotice: manages && nominating,
    seeObjections: manages,
    decide: manages && e.status === 'notice',
    publish: manages && e.status === 'decided',
  };
};

/** What the reader may do with this candidate (`street_path`: the street it counts against, when nominations are open). */
export const scoreCan = (actor: Actor, e: EvaluationFacts, s: { street_path: string | null }): ScoreCan => ({
  nominate:
    e.status === 'closed' &&
    s.street_path !== null &&
    nominationPolicy.nominate(actor, { region_path: s.street_path }),
});

/** What the reader may do to this nomination, for the console. */
export const nominationCan = (actor: Actor, e: EvaluationFacts, n: NominationFacts): NominationCan => {
  const nominating = e.status === 'closed';
  const reviews = nominating && evaluationPolicy.manage(actor, e);
  return {
    // Approving an approved one changes nothing: the button is for those awaiting review.
    approve: reviews && n.status === 'nominated',
    reject: reviews && pending(n),
    withdraw: nominating && pending(n) && nominationPolicy.withdraw(actor, n),
  };
};

/** What the reader may do to this objection, for the console. */
export const objectionCan = (actor: Actor, e: EvaluationFacts, o: { status: string }): ObjectionCan => ({
  answer: e.status === 'notice' && o.status === 'open' && evaluationPolicy.manage(actor, e),
});

/**
 * What the reader may do to an entry of a shortlist: object while the notice runs (`noticeOpen`),
 * once while their objection to it is open (`objected`) — anyone signed in, whatever their role.
 */
export const honourEntryCan = (
  e: EvaluationFacts & { noticeOpen: boolean },
  reader: { objected: boolean },
): HonourEntryCan => ({
  object: e.status === 'notice' && e.noticeOpen && !reader.objected,
});
