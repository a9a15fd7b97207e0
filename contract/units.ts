import { z } from 'zod';
import { Id, KeysetPagination, Name, Phone, SearchText } from './common';

export const UNIT_KINDS = ['agency', 'school', 'hospital', 'enterprise', 'social_org', 'other'] as const;
export const AFFILIATIONS = ['central', 'municipal', 'district', 'other'] as const;
/** What the reader may do to a unit (computed by the server's units.policy). */
export const UnitCan = z.object({
  /** Edit it: the unit's own contact, and those who manage units where it stands. */
  edit: z.boolean(),
  /** Read its members' participation record: those who read the ledger where it stands, or of the unit. */
  seeRecord: z.boolean(),
  /** See its facilities' bookings and who made them: its contact, and those who keep facilities where it stands. */
  seeBookings: z.boolean(),
});
export type UnitCan = z.infer<typeof UnitCan>;
export const Unit = z.object({
  id: z.number(),
  regionId: z.number(),
  regionName: z.string(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  affiliation: z.enum(AFFILIATIONS),
  address: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  partyOrgId: z.number().nullable(),
  partyOrgName: z.string().nullable(),
  /** People whose Party organisation is this unit's. */
  memberCount: z.number(),
  /** Of them, registered with their home community. */
  registeredCount: z.number(),
  createdAt: z.string(),
  /** What the reader may do to it (units.policy.ts answers; the console shows only these). */
  can: UnitCan,
});
export type Unit = z.infer<typeof Unit>;
export const UnitListQuery = z.strictObject({
  ...KeysetPagination,
  regionId: Id.optional(),
  q: SearchText.optional(),
  kind: z.enum(UNIT_KINDS).optional(),
  affiliation: z.enum(AFFILIATIONS).optional(),
});
export const UnitCreateBody = z.strictObject({
  regionId: Id,
  name: Name,
  kind: z.enum(UNIT_KINDS),
  affiliation: z.enum(AFFILIATIONS),
  address: z.string().trim().max(200).optional(),
  contactName: Name.optional(),
  contactPhone: Phone.optional(),
});
export const UnitUpdateBody = z.strictObject({
  regionId: Id.optional(),
  name: Name.optional(),
  kind: z.enum(UNIT_KINDS).optional(),
  affiliation: z.enum(AFFILIATIONS).optional(),
  /** null clears the field. */
  address: z.string().trim().max(200).nullable().optional(),
  contactName: Name.nullable().optional(),
  contactPhone: Phone.nullable().optional(),
});

export const UnitReportQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  quarter: z.coerce.number().int().min(1).max(4),
});
/** A quarter of a unit's members' participation in their home communities. */
export const UnitReport = z.object({
  unit: z.object({ id: z.number(), name: z.string() }),
  year: z.number(),
  quarter: z.number(),
  from: z.string(),
  to: z.string(),
  /** The quarter is the current one (in the district's time): its figures still grow. */
  ongoing: z.boolean(),
  members: z.array(
    z.object({
      person: z.object({ id: z.number(), name: z.string() }),
      homeCommunity: z.string(),
      registered: z.boolean(),
      hours: z.number(),
      roles: z.number(),
      meetings: z.number(),
      courses: z.number(),
      /** Residents' average rating (1–5), this quarter, of the projects the member served on. */
      rating: z.number().nullable(),
    }),
  ),
  totals: z.object({
    members: z.number(),
    registered: z.number(),
    active: z.number(),
    hours: z.number(),
    roles: z.number(),
    meetings: z.number(),
    courses: z.number(),
    rating: z.number().nullable(),
  }),
});
export type UnitReport = z.infer<typeof UnitReport>;

export const UnitFigures = z.object({
  unit: z.object({ id: z.number(), name: z.string() }),
  year: z.number(),
  months: z.array(z.object({ start: z.string(), hours: z.number(), acts: z.number() })),
  totals: z.object({ hours: z.number(), acts: z.number() }),
  /** Among the district's units by hours this year; null before any. */
  rank: z.number().nullable(),
  unitsTakingPart: z.number(),
});
