import { sql } from 'drizzle-orm';
import { boolean, index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, districtId, id, updatedAt } from '../../db/columns';
import { users } from '../accounts/accounts.schema';

/** In-app notifications: a message key and parameters, put into words when read. */
export const notifications = pgTable(
  'notifications',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    userId: id('user_id')
      .notNull()
      .references(() => users.id),
    kind: text().notNull(),
    params: jsonb().notNull().default({}),
    link: text(),
    /**
     * What a staff notification is about ('need:12'): once anyone has handled it, the bells
     * about it read as read for everyone (`settle`).
     */
    subject: text(),
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    index('notifications_user_idx').on(t.userId, t.createdAt.desc()),
    index('notifications_unread_subject_idx')
      .on(t.districtId, t.subject)
      .where(sql`${t.subject} IS NOT NULL AND ${t.readAt} IS NULL`),
  ],
);

/** Per-user notification preferences: kinds muted in the bell, extra channels, the daily digest. */
export const notificationPrefs = pgTable('notification_prefs', {
  userId: id('user_id')
    .primaryKey()
    .references(() => users.id),
  muted: text().array().notNull().default(sql`'{}'::text[]`),
  channels: text().array().notNull().default(sql`'{}'::text[]`),
  /** Staff kinds are gathered into one notification a day instead of a bell per arrival. */
  digest: boolean().notNull().default(false),
  /** When the last digest was made (one a day, after 08:00 Beijing time). */
  digestedAt: timestamp('digested_at', { withTimezone: true, mode: 'string' }),
  updatedAt: updatedAt(),
});

/** What arrived for a user in digest mode since their last digest: summed by kind, then removed. */
export const notificationDigestItems = pgTable(
  'notification_digest_items',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    userId: id('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    index('notification_digest_items_user_idx').on(t.userId),
  ],
);

/** Messages for channels beyond the bell (SMS, WeChat), sent by the operator's sender. */
export const outbox = pgTable(
  'outbox',
  {
    id: id().primaryKey().generatedByDefaultAsIdentity(),
    userId: id('user_id')
      .notNull()
      .references(() => users.id),
    channel: text().notNull(),
    text: text().notNull(),
    status: text().notNull().default('queued'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [index('outbox_queued_idx').on(t.createdAt).where(sql`${t.status} = 'queued'`)],
);
