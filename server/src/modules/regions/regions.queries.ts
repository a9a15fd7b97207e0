/**
 * What other domains read of the region tree: a node, checked against the reader's scope; and
 * of the district's settings, its time zone (a value, or a fragment a statement embeds).
 * (The tree's changes stay in regions.service, which records them in the audit trail.)
 */
import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { type Action, DEFAULT_TIME_ZONE } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { authorize } from '../../auth/authorize';
import type { Tx } from '../../db/client';
import { notFound } from '../../errors';
import { districtSettings, regions } from './regions.schema';

/** A node of the actor's district (404 if absent), locked when asked. */
export async function loadRegion(
  db: Tx,
  actor: Actor,
  id: number,
  lock?: 'update' | 'share',
): Promise<typeof regions.$inferSelect> {
  const q = db
    .select()
    .from(regions)
    .where(and(eq(regions.districtId, actor.districtId), eq(regions.id, id)));
  const [row] = lock ? await q.for(lock) : await q;
  if (!row) throw notFound();
  return row;
}

/** A node the actor may read for `action` (403 outside the scope, 404 if absent). */
export async function regionForRead(db: Tx, actor: Actor, id: number, action: Action = 'region.read') {
  const row = await loadRegion(db, actor, id);
  authorize(actor, action, row.path);
  return row;
}

/** Every living node of a district, for resolving places typed by name (the imports). */
export function livingRegions(db: Tx, districtId: number) {
  return db
    .select({
      id: regions.id,
      name: regions.name,
      kind: regions.kind,
      parentId: regions.parentId,
      path: regions.path,
    })
    .from(regions)
    .where(and(eq(regions.districtId, districtId), isNull(regions.retiredAt)));
}

/** The district's time zone (its setting, else the default): dates and times are shown and counted in it. */
export async function districtTimeZone(db: Tx, districtId: number): Promise<string> {
  const [row] = await db
    .select({ timeZone: districtSettings.timeZone })
    .from(districtSettings)
    .where(eq(districtSettings.districtId, districtId));
  return row?.timeZone ?? DEFAULT_TIME_ZONE;
}

/**
 * The district's time zone inside a statement, for `AT TIME ZONE` (days, months and years
 * counted as the district's): `date_trunc('month', e.at AT TIME ZONE ${zoneOf(sql`e.district_id`)})`.
 */
export const zoneOf = (districtId: SQL | number) =>
  sql`coalesce((SELECT district_settings_row.time_zone FROM district_settings district_settings_row
     WHERE district_settings_row.district_id = ${districtId}), ${DEFAULT_TIME_ZONE}::text)`;

/**
 * SQL: one node (id, name, path, kind), for `[LEFT] JOIN LATERAL (…) r ON true`, so a domain
 * places its rows on the tree and narrows by the reader's scope (`r.path`) without naming
 * the regions table; `districtId` and `regionId` are the caller's columns.
 */
export const regionRow = (districtId: SQL, regionId: SQL): SQL => sql`
    SELECT region_row.id, region_row.name, region_row.path, region_row.kind FROM regions region_row
     WHERE region_row.district_id = ${districtId} AND region_row.id = ${regionId}`;
