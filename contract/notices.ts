import { z } from 'zod';
import { Id, KeysetPagination, patchOf } from './common';

export const NOTICE_KINDS = ['notice', 'open_letter', 'policy_explainer'] as const;
export const NOTICE_STATUSES = ['draft', 'publishing', 'published'] as const;
/** Who a notice reaches: a subtree of the region tree, narrowed by filters. */
export const NoticeAudience = z.strictObject({
  regionId: Id,
  partyOnly: z.boolean().default(false),
  /** With partyOnly: only those in service, or only the retired. */
  partyStatus: z.enum(['in_service', 'retired']).optional(),
  /** Only this volunteer team's active members. */
  teamId: Id.optional(),
  /** Also the contacts of the units in the area. */
  unitContacts: z.boolean().default(false),
});
export type NoticeAudience = z.infer<typeof NoticeAudience>;
export const NoticeCreateBody = z.strictObject({
  kind: z.enum(NOTICE_KINDS),
  title: z.string().trim().min(2).max(120),
  /** Rich text as HTML; kept to paragraphs, headings, lists, emphasis and links. */
  body: z.string().max(100_000),
  audience: NoticeAudience,
  /** null takes it out of its campaign. */
  campaignId: Id.nullable().optional(),
});
export const NoticeUpdateBody = patchOf(NoticeCreateBody.shape);
export const NoticeCan = z.object({
  edit: z.boolean(),
  publish: z.boolean(),
  /** Remind those who have not read it. */
  remind: z.boolean(),
  seeReads: z.boolean(),
});
export type NoticeCan = z.infer<typeof NoticeCan>;
export const Notice = z.object({
  id: z.number(),
  kind: z.enum(NOTICE_KINDS),
  title: z.string(),
  body: z.string(),
  audience: NoticeAudience,
  regionName: z.string(),
  status: z.enum(NOTICE_STATUSES),
  recipients: z.number(),
  reads: z.number(),
  readRate: z.number(),
  campaignId: z.number().nullable(),
  author: z.string(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  /** For a recipient: when they read it. */
  readAt: z.string().nullable(),
  /** What the reader may do to it (notices.policy.ts answers). */
  can: NoticeCan,
  attachments: z.array(z.object({ id: z.number(), name: z.string(), size: z.number() })),
});
export type Notice = z.infer<typeof Notice>;
export const NoticeAttachment = z.object({ id: z.number(), name: z.string(), size: z.number() });
export const NoticeListQuery = z.strictObject({
  ...KeysetPagination,
  q: z.string().trim().max(50).optional(),
  kind: z.enum(NOTICE_KINDS).optional(),
  status: z.enum(NOTICE_STATUSES).optional(),
  regionId: Id.optional(),
  campaignId: Id.optional(),
  /** The reader's inbox: notices sent to them. */
  inbox: z.enum(['true', 'false']).optional(),
  unread: z.enum(['true', 'false']).optional(),
});
export const AudiencePreview = z.object({
  count: z.number(),
  byCommunity: z.array(z.object({ regionId: z.number(), name: z.string(), count: z.number() })),
});
export const NoticeReads = z.object({
  recipients: z.number(),
  reads: z.number(),
  readRate: z.number(),
  byCommunity: z.array(
    z.object({
      regionId: z.number(),
      name: z.string(),
      recipients: z.number(),
      reads: z.number(),
      readRate: z.number(),
    }),
  ),
});

export const NoticeBody = z.strictObject({
  /** 公示 lasts whole days; five is usual. */
  days: z.number().int().min(1).max(30),
});
