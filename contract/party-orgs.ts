import { z } from 'zod';
import { Id, Name, Pagination, SearchText } from './common';

export const PARTY_ORG_KINDS = [
  'street_committee',
  'community_branch',
  'unit_party_org',
  'general_branch',
] as const;
/** What the reader may do to a Party organisation (computed by the server's party-orgs.policy). */
export const PartyOrgCan = z.object({
  /** Rename it or move it under another: those who manage organisations where it stands. */
  edit: z.boolean(),
  /** Read its members' participation record: those who read the ledger where it stands, or of its unit. */
  seeRecord: z.boolean(),
});
export type PartyOrgCan = z.infer<typeof PartyOrgCan>;
export const PartyOrg = z.object({
  id: z.number(),
  regionId: z.number(),
  regionName: z.string(),
  kind: z.enum(PARTY_ORG_KINDS),
  name: z.string(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  parentId: z.number().nullable(),
  parentName: z.string().nullable(),
  memberCount: z.number(),
  /** What the reader may do to it (party-orgs.policy.ts answers; the console shows only these). */
  can: PartyOrgCan,
});
export type PartyOrg = z.infer<typeof PartyOrg>;
export const PartyOrgListQuery = z.strictObject({
  ...Pagination,
  regionId: Id.optional(),
  q: SearchText.optional(),
  kind: z.enum(PARTY_ORG_KINDS).optional(),
  unitId: Id.optional(),
});
export const PartyOrgCreateBody = z.strictObject({
  regionId: Id,
  kind: z.enum(PARTY_ORG_KINDS),
  name: Name,
  unitId: Id.optional(),
  parentId: Id.optional(),
});
export const PartyOrgUpdateBody = z.strictObject({
  name: Name.optional(),
  parentId: Id.nullable().optional(),
});
