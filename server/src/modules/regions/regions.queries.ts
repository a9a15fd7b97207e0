/**
 * What other domains read of the region tree: a node, checked against the reader's scope.
 * (The tree's changes stay in regions.service, which records them in the audit trail.)
 */
import { and, eq, isNull } from 'drizzle-orm';
import type { Action } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { authorize } from '../../auth/authorize';
import type { Tx } from '../../db/client';
import { notFound } from '../../errors';
import { regions } from './regions.schema';

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
