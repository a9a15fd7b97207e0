import { index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { createdAt, districtId, id } from '../../db/columns';
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
    createdAt: createdAt(),
    readAt: timestamp('read_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    index('notifications_user_idx').on(t.userId, t.createdAt.desc()),
  ],
);
