/** Party organisations attached to regions and, for units' organisations, to their unit. */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type {
  PartyOrg,
  PartyOrgCreateBody,
  PartyOrgListQuery,
  PartyOrgUpdateBody,
} from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { allow, inScope } from '../../auth/authorize';
import type { Tx } from '../../db/client';
import { notFound, unprocessable } from '../../errors';
import { contains } from '../../http';
import { recordAudit } from '../audit/audit.service';
import { orgMembers } from '../members/members.queries';
import { regionForRead } from '../regions/regions.queries';
import { regions } from '../regions/regions.schema';
import { unitRow } from '../units/units.queries';
import { unitFor } from '../units/units.service';
import { partyOrgCan, partyOrgPolicy } from './party-orgs.policy';
import { partyOrgs } from './party-orgs.schema';

const parent = alias(partyOrgs, 'parent');

const columns = {
  id: partyOrgs.id,
  regionId: partyOrgs.regionId,
  regionName: regions.name,
  regionPath: regions.path,
  kind: partyOrgs.kind,
  name: partyOrgs.name,
  unitId: partyOrgs.unitId,
  unitName: sql<string | null>`u.name`,
  parentId: partyOrgs.parentId,
  parentName: parent.name,
  memberCount:
    sql<number>`(SELECT count(*) FROM (${orgMembers(sql`party_orgs.district_id`, sql`party_orgs.id`)}) m)`.mapWith(
      Number,
    ),
};
type Row = Awaited<ReturnType<typeof select>>[number];

const select = (db: Tx, where: SQL | undefined) =>
  db
    .select(columns)
    .from(partyOrgs)
    .innerJoin(regions, and(eq(regions.districtId, partyOrgs.districtId), eq(regions.id, partyOrgs.regionId)))
    .leftJoinLateral(sql`(${unitRow(sql`${partyOrgs.districtId}`, sql`${partyOrgs.unitId}`)}) u`, sql`true`)
    .leftJoin(parent, and(eq(parent.districtId, partyOrgs.districtId), eq(parent.id, partyOrgs.parentId)))
    .where(where);

const present = (actor: Actor, { regionPath, ...r }: Row): PartyOrg => ({
  ...r,
  can: partyOrgCan(actor, { path: regionPath, unitId: r.unitId }),
});

export async function orgFor(
  db: Tx,
  actor: Actor,
  id: number,
  action: 'org.read' | 'org.manage' = 'org.read',
) {
  const [row] = await select(db, and(eq(partyOrgs.districtId, actor.districtId), eq(partyOrgs.id, id)));
  if (!row) throw notFound();
  const o = { path: row.regionPath, unitId: row.unitId };
  allow((action === 'org.manage' ? partyOrgPolicy.manage : partyOrgPolicy.read)(actor, o), 'out_of_scope');
  return row;
}

export const getOrg = async (db: Tx, actor: Actor, id: number) => present(actor, await orgFor(db, actor, id));

export async function listOrgs(db: Tx, actor: Actor, q: z.infer<typeof PartyOrgListQuery>) {
  const where: (SQL | undefined)[] = [
    eq(partyOrgs.districtId, actor.districtId),
    inScope(actor, 'org.read', regions.path, partyOrgs.unitId),
  ];
  if (q.regionId) {
    const root = await regionForRead(db, actor, q.regionId);
    where.push(sql`${regions.path} <@ ${root.path}::ltree`);
  }
  if (q.q) where.push(sql`${partyOrgs.name} ILIKE ${contains(q.q)}`);
  if (q.kind) where.push(eq(partyOrgs.kind, q.kind));
  if (q.unitId) where.push(eq(partyOrgs.unitId, q.unitId));
  const cond = and(...where);
  const join = and(eq(regions.districtId, partyOrgs.districtId), eq(regions.id, partyOrgs.regionId));
  const [rows, [count]] = await Promise.all([
    select(db, cond)
      .orderBy(regions.path, partyOrgs.kind, partyOrgs.name)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)` }).from(partyOrgs).innerJoin(regions, join).where(cond),
  ]);
  return { items: rows.map((r) => present(actor, r)), total: count?.n ?? 0 };
}

const snapshot = (r: Row) => ({
  name: r.name,
  kind: r.kind,
  regionId: r.regionId,
  unitId: r.unitId,
  parentId: r.parentId,
});

/** An organisation's parent must be reachable and must not be the organisation itself or below it. */
async function checkParent(tx: Tx, actor: Actor, parentId: number, selfId?: number) {
  const p = await orgFor(tx, actor, parentId);
  if (selfId !== undefined) {
    const { rows } = await tx.execute<{ cycle: boolean }>(sql`
      WITH RECURSIVE up AS (
        SELECT id, parent_id FROM party_orgs WHERE district_id = ${actor.districtId} AND id = ${parentId}
        UNION ALL
        SELECT o.id, o.parent_id FROM party_orgs o JOIN up ON o.district_id = ${actor.districtId} AND o.id = up.parent_id)
      SELECT EXISTS (SELECT 1 FROM up WHERE id = ${selfId}) AS cycle`);
    if (rows[0]?.cycle) throw unprocessable('org_parent_cycle');
  }
  return p;
}

export async function createOrg(db: Tx, actor: Actor, input: z.infer<typeof PartyOrgCreateBody>) {
  return db.transaction(async (tx) => {
    const region = await regionForRead(tx, actor, input.regionId, 'org.manage');
    if (region.retiredAt) throw unprocessable('region_retired');
    const expected = { street_committee: 'street', community_branch: 'community' } as const;
    const want = expected[input.kind as keyof typeof expected];
    if (want && region.kind !== want) throw unprocessable('org_region_kind', { kind: want });
    if (input.kind === 'unit_party_org' && !input.unitId) throw unprocessable('org_needs_unit');
    if (input.unitId) {
      const unit = await unitFor(tx, actor, input.unitId);
      if (unit.regionId !== region.id) throw unprocessable('org_unit_region');
    }
    if (input.parentId) await checkParent(tx, actor, input.parentId);
    const [row] = await tx
      .insert(partyOrgs)
      .values({ ...input, districtId: actor.districtId })
      .returning({ id: partyOrgs.id });
    const created = await orgFor(tx, actor, row!.id);
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: region.id,
      action: 'org.create',
      entityType: 'party_org',
      entityId: row!.id,
      after: snapshot(created),
    });
    return present(actor, created);
  });
}

export async function updateOrg(db: Tx, actor: Actor, id: number, input: z.infer<typeof PartyOrgUpdateBody>) {
  return db.transaction(async (tx) => {
    const before = await orgFor(tx, actor, id, 'org.manage');
    if (input.parentId) await checkParent(tx, actor, input.parentId, id);
    await tx
      .update(partyOrgs)
      .set({
        name: input.name ?? before.name,
        parentId: input.parentId === undefined ? before.parentId : input.parentId,
      })
      .where(and(eq(partyOrgs.districtId, actor.districtId), eq(partyOrgs.id, id)));
    const after = await orgFor(tx, actor, id);
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: after.regionId,
      action: 'org.update',
      entityType: 'party_org',
      entityId: id,
      before: snapshot(before),
      after: snapshot(after),
    });
    return present(actor, after);
  });
}
