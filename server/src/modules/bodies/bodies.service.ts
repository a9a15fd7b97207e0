/**
 * Joint bodies — joint conferences (street), coordination councils (community) and
 * liaison groups (building or entrance) — with their membership history.
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  BODY_LEVELS,
  type Body,
  type BodyCreateBody,
  type BodyListQuery,
  type BodyMember,
  type BodyMemberAddBody,
  type BodyUpdateBody,
} from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { allow, inScope, isWithin } from '../../auth/authorize';
import type { Tx } from '../../db/client';
import { pageOf } from '../../db/paging';
import { conflict, notFound, unprocessable } from '../../errors';
import { contains } from '../../http';
import { recordAudit } from '../audit/audit.service';
import { personRow } from '../members/members.queries';
import { personFor } from '../members/members.service';
import { orgRow } from '../party-orgs/party-orgs.queries';
import { orgFor } from '../party-orgs/party-orgs.service';
import { regionForRead } from '../regions/regions.queries';
import { unitRow } from '../units/units.queries';
import { unitFor } from '../units/units.service';
import { bodyPolicy } from './bodies.policy';
import { bodies, bodyMembers } from './bodies.schema';

type Row = {
  id: number;
  kind: Body['kind'];
  region_id: number;
  region_name: string;
  region_path: string;
  region_label: string;
  name: string;
  convenor_id: number | null;
  convenor_name: string | null;
  established_on: string;
  dissolved_on: string | null;
  member_count: number;
  meeting_count: number;
  last_meeting_at: string | null;
};

/** 八角北路社区 3号楼 2单元: the names from the community down (or the node itself above it). */
export const regionLabel = (
  alias: SQL,
) => sql`(SELECT string_agg(a.name, ' ' ORDER BY nlevel(a.path)) FROM regions a
  WHERE a.district_id = ${alias}.district_id AND a.path @> ${alias}.path
    AND nlevel(a.path) >= least(3, nlevel(${alias}.path)))`;

const SELECT = sql`
  SELECT b.id, b.kind, b.region_id, r.name AS region_name, r.path::text AS region_path,
         ${regionLabel(sql`r`)} AS region_label, b.name,
         cp.id AS convenor_id, cp.name AS convenor_name, b.established_on::text, b.dissolved_on::text,
         (SELECT count(*) FROM body_members m WHERE m.district_id = b.district_id AND m.body_id = b.id AND m.left_on IS NULL)::int AS member_count,
         (SELECT count(*) FROM meetings mt WHERE mt.district_id = b.district_id AND mt.body_id = b.id)::int AS meeting_count,
         (SELECT max(mt.starts_at) FROM meetings mt WHERE mt.district_id = b.district_id AND mt.body_id = b.id AND mt.status = 'held'
             AND mt.starts_at <= now()) AS last_meeting_at
    FROM bodies b
    JOIN regions r ON r.district_id = b.district_id AND r.id = b.region_id
    LEFT JOIN LATERAL (${personRow(sql`b.district_id`, sql`b.convenor_person_id`)}) cp ON true`;

const present = (r: Row): Body => ({
  id: r.id,
  kind: r.kind,
  regionId: r.region_id,
  regionName: r.region_name,
  regionLabel: r.region_label,
  name: r.name,
  convenor: r.convenor_id === null ? null : { id: r.convenor_id, name: r.convenor_name! },
  status: r.dissolved_on ? 'dissolved' : 'active',
  establishedOn: r.established_on,
  dissolvedOn: r.dissolved_on,
  memberCount: r.member_count,
  meetingCount: r.meeting_count,
  lastMeetingAt: r.last_meeting_at && new Date(r.last_meeting_at).toISOString(),
});

export async function bodyFor(
  db: Tx,
  actor: Actor,
  id: number,
  action: 'body.read' | 'body.manage' = 'body.read',
) {
  const { rows } = await db.execute<Row>(
    sql`${SELECT} WHERE b.district_id = ${actor.districtId} AND b.id = ${id}`,
  );
  const row = rows[0];
  if (!row) throw notFound();
  allow(
    action === 'body.manage' ? bodyPolicy.manage(actor, row) : bodyPolicy.read(actor, row),
    'out_of_scope',
  );
  return row;
}

export const getBody = async (db: Tx, actor: Actor, id: number) => present(await bodyFor(db, actor, id));

export async function listBodies(db: Tx, actor: Actor, q: z.infer<typeof BodyListQuery>) {
  const where: SQL[] = [sql`b.district_id = ${actor.districtId}`, inScope(actor, 'body.read', sql`r.path`)];
  if (q.regionId) {
    const root = await regionForRead(db, actor, q.regionId);
    where.push(sql`r.path <@ ${root.path}::ltree`);
  }
  if (q.kind) where.push(sql`b.kind = ${q.kind}`);
  if (q.status === 'active') where.push(sql`b.dissolved_on IS NULL`);
  if (q.status === 'dissolved') where.push(sql`b.dissolved_on IS NOT NULL`);
  if (q.q) where.push(sql`b.name ILIKE ${contains(q.q)}`);
  return pageOf(
    db,
    q,
    { select: SELECT, where: sql.join(where, sql` AND `), orderBy: sql`r.path, b.kind, b.id` },
    present,
  );
}

const snapshot = (b: Row) => ({
  name: b.name,
  kind: b.kind,
  regionId: b.region_id,
  convenorId: b.convenor_id,
  dissolvedOn: b.dissolved_on,
});

export async function createBody(db: Tx, actor: Actor, input: z.infer<typeof BodyCreateBody>) {
  return db.transaction(async (tx) => {
    const region = await regionForRead(tx, actor, input.regionId, 'body.manage');
    if (region.retiredAt) throw unprocessable('region_retired');
    if (!BODY_LEVELS[input.kind].includes(region.kind)) {
      throw unprocessable('body_level', { body: input.kind, kind: BODY_LEVELS[input.kind][0]! });
    }
    if (input.convenorPersonId) await personFor(tx, actor, input.convenorPersonId);
    const { rows: existing } =
      await tx.execute(sql`SELECT 1 FROM bodies WHERE district_id = ${actor.districtId}
      AND region_id = ${region.id} AND kind = ${input.kind} AND dissolved_on IS NULL`);
    if (existing.length) throw conflict('body_exists');
    const [row] = await tx
      .insert(bodies)
      .values({
        districtId: actor.districtId,
        kind: input.kind,
        regionId: region.id,
        name: input.name,
        convenorPersonId: input.convenorPersonId,
        ...(input.establishedOn ? { establishedOn: input.establishedOn } : {}),
      })
      .returning({ id: bodies.id });
    const created = await bodyFor(tx, actor, row!.id);
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: region.id,
      action: 'body.create',
      entityType: 'body',
      entityId: row!.id,
      after: snapshot(created),
    });
    return present(created);
  });
}

export async function updateBody(db: Tx, actor: Actor, id: number, input: z.infer<typeof BodyUpdateBody>) {
  return db.transaction(async (tx) => {
    const before = await bodyFor(tx, actor, id, 'body.manage');
    if (input.convenorPersonId) await personFor(tx, actor, input.convenorPersonId);
    await tx
      .update(bodies)
      .set({
        name: input.name ?? before.name,
        convenorPersonId: input.convenorPersonId === undefined ? before.convenor_id : input.convenorPersonId,
        dissolvedOn:
          input.dissolved === undefined
            ? before.dissolved_on
            : input.dissolved
              ? (before.dissolved_on ?? sql`greatest(current_date, ${before.established_on}::date)`)
              : null,
      })
      .where(and(eq(bodies.districtId, actor.districtId), eq(bodies.id, id)));
    const after = await bodyFor(tx, actor, id);
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: after.region_id,
      action: input.dissolved === true ? 'body.dissolve' : 'body.update',
      entityType: 'body',
      entityId: id,
      before: snapshot(before),
      after: snapshot(after),
    });
    return present(after);
  });
}

type MemberRow = {
  id: number;
  member_kind: BodyMember['memberKind'];
  member_id: number;
  name: string;
  detail: string | null;
  joined_on: string;
  left_on: string | null;
};

export async function listBodyMembers(db: Tx, actor: Actor, bodyId: number, includePast: boolean) {
  await bodyFor(db, actor, bodyId);
  const { rows } = await db.execute<MemberRow>(sql`
    SELECT m.id, m.member_kind, coalesce(m.party_org_id, m.unit_id, m.person_id) AS member_id,
           coalesce(o.name, u.name, p.name) AS name,
           CASE m.member_kind WHEN 'person' THEN po.name WHEN 'party_org' THEN ou.name ELSE NULL END AS detail,
           m.joined_on::text, m.left_on::text
      FROM body_members m
      LEFT JOIN LATERAL (${orgRow(sql`m.district_id`, sql`m.party_org_id`)}) o ON true
      LEFT JOIN LATERAL (${unitRow(sql`o.district_id`, sql`o.unit_id`)}) ou ON true
      LEFT JOIN LATERAL (${unitRow(sql`m.district_id`, sql`m.unit_id`)}) u ON true
      LEFT JOIN LATERAL (${personRow(sql`m.district_id`, sql`m.person_id`)}) p ON true
      LEFT JOIN LATERAL (${orgRow(sql`m.district_id`, sql`p.party_org_id`)}) po ON true
     WHERE m.district_id = ${actor.districtId} AND m.body_id = ${bodyId}
       ${includePast ? sql`` : sql`AND m.left_on IS NULL`}
     ORDER BY m.left_on IS NOT NULL, m.member_kind, m.joined_on, m.id`);
  return rows.map(
    (r): BodyMember => ({
      id: r.id,
      memberKind: r.member_kind,
      memberId: r.member_id,
      name: r.name,
      detail: r.detail,
      joinedOn: r.joined_on,
      leftOn: r.left_on,
    }),
  );
}

/**
 * Who may join: organisations and units standing in a conference's street or a council's
 * community; Party members living in a liaison group's building or entrance.
 */
export async function addBodyMember(
  db: Tx,
  actor: Actor,
  bodyId: number,
  input: z.infer<typeof BodyMemberAddBody>,
) {
  return db.transaction(async (tx) => {
    const body = await bodyFor(tx, actor, bodyId, 'body.manage');
    if (body.dissolved_on) throw unprocessable('body_dissolved');
    const ids: { partyOrgId?: number; unitId?: number; personId?: number } = {};
    let place: string;
    if (body.kind === 'liaison_group') {
      if (input.memberKind !== 'person') throw unprocessable('body_member_kind');
      const p = await personFor(tx, actor, input.memberId);
      if (p.org_id === null) throw unprocessable('body_member_not_party');
      place = p.home_path;
      ids.personId = p.id;
    } else if (input.memberKind === 'party_org') {
      const o = await orgFor(tx, actor, input.memberId);
      place = o.regionPath;
      ids.partyOrgId = o.id;
    } else if (input.memberKind === 'unit') {
      const u = await unitFor(tx, actor, input.memberId);
      place = u.regionPath;
      ids.unitId = u.id;
    } else {
      throw unprocessable('body_member_kind');
    }
    if (!isWithin(place, body.region_path)) throw unprocessable('body_member_outside');
    const [row] = await tx
      .insert(bodyMembers)
      .values({
        districtId: actor.districtId,
        bodyId,
        memberKind: input.memberKind,
        ...ids,
        ...(input.joinedOn ? { joinedOn: input.joinedOn } : {}),
      })
      .returning({ id: bodyMembers.id });
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: body.region_id,
      action: 'body.member_add',
      entityType: 'body',
      entityId: bodyId,
      after: { memberKind: input.memberKind, memberId: input.memberId },
    });
    const members = await listBodyMembers(tx, actor, bodyId, false);
    return members.find((m) => m.id === row!.id)!;
  });
}

export async function leaveBody(db: Tx, actor: Actor, bodyId: number, membershipId: number) {
  return db.transaction(async (tx) => {
    const body = await bodyFor(tx, actor, bodyId, 'body.manage');
    const { rows } = await tx.execute<{ id: number; member_kind: string; member_id: number }>(sql`
      UPDATE body_members SET left_on = greatest(current_date, joined_on)
       WHERE district_id = ${actor.districtId} AND body_id = ${bodyId} AND id = ${membershipId} AND left_on IS NULL
      RETURNING id, member_kind, coalesce(party_org_id, unit_id, person_id) AS member_id`);
    if (!rows[0]) throw notFound();
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: body.region_id,
      action: 'body.member_leave',
      entityType: 'body',
      entityId: bodyId,
      before: { memberKind: rows[0].member_kind, memberId: rows[0].member_id },
    });
    const members = await listBodyMembers(tx, actor, bodyId, true);
    return members.find((m) => m.id === membershipId)!;
  });
}
