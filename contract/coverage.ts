import { z } from 'zod';
import { Id } from './common';
import { REGION_KINDS } from './regions';

export const CoverageLevel = z.object({
  kind: z.enum(['street', 'community', 'building']),
  total: z.number(),
  covered: z.number(),
  /** covered / total, 0..1; 1 when there is nothing to cover. */
  share: z.number(),
});
/** What the reader may do about a gap (computed by the server's coverage.policy). */
export const CoverageGapCan = z.object({
  /** Set up the missing body there: those who manage bodies over the node. */
  createBody: z.boolean(),
});
export type CoverageGapCan = z.infer<typeof CoverageGapCan>;
export const Coverage = z.object({
  node: z.object({ id: z.number(), name: z.string(), kind: z.enum(REGION_KINDS) }),
  levels: z.array(CoverageLevel),
  /** Each child of the node, its own state and the levels below it, for drill-down. */
  children: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      kind: z.enum(REGION_KINDS),
      /** Whether the child has its own body (null for kinds that need none, e.g. entrances). */
      covered: z.boolean().nullable(),
      levels: z.array(CoverageLevel),
    }),
  ),
  /** Nodes lacking their body, deepest context first, at most 200. */
  gaps: z.array(
    z.object({
      id: z.number(),
      kind: z.enum(['street', 'community', 'building']),
      label: z.string(),
      can: CoverageGapCan,
    }),
  ),
  gapCount: z.number(),
});
export type Coverage = z.infer<typeof Coverage>;
export const CoverageQuery = z.strictObject({ regionId: Id.optional() });
