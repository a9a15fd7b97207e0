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
  smallint,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { GENDERS, MEMBERSHIP_STATUSES } from '../../../../contract';
import { createdAt, districtId, id, updatedAt } from '../../db/columns';
import { users } from '../accounts/accounts.schema';
import { partyOrgs } from '../party-orgs/party-orgs.schema';
import { regions } from '../regions/regions.schema';
export const gender = pgEnum('gender', GENDERS);
export const membershipStatus = pgEnum('membership_status', MEMBERSHIP_STATUSES);

/** The managed list of specialties (特长); a reference table, the same for every district. */
export const specialties = pgTable('specialties', {
  code: text().primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  sort: integer().notNull().default(0),
});

/**
 * People of the district: residents, and Party members when the membership columns are
 * set (the organisation they belong to, in-service or retired, since when).
 */
export const people = pgTable(
  'people',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    name: text().notNull(),
    gender: gender().notNull(),
    birthYear: smallint('birth_year'),
    phone: text(),
    idNumber: text('id_number'),
    homeRegionId: id('home_region_id').notNull(),
    specialties: text().array().notNull().default(sql`'{}'::text[]`),
    tags: text().array().notNull().default(sql`'{}'::text[]`),
    partyOrgId: id('party_org_id'),
    partyStatus: membershipStatus('party_status'),
    partySince: date('party_since', { mode: 'string' }),
    userId: id('user_id').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.homeRegionId], foreignColumns: [regions.districtId, regions.id] }),
    foreignKey({
      columns: [t.districtId, t.partyOrgId],
      foreignColumns: [partyOrgs.districtId, partyOrgs.id],
    }),
    // Lists read people by home in this order: the index serves both the filter and the order.
    index('people_home_idx').on(t.districtId, t.homeRegionId, t.name, t.id),
    // The Party members of an area, for suggestions: a street's few thousand, not its every resident.
    index('people_party_home_idx')
      .on(t.districtId, t.homeRegionId, t.id)
      .where(sql`${t.partyOrgId} IS NOT NULL`),
    index('people_name_grams').using('gin', sql`name_grams(${t.name})`),
    index('people_party_org_idx').on(t.districtId, t.partyOrgId),
    index('people_name_trgm').using('gin', sql`${t.name} gin_trgm_ops`),
    index('people_specialties_gin').using('gin', t.specialties),
    uniqueIndex('people_id_number_key').on(t.districtId, t.idNumber),
    uniqueIndex('people_user_key').on(t.userId),
    check(
      'people_membership_complete',
      sql`(${t.partyOrgId} IS NULL) = (${t.partyStatus} IS NULL) AND (${t.partyStatus} IS NULL) = (${t.partySince} IS NULL)`,
    ),
    check('people_birth_year', sql`${t.birthYear} IS NULL OR ${t.birthYear} BETWEEN 1900 AND 2100`),
  ],
);
