/** 驻区单位: units of every affiliation level, where they stand, and their contact. */

import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Unit, UnitCreateBody, UnitListQuery, UnitUpdateBody } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { allow } from '../../auth/authorize';
import { forgetSessions } from '../../auth/session';
import type { Tx } from '../../db/client';
import { notFound, unprocessable } from '../../errors';
import { contains, iso } from '../../http';
import { recordAudit } from '../audit/audit.service';
import { orgMembers } from '../members/members.queries';
import { maskPhoneNumber } from '../members/privacy';
import { unitOrgIds, unitPartyOrg } from '../party-orgs/party-orgs.queries';
import { regionForRead } from '../regions/regions.queries';
import { regions } from '../regions/regions.schema';
import { isRegistered } from '../registrations/registrations.queries';
import { unitCan, unitPolicy } from './units.policy';
import { units } from './units.schema';

/** The members of the unit's organisations: each organisation's, joined (`p`). */
const unitMembers = sql`(${unitOrgIds(sql`units.district_id`, sql`units.id`)}) o
  JOIN LATERAL (${orgMembers(sql`units.district_id`, sql`o.id`)}) p ON true`;

const columns = {
  id: units.id,
  districtId: units.districtId,
  regionId: units.regionId,
  regionName: regions.name,
  regionPath: regions.path,
  name: units.name,
  kind: units.kind,
  affiliation: units.affiliation,
  address: units.address,
  contactName: units.contactName,
  contactPhone: units.contactPhone,
  createdAt: units.createdAt,
  partyOrgId: sql<number | null>`${unitPartyOrg(sql`units.district_id`, sql`units.id`, 'id')}`,
  partyOrgName: sql<string | null>`${unitPartyOrg(sql`units.district_id`, sql`units.id`, 'name')}`,
  memberCount: sql<number>`(SELECT count(*) FROM ${unitMembers})`.mapWith(Number),
  registeredCount: sql<number>`(SELECT count(*) FROM ${unitMembers}
    WHERE ${isRegistered(sql`p.district_id`, sql`p.id`)})`.mapWith(Number),
};
type Row = Awaited<ReturnType<typeof selectUnits>>[number];

const selectUnits = (db: Tx, where: SQL | undefined) =>
  db
    .select(columns)
    .from(units)
    .innerJoin(regions, and(eq(regions.districtId, units.districtId), eq(regions.id, units.regionId)))
    .where(where);

const present = (actor: Actor, r: Row): Unit => ({
  id: r.id,
  regionId: r.regionId,
  regionName: r.regionName,
  name: r.name,
  kind: r.kind,
  affiliation: r.affiliation,
  address: r.address,
  contactName: r.contactName,
  // The unit's own contact and those over it see the number; others see it masked.
  contactPhone:
    r.contactPhone === null || unitPolicy.seeContactPhone(actor, r)
      ? r.contactPhone
      : maskPhoneNumber(r.contactPhone),
  partyOrgId: r.partyOrgId,
  partyOrgName: r.partyOrgName,
  memberCount: r.memberCount,
  registeredCount: r.registeredCount,
  createdAt: iso(r.createdAt)!,
  can: unitCan(actor, r),
});

/** A unit the actor may take `action` on (404 if absent, 403 outside the scope). */
export async function unitFor(
  db: Tx,
  actor: Actor,
  id: number,
  action: 'unit.read' | 'unit.manage' = 'unit.read',
) {
  const [row] = await selectUnits(db, and(eq(units.districtId, actor.districtId), eq(units.id, id)));
  if (!row) throw notFound();
  allow((action === 'unit.manage' ? unitPolicy.manage : unitPolicy.read)(actor, row), 'out_of_scope');
  return row;
}

export async function getUnit(db: Tx, actor: Actor, id: number) {
  return present(actor, await unitFor(db, actor, id));
}

export async function listUnits(db: Tx, actor: Actor, q: z.infer<typeof UnitListQuery>) {
  const where: (SQL | undefined)[] = [
    eq(units.districtId, actor.districtId),
    unitPolicy.visible(actor, regions.path, units.id),
  ];
  if (q.regionId) {
    const root = await regionForRead(db, actor, q.regionId);
    where.push(sql`${regions.path} <@ ${root.path}::ltree`);
  }
  if (q.q) where.push(sql`${units.name} ILIKE ${contains(q.q)}`);
  if (q.kind) where.push(eq(units.kind, q.kind));
  if (q.affiliation) where.push(eq(units.affiliation, q.affiliation));
  const cond = and(...where);
  const join = and(eq(regions.districtId, units.districtId), eq(regions.id, units.regionId));
  const [rows, [count]] = await Promise.all([
    selectUnits(db, cond)
      .orderBy(regions.path, units.name)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)` }).from(units).innerJoin(regions, join).where(cond),
  ]);
  return { items: rows.map((r) => present(actor, r)), total: count?.n ?? 0 };
}

const snapshot = (r: Partial<Row>) => ({
  name: r.name,
  kind: r.kind,
  affiliation: r.affiliation,
  regionId: r.regionId,
  address: r.address,
  contactName: r.contactName,
});

export async function createUnit(db: Tx, actor: Actor, input: z.infer<typeof UnitCreateBody>) {
  return db.transaction(async (tx) => {
    const region = await regionForRead(tx, actor, input.regionId, 'unit.manage');
    if (region.retiredAt) throw unprocessable('region_retired');
    const [row] = await tx
      .insert(units)
      .values({ ...input, districtId: actor.districtId })
      .returning({ id: units.id });
    const created = await unitFor(tx, actor, row!.id);
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: region.id,
      action: 'unit.create',
      entityType: 'unit',
      entityId: row!.id,
      after: snapshot(created),
    });
    return present(actor, created);
  });
}

export async function updateUnit(db: Tx, actor: Actor, id: number, input: z.infer<typeof UnitUpdateBody>) {
  // Sessions of the unit's contacts carry its name: drop them once this commits.
  return db
    .transaction(async (tx) => {
      const before = await unitFor(tx, actor, id, 'unit.manage');
      if (input.regionId !== undefined && input.regionId !== before.regionId) {
        // Moving a unit needs the right over the place it goes to, not only over the unit.
        const region = await regionForRead(tx, actor, input.regionId, 'unit.manage');
        if (region.retiredAt) throw unprocessable('region_retired');
      }
      await tx
        .update(units)
        .set(input)
        .where(and(eq(units.districtId, actor.districtId), eq(units.id, id)));
      const after = await unitFor(tx, actor, id);
      await recordAudit(tx, actor, {
        districtId: actor.districtId,
        regionId: after.regionId,
        action: 'unit.update',
        entityType: 'unit',
        entityId: id,
        before: snapshot(before),
        after: snapshot(after),
      });
      return present(actor, after);
    })
    .finally(() => forgetSessions());
}
