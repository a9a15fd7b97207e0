import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { TIME_REQUEST_STATUSES } from '../../../../contract';
import { createdAt, districtId, id } from '../../db/columns';
import { users } from '../accounts/accounts.schema';
import { people } from '../members/members.schema';

export const timeRequestStatus = pgEnum('time_request_status', TIME_REQUEST_STATUSES);

/** A member asks for help and offers hours from their account for it. */
export const timeRequests = pgTable(
  'time_requests',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    personId: id('person_id').notNull(),
    title: text().notNull(),
    description: text().notNull().default(''),
    hours: numeric({ precision: 5, scale: 2, mode: 'number' }).notNull(),
    status: timeRequestStatus().notNull().default('open'),
    helperPersonId: id('helper_person_id'),
    createdAt: createdAt(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true, mode: 'string' }),
    doneAt: timestamp('done_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.personId], foreignColumns: [people.districtId, people.id] }),
    foreignKey({ columns: [t.districtId, t.helperPersonId], foreignColumns: [people.districtId, people.id] }),
    index('time_requests_person_idx').on(t.districtId, t.personId, t.createdAt.desc()),
    index('time_requests_open_idx').on(t.districtId, t.createdAt.desc()).where(sql`${t.status} = 'open'`),
    check('time_requests_hours', sql`${t.hours} > 0 AND ${t.hours} <= 8`),
    check('time_requests_not_self', sql`${t.helperPersonId} IS NULL OR ${t.helperPersonId} <> ${t.personId}`),
  ],
);

/**
 * Double entry: every transfer takes hours from one account and gives them to another;
 * nothing is created here — every hour in the bank was earned as confirmed service.
 */
export const timeTransfers = pgTable(
  'time_transfers',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    fromPersonId: id('from_person_id').notNull(),
    toPersonId: id('to_person_id').notNull(),
    hours: numeric({ precision: 5, scale: 2, mode: 'number' }).notNull(),
    requestId: id('request_id').notNull(),
    createdBy: id('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.fromPersonId], foreignColumns: [people.districtId, people.id] }),
    foreignKey({ columns: [t.districtId, t.toPersonId], foreignColumns: [people.districtId, people.id] }),
    foreignKey({
      columns: [t.districtId, t.requestId],
      foreignColumns: [timeRequests.districtId, timeRequests.id],
    }),
    // A request is paid once, whatever happens.
    uniqueIndex('time_transfers_request_key').on(t.districtId, t.requestId),
    index('time_transfers_from_idx').on(t.districtId, t.fromPersonId),
    index('time_transfers_to_idx').on(t.districtId, t.toPersonId),
    check('time_transfers_positive', sql`${t.hours} > 0`),
    check('time_transfers_between_two', sql`${t.fromPersonId} <> ${t.toPersonId}`),
  ],
);
