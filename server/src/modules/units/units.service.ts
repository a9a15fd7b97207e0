/** 驻区单位: units of every affiliation level, where they stand, and their contact. */

import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Unit, UnitCreateBody, UnitListQuery, UnitUpdateBody } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { allow } from '../../auth/authorize';
import { forgetSessions } from '../../auth/session';
import type { Tx } from '../../db/client';
import { cappedCount, keyset, type SortKey } from '../../db/paging';
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

const partyOrgId = unitPartyOrg(sql`units.district_id`, sql`units.id`, 'id');
const partyOrgName = unitPartyOrg(sql`units.district_id`, sql`units.id`, 'name');
const memberCount = sql`(SELECT count(*) FROM ${unitMembers})`;
const registeredCount = sql`(SELECT count(*) FROM ${unitMembers}
    WHERE ${isRegistered(sql`p.district_id`, sql`p.id`)})`;

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
  partyOrgId: sql<number | null>`${partyOrgId}`,
  partyOrgName: sql<string | null>`${partyOrgName}`,
  memberCount: sql<number>`${memberCount}`.mapWith(Number),
  registeredCount: sql<number>`${registeredCount}`.mapWith(Number),
};
/** The units and their places, for a list written in SQL: `columns`' own columns, named as it names them. */
const FROM = sql`FROM units JOIN regions ON regions.district_id = units.district_id AND regions.id = units.region_id`;
const PAGE_COLUMNS = sql`units.id, units.district_id AS "districtId", units.region_id AS "regionId",
  regions.name AS "regionName", regions.path::text AS "regionPath", units.name, units.kind, units.affiliation,
  units.address, units.contact_name AS "contactName", units.contact_phone AS "contactPhone",
  units.created_at AS "createdAt"`;
/**
 * A page of units (`page`: a statement of PAGE_COLUMNS, ordered and limited) with their
 * organisation and its members: looked up for the page's rows only, the members counted
 * in one pass.
 */
const withMembers = (page: SQL) => sql`
  SELECT pg.*, ${unitPartyOrg(sql`pg."districtId"`, sql`pg.id`, 'id')} AS "partyOrgId",
         ${unitPartyOrg(sql`pg."districtId"`, sql`pg.id`, 'name')} AS "partyOrgName",
         mc.members AS "memberCount", mc.registered AS "registeredCount"
    FROM (${page}) pg
    LEFT JOIN LATERAL (
      SELECT count(*)::int AS members, (count(*) FILTER (WHERE ${isRegistered(sql`p.district_id`, sql`p.id`)}))::int AS registered
        FROM (${unitOrgIds(sql`pg."districtId"`, sql`pg.id`)}) o
        JOIN LATERAL (${orgMembers(sql`pg."districtId"`, sql`o.id`)}) p ON true) mc ON true
   ORDER BY pg."regionPath"::ltree, pg.name, pg.id`;
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

/**
 * The list walks the places in path order (the regions' index) and each place's units (units'
 * index) until the page is full. A district-wide reader's scope is written `true`
 * (`unitPolicy.visible`), so the prepared statement's generic plan is that walk on every page.
 */
export async function listUnits(db: Tx, actor: Actor, q: z.infer<typeof UnitListQuery>) {
  const where: SQL[] = [sql`units.district_id = ${actor.districtId}`];
  if (q.q) where.push(sql`units.name ILIKE ${contains(q.q)}`);
  if (q.kind) where.push(sql`units.kind = ${q.kind}`);
  if (q.affiliation) where.push(sql`units.affiliation = ${q.affiliation}`);
  // Conditions on the unit's place; without any, the count reads the units alone.
  const place: SQL[] = unitPolicy.readsAll(actor) ? [] : [unitPolicy.visible(actor, regions.path, units.id)];
  if (q.regionId) {
    const root = await regionForRead(db, actor, q.regionId);
    place.push(sql`regions.path <@ ${root.path}::ltree`);
  }
  const cond = sql.join([...where, ...place], sql` AND `);
  const ks = keyset(q, ORDER);
  const [page, count] = await Promise.all([
    db.execute<Row & Record<string, unknown>>(
      withMembers(sql`SELECT ${PAGE_COLUMNS}, ${ks.keys} ${FROM}
        WHERE ${cond} AND ${ks.whereJoined} ORDER BY ${ks.orderBy} ${ks.limit}`),
    ),
    place.length
      ? cappedCount(db, sql`${FROM} WHERE ${cond}`)
      : cappedCount(db, sql`FROM units WHERE ${cond}`),
  ]);
  return { ...ks.page(page.rows, (r) => present(actor, r)), ...count };
}

/**
 * The list's order: by place (its path: the regions' btree index regions_path_idx, then each
 * place's units by units_region_idx), then name; the id makes it total.
 */
const ORDER: SortKey[] = [
  { sql: sql`regions.path`, type: 'ltree' },
  { sql: sql`units.name`, type: 'text' },
  { sql: sql`units.id`, type: 'bigint' },
];

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
