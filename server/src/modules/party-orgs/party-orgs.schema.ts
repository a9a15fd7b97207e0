import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { PARTY_ORG_KINDS } from '../../../../contract';
import { createdAt, districtId, id, updatedAt } from '../../db/columns';
import { regions } from '../regions/regions.schema';
import { units } from '../units/units.schema';
export const partyOrgKind = pgEnum('party_org_kind', PARTY_ORG_KINDS);

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
