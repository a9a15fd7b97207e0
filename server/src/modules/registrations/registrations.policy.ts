/**
 * Who may ask for, or withdraw, an in-service member's registration with the home community:
 * the member themself, or their unit's contact for the unit's members. (Deciding is the
 * community's: the route's `registration.decide` and the row's scope.)
 */
import type { Actor } from '../../auth/actor';
import { actsForUnit, can, holds } from '../../auth/authorize';

/** What the rules read of the person a registration is for: their account and their unit. */
export type RegistrantFacts = { user_id: number | null; unit_id: number | null };

const isSelf = (actor: Actor, p: RegistrantFacts) => p.user_id !== null && p.user_id === actor.userId;
const forTheirUnit = (actor: Actor, p: RegistrantFacts) =>
  actsForUnit(actor, 'registration.request', p.unit_id);

export const registrationPolicy = {
  /** Asks for it: the member (who may ask at all), or the contact of the member's unit. */
  request: (actor: Actor, p: RegistrantFacts) =>
    (isSelf(actor, p) && holds(actor, 'registration.request')) || forTheirUnit(actor, p),
  /** Withdraws a pending one: the member, or the contact of the member's unit. */
  withdraw: (actor: Actor, p: RegistrantFacts) => isSelf(actor, p) || forTheirUnit(actor, p),
  /** Approves or declines it: the organisers of the community asked to take the member in. */
  decide: (actor: Actor, r: { community_path: string }) =>
    can(actor, 'registration.decide', r.community_path),
};
