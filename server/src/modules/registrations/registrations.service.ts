/**
 * 在职党员到社区报到: an in-service member (or their unit's contact for them) asks to
 * register with the community where they live; that community's worker approves or
 * declines with a reason. Approved, the member counts in the community's roster while
 * still belonging to the unit's organisation.
 */

import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Registration,
  RegistrationCreateBody,
  RegistrationDecisionBody,
  RegistrationListQuery,
} from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { allow, inScope, inUnits } from '../../auth/authorize';
import type { Tx } from '../../db/client';
import { pageOf } from '../../db/paging';
import { conflict, notFound, unprocessable } from '../../errors';
import { contains, iso } from '../../http';
import { actionHolders, userRow } from '../accounts/accounts.queries';
import { recordAudit } from '../audit/audit.service';
import { personRow } from '../members/members.queries';
import { personFor } from '../members/members.service';
import { markHandled, notifyStaff } from '../notifications/notifications.service';
import { orgRow } from '../party-orgs/party-orgs.queries';
import { unitRow } from '../units/units.queries';
import { registrationPolicy } from './registrations.policy';
import { communityRegistrations } from './registrations.schema';

type Row = {
  id: number;
  person_id: number;
  person_name: string;
  person_user_id: number | null;
  community_id: number;
  community_name: string;
  community_path: string;
  org_name: string | null;
  org_path: string | null;
  unit_id: number | null;
  unit_name: string | null;
  status: Registration['status'];
  reason: string | null;
  requested_at: string;
  requested_by_name: string | null;
  decided_at: string | null;
  decided_by_name: string | null;
};

const SELECT = sql`
  SELECT cr.id, cr.person_id, p.name AS person_name, p.user_id AS person_user_id,
         cr.community_id, c.name AS community_name, c.path::text AS community_path,
         o.name AS org_name, orr.path::text AS org_path, u.id AS unit_id, u.name AS unit_name,
         cr.status, cr.reason, cr.requested_at, rb.display_name AS requested_by_name,
         cr.decided_at, db.display_name AS decided_by_name
    FROM community_registrations cr
    JOIN LATERAL (${personRow(sql`cr.district_id`, sql`cr.person_id`)}) p ON true
    JOIN regions c ON c.district_id = cr.district_id AND c.id = cr.community_id
    LEFT JOIN LATERAL (${orgRow(sql`cr.district_id`, sql`p.party_org_id`)}) o ON true
    LEFT JOIN regions orr ON orr.district_id = o.district_id AND orr.id = o.region_id
    LEFT JOIN LATERAL (${unitRow(sql`o.district_id`, sql`o.unit_id`)}) u ON true
    LEFT JOIN LATERAL (${userRow(sql`cr.requested_by`)}) rb ON true
    LEFT JOIN LATERAL (${userRow(sql`cr.decided_by`)}) db ON true`;

const present = (r: Row): Registration => ({
  id: r.id,
  personId: r.person_id,
  personName: r.person_name,
  communityId: r.community_id,
  communityName: r.community_name,
  orgName: r.org_name,
  unitId: r.unit_id,
  unitName: r.unit_name,
  status: r.status,
  reason: r.reason,
  requestedAt: iso(r.requested_at)!,
  requestedByName: r.requested_by_name,
  decidedAt: iso(r.decided_at),
  decidedByName: r.decided_by_name,
});

/** The community deciding, the unit's contact, and the member see a registration. */
function visible(actor: Actor): SQL {
  return sql`(${inScope(actor, 'registration.decide', sql`c.path`)}
    OR ${inUnits(actor, 'registration.request', sql`o.unit_id`)}
    OR p.user_id = ${actor.userId})`;
}

async function load(db: Tx, actor: Actor, id: number, lock = false): Promise<Row> {
  const { rows } = await db.execute<Row>(
    sql`${SELECT} WHERE cr.district_id = ${actor.districtId} AND cr.id = ${id} AND ${visible(actor)}
        ${lock ? sql`FOR UPDATE OF cr` : sql``}`,
  );
  if (!rows[0]) throw notFound();
  return rows[0];
}

export const getRegistration = async (db: Tx, actor: Actor, id: number) => present(await load(db, actor, id));

export async function listRegistrations(db: Tx, actor: Actor, q: z.infer<typeof RegistrationListQuery>) {
  const where: SQL[] = [sql`cr.district_id = ${actor.districtId}`, visible(actor)];
  if (q.communityId) where.push(sql`cr.community_id = ${q.communityId}`);
  if (q.unitId) where.push(sql`o.unit_id = ${q.unitId}`);
  if (q.status) where.push(sql`cr.status = ${q.status}`);
  if (q.q) where.push(sql`p.name ILIKE ${contains(q.q)}`);
  return pageOf(
    db,
    q,
    {
      select: SELECT,
      where: sql.join(where, sql` AND `),
      orderBy: sql`cr.status = 'pending' DESC, cr.requested_at DESC, cr.id DESC`,
    },
    present,
  );
}

export async function requestRegistration(
  db: Tx,
  actor: Actor,
  input: z.infer<typeof RegistrationCreateBody>,
) {
  return db.transaction(async (tx) => {
    const personId = input.personId ?? actor.personId;
    if (personId === null) throw notFound();
    const person = await personFor(tx, actor, personId);
    // A unit's contact asks for the unit's members; nobody else asks for someone else.
    allow(registrationPolicy.request(actor, person));
    if (person.party_status !== 'in_service') throw unprocessable('registration_not_in_service');
    // The community need not be in the requester's scope: members register where they live.
    const { rows } = await tx.execute<{ id: number; kind: string; retired_at: string | null }>(
      sql`SELECT id, kind, retired_at FROM regions WHERE district_id = ${actor.districtId} AND id = ${input.communityId}`,
    );
    const community = rows[0];
    if (!community) throw notFound();
    if (community.kind !== 'community' || community.retired_at)
      throw unprocessable('registration_not_community');
    if (person.reg_status === 'pending' || person.reg_status === 'approved')
      throw conflict('registration_live');
    const [row] = await tx
      .insert(communityRegistrations)
      .values({
        districtId: actor.districtId,
        personId,
        communityId: community.id,
        requestedBy: actor.userId,
      })
      .returning({ id: communityRegistrations.id });
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: community.id,
      action: 'registration.request',
      entityType: 'registration',
      entityId: row!.id,
      after: { personId, communityId: community.id, status: 'pending' },
    });
    const r = await load(tx, actor, row!.id);
    // The community's organisers are told a registration waits (registrations.workbench lists it).
    await notifyStaff(
      tx,
      actor,
      actionHolders(actor.districtId, 'registration.decide', { path: sql`${r.community_path}::ltree` }),
      'notify_registration_requested',
      { name: r.person_name, community: r.community_name },
      '/registrations?status=pending',
      `registration:${r.id}`,
    );
    return present(r);
  });
}

export async function decideRegistration(
  db: Tx,
  actor: Actor,
  id: number,
  input: z.infer<typeof RegistrationDecisionBody>,
) {
  return db.transaction(async (tx) => {
    const before = await load(tx, actor, id, true);
    allow(registrationPolicy.decide(actor, before), 'out_of_scope');
    if (before.status !== 'pending') throw conflict('registration_not_pending');
    const status = input.decision === 'approve' ? 'approved' : 'declined';
    const reason = input.decision === 'decline' ? input.reason : null;
    await tx.execute(sql`
      UPDATE community_registrations
         SET status = ${status}, reason = ${reason}, decided_by = ${actor.userId}, decided_at = now()
       WHERE district_id = ${actor.districtId} AND id = ${id}`);
    await markHandled(tx, actor.districtId, `registration:${id}`);
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: before.community_id,
      action: input.decision === 'approve' ? 'registration.approve' : 'registration.decline',
      entityType: 'registration',
      entityId: id,
      before: { status: before.status },
      after: { status, reason },
    });
    return present(await load(tx, actor, id));
  });
}

export async function withdrawRegistration(db: Tx, actor: Actor, id: number) {
  return db.transaction(async (tx) => {
    const before = await load(tx, actor, id, true);
    allow(registrationPolicy.withdraw(actor, { user_id: before.person_user_id, unit_id: before.unit_id }));
    if (before.status !== 'pending') throw conflict('registration_not_pending');
    await tx.execute(sql`
      UPDATE community_registrations SET status = 'withdrawn', decided_at = now()
       WHERE district_id = ${actor.districtId} AND id = ${id}`);
    await markHandled(tx, actor.districtId, `registration:${id}`);
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: before.community_id,
      action: 'registration.withdraw',
      entityType: 'registration',
      entityId: id,
      before: { status: before.status },
      after: { status: 'withdrawn' },
    });
    return present(await load(tx, actor, id));
  });
}
