/**
 * Who may see, edit and read the record of a person. A person is reached through where they
 * live, the organisation they belong to (or its unit, for the unit's contact) and the community
 * they registered with; and is always their own. Services ask here
 * (`allow(memberPolicy.edit(actor, m), 'out_of_scope')`); every person carries the answers for
 * its reader as `can`, so the console never works a rule out again.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Action, MemberCan } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { can, inScope } from '../../auth/authorize';

/** What the rules read of a person: their account, home, organisation and registration. */
export type MemberFacts = {
  user_id: number | null;
  home_path: string;
  org_path: string | null;
  unit_id: number | null;
  reg_status: string | null;
  reg_community_path: string | null;
};

const isSelf = (actor: Actor, m: MemberFacts) => m.user_id !== null && m.user_id === actor.userId;
/** Holds `action` over the person's home or the community they registered with (approved only). */
const overHomeOrCommunity = (actor: Actor, action: Action, m: MemberFacts) =>
  can(actor, action, m.home_path) ||
  (m.reg_status === 'approved' && m.reg_community_path !== null && can(actor, action, m.reg_community_path));
/** …or over the organisation they belong to, or its unit. */
const reaches = (actor: Actor, action: Action, m: MemberFacts) =>
  overHomeOrCommunity(actor, action, m) ||
  (m.org_path !== null && can(actor, action, { path: m.org_path, unitId: m.unit_id }));

export const memberPolicy = {
  /**
   * SQL: the people (`p`; home `h`, organisation `o` at `orr`, registration `reg` at `rc`) the
   * actor may see at all: through their home, organisation or registered community, or as themself.
   */
  visible: (actor: Actor): SQL =>
    sql`(${inScope(actor, 'person.read', sql`h.path`)}
    OR ${inScope(actor, 'person.read', sql`orr.path`, sql`o.unit_id`)}
    OR (reg.status = 'approved' AND ${inScope(actor, 'person.read', sql`rc.path`)})
    OR p.user_id = ${actor.userId})`,
  /**
   * Phone and ID numbers unmasked: the person, and those over their home or registered
   * community — not an organisation's side, which knows them as a member only.
   */
  seePrivate: (actor: Actor, m: MemberFacts) =>
    isSelf(actor, m) || overHomeOrCommunity(actor, 'person.private', m),
  /** Edits the person: those who manage people where they live. */
  edit: (actor: Actor, m: Pick<MemberFacts, 'home_path'>) => can(actor, 'person.manage', m.home_path),
  /** Places a person's home here (a new person, a move, an imported row): those who manage people there. */
  house: (actor: Actor, homePath: string) => can(actor, 'person.manage', homePath),
  /** Reads the person's participation record: the person, and those who read the ledger where they are reached. */
  seeRecord: (actor: Actor, m: MemberFacts) => isSelf(actor, m) || reaches(actor, 'ledger.read', m),
};

/** What the reader may do to this person, for the console. */
export const memberCan = (actor: Actor, m: MemberFacts): MemberCan => ({
  edit: memberPolicy.edit(actor, m),
  seeRecord: memberPolicy.seeRecord(actor, m),
});
