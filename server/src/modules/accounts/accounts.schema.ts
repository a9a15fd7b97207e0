import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { ROLES } from '../../../../contract';
import { createdAt, districtId, id, updatedAt } from '../../db/columns';
import { regions } from '../regions/regions.schema';
import { units } from '../units/units.schema';

export const appRole = pgEnum('app_role', ROLES);

/**
 * Login identities. Usernames are unique across districts, so on Citus this is a
 * reference table; each user still names its district and home region.
 */
export const users = pgTable(
  'users',
  {
    id: id().primaryKey().generatedByDefaultAsIdentity(),
    districtId: districtId(),
    regionId: id('region_id').notNull(),
    username: text().notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    failedLogins: integer('failed_logins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true, mode: 'string' }),
    disabledAt: timestamp('disabled_at', { withTimezone: true, mode: 'string' }),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true, mode: 'string' })
      .notNull()
      .defaultNow(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique('users_username_key').on(t.username),
    foreignKey({ columns: [t.districtId, t.regionId], foreignColumns: [regions.districtId, regions.id] }),
    index('users_region_idx').on(t.districtId, t.regionId),
    index('users_display_name_trgm').using('gin', sql`${t.displayName} gin_trgm_ops`),
    check('users_username_format', sql`${t.username} ~ '^[a-z0-9_.-]{3,64}$'`),
    check('users_failed_logins_nonneg', sql`${t.failedLogins} >= 0`),
  ],
);

/** A role at a node of the region tree: its powers reach that node's whole subtree. */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    userId: id('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: appRole().notNull(),
    regionId: id('region_id').notNull(),
    /** Set for unit contacts: the unit their role speaks for. */
    unitId: id('unit_id'),
    createdBy: id('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.regionId], foreignColumns: [regions.districtId, regions.id] }),
    foreignKey({ columns: [t.districtId, t.unitId], foreignColumns: [units.districtId, units.id] }),
    uniqueIndex('role_assignments_user_role_scope_key').on(
      t.userId,
      t.role,
      t.regionId,
      sql`coalesce(unit_id, 0)`,
    ),
    check('role_assignments_unit_only_for_contacts', sql`${t.unitId} IS NULL OR ${t.role} = 'unit_contact'`),
    index('role_assignments_region_idx').on(t.districtId, t.regionId),
  ],
);

/** Server-side sessions; the cookie holds a random token, the table its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    id: text().primaryKey(),
    userId: id('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }).notNull(),
    ip: text(),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
);

/**
 * One-time password reset codes, issued by someone who manages the account (the person asks
 * their community worker; no e-mail). One per account: a new code replaces the old row. Only
 * the code's SHA-256 is kept; it expires, is spent by its use, and wrong tries are counted
 * (each before it is checked) so a code can be guessed at only a few times.
 */
export const passwordResetCodes = pgTable(
  'password_reset_codes',
  {
    userId: id('user_id')
      .primaryKey()
      .references(() => users.id, { onDelete: 'cascade' }),
    codeHash: text('code_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'string' }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true, mode: 'string' }),
    failedAttempts: integer('failed_attempts').notNull().default(0),
    createdBy: id('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: createdAt(),
  },
  (t) => [check('password_reset_codes_failed_attempts_nonneg', sql`${t.failedAttempts} >= 0`)],
);
