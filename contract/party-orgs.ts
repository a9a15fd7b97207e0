import { z } from 'zod';
import { Id, Name, Pagination, SearchText } from './common';

export const PARTY_ORG_KINDS = [
  'street_committee',
  'community_branch',
  'unit_party_org',
  'general_branch',
] as const;
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
