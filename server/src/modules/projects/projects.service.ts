/**
 * Public-welfare projects claimed in roles (认领社区公益项目). A role's slots are a guarded
 * counter: a claim takes slots with one conditional UPDATE, and the CHECK on the table
 * refuses any over-claim the code might miss, so concurrent claims can never exceed them.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  ProjectCreateBody,
  ProjectListQuery,
  ProjectStatus,
  ProjectTransitionBody,
  ReviewBody,
} from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { allow, unitScopes } from '../../auth/authorize';
import type { Tx } from '../../db/client';
import { pageOf } from '../../db/paging';
import { conflict, unprocessable } from '../../errors';
import { contains, iso } from '../../http';
import { recordAudit } from '../audit/audit.service';
import { homePathOf, personRow } from '../members/members.queries';
import { memberPlaces, personFor } from '../members/members.service';
import { maskName } from '../members/privacy';
import { needPolicy } from '../needs/needs.policy';
import { convertNeed, needFor } from '../needs/needs.service';
import { regionForRead } from '../regions/regions.queries';
import { unitsRegionIds } from '../units/units.queries';
import { projectCan, projectPolicy } from './projects.policy';
import { CLAIMS, type ClaimRow, load, maskedClaim, present, presentClaim, select } from './projects.rows';
import { projectReviews, projectRoles, projects } from './projects.schema';

export async function getProject(db: Tx, actor: Actor, id: number) {
  const row = await load(db, actor, id);
  const [claimRows, reviews] = await Promise.all([
    db.execute<ClaimRow>(sql`${CLAIMS} WHERE c.district_id = ${actor.districtId} AND c.project_id = ${id}
      ORDER BY c.role_id, c.created_at, c.id`),
    db.execute<{
      id: number;
      person_id: number;
      name: string;
      rating: number;
      comment: string;
      created_at: string;
    }>(sql`
      SELECT v.id, v.person_id, p.name, v.rating, v.comment, v.created_at FROM project_reviews v
        JOIN LATERAL (${personRow(sql`v.district_id`, sql`v.person_id`)}) p ON true
       WHERE v.district_id = ${actor.districtId} AND v.project_id = ${id} ORDER BY v.created_at DESC`),
  ]);
  // A published project is public in the district; the people on it are named in full only
  // to its organisers and to those on the claim themselves.
  const full = projectPolicy.manage(actor, row);
  const reviewed = reviews.rows.some((v) => v.person_id === actor.personId);
  return {
    ...present(row),
    can: projectCan(actor, row, { homePath: await homePathOf(db, actor), reviewed }),
    claims: claimRows.rows.map((c) =>
      full || projectPolicy.isTheirs(actor, c) ? presentClaim(actor, c) : maskedClaim(actor, c),
    ),
    reviews: reviews.rows.map((v) => ({
      id: v.id,
      person: { id: v.person_id, name: full || v.person_id === actor.personId ? v.name : maskName(v.name) },
      rating: v.rating,
      comment: v.comment,
      at: iso(v.created_at)!,
    })),
  };
}

/** The building a member lives in, to list its projects first. */
async function homeBuilding(db: Tx, actor: Actor): Promise<string | null> {
  const home = await homePathOf(db, actor);
  return home && home.split('.').length >= 4 ? home.split('.').slice(0, 4).join('.') : null;
}

export async function listProjects(db: Tx, actor: Actor, q: z.infer<typeof ProjectListQuery>) {
  const where: SQL[] = [sql`pr.district_id = ${actor.districtId}`, projectPolicy.visible(actor)];
  // What is still to come or under way first, soonest first; then what has ended, latest first.
  let order = sql`(pr.ends_at < now()), CASE WHEN pr.ends_at >= now() THEN pr.starts_at END, pr.starts_at DESC, pr.id DESC`;
  if (q.regionId) {
    const root = await regionForRead(db, actor, q.regionId);
    where.push(sql`r.path <@ ${root.path}::ltree`);
  }
  if (q.status) where.push(sql`pr.status = ${q.status}`);
  if (q.roleKind) {
    where.push(sql`EXISTS (SELECT 1 FROM project_roles ro WHERE ro.district_id = pr.district_id AND ro.project_id = pr.id
      AND ro.kind = ${q.roleKind})`);
  }
  if (q.q) where.push(sql`pr.title ILIKE ${contains(q.q)}`);
  if (q.claimable === 'true') {
    const places = [...(await memberPlaces(db, actor)), ...(await unitPlaces(db, actor))];
    if (places.length === 0) where.push(sql`false`);
    else {
      const streets = [...new Set(places.map((p) => p.split('.').slice(0, 2).join('.')))];
      const mine = sql.join(
        places.map((p) => sql`r.path <@ ${p}::ltree`),
        sql` OR `,
      );
      const building = await homeBuilding(db, actor);
      const wide = sql.join(
        streets.map((s) => sql`r.path <@ ${s}::ltree`),
        sql` OR `,
      );
      where.push(sql`pr.status IN ('published', 'claimed')`);
      where.push(sql`EXISTS (SELECT 1 FROM project_roles ro WHERE ro.district_id = pr.district_id AND ro.project_id = pr.id
        AND ro.claimed < ro.slots AND ro.starts_at > now())`);
      where.push(sql`((${mine}) OR ((pr.open_to_street OR r.kind = 'street') AND (${wide})))`);
      // Home first: the own building's projects, then the community's, then the street's, soonest first.
      order = sql`${building ? sql`(r.path <@ ${building}::ltree) DESC,` : sql``} (${mine}) DESC, pr.starts_at, pr.id`;
    }
  }
  return pageOf(
    db,
    q,
    { select: select(actor), where: sql.join(where, sql` AND `), orderBy: order },
    present,
  );
}

async function unitPlaces(db: Tx, actor: Actor): Promise<string[]> {
  const units = unitScopes(actor, 'unit.manage');
  if (!units.length) return [];
  const { rows } = await db.execute<{
    path: string;
  }>(sql`SELECT subpath(r.path, 0, least(3, nlevel(r.path)))::text AS path
    FROM regions r WHERE r.district_id = ${actor.districtId} AND r.id IN (${unitsRegionIds(actor.districtId, units)})`);
  return rows.map((r) => r.path);
}

export async function createProject(db: Tx, actor: Actor, input: z.infer<typeof ProjectCreateBody>) {
  return db.transaction(async (tx) => {
    const region = await regionForRead(tx, actor, input.regionId, 'project.manage');
    if (!['street', 'community', 'building'].includes(region.kind))
      throw unprocessable('project_region_kind');
    if (new Date(input.endsAt) <= new Date(input.startsAt))
      throw unprocessable('rule_broken', { constraint: 'ends_after_start' });
    const need = input.needId ? await needFor(tx, actor, input.needId, true) : null;
    if (need) {
      allow(needPolicy.decide(actor, need), 'out_of_scope');
      if (!['open', 'accepted'].includes(need.status)) throw conflict('need_not_open');
    }
    for (const role of input.roles)
      if (role.kind === 'custom' && !role.name) throw unprocessable('role_custom_name');
    const [row] = await tx
      .insert(projects)
      .values({
        districtId: actor.districtId,
        regionId: region.id,
        title: input.title,
        description: input.description,
        openToStreet: input.openToStreet,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        needId: need?.id ?? null,
        createdBy: actor.userId,
      })
      .returning({ id: projects.id });
    await tx.insert(projectRoles).values(
      input.roles.map((role) => ({
        districtId: actor.districtId,
        projectId: row!.id,
        kind: role.kind,
        // Any role may carry the organiser's own name; a custom role must.
        customName: role.name ?? null,
        slots: role.slots,
        specialties: role.specialties,
        hoursPerSlot: role.hoursPerSlot,
        startsAt: role.startsAt ?? input.startsAt,
        endsAt: role.endsAt ?? input.endsAt,
      })),
    );
    if (need) await convertNeed(tx, actor, need, row!.id);
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: region.id,
      action: 'project.create',
      entityType: 'project',
      entityId: row!.id,
      after: { title: input.title, roles: input.roles.length, needId: need?.id ?? null },
    });
    return getProject(tx, actor, row!.id);
  });
}

const NEXT: Record<ProjectStatus, ProjectStatus[]> = {
  draft: ['published', 'cancelled'],
  published: ['in_progress', 'cancelled'],
  claimed: ['in_progress', 'cancelled'],
  in_progress: ['done'],
  done: ['reviewed'],
  reviewed: [],
  cancelled: [],
};

export async function transitionProject(
  db: Tx,
  actor: Actor,
  id: number,
  input: z.infer<typeof ProjectTransitionBody>,
) {
  return db.transaction(async (tx) => {
    const p = await load(tx, actor, id, true);
    allow(projectPolicy.manage(actor, p), 'out_of_scope');
    if (!NEXT[p.status].includes(input.to)) {
      throw unprocessable('project_transition', { from: `project.${p.status}`, to: `project.${input.to}` });
    }
    await tx.execute(sql`UPDATE projects SET status = ${input.to}, updated_at = now()
      WHERE district_id = ${actor.districtId} AND id = ${id}`);
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: p.region_id,
      action: `project.${input.to}`,
      entityType: 'project',
      entityId: id,
      before: { status: p.status },
      after: { status: input.to },
    });
    return getProject(tx, actor, id);
  });
}

export async function reviewProject(db: Tx, actor: Actor, id: number, input: z.infer<typeof ReviewBody>) {
  return db.transaction(async (tx) => {
    const p = await load(tx, actor, id);
    if (!['done', 'reviewed'].includes(p.status)) throw unprocessable('review_not_done');
    allow(actor.personId !== null, 'review_not_resident');
    const me = await personFor(tx, actor, actor.personId);
    allow(projectPolicy.review(me.home_path, p), 'review_not_resident');
    const inserted = await tx
      .insert(projectReviews)
      .values({
        districtId: actor.districtId,
        projectId: id,
        personId: me.id,
        rating: input.rating,
        comment: input.comment,
      })
      .onConflictDoNothing()
      .returning({ id: projectReviews.id });
    if (!inserted.length) throw conflict('duplicate');
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: p.region_id,
      action: 'project.review',
      entityType: 'project',
      entityId: id,
      after: { rating: input.rating },
    });
    return getProject(tx, actor, id);
  });
}
