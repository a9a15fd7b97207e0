import { z } from 'zod';
import { Id, LocalDate, Pagination, Ref, SearchText } from './common';

export const NEED_CATEGORIES = [
  'elder_care',
  'repair',
  'health',
  'legal',
  'environment',
  'safety',
  'education',
  'culture',
  'other',
] as const;
export const NEED_STATUSES = ['open', 'accepted', 'merged', 'declined', 'converted'] as const;
/** What the reader may do to a need (computed by the server's needs.policy); its raiser only reads it. */
export const NeedCan = z.object({
  /** Answer it — decline or merge it: still pending, and the reader organises its community. */
  decide: z.boolean(),
  /** Accept it: as `decide`, while it is still open. */
  accept: z.boolean(),
  /** Turn it into a project: as `decide`, for a reader who also runs projects in its community. */
  convert: z.boolean(),
});
export type NeedCan = z.infer<typeof NeedCan>;
export const Need = z.object({
  id: z.number(),
  title: z.string(),
  description: z.string(),
  category: z.enum(NEED_CATEGORIES),
  communityId: z.number(),
  communityName: z.string(),
  place: z.string().nullable(),
  wantedBy: z.string().nullable(),
  status: z.enum(NEED_STATUSES),
  reason: z.string().nullable(),
  raisedBy: Ref.nullable(),
  mergedIntoId: z.number().nullable(),
  projectId: z.number().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  /** What the reader may do to it (needs.policy.ts answers; the console shows only these). */
  can: NeedCan,
});
export type Need = z.infer<typeof Need>;
export const NeedListQuery = z.strictObject({
  ...Pagination,
  regionId: Id.optional(),
  status: z.enum(NEED_STATUSES).optional(),
  category: z.enum(NEED_CATEGORIES).optional(),
  mine: z.enum(['true', 'false']).optional(),
  q: SearchText.optional(),
});
export const NeedCreateBody = z.strictObject({
  title: z.string().trim().min(2).max(100),
  description: z.string().trim().max(2000).default(''),
  category: z.enum(NEED_CATEGORIES),
  /** Omit for your home community. */
  communityId: Id.optional(),
  place: z.string().trim().max(100).optional(),
  wantedBy: LocalDate.optional(),
});
export const NeedDecisionBody = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('accept') }),
  z.strictObject({ decision: z.literal('decline'), reason: z.string().trim().min(2).max(500) }),
  z.strictObject({ decision: z.literal('merge'), intoId: Id }),
]);
