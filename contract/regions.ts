import { z } from 'zod';
import { Id, Name, Pagination, SearchText } from './common';

export const REGION_KINDS = ['district', 'street', 'community', 'building', 'entrance'] as const;
export type RegionKind = (typeof REGION_KINDS)[number];
/** The kind a child of each kind must have: the tree has fixed levels. */
export const CHILD_KIND: Record<RegionKind, RegionKind | null> = {
  district: 'street',
  street: 'community',
  community: 'building',
  building: 'entrance',
  entrance: null,
};

export const Region = z.object({
  id: z.number(),
  districtId: z.number(),
  parentId: z.number().nullable(),
  kind: z.enum(REGION_KINDS),
  name: z.string(),
  code: z.string(),
  path: z.string(),
  retiredAt: z.string().nullable(),
  childCount: z.number(),
});
export type Region = z.infer<typeof Region>;
/** What the reader may do to a node (regions.policy.ts): the console reads these, never the roles. */
export const RegionCan = z.object({
  addChild: z.boolean(),
  /** Rename it: only from a scope above it, as with moving, retiring and restoring. */
  edit: z.boolean(),
  move: z.boolean(),
  retire: z.boolean(),
  restore: z.boolean(),
});
export type RegionCan = z.infer<typeof RegionCan>;
export const RegionWithAncestors = Region.extend({
  ancestors: z.array(z.object({ id: z.number(), name: z.string(), kind: z.enum(REGION_KINDS) })),
  can: RegionCan,
});
export type RegionWithAncestors = z.infer<typeof RegionWithAncestors>;
export const RegionListQuery = z.strictObject({
  ...Pagination,
  /** Narrow to the subtree of this node. */
  regionId: Id.optional(),
  parentId: Id.optional(),
  kind: z.enum(REGION_KINDS).optional(),
  q: SearchText.optional(),
  includeRetired: z.enum(['true', 'false']).optional(),
});
export const RegionTreeQuery = z.strictObject({
  depth: z.coerce.number().int().min(0).max(4).default(4),
  includeRetired: z.enum(['true', 'false']).optional(),
});
export const Code = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only');
export const RegionCreateBody = z.strictObject({
  parentId: Id,
  name: Name,
  code: Code.optional(),
});
export const RegionUpdateBody = z.strictObject({ name: Name.optional(), code: Code.optional() });
export const RegionMoveBody = z.strictObject({ parentId: Id });

/** The zone a district's dates and times are read in when it has set none. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';
/**
 * An IANA time zone name, e.g. Asia/Shanghai: one the browser (Intl) knows. The district's
 * setting is also checked against PostgreSQL's zones, with a 422 that names the problem.
 */
export const TimeZone = z
  .string()
  .trim()
  .min(1)
  .max(60)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'an IANA time zone, e.g. Asia/Shanghai');
/** The district's settings (`district_settings`): every date and time is shown in its zone. */
export const DistrictSettings = z.object({
  districtId: z.number(),
  timeZone: z.string(),
  /** The district has set none: `timeZone` is the default. */
  isDefault: z.boolean(),
  /** The reader's answers (regions.policy): may change the settings. */
  can: z.object({ update: z.boolean() }),
});
export type DistrictSettings = z.infer<typeof DistrictSettings>;
/** Checked by the service, not here, so an unknown zone is a 422 with a message, not a 400. */
export const DistrictSettingsBody = z.strictObject({ timeZone: z.string().trim().min(1).max(60) });
