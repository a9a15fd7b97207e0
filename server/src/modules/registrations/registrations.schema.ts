import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { REGISTRATION_STATUSES } from '../../../../contract';
import { districtId, id } from '../../db/columns';
import { users } from '../accounts/accounts.schema';
import { people } from '../members/members.schema';
import { regions } from '../regions/regions.schema';
export const registrationStatus = pgEnum('registration_status', REGISTRATION_STATUSES);

/** 在职党员到社区报到: an in-service member registers with the community where they live. */
export const communityRegistrations = pgTable(
  'community_registrations',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    personId: id('person_id').notNull(),
    communityId: id('community_id').notNull(),
    status: registrationStatus().notNull().default('pending'),
    reason: text(),
    requestedBy: id('requested_by').references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    decidedBy: id('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.personId], foreignColumns: [people.districtId, people.id] }),
    foreignKey({ columns: [t.districtId, t.communityId], foreignColumns: [regions.districtId, regions.id] }),
    // One live registration per person: a second request while one is pending or approved is refused.
    uniqueIndex('community_registrations_live_key')
      .on(t.districtId, t.personId)
      .where(sql`${t.status} IN ('pending', 'approved')`),
    index('community_registrations_community_idx').on(t.districtId, t.communityId, t.status),
    index('community_registrations_person_idx').on(t.districtId, t.personId, t.requestedAt.desc()),
    check(
      'community_registrations_decline_has_reason',
      sql`${t.status} <> 'declined' OR ${t.reason} IS NOT NULL`,
    ),
  ],
);
