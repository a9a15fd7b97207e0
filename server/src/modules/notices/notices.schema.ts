import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { NOTICE_KINDS, NOTICE_STATUSES, type NoticeAudience } from '../../../../contract';
import { createdAt, districtId, id, updatedAt } from '../../db/columns';
import { users } from '../accounts/accounts.schema';
import { campaigns } from '../campaigns/campaigns.schema';
import { people } from '../members/members.schema';
import { regions } from '../regions/regions.schema';

export const noticeKind = pgEnum('notice_kind', NOTICE_KINDS);
export const noticeStatus = pgEnum('notice_status', NOTICE_STATUSES);

/** A notice, open letter or policy explainer, and who it reaches. */
export const notices = pgTable(
  'notices',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    regionId: id('region_id').notNull(),
    kind: noticeKind().notNull(),
    title: text().notNull(),
    body: text().notNull(),
    audience: jsonb().$type<NoticeAudience>().notNull(),
    status: noticeStatus().notNull().default('draft'),
    recipients: integer().notNull().default(0),
    /** Recipients who have read it: kept by a trigger on notice_recipients (lists show it). */
    reads: integer().notNull().default(0),
    campaignId: id('campaign_id'),
    createdBy: id('created_by').references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'string' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.regionId], foreignColumns: [regions.districtId, regions.id] }),
    foreignKey({
      columns: [t.districtId, t.campaignId],
      foreignColumns: [campaigns.districtId, campaigns.id],
    }),
    index('notices_region_idx').on(t.districtId, t.regionId, t.createdAt.desc()),
    index('notices_campaign_idx').on(t.districtId, t.campaignId),
    // The list, newest first (read backwards), from a cursor on.
    index('notices_created_idx').on(t.districtId, t.createdAt, t.id),
    check('notices_reads_not_negative', sql`${t.reads} >= 0`),
  ],
);

/** One inbox item per recipient: the key makes a retried fan-out deliver exactly once. */
export const noticeRecipients = pgTable(
  'notice_recipients',
  {
    districtId: districtId(),
    noticeId: id('notice_id').notNull(),
    personId: id('person_id').notNull(),
    /** The community where they live, for read rates per community. */
    communityId: id('community_id').notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'string' }),
    remindedAt: timestamp('reminded_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.noticeId, t.personId] }),
    foreignKey({ columns: [t.districtId, t.noticeId], foreignColumns: [notices.districtId, notices.id] }),
    foreignKey({ columns: [t.districtId, t.personId], foreignColumns: [people.districtId, people.id] }),
    index('notice_recipients_person_idx').on(t.districtId, t.personId, t.deliveredAt.desc()),
    index('notice_recipients_community_idx').on(t.districtId, t.noticeId, t.communityId),
  ],
);

/** A file attached to a notice, kept under the data directory. */
export const noticeAttachments = pgTable(
  'notice_attachments',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    noticeId: id('notice_id').notNull(),
    name: text().notNull(),
    contentType: text('content_type').notNull(),
    size: integer().notNull(),
    /** The file's name in the data directory's uploads. */
    storedAs: text('stored_as').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.noticeId], foreignColumns: [notices.districtId, notices.id] }),
    index('notice_attachments_notice_idx').on(t.districtId, t.noticeId),
    check('notice_attachments_size', sql`${t.size} BETWEEN 1 AND 10485760`),
  ],
);
