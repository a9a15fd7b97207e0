import { sql } from 'drizzle-orm';
import {
  boolean,
  foreignKey,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { TEAM_MEMBER_ROLES, TEAM_MEMBER_STATUSES } from '../../../../contract';
import { createdAt, districtId, id, updatedAt } from '../../db/columns';
import { users } from '../accounts/accounts.schema';
import { people, specialties } from '../members/members.schema';
import { regions } from '../regions/regions.schema';

export const teamMemberRole = pgEnum('team_member_role', TEAM_MEMBER_ROLES);
export const teamMemberStatus = pgEnum('team_member_status', TEAM_MEMBER_STATUSES);

/** 志愿者服务队: a community's (or street's) volunteer team around a specialty, Party members its backbone. */
export const teams = pgTable(
  'teams',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    regionId: id('region_id').notNull(),
    name: text().notNull(),
    specialty: text()
      .notNull()
      .references(() => specialties.code),
    description: text().notNull().default(''),
    recruitment: text().notNull().default(''),
    recruiting: boolean().notNull().default(true),
    leaderPersonId: id('leader_person_id'),
    retiredAt: timestamp('retired_at', { withTimezone: true, mode: 'string' }),
    createdBy: id('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.regionId], foreignColumns: [regions.districtId, regions.id] }),
    foreignKey({ columns: [t.districtId, t.leaderPersonId], foreignColumns: [people.districtId, people.id] }),
    uniqueIndex('teams_region_name_key').on(t.districtId, t.regionId, t.name),
    index('teams_specialty_idx').on(t.districtId, t.specialty),
    index('teams_name_trgm').using('gin', sql`${t.name} gin_trgm_ops`),
    // One or two characters of a name: the header's search (db/text's textContains).
    index('teams_name_grams').using('gin', sql`name_grams(${t.name})`),
  ],
);

/** A person's place in a team: applied, invited, active (with a role), declined, or left. */
export const teamMembers = pgTable(
  'team_members',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    teamId: id('team_id').notNull(),
    personId: id('person_id').notNull(),
    role: teamMemberRole().notNull().default('member'),
    status: teamMemberStatus().notNull(),
    note: text(),
    joinedAt: timestamp('joined_at', { withTimezone: true, mode: 'string' }),
    decidedBy: id('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'string' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.teamId], foreignColumns: [teams.districtId, teams.id] }),
    foreignKey({ columns: [t.districtId, t.personId], foreignColumns: [people.districtId, people.id] }),
    uniqueIndex('team_members_live_key')
      .on(t.districtId, t.teamId, t.personId)
      .where(sql`${t.status} IN ('applied', 'invited', 'active')`),
    index('team_members_person_idx').on(t.districtId, t.personId),
    index('team_members_team_idx').on(t.districtId, t.teamId, t.status),
  ],
);
