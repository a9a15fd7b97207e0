/**
 * The district's settings: one row per district, none until an admin sets one (the defaults
 * apply). Every signed-in account of the district reads them (its console shows times in the
 * zone); only those who manage the whole district change them.
 */
import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { DEFAULT_TIME_ZONE, type DistrictSettings, type DistrictSettingsBody } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { allow } from '../../auth/authorize';
import type { Tx } from '../../db/client';
import { invalidField } from '../../errors';
import { recordAudit } from '../audit/audit.service';
import { regionPolicy } from './regions.policy';
import { loadRegion } from './regions.queries';
import { districtSettings } from './regions.schema';

async function read(db: Tx, actor: Actor): Promise<DistrictSettings> {
  const district = await loadRegion(db, actor, actor.districtId);
  const [row] = await db
    .select({ timeZone: districtSettings.timeZone })
    .from(districtSettings)
    .where(eq(districtSettings.districtId, actor.districtId));
  return {
    districtId: actor.districtId,
    timeZone: row?.timeZone ?? DEFAULT_TIME_ZONE,
    isDefault: !row,
    can: { update: regionPolicy.settings(actor, district) },
  };
}

export const getDistrictSettings = (db: Tx, actor: Actor) => read(db, actor);

/** A zone both PostgreSQL (for counting days) and the browsers (Intl, for showing times) know. */
async function knownZone(db: Tx, zone: string) {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
  } catch {
    return false;
  }
  const { rows } = await db.execute(sql`SELECT 1 FROM pg_timezone_names WHERE name = ${zone}`);
  return rows.length > 0;
}

export async function putDistrictSettings(
  db: Tx,
  actor: Actor,
  input: z.infer<typeof DistrictSettingsBody>,
): Promise<DistrictSettings> {
  return db.transaction(async (tx) => {
    const district = await loadRegion(tx, actor, actor.districtId, 'update');
    allow(regionPolicy.settings(actor, district), 'out_of_scope');
    if (!(await knownZone(tx, input.timeZone)))
      throw invalidField('timeZone', 'time_zone_unknown', { zone: input.timeZone });
    const before = await read(tx, actor);
    await tx
      .insert(districtSettings)
      .values({ districtId: actor.districtId, timeZone: input.timeZone })
      .onConflictDoUpdate({
        target: districtSettings.districtId,
        set: { timeZone: input.timeZone, updatedAt: sql`now()` },
      });
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: actor.districtId,
      action: 'region.settings',
      entityType: 'district_settings',
      entityId: actor.districtId,
      before: { timeZone: before.isDefault ? null : before.timeZone },
      after: { timeZone: input.timeZone },
    });
    return read(tx, actor);
  });
}
