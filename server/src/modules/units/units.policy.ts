/**
 * Who may read and edit a unit (驻区单位), see its contact's number and read its record. A unit
 * stands at a place; its own contact acts for it as well as those over the place. Services ask
 * here (`allow(unitPolicy.manage(actor, u), 'out_of_scope')`); every unit carries the answers
 * for its reader as `can`, so the console never works a rule out again.
 */
import type { SQL, SQLWrapper } from 'drizzle-orm';
import type { UnitCan } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { can, inDistrictScope, overDistrict, type Target } from '../../auth/authorize';

/** What the rules read of a unit: itself, and the place it stands. */
export type UnitFacts = { id: number; regionPath: string };

const at = (u: UnitFacts): Target => ({ path: u.regionPath, unitId: u.id });

export const unitPolicy = {
  /**
   * SQL: the units the actor may read (`read`, in the database), given the unit's place's
   * path and the unit's id: what the list of units and the search hold (both narrowed to the
   * actor's district already).
   */
  visible: (actor: Actor, path: SQLWrapper, id: SQLWrapper): SQL =>
    inDistrictScope(actor, 'unit.read', path, id),
  /** Reads every unit of the district: `visible` is `true`, and needs no unit's place. */
  readsAll: (actor: Actor) => overDistrict(actor, 'unit.read'),
  /** Reads it: those over its place, and its own contact. */
  read: (actor: Actor, u: UnitFacts) => can(actor, 'unit.read', at(u)),
  /** Edits it: those who manage units over its place, and its own contact. */
  manage: (actor: Actor, u: UnitFacts) => can(actor, 'unit.manage', at(u)),
  /** Places a unit here (a new one, a move, an imported row): those who manage units there. */
  place: (actor: Actor, path: string) => can(actor, 'unit.manage', path),
  /** Its contact's number unmasked: whoever manages the unit, and those who may see personal data over its place. */
  seeContactPhone: (actor: Actor, u: UnitFacts) =>
    unitPolicy.manage(actor, u) || can(actor, 'person.private', at(u)),
  /** Reads its members' participation record: those who read the ledger over its place, and its own contact. */
  seeRecord: (actor: Actor, u: UnitFacts) => can(actor, 'ledger.read', at(u)),
  /**
   * Reads who booked its facilities and when (the unit's page): its own contact, who decides them,
   * and those who keep facilities over its place.
   */
  seeBookings: (actor: Actor, u: UnitFacts) => can(actor, 'facility.manage', at(u)),
};

/** What the reader may do to this unit, for the console. */
export const unitCan = (actor: Actor, u: UnitFacts): UnitCan => ({
  edit: unitPolicy.manage(actor, u),
  seeRecord: unitPolicy.seeRecord(actor, u),
  seeBookings: unitPolicy.seeBookings(actor, u),
});
