/**
 * Who may do what to a shared facility and its bookings. Services ask here
 * (`allow(facilityPolicy.keep(actor, f))`); every facility carries its reader's answers as
 * `can`, so the console never works a rule out again.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { FacilityCan } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { can, unitScopes } from '../../auth/authorize';

/** What the rules read of a facility: its place, and the unit that owns it (none: the community's own). */
export type FacilityFacts = { region_path: string; unit_id: number | null; retired_at?: string | null };
/** What the rules read of a booking: who booked it (a person, or a unit). */
export type BookingFacts = { person_id: number | null; unit_id: number | null };

export const facilityPolicy = {
  /**
   * SQL: the facilities (`f`) the catalogue shows: every living one of the district, to anyone
   * signed in — units open them to the whole district (resource sharing).
   */
  listed: (): SQL => sql`f.retired_at IS NULL`,
  /** Keeps its record (edits, retires): the admins over its area, or its unit's contact. */
  keep: (actor: Actor, f: FacilityFacts) =>
    can(actor, 'facility.manage', { path: f.region_path, unitId: f.unit_id }),
  /** Decides its bookings: the owning unit's contact; for a community venue, the community's organisers. */
  decide: (actor: Actor, f: FacilityFacts) =>
    f.unit_id !== null
      ? unitScopes(actor, 'facility.manage').includes(f.unit_id)
      : can(actor, 'facility.manage', f.region_path),
  /** Sees who booked each slot of its calendar. */
  seeBookers: (actor: Actor, f: FacilityFacts) =>
    facilityPolicy.decide(actor, f) || facilityPolicy.keep(actor, f),
  /** Reads its use figures: those who keep it, and those who read participation in its area. */
  readUse: (actor: Actor, f: FacilityFacts) =>
    facilityPolicy.keep(actor, f) || can(actor, 'ledger.read', f.region_path),
};

export const bookingPolicy = {
  /** Booked it: the person, or a contact of the unit it was booked for. */
  booked: (actor: Actor, b: BookingFacts) =>
    (b.person_id !== null && b.person_id === actor.personId) ||
    (b.unit_id !== null && unitScopes(actor, 'unit.manage').includes(b.unit_id)),
  /** Sees it: whoever booked it, and whoever decides the facility's bookings. */
  see: (actor: Actor, b: BookingFacts, f: FacilityFacts) =>
    bookingPolicy.booked(actor, b) || facilityPolicy.decide(actor, f),
  /** Cancels it: whoever booked it, or the facility's decider (with a reason). */
  cancel: (actor: Actor, b: BookingFacts, f: FacilityFacts) => bookingPolicy.see(actor, b, f),
  /** The unit a contact books for, when booking in the unit's name (none: may not). */
  unitToBookFor: (actor: Actor): number | undefined => unitScopes(actor, 'unit.manage')[0],
};

/** What the reader may do to this facility, for the console. */
export const facilityCan = (actor: Actor, f: FacilityFacts): FacilityCan => {
  const open = !f.retired_at;
  const keeps = facilityPolicy.keep(actor, f);
  return {
    edit: open && keeps,
    retire: open && keeps,
    decideBookings: facilityPolicy.decide(actor, f),
    seeBookings: facilityPolicy.seeBookers(actor, f),
    readUse: facilityPolicy.readUse(actor, f),
  };
};
