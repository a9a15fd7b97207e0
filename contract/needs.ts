import { z } from 'zod';
import { Id, KeysetPagination, LocalDate, Ref, SearchText } from './common';

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
/** A pending need (open or accepted) is overdue once it has waited more days than its street allows. */
export const NEED_OVERDUE_DAYS = { min: 1, max: 365, default: 14 } as const;
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
  /**
   * Whole days (Beijing calendar) from being raised to now while pending (open or accepted),
   * or to its answer once declined, merged or converted.
   */
  waitedDays: z.number().int(),
  /** Pending, and waited more days than its street's setting (`overdueDays`) allows. */
  overdue: z.boolean(),
  /** What the reader may do to it (needs.policy.ts answers; the console shows only these). */
  can: NeedCan,
});
export type Need = z.infer<typeof Need>;
export const NEED_EVENTS = ['raised', 'accepted', 'declined', 'merged', 'converted'] as const;
/** One step of a need's history: what happened, when, and who did it (an account's or a person's name). */
export const NeedEvent = z.object({
  kind: z.enum(NEED_EVENTS),
  at: z.string(),
  by: z.string().nullable(),
});
export type NeedEvent = z.infer<typeof NeedEvent>;
/** A need as its detail page reads it: its history, and the days its street allows before it is overdue. */
export const NeedDetail = Need.extend({
  /** Its street's setting (the default where the street set none). */
  overdueDays: z.number().int(),
  /** Oldest first: raised, then its answer (the need's own columns keep the latest answer). */
  history: z.array(NeedEvent),
  /** The need it was merged into, when it was, as the reader may see it (null if not visible). */
  mergedInto: Ref.nullable(),
});
export type NeedDetail = z.infer<typeof NeedDetail>;
/** May the reader change the street's setting (needs.policy.ts answers). */
export const NeedSettingCan = z.object({ update: z.boolean() });
/** How many days a street's needs may wait before they read as overdue. */
export const NeedSetting = z.object({
  streetId: z.number(),
  streetName: z.string(),
  overdueDays: z.number().int(),
  /** The street has set none: `overdueDays` is the default. */
  isDefault: z.boolean(),
  can: NeedSettingCan,
});
export type NeedSetting = z.infer<typeof NeedSetting>;
export const NeedSettingList = z.object({ items: z.array(NeedSetting) });
export const NeedSettingParams = z.strictObject({ streetId: Id });
export const NeedSettingBody = z.strictObject({
  overdueDays: z.number().int().min(NEED_OVERDUE_DAYS.min).max(NEED_OVERDUE_DAYS.max),
});
export const NeedListQuery = z.strictObject({
  ...KeysetPagination,
  regionId: Id.optional(),
  status: z.enum(NEED_STATUSES).optional(),
  category: z.enum(NEED_CATEGORIES).optional(),
  mine: z.enum(['true', 'false']).optional(),
  /** Only the overdue ones (pending, waited past their street's setting). */
  overdue: z.enum(['true', 'false']).optional(),
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
