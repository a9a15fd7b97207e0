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
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import {
  AFFILIATIONS,
  GENDERS,
  MEMBERSHIP_STATUSES,
  PARTY_ORG_KINDS,
  REGISTRATION_STATUSES,
  UNIT_KINDS,
} from '../../../../contract';
import { createdAt, districtId, id, updatedAt } from '../../db/columns';
import { users } from '../accounts/accounts.schema';
import { regions } from '../regions/regions.schema';

export const unitKind = pgEnum('unit_kind', UNIT_KINDS);
export const affiliation = pgEnum('affiliation', AFFILIATIONS);
export const partyOrgKind = pgEnum('party_org_kind', PARTY_ORG_KINDS);
export const gender = pgEnum('gender', GENDERS);
export const membershipStatus = pgEnum('membership_status', MEMBERSHIP_STATUSES);
export const registrationStatus = pgEnum('registration_status', REGISTRATION_STATUSES);

/** 驻区单位: an organisation standing in the district, of any affiliation level. */
export const units = pgTable(
  'units',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    regionId: id('region_id').notNull(),
    name: text().notNull(),
    kind: unitKind().notNull(),
    affiliation: affiliation().notNull(),
    address: text(),
    contactName: text('contact_name'),
    contactPhone: text('contact_phone'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.regionId], foreignColumns: [regions.districtId, regions.id] }),
    uniqueIndex('units_district_name_key').on(t.districtId, t.name),
    index('units_region_idx').on(t.districtId, t.regionId),
    index('units_name_trgm').using('gin', sql`${t.name} gin_trgm_ops`),
  ],
);

/** Party organisations: street working committees, community branches, units' organisations. */
export const partyOrgs = pgTable(
  'party_orgs',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    regionId: id('region_id').notNull(),
    kind: partyOrgKind().notNull(),
    name: text().notNull(),
    unitId: id('unit_id'),
    parentId: id('parent_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.regionId], foreignColumns: [regions.districtId, regions.id] }),
    foreignKey({ columns: [t.districtId, t.unitId], foreignColumns: [units.districtId, units.id] }),
    foreignKey({ columns: [t.districtId, t.parentId], foreignColumns: [t.districtId, t.id] }),
    uniqueIndex('party_orgs_district_name_key').on(t.districtId, t.name),
    index('party_orgs_region_idx').on(t.districtId, t.regionId),
    index('party_orgs_unit_idx').on(t.districtId, t.unitId),
    check('party_orgs_unit_org_has_unit', sql`${t.kind} <> 'unit_party_org' OR ${t.unitId} IS NOT NULL`),
  ],
);

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
