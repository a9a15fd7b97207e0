/** 居民需求 / 微心愿: raised by residents from a phone, decided by the community, told back. */
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Need, NeedCreateBody, NeedDecisionBody, NeedListQuery } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { allow } from '../../auth/authorize';
import type { Tx } from '../../db/client';
import { pageOf } from '../../db/paging';
import { conflict, notFound, unprocessable } from '../../errors';
import { contains, iso } from '../../http';
import { recordAudit } from '../audit/audit.service';
import { personRow } from '../members/members.queries';
import { personFor } from '../members/members.service';
import { notify } from '../notifications/notifications.service';
import { regionForRead } from '../regions/regions.queries';
import { needCan, needPolicy } from './needs.policy';
import { needs } from './needs.schema';

type Row = {
  id: number;
  title: string;
  description: string;
  category: Need['category'];
  community_id: number;
  community_name: string;
  community_path: string;
  place: string | null;
  wanted_by: string | null;
  status: Need['status'];
  reason: string | null;
  person_id: number | null;
  person_name: string | null;
  person_user_id: number | null;
  merged_into_id: number | null;
  project_id: number | null;
  created_at: string;
  decided_at: string | null;
};

const SELECT = sql`
  SELECT n.id, n.title, n.description, n.category, n.community_id, c.name AS community_name, c.path::text AS community_path,
         n.place, n.wanted_by::text, n.status, n.reason, n.person_id, p.name AS person_name, p.user_id AS person_user_id,
         n.merged_into_id, n.project_id, n.created_at, n.decided_at
    FROM needs n
    JOIN regions c ON c.district_id = n.district_id AND c.id = n.community_id
    LEFT JOIN LATERAL (${personRow(sql`n.district_id`, sql`n.person_id`)}) p ON true`;

const present = (actor: Actor, r: Row): Need => ({
  id: r.id,
  title: r.title,
  description: r.description,
  category: r.category,
  communityId: r.community_id,
  communityName: r.community_name,
  place: r.place,
  wantedBy: r.wanted_by,
  status: r.status,
  reason: r.reason,
  raisedBy: r.person_id === null ? null : { id: r.person_id, name: r.person_name ?? '' },
  mergedIntoId: r.merged_into_id,
  projectId: r.project_id,
  createdAt: iso(r.created_at)!,
  decidedAt: iso(r.decided_at),
  can: needCan(actor, r),
});

export async function needFor(db: Tx, actor: Actor, id: number, lock = false): Promise<Row> {
  const { rows } =
    await db.execute<Row>(sql`${SELECT} WHERE n.district_id = ${actor.districtId} AND n.id = ${id}
    AND ${needPolicy.visible(actor)} ${lock ? sql`FOR UPDATE OF n` : sql``}`);
  if (!rows[0]) throw notFound();
  return rows[0];
}

export const getNeed = async (db: Tx, actor: Actor, id: number) =>
  present(actor, await needFor(db, actor, id));

export async function listNeeds(db: Tx, actor: Actor, q: z.infer<typeof NeedListQuery>) {
  const where: SQL[] = [sql`n.district_id = ${actor.districtId}`, needPolicy.visible(actor)];
  if (q.mine === 'true')
    where.push(actor.personId === null ? sql`false` : sql`n.person_id = ${actor.personId}`);
  if (q.regionId) {
    const root = await regionForRead(db, actor, q.regionId);
    where.push(sql`c.path <@ ${root.path}::ltree`);
  }
  if (q.status) where.push(sql`n.status = ${q.status}`);
  if (q.category) where.push(sql`n.category = ${q.category}`);
  if (q.q) where.push(sql`n.title ILIKE ${contains(q.q)}`);
  return pageOf(
    db,
    q,
    { select: SELECT, where: sql.join(where, sql` AND `), orderBy: sql`n.created_at DESC, n.id DESC` },
    (r: Row) => present(actor, r),
  );
}

export async function raiseNeed(db: Tx, actor: Actor, input: z.infer<typeof NeedCreateBody>) {
  return db.transaction(async (tx) => {
    if (actor.personId === null) throw unprocessable('need_no_person');
    const me = await personFor(tx, actor, actor.personId);
    const communityId = input.communityId ?? me.home_community_id;
    if (input.communityId) {
      const c = await regionForRead(tx, actor, input.communityId);
      if (c.kind !== 'community') throw unprocessable('registration_not_community');
    }
    const [row] = await tx
      .insert(needs)
      .values({
        districtId: actor.districtId,
        communityId,
        personId: me.id,
        raisedBy: actor.userId,
        title: input.title,
        description: input.description,
        category: input.category,
        place: input.place,
        wantedBy: input.wantedBy,
      })
      .returning({ id: needs.id });
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: communityId,
      action: 'need.raise',
      entityType: 'need',
      entityId: row!.id,
      after: { title: input.title, category: input.category },
    });
    return present(actor, await needFor(tx, actor, row!.id));
  });
}

/** Tells the resident what became of their need. */
async function tellRaiser(tx: Tx, actor: Actor, need: Row, status: Need['status'], link: string | null) {
  await notify(
    tx,
    { districtId: actor.districtId, userId: need.person_user_id },
    'notify_need_status',
    {
      title: need.title,
      status: `need.${status}`,
    },
    link,
  );
}

/** A need answered by a new project: it reads "converted", links the project, and the resident is told. */
export async function convertNeed(tx: Tx, actor: Actor, need: Row, projectId: number) {
  await tx.execute(sql`UPDATE needs SET status = 'converted', project_id = ${projectId}, decided_by = ${actor.userId},
      decided_at = now(), updated_at = now() WHERE district_id = ${actor.districtId} AND id = ${need.id}`);
  await tellRaiser(tx, actor, need, 'converted', `/projects/${projectId}`);
}

export async function decideNeed(db: Tx, actor: Actor, id: number, input: z.infer<typeof NeedDecisionBody>) {
  return db.transaction(async (tx) => {
    const need = await needFor(tx, actor, id, true);
    allow(needPolicy.decide(actor, need), 'out_of_scope');
    if (!['open', 'accepted'].includes(need.status)) throw conflict('need_not_open');
    let status: Need['status'];
    let reason: string | null = null;
    let into: number | null = null;
    if (input.decision === 'accept') status = 'accepted';
    else if (input.decision === 'decline') {
      status = 'declined';
      reason = input.reason;
    } else {
      const target = await needFor(tx, actor, input.intoId);
      if (target.id === need.id || target.status === 'merged') throw unprocessable('need_not_open');
      allow(needPolicy.decide(actor, target), 'out_of_scope');
      status = 'merged';
      into = target.id;
    }
    await tx.execute(sql`UPDATE needs SET status = ${status}, reason = ${reason}, merged_into_id = ${into},
        decided_by = ${actor.userId}, decided_at = now(), updated_at = now()
      WHERE district_id = ${actor.districtId} AND id = ${id}`);
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: need.community_id,
      action: `need.${input.decision}`,
      entityType: 'need',
      entityId: id,
      before: { status: need.status },
      after: { status, reason, mergedIntoId: into },
    });
    await tellRaiser(tx, actor, need, status, '/me/needs');
    return present(actor, await needFor(tx, actor, id));
  });
}
