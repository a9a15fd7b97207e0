/**
 * Who may do what to an account. An account that is not disabled signs in with its password.
 * An actor manages a user — edits, disables, unlocks, resets the password — only when the
 * user's home lies in its scope, the user is not itself, and it could grant every role the
 * user holds: nobody manages someone who outranks them. It grants and revokes only roles its
 * own rank could grant at that node, and never on its own account. Services ask here
 * (`allow(accountPolicy.outrank(actor, user), 'role_too_high')`), one rule per refusal so
 * each keeps its own reason. Whoever manages a user may also issue them a one-time reset
 * code — account recovery without e-mail goes through the person's community worker.
 */
import type { Role } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { can, canGrant } from '../../auth/authorize';

/** What sign-in reads of an account: whether it was disabled. */
export type AccountFacts = { disabledAt: string | null };
/** What the rules read of a role, held or to be granted: the role and the node it is held at. */
export type RoleFacts = { role: Role; regionPath: string };
/** What the rules read of a user: whose account it is, its home, and the roles it holds. */
export type UserFacts = { id: number; regionPath: string; roles: RoleFacts[] };

const isSelf = (actor: Actor, u: Pick<UserFacts, 'id'>) => u.id === actor.userId;

export const accountPolicy = {
  /** Signs in (once the password is right): any account not disabled — disabling is how one is shut. */
  signIn: (a: AccountFacts) => a.disabledAt === null,
  /** Reaches a user to manage them: the user managers of the area the user's home lies in. */
  reach: (actor: Actor, u: UserFacts) => can(actor, 'user.manage', u.regionPath),
  /** Acts on an account as its manager (state, password, roles): anyone but its owner, who could otherwise raise their own rank or shut themself out. */
  actOn: (actor: Actor, u: Pick<UserFacts, 'id'>) => !isSelf(actor, u),
  /** Outranks a user: could grant every role they hold — nobody manages someone above them. */
  outrank: (actor: Actor, u: UserFacts) => u.roles.every((r) => canGrant(actor, r.role, r.regionPath)),
  /** Manages a user: reaches them, is not them, and outranks them (the service asks each in turn for its reason). */
  manage: (actor: Actor, u: UserFacts) =>
    accountPolicy.reach(actor, u) && accountPolicy.actOn(actor, u) && accountPolicy.outrank(actor, u),
  /**
   * Issues a one-time reset code: whoever manages the user (reaches, is not them, outranks
   * them), for an account that may sign in — a disabled one could not use it.
   */
  issueReset: (actor: Actor, u: UserFacts & AccountFacts) =>
    accountPolicy.manage(actor, u) && accountPolicy.signIn(u),
  /** Grants a role at a node: only one its own rank could grant there. */
  grant: (actor: Actor, r: RoleFacts) => canGrant(actor, r.role, r.regionPath),
  /** Revokes a role: only one it could have granted — nobody strips a rank above their own. */
  revoke: (actor: Actor, r: RoleFacts) => accountPolicy.grant(actor, r),
};
