/**
 * The region tree. Paths are ltree strings of ids from the district down, so a subtree
 * is one index scan (`path <@ root`) and a move rewrites the subtree's paths in one UPDATE.
 */

import { and, asc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  CHILD_KIND,
  type Region,
  type RegionCreateBody,
  type RegionKind,
  type RegionListQuery,
  type RegionMoveBody,
  type RegionUpdateBody,
  type RegionWithAncestors,
} from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { allow, inScope, isWithin } from '../../auth/authorize';
import { forgetSessions } from '../../auth/session';
import type { Tx } from '../../db/client';
import { notFound, unprocessable } from '../../errors';
import { contains, iso } from '../../http';
import { recordAudit } from '../audit/audit.service';
import { regionCan, regionPolicy } from './regions.policy';
import { loadRegion as load, regionForRead } from './regions.queries';
import { regions } from './regions.schema';

type Row = typeof regions.$inferSelect;
export type RegionTreeNode = Region & { children: RegionTreeNode[] };

const childCount = (includeRetired: boolean) =>
  // Qualified by hand: drizzle leaves single-table columns unqualified, which would bind to `c`.
  sql<number>`(SELECT count(*) FROM regions c
     WHERE c.district_id = regions.district_id AND c.parent_id = regions.id
     ${includeRetired ? sql`` : sql`AND c.retired_at IS NULL`})`.mapWith(Number);

const present = (r: Row & { childCount: number }): Region => ({
  id: r.id,
  districtId: r.districtId,
  parentId: r.parentId,
  kind: r.kind,
  name: r.name,
  code: r.code,
  path: r.path,
  retiredAt: iso(r.retiredAt),
  childCount: r.childCount,
});

/** Changing a node needs a manage scope strictly above it: outside the area, or at its root, each says why. */
function authorizeChange(actor: Actor, node: Row) {
  allow(regionPolicy.manage(actor, node), 'out_of_scope');
  allow(regionPolicy.change(actor, node), 'region_is_scope_root');
}

export async function getRegion(db: Tx, actor: Actor, id: number): Promise<RegionWithAncestors> {
  const row = await regionForRead(db, actor, id);
  const [counted] = await db
    .select({ n: childCount(false) })
    .from(regions)
    .where(and(eq(regions.districtId, row.districtId), eq(regions.id, row.id)));
  const ancestors = await db
    .select({ id: regions.id, name: regions.name, kind: regions.kind })
    .from(regions)
    .where(
      and(
        eq(regions.districtId, row.districtId),
        sql`${regions.path} @> ${row.path}::ltree`,
        sql`${regions.id} <> ${row.id}`,
      ),
    )
    .orderBy(sql`nlevel(${regions.path})`);
  return { ...present({ ...row, childCount: counted?.n ?? 0 }), ancestors, can: regionCan(actor, row) };
}

export async function listRegions(db: Tx, actor: Actor, q: z.infer<typeof RegionListQuery>) {
  const includeRetired = q.includeRetired === 'true';
  const where: (SQL | undefined)[] = [
    eq(regions.districtId, actor.districtId),
    inScope(actor, 'region.read', regions.path),
  ];
  if (q.regionId) {
    const root = await regionForRead(db, actor, q.regionId);
    where.push(sql`${regions.path} <@ ${root.path}::ltree`);
  }
  if (q.parentId) where.push(eq(regions.parentId, q.parentId));
  if (q.kind) where.push(eq(regions.kind, q.kind));
  if (q.q)
    where.push(sql`(${regions.name} ILIKE ${contains(q.q)} OR ${regions.code} ILIKE ${contains(q.q)})`);
  if (!includeRetired) where.push(isNull(regions.retiredAt));
  const cond = and(...where);
  const [rows, [count]] = await Promise.all([
    db
      .select({ ...regionColumns, childCount: childCount(includeRetired) })
      .from(regions)
      .where(cond)
      .orderBy(asc(regions.path))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)` }).from(regions).where(cond),
  ]);
  return { items: rows.map(present), total: count?.n ?? 0 };
}

const regionColumns = {
  districtId: regions.districtId,
  id: regions.id,
  parentId: regions.parentId,
  kind: regions.kind,
  name: regions.name,
  code: regions.code,
  path: regions.path,
  retiredAt: regions.retiredAt,
  createdAt: regions.createdAt,
  updatedAt: regions.updatedAt,
};

/** A node and its descendants down to `depth` levels, in one query, nested. */
export async function regionTree(
  db: Tx,
  actor: Actor,
  id: number,
  depth: number,
  includeRetired: boolean,
): Promise<RegionTreeNode> {
  const root = await regionForRead(db, actor, id);
  const rows = await db
    .select({ ...regionColumns, childCount: childCount(includeRetired) })
    .from(regions)
    .where(
      and(
        eq(regions.districtId, root.districtId),
        sql`${regions.path} <@ ${root.path}::ltree`,
        sql`nlevel(${regions.path}) <= nlevel(${root.path}::ltree) + ${depth}`,
        includeRetired ? undefined : isNull(regions.retiredAt),
      ),
    )
    .orderBy(sql`nlevel(${regions.path})`, asc(regions.code), asc(regions.id));
  const nodes = new Map<number, RegionTreeNode>();
  for (const r of rows) nodes.set(r.id, { ...present(r), children: [] });
  for (const n of nodes.values()) if (n.id !== root.id && n.parentId) nodes.get(n.parentId)?.children.push(n);
  const top = nodes.get(root.id);
  if (!top) throw notFound(); // the root itself is retired and retired nodes were not asked for
  return top;
}

export async function createRegion(
  db: Tx,
  actor: Actor,
  input: z.infer<typeof RegionCreateBody>,
): Promise<Region> {
  return db.transaction(async (tx) => {
    const parent = await load(tx, actor, input.parentId, 'share');
    allow(regionPolicy.manage(actor, parent), 'out_of_scope');
    if (parent.retiredAt) throw unprocessable('region_parent_retired');
    const kind = CHILD_KIND[parent.kind];
    if (!kind) throw unprocessable('region_leaf');
    const [seq] = await tx
      .execute<{ id: number }>(sql`SELECT nextval(pg_get_serial_sequence('regions', 'id')) AS id`)
      .then((r) => r.rows);
    const id = Number(seq!.id);
    const [row] = await tx
      .insert(regions)
      .values({
        districtId: parent.districtId,
        id,
        parentId: parent.id,
        kind,
        name: input.name,
        code: input.code ?? `${parent.code}-${id}`,
        path: `${parent.path}.${id}`,
      })
      .returning();
    await recordAudit(tx, actor, {
      districtId: row!.districtId,
      regionId: row!.id,
      action: 'region.create',
      entityType: 'region',
      entityId: row!.id,
      after: snapshot(row!),
    });
    return present({ ...row!, childCount: 0 });
  });
}

const snapshot = (r: Row) => ({
  name: r.name,
  code: r.code,
  kind: r.kind,
  parentId: r.parentId,
  path: r.path,
  retiredAt: r.retiredAt,
});

export async function updateRegion(
  db: Tx,
  actor: Actor,
  id: number,
  input: z.infer<typeof RegionUpdateBody>,
) {
  // Sessions carry their roles' regions (name, path): drop them once this commits.
  return db
    .transaction(async (tx) => {
      const before = await load(tx, actor, id, 'update');
      authorizeChange(actor, before);
      const [after] = await tx
        .update(regions)
        .set({ name: input.name ?? before.name, code: input.code ?? before.code })
        .where(and(eq(regions.districtId, before.districtId), eq(regions.id, id)))
        .returning();
      await recordAudit(tx, actor, {
        districtId: before.districtId,
        regionId: id,
        action: 'region.update',
        entityType: 'region',
        entityId: id,
        before: snapshot(before),
        after: snapshot(after!),
      });
      return getRegion(tx, actor, id);
    })
    .finally(() => forgetSessions());
}

export async function moveRegion(db: Tx, actor: Actor, id: number, input: z.infer<typeof RegionMoveBody>) {
  // Sessions carry their roles' regions (name, path): drop them once this commits.
  return db
    .transaction(async (tx) => {
      const node = await load(tx, actor, id, 'update');
      authorizeChange(actor, node);
      const parent = await load(tx, actor, input.parentId, 'share');
      if (isWithin(parent.path, node.path)) throw unprocessable('region_move_into_self');
      allow(regionPolicy.manage(actor, parent), 'out_of_scope');
      if (CHILD_KIND[parent.kind] !== node.kind) {
        throw unprocessable('region_parent_kind', { kind: node.kind, parentKind: parentKindOf(node.kind) });
      }
      if (parent.retiredAt) throw unprocessable('region_parent_retired');
      if (parent.id !== node.parentId) {
        // Every descendant's path keeps its tail below the node and takes the new parent's path as head.
        await tx.execute(sql`
        UPDATE regions
           SET path = ${parent.path}::ltree || subpath(path, nlevel(${node.path}::ltree) - 1),
               parent_id = CASE WHEN id = ${node.id} THEN ${parent.id} ELSE parent_id END,
               updated_at = now()
         WHERE district_id = ${node.districtId} AND path <@ ${node.path}::ltree`);
      }
      const after = await load(tx, actor, id);
      await recordAudit(tx, actor, {
        districtId: node.districtId,
        regionId: id,
        action: 'region.move',
        entityType: 'region',
        entityId: id,
        before: snapshot(node),
        after: snapshot(after),
      });
      return getRegion(tx, actor, id);
    })
    .finally(() => forgetSessions());
}

const parentKindOf = (kind: RegionKind): RegionKind =>
  (Object.entries(CHILD_KIND).find(([, child]) => child === kind)?.[0] ?? 'district') as RegionKind;

/** Retires a node and its whole subtree; restore brings back what was retired with it. */
export async function setRetired(db: Tx, actor: Actor, id: number, retired: boolean) {
  // Sessions carry their roles' regions (name, path): drop them once this commits.
  return db
    .transaction(async (tx) => {
      const node = await load(tx, actor, id, 'update');
      authorizeChange(actor, node);
      if (retired && !node.retiredAt) {
        await tx.execute(sql`
        UPDATE regions SET retired_at = now(), updated_at = now()
         WHERE district_id = ${node.districtId} AND path <@ ${node.path}::ltree AND retired_at IS NULL`);
      } else if (!retired && node.retiredAt) {
        if (node.parentId) {
          const parent = await load(tx, actor, node.parentId);
          if (parent.retiredAt) throw unprocessable('region_parent_retired');
        }
        await tx.execute(sql`
        UPDATE regions SET retired_at = NULL, updated_at = now()
         WHERE district_id = ${node.districtId} AND path <@ ${node.path}::ltree
           AND retired_at >= ${node.retiredAt}::timestamptz`);
      }
      const after = await load(tx, actor, id);
      await recordAudit(tx, actor, {
        districtId: node.districtId,
        regionId: id,
        action: retired ? 'region.retire' : 'region.restore',
        entityType: 'region',
        entityId: id,
        before: snapshot(node),
        after: snapshot(after),
      });
      return getRegion(tx, actor, id);
    })
    .finally(() => forgetSessions());
}
