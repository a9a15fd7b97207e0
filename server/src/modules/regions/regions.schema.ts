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
  unique,
} from 'drizzle-orm/pg-core';
import { DEFAULT_TIME_ZONE, REGION_KINDS } from '../../../../contract';
import { createdAt, districtId, id, ltree, updatedAt } from '../../db/columns';

export const regionKind = pgEnum('region_kind', REGION_KINDS);

/**
 * The region tree, district → street → community → building → entrance.
 * `path` is the ltree of ids from the district down; a district's district_id is its own id.
 */
export const regions = pgTable(
  'regions',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    parentId: id('parent_id'),
    kind: regionKind().notNull(),
    name: text().notNull(),
    code: text().notNull(),
    path: ltree().notNull(),
    retiredAt: timestamp('retired_at', { withTimezone: true, mode: 'string' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.parentId], foreignColumns: [t.districtId, t.id] }),
    unique('regions_district_code_key').on(t.districtId, t.code),
    index('regions_path_gist').using('gist', t.path),
    // Lists ordered by place (units): the places in path order, from a cursor on.
    index('regions_path_idx').on(t.districtId, t.path),
    index('regions_parent_idx').on(t.districtId, t.parentId),
    index('regions_name_trgm').using('gin', sql`${t.name} gin_trgm_ops`),
    check('regions_root_is_district', sql`(${t.parentId} IS NULL) = (${t.kind} = 'district')`),
    check('regions_district_owns_itself', sql`${t.kind} <> 'district' OR ${t.districtId} = ${t.id}`),
    check(
      'regions_depth_matches_kind',
      sql`nlevel(${t.path}) = array_position(enum_range(NULL::region_kind), ${t.kind})`,
    ),
    check('regions_path_ends_in_id', sql`subpath(${t.path}, -1)::text = ${t.id}::text`),
    check('regions_name_not_blank', sql`length(btrim(${t.name})) BETWEEN 1 AND 100`),
  ],
);

/**
 * A district's settings, one row per district (none: the defaults). `time_zone` is the zone every
 * date and time of the district is shown in, and its days, months and years are counted in.
 */
export const districtSettings = pgTable(
  'district_settings',
  {
    districtId: districtId().primaryKey(),
    timeZone: text('time_zone').notNull().default(DEFAULT_TIME_ZONE),
    updatedAt: updatedAt(),
  },
  (t) => [
    // The district's own node: a district's district_id is its id.
    foreignKey({ columns: [t.districtId, t.districtId], foreignColumns: [regions.districtId, regions.id] }),
  ],
);
