/**
 * Who may read, edit and read the record of a Party organisation. An organisation stands at a
 * place; a unit's organisation also belongs to its unit, whose contact reads it. Services ask
 * here (`allow(partyOrgPolicy.read(actor, o), 'out_of_scope')`); every organisation carries the
 * answers for its reader as `can`, so the console never works a rule out again.
 */
import type { PartyOrgCan } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { can, type Target } from '../../auth/authorize';

/** What the rules read of an organisation: its place, and its unit when it is a unit's. */
export type PartyOrgFacts = { path: string; unitId: number | null };

const at = (o: PartyOrgFacts): Target => ({ path: o.path, unitId: o.unitId });

export const partyOrgPolicy = {
  /** Reads it (and names it as someone's organisation or a parent): those over its place, and its unit's contact. */
  read: (actor: Actor, o: PartyOrgFacts) => can(actor, 'org.read', at(o)),
  /** Renames it or moves it under another: those who manage organisations over its place. */
  manage: (actor: Actor, o: PartyOrgFacts) => can(actor, 'org.manage', at(o)),
  /** Reads its members' participation record: those who read the ledger over its place, or of its unit. */
  seeRecord: (actor: Actor, o: PartyOrgFacts) => can(actor, 'ledger.read', at(o)),
};

/** What the reader may do to this organisation, for the console. */
export const partyOrgCan = (actor: Actor, o: PartyOrgFacts): PartyOrgCan => ({
  edit: partyOrgPolicy.manage(actor, o),
  seeRecord: partyOrgPolicy.seeRecord(actor, o),
});
