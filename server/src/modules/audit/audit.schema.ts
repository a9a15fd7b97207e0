import { index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { districtId, id } from '../../db/columns';
import { users } from '../accounts/accounts.schema';

/**
 * The audit trail: one row per write, who/what/when/before/after. Append-only: a
 * trigger (migration `append_only`) refuses UPDATE and DELETE.
 * `region_id` places the entry in the tree, so scope checks follow later moves.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    at: timestamp({ withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    actorId: id('actor_id').references(() => users.id),
    action: text().notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    regionId: id('region_id'),
    before: jsonb(),
    after: jsonb(),
    ip: text(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    index('audit_log_at_idx').on(t.districtId, t.at.desc()),
    index('audit_log_region_idx').on(t.districtId, t.regionId, t.at.desc()),
    index('audit_log_entity_idx').on(t.districtId, t.entityType, t.entityId),
    index('audit_log_actor_idx').on(t.actorId, t.at.desc()),
  ],
);
