import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { NEED_CATEGORIES, NEED_OVERDUE_DAYS, NEED_STATUSES } from '../../../../contract';
import { createdAt, districtId, id, updatedAt } from '../../db/columns';
import { users } from '../accounts/accounts.schema';
import { people } from '../members/members.schema';
import { regions } from '../regions/regions.schema';

export const needCategory = pgEnum('need_category', NEED_CATEGORIES);
export const needStatus = pgEnum('need_status', NEED_STATUSES);
/** 居民需求 / 微心愿: what residents ask for; a community worker decides, or makes it a project. */
export const needs = pgTable(
  'needs',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    communityId: id('community_id').notNull(),
    personId: id('person_id'),
    raisedBy: id('raised_by').references(() => users.id),
    title: text().notNull(),
    description: text().notNull().default(''),
    category: needCategory().notNull(),
    place: text(),
    wantedBy: date('wanted_by', { mode: 'string' }),
    status: needStatus().notNull().default('open'),
    reason: text(),
    mergedIntoId: id('merged_into_id'),
    projectId: id('project_id'),
    decidedBy: id('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'string' }),
    /** When it was first accepted, and by whom: kept when a later answer (a project, a decline) follows. */
    acceptedBy: id('accepted_by').references(() => users.id),
    acceptedAt: timestamp('accepted_at', { withTimezone: true, mode: 'string' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.communityId], foreignColumns: [regions.districtId, regions.id] }),
    foreignKey({ columns: [t.districtId, t.personId], foreignColumns: [people.districtId, people.id] }),
    foreignKey({ columns: [t.districtId, t.mergedIntoId], foreignColumns: [t.districtId, t.id] }),
    index('needs_community_idx').on(t.districtId, t.communityId, t.status, t.createdAt.desc()),
    index('needs_person_idx').on(t.districtId, t.personId, t.createdAt.desc()),
    // Part of a title: three characters and more by trigrams, one or two by grams (db/text's textContains).
    index('needs_title_trgm').using('gin', sql`${t.title} gin_trgm_ops`),
    index('needs_title_grams').using('gin', sql`name_grams(${t.title})`),
    // The list, newest first (read backwards), from a cursor on.
    index('needs_created_idx').on(t.districtId, t.createdAt, t.id),
    check('needs_decline_has_reason', sql`${t.status} <> 'declined' OR ${t.reason} IS NOT NULL`),
    check('needs_merged_has_target', sql`(${t.status} = 'merged') = (${t.mergedIntoId} IS NOT NULL)`),
  ],
);

/** Per street: how many days its needs may wait (pending) before they read as overdue. No row: the default. */
export const needSettings = pgTable(
  'need_settings',
  {
    districtId: districtId(),
    streetId: id('street_id').notNull(),
    overdueDays: integer('overdue_days').notNull().default(NEED_OVERDUE_DAYS.default),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.streetId] }),
    foreignKey({ columns: [t.districtId, t.streetId], foreignColumns: [regions.districtId, regions.id] }),
    check(
      'need_settings_overdue_days',
      sql`${t.overdueDays} BETWEEN ${sql.raw(String(NEED_OVERDUE_DAYS.min))} AND ${sql.raw(String(NEED_OVERDUE_DAYS.max))}`,
    ),
  ],
);
