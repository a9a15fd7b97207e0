import { z } from 'zod';
import { Id, LocalDate, Pagination, patchOf } from './common';

export const CAMPAIGN_KINDS = ['publicity_week', 'other'] as const;
export const CampaignCreateBody = z.strictObject({
  kind: z.enum(CAMPAIGN_KINDS),
  title: z.string().trim().min(2).max(100),
  theme: z.string().trim().max(500).default(''),
  regionId: Id,
  startsOn: LocalDate,
  endsOn: LocalDate,
});
export const CampaignUpdateBody = patchOf(CampaignCreateBody.omit({ regionId: true }).shape);
/** What the reader may do to a campaign (computed by the server's campaigns.policy). */
export const CampaignCan = z.object({
  /** Edit it: the organisers of its area. */
  edit: z.boolean(),
});
export type CampaignCan = z.infer<typeof CampaignCan>;
export const Campaign = z.object({
  id: z.number(),
  kind: z.enum(CAMPAIGN_KINDS),
  title: z.string(),
  theme: z.string(),
  regionId: z.number(),
  regionName: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  courses: z.number(),
  notices: z.number(),
  createdAt: z.string(),
  can: CampaignCan,
});
export type Campaign = z.infer<typeof Campaign>;
export const CampaignListQuery = z.strictObject({
  ...Pagination,
  regionId: Id.optional(),
  q: z.string().trim().max(50).optional(),
});
/** A campaign's reach, from what it grouped and what happened in its area during its dates. */
export const CampaignReach = z.object({
  peopleReached: z.number(),
  noticeRecipients: z.number(),
  noticeReads: z.number(),
  readRate: z.number(),
  courseEnrolments: z.number(),
  sessionAttendance: z.number(),
  projects: z.number(),
  occurrences: z.number(),
  hoursServed: z.number(),
  byDay: z.array(
    z.object({ date: z.string(), hours: z.number(), reads: z.number(), attendance: z.number() }),
  ),
});
