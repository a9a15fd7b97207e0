/**
 * Who may act on a request for help in the time bank: it is the asker's own. Only they confirm
 * the help (which pays the helper from their account) or call the request off; anyone else
 * of their communities may offer to help (the service keeps the asker from helping themself).
 */
import type { Actor } from '../../auth/actor';

/** What the rules read of a request: whose it is. */
export type TimeRequestFacts = { person_id: number };

const asked = (actor: Actor, q: TimeRequestFacts) =>
  actor.personId !== null && q.person_id === actor.personId;

export const timeRequestPolicy = {
  /** Confirms the help and pays the hours: the asker alone — they are their hours. */
  complete: (actor: Actor, q: TimeRequestFacts) => asked(actor, q),
  /** Calls it off: the asker alone, whose hours it holds. */
  cancel: (actor: Actor, q: TimeRequestFacts) => asked(actor, q),
};
