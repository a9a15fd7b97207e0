import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { CLAIM_STATUSES, PROJECT_STATUSES, ROLE_KINDS } from '../../../../contract';
import { createdAt, districtId, id, updatedAt } from '../../db/columns';
import { users } from '../accounts/accounts.schema';
import { people } from '../members/members.schema';
import { needs } from '../needs/needs.schema';
import { regions } from '../regions/regions.schema';
import { teams } from '../teams/teams.schema';
import { units } from '../units/units.schema';

export const projectStatus = pgEnum('project_status', PROJECT_STATUSES);
export const roleKind = pgEnum('role_kind', ROLE_KINDS);
export const claimStatus = pgEnum('claim_status', CLAIM_STATUSES);

/** 社区公益项目: published by a community or street, taken on role by role. */
export const projects = pgTable(
  'projects',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    regionId: id('region_id').notNull(),
    title: text().notNull(),
    description: text().notNull().default(''),
    openToStreet: boolean('open_to_street').notNull().default(false),
    status: projectStatus().notNull().default('draft'),
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'string' }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true, mode: 'string' }).notNull(),
    needId: id('need_id'),
    createdBy: id('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.regionId], foreignColumns: [regions.districtId, regions.id] }),
    foreignKey({ columns: [t.districtId, t.needId], foreignColumns: [needs.districtId, needs.id] }),
    index('projects_region_idx').on(t.districtId, t.regionId, t.status, t.startsAt.desc()),
    index('projects_status_idx').on(t.districtId, t.status, t.startsAt),
    // The list's order: what is to come (ends_at ahead), then what has ended, latest start first.
    index('projects_ends_idx').on(t.districtId, t.endsAt),
    index('projects_starts_idx').on(t.districtId, t.startsAt, t.id),
    // Part of a title: three characters and more by trigrams, one or two by grams (db/text's textContains).
    index('projects_title_trgm').using('gin', sql`${t.title} gin_trgm_ops`),
    index('projects_title_grams').using('gin', sql`name_grams(${t.title})`),
    check('projects_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/**
 * A project's roles, each with slots. `claimed` is a guarded counter: the CHECK keeps it
 * within the slots whatever the concurrency, and claims move it in the same transaction.
 */
export const projectRoles = pgTable(
  'project_roles',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    projectId: id('project_id').notNull(),
    kind: roleKind().notNull(),
    customName: text('custom_name'),
    slots: integer().notNull(),
    claimed: integer().notNull().default(0),
    specialties: text().array().notNull().default(sql`'{}'::text[]`),
    hoursPerSlot: numeric('hours_per_slot', { precision: 5, scale: 2, mode: 'number' }).notNull().default(2),
    startsAt: timestamp('starts_at', { withTimezone: true, mode: 'string' }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true, mode: 'string' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.projectId], foreignColumns: [projects.districtId, projects.id] }),
    index('project_roles_project_idx').on(t.districtId, t.projectId),
    // The roles overlapping a time: who is busy then (teams' suggestions).
    index('project_roles_during_idx').using('gist', t.districtId, sql`tstzrange(${t.startsAt}, ${t.endsAt})`),
    check('project_roles_slots_positive', sql`${t.slots} > 0`),
    check('project_roles_claimed_within_slots', sql`${t.claimed} BETWEEN 0 AND ${t.slots}`),
    check('project_roles_custom_named', sql`${t.kind} <> 'custom' OR ${t.customName} IS NOT NULL`),
    check('project_roles_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

export const claims = pgTable(
  'claims',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    projectId: id('project_id').notNull(),
    roleId: id('role_id').notNull(),
    personId: id('person_id'),
    unitId: id('unit_id'),
    teamId: id('team_id'),
    slots: smallint().notNull().default(1),
    /** A unit's members named so far: a guarded counter that can never pass `slots`. */
    named: smallint().notNull().default(0),
    status: claimStatus().notNull().default('active'),
    reason: text(),
    hoursConfirmed: numeric('hours_confirmed', { precision: 6, scale: 2, mode: 'number' }),
    confirmedBy: id('confirmed_by').references(() => users.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true, mode: 'string' }),
    createdBy: id('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.projectId], foreignColumns: [projects.districtId, projects.id] }),
    foreignKey({
      columns: [t.districtId, t.roleId],
      foreignColumns: [projectRoles.districtId, projectRoles.id],
    }),
    foreignKey({ columns: [t.districtId, t.personId], foreignColumns: [people.districtId, people.id] }),
    foreignKey({ columns: [t.districtId, t.unitId], foreignColumns: [units.districtId, units.id] }),
    foreignKey({ columns: [t.districtId, t.teamId], foreignColumns: [teams.districtId, teams.id] }),
    // A person claims a role once; a unit once per role (with as many slots as it takes).
    uniqueIndex('claims_active_person_key')
      .on(t.districtId, t.roleId, t.personId)
      .where(sql`${t.status} = 'active' AND ${t.personId} IS NOT NULL`),
    uniqueIndex('claims_active_unit_key')
      .on(t.districtId, t.roleId, t.unitId)
      .where(sql`${t.status} = 'active' AND ${t.unitId} IS NOT NULL`),
    uniqueIndex('claims_active_team_key')
      .on(t.districtId, t.roleId, t.teamId)
      .where(sql`${t.status} = 'active' AND ${t.teamId} IS NOT NULL`),
    index('claims_team_idx').on(t.districtId, t.teamId, t.createdAt.desc()),
    // A project's claims in its page's order, role by role, oldest first; status counts the active ones from the index alone.
    index('claims_project_order_idx').on(t.districtId, t.projectId, t.roleId, t.createdAt, t.id, t.status),
    index('claims_person_idx').on(t.districtId, t.personId, t.createdAt.desc()),
    index('claims_unit_idx').on(t.districtId, t.unitId, t.createdAt.desc()),
    check('claims_one_claimant', sql`num_nonnulls(${t.personId}, ${t.unitId}, ${t.teamId}) = 1`),
    check('claims_slots_positive', sql`${t.slots} > 0`),
    check('claims_named_within_slots', sql`${t.named} BETWEEN 0 AND ${t.slots}`),
    check('claims_removed_has_reason', sql`${t.status} <> 'removed' OR ${t.reason} IS NOT NULL`),
  ],
);

/** The members a unit names for the slots it claimed; each one's hours count for them and the unit. */
export const claimMembers = pgTable(
  'claim_members',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    claimId: id('claim_id').notNull(),
    personId: id('person_id').notNull(),
    hoursConfirmed: numeric('hours_confirmed', { precision: 6, scale: 2, mode: 'number' }),
    confirmedBy: id('confirmed_by').references(() => users.id),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true, mode: 'string' }),
    createdBy: id('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.claimId], foreignColumns: [claims.districtId, claims.id] }),
    foreignKey({ columns: [t.districtId, t.personId], foreignColumns: [people.districtId, people.id] }),
    uniqueIndex('claim_members_once_key').on(t.districtId, t.claimId, t.personId),
    index('claim_members_person_idx').on(t.districtId, t.personId),
  ],
);

export const projectReviews = pgTable(
  'project_reviews',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    projectId: id('project_id').notNull(),
    personId: id('person_id').notNull(),
    rating: smallint().notNull(),
    comment: text().notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.projectId], foreignColumns: [projects.districtId, projects.id] }),
    foreignKey({ columns: [t.districtId, t.personId], foreignColumns: [people.districtId, people.id] }),
    uniqueIndex('project_reviews_once_key').on(t.districtId, t.projectId, t.personId),
    check('project_reviews_rating_range', sql`${t.rating} BETWEEN 1 AND 5`),
  ],
);
