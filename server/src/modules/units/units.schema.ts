import { sql } from 'drizzle-orm';
import { foreignKey, index, pgEnum, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { AFFILIATIONS, UNIT_KINDS } from '../../../../contract';
import { createdAt, districtId, id, updatedAt } from '../../db/columns';
import { regions } from '../regions/regions.schema';

export const unitKind = pgEnum('unit_kind', UNIT_KINDS);
export const affiliation = pgEnum('affiliation', AFFILIATIONS);

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
    // One or two characters of a name: the header's search (db/text's textContains).
    index('units_name_grams').using('gin', sql`name_grams(${t.name})`),
  ],
);
