/**
 * Public-welfare projects claimed in roles (认领社区公益项目). A role's slots are a guarded
 * counter: a claim takes slots with one conditional UPDATE, and the CHECK on the table
 * refuses any over-claim the code might miss, so concurrent claims can never exceed them.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Claim,
  ClaimCreateBody,
  ClaimHoursBody,
  ClaimListQuery,
  ClaimMembersBody,
  Project,
  ProjectCreateBody,
  ProjectListQuery,
  ProjectStatus,
  ProjectTransitionBody,
  ReviewBody,
} from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { authorize, can, inScope, isWithin, unitScopes } from '../../auth/authorize';
import type { Tx } from '../../db/client';
import { pageOf } from '../../db/paging';
import { conflict, forbidden, notFound, unprocessable } from '../../errors';
import { contains, iso } from '../../http';
import { recordAudit } from '../audit/audit.service';
import { settle } from '../ledger/ledger.service';
import { memberPlaces, personFor } from '../members/members.service';
import { maskName } from '../members/privacy';
import { needFor, tellRaiser } from '../needs/needs.service';
import { notify } from '../notifications/notifications.service';
import { regionForRead } from '../regions/regions.service';
import { activeMembers, loadTeam, runs } from '../teams/teams.service';
import { unitFor } from '../units/units.service';
import { claimMembers, claims, projectReviews, projectRoles, projects } from './projects.schema';

type Row = {
  id: number;
  title: string;
  description: string;
  region_id: number;
  region_name: string;
  region_path: string;
  region_kind: string;
  open_to_street: boolean;
  status: ProjectStatus;
  starts_at: string;
  ends_at: string;
  need_id: number | null;
  created_at: string;
  roles: {
    id: number;
    kind: Project['roles'][number]['kind'];
    custom_name: string | null;
    slots: number;
    claimed: number;
    specialties: string[];
    hours_per_slot: number;
    starts_at: string;
    ends_at: string;
    mine: boolean;
  }[];
  rating: number | null;
  review_count: number;
};

/** The project columns; `mine` marks the roles the actor (or its units) already claimed. */
/**
 * Whether the actor holds a claim on the role `ro`: in their own name, a unit's they speak
 * for, or a team's they lead. One EXISTS per way, only the ways the actor has, so each
 * uses its own partial unique index (an OR across the three would scan every claim).
 */
function mine(actor: Actor): SQL {
  const same = sql`c.district_id = ro.district_id AND c.role_id = ro.id AND c.status = 'active'`;
  const ways: SQL[] = [];
  const units = unitScopes(actor, 'unit.read');
  if (actor.personId) {
    ways.push(sql`EXISTS (SELECT 1 FROM claims c WHERE ${same} AND c.person_id = ${actor.personId})`);
    ways.push(sql`EXISTS (SELECT 1 FROM claims c JOIN teams tm ON tm.district_id = c.district_id AND tm.id = c.team_id
                           WHERE ${same} AND c.team_id IS NOT NULL AND tm.leader_person_id = ${actor.personId})`);
  }
  if (units.length)
    ways.push(
      sql`EXISTS (SELECT 1 FROM claims c WHERE ${same} AND c.unit_id = ANY(${`{${units.join(',')}}`}::bigint[]))`,
    );
  return ways.length ? sql`(${sql.join(ways, sql` OR `)})` : sql`false`;
}

const select = (actor: Actor) => sql`
  SELECT pr.id, pr.title, pr.description, pr.region_id, r.name AS region_name, r.path::text AS region_path,
         r.kind::text AS region_kind, pr.open_to_street, pr.status, pr.starts_at, pr.ends_at, pr.need_id, pr.created_at,
         coalesce((SELECT json_agg(json_build_object('id', ro.id, 'kind', ro.kind, 'custom_name', ro.custom_name,
                    'slots', ro.slots, 'claimed', ro.claimed, 'specialties', ro.specialties,
                    'hours_per_slot', ro.hours_per_slot, 'starts_at', ro.starts_at, 'ends_at', ro.ends_at,
                    'mine', ${mine(actor)}) ORDER BY ro.id)
                     FROM project_roles ro WHERE ro.district_id = pr.district_id AND ro.project_id = pr.id), '[]') AS roles,
         (SELECT avg(v.rating)::float8 FROM project_reviews v WHERE v.district_id = pr.district_id AND v.project_id = pr.id) AS rating,
         (SELECT count(*)::int FROM project_reviews v WHERE v.district_id = pr.district_id AND v.project_id = pr.id) AS review_count
    FROM projects pr
    JOIN regions r ON r.district_id = pr.district_id AND r.id = pr.region_id`;

const present = (r: Row): Project => {
  const roles = r.roles.map((x) => ({
    id: x.id,
    kind: x.kind,
    name: x.custom_name ?? '',
    slots: x.slots,
    claimed: x.claimed,
    specialties: x.specialties,
    hoursPerSlot: Number(x.hours_per_slot),
    startsAt: iso(x.starts_at)!,
    endsAt: iso(x.ends_at)!,
    claimedByMe: x.mine,
  }));
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    regionId: r.region_id,
    regionName: r.region_name,
    openToStreet: r.open_to_street,
    status: r.status,
    startsAt: iso(r.starts_at)!,
    endsAt: iso(r.ends_at)!,
    needId: r.need_id,
    roles,
    slots: roles.reduce((s, x) => s + x.slots, 0),
    claimed: roles.reduce((s, x) => s + x.claimed, 0),
    rating: r.rating,
    reviewCount: r.review_count,
    createdAt: iso(r.created_at)!,
  };
};

/** Drafts are their organisers'; once published, a project is public in the district. */
const visible = (actor: Actor): SQL =>
  sql`(pr.status <> 'draft' OR ${inScope(actor, 'project.manage', sql`r.path`)})`;

async function load(db: Tx, actor: Actor, id: number, lock = false): Promise<Row> {
  const { rows } =
    await db.execute<Row>(sql`${select(actor)} WHERE pr.district_id = ${actor.districtId} AND pr.id = ${id}
    AND ${visible(actor)} ${lock ? sql`FOR NO KEY UPDATE OF pr` : sql``}`);
  if (!rows[0]) throw notFound();
  return rows[0];
}

type ClaimRow = {
  id: number;
  project_id: number;
  project_title: string;
  role_id: number;
  role_kind: string;
  role_custom_name: string | null;
  role_starts_at: string;
  role_ends_at: string;
  role_hours: number;
  person_id: number | null;
  person_name: string | null;
  person_user_id: number | null;
  unit_id: number | null;
  unit_name: string | null;
  team_id: number | null;
  team_name: string | null;
  team_leader_id: number | null;
  team_path: string | null;
  slots: number;
  status: Claim['status'];
  reason: string | null;
  hours_confirmed: number | null;
  named: number;
  members: { id: number; name: string; user_id: number | null; hours: number | null }[];
  created_at: string;
  region_id: number;
  region_path: string;
  project_status: ProjectStatus;
};

const CLAIMS = sql`
  SELECT c.id, c.project_id, pr.title AS project_title, c.role_id, ro.kind::text AS role_kind, ro.custom_name AS role_custom_name,
         ro.starts_at AS role_starts_at, ro.ends_at AS role_ends_at, ro.hours_per_slot::float8 AS role_hours,
         c.person_id, p.name AS person_name, p.user_id AS person_user_id, c.unit_id, u.name AS unit_name,
         c.team_id, tm.name AS team_name, tm.leader_person_id AS team_leader_id, tr.path::text AS team_path,
         c.slots, c.status, c.reason, c.hours_confirmed::float8 AS hours_confirmed, c.named, c.created_at,
         CASE WHEN c.named = 0 THEN '[]'::json ELSE (
           SELECT json_agg(json_build_object('id', m.person_id, 'name', mp.name, 'user_id', mp.user_id,
                                             'hours', m.hours_confirmed::float8) ORDER BY m.id)
             FROM claim_members m JOIN people mp ON mp.district_id = m.district_id AND mp.id = m.person_id
            WHERE m.district_id = c.district_id AND m.claim_id = c.id) END AS members,
         pr.region_id, r.path::text AS region_path, pr.status AS project_status
    FROM claims c
    JOIN projects pr ON pr.district_id = c.district_id AND pr.id = c.project_id
    JOIN project_roles ro ON ro.district_id = c.district_id AND ro.id = c.role_id
    JOIN regions r ON r.district_id = pr.district_id AND r.id = pr.region_id
    LEFT JOIN people p ON p.district_id = c.district_id AND p.id = c.person_id
    LEFT JOIN units u ON u.district_id = c.district_id AND u.id = c.unit_id
    LEFT JOIN teams tm ON tm.district_id = c.district_id AND tm.id = c.team_id
    LEFT JOIN regions tr ON tr.district_id = tm.district_id AND tr.id = tm.region_id`;

const presentClaim = (c: ClaimRow): Claim => ({
  id: c.id,
  projectId: c.project_id,
  projectTitle: c.project_title,
  roleId: c.role_id,
  roleKind: c.role_kind as Claim['roleKind'],
  roleName: c.role_custom_name ?? '',
  claimant:
    c.person_id !== null
      ? { kind: 'person', id: c.person_id, name: c.person_name ?? '' }
      : c.team_id !== null
        ? { kind: 'team', id: c.team_id, name: c.team_name ?? '' }
        : { kind: 'unit', id: c.unit_id!, name: c.unit_name ?? '' },
  slots: c.slots,
  status: c.status,
  reason: c.reason,
  hoursConfirmed: c.hours_confirmed,
  members: c.members.map((m) => ({ id: m.id, name: m.name, hoursConfirmed: m.hours })),
  createdAt: iso(c.created_at)!,
  startsAt: iso(c.role_starts_at)!,
});

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
        JOIN people p ON p.district_id = v.district_id AND p.id = v.person_id
       WHERE v.district_id = ${actor.districtId} AND v.project_id = ${id} ORDER BY v.created_at DESC`),
  ]);
  // A published project is public in the district; the people on it are named in full only
  // to its organisers and to those on the claim themselves.
  const full = can(actor, 'project.manage', row.region_path);
  return {
    ...present(row),
    claims: claimRows.rows.map((c) => (full || isTheirs(actor, c) ? presentClaim(c) : maskedClaim(c))),
    reviews: reviews.rows.map((v) => ({
      id: v.id,
      person: { id: v.person_id, name: full || v.person_id === actor.personId ? v.name : maskName(v.name) },
      rating: v.rating,
      comment: v.comment,
      at: iso(v.created_at)!,
    })),
  };
}

/**
 * Within reach: the project is in one of your communities (or one of its buildings), or it
 * is open to (or of) your street.
 */
function reaches(
  places: string[],
  project: { region_path: string; region_kind: string; open_to_street: boolean },
) {
  const street = project.region_path.split('.').slice(0, 2).join('.');
  const wide = project.region_kind === 'street' || project.open_to_street;
  return places.some((p) => isWithin(project.region_path, p) || (wide && isWithin(p, street)));
}

/** The building a member lives in, to list its projects first. */
async function homeBuilding(db: Tx, actor: Actor): Promise<string | null> {
  if (actor.personId === null) return null;
  const { rows } = await db.execute<{ path: string }>(sql`
    SELECT subpath(h.path, 0, 4)::text AS path FROM people p JOIN regions h ON h.district_id = p.district_id AND h.id = p.home_region_id
     WHERE p.district_id = ${actor.districtId} AND p.id = ${actor.personId} AND nlevel(h.path) >= 4`);
  return rows[0]?.path ?? null;
}

export async function listProjects(db: Tx, actor: Actor, q: z.infer<typeof ProjectListQuery>) {
  const where: SQL[] = [sql`pr.district_id = ${actor.districtId}`, visible(actor)];
  let order = sql`pr.starts_at DESC, pr.id DESC`;
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
    FROM units u JOIN regions r ON r.district_id = u.district_id AND r.id = u.region_id
   WHERE u.district_id = ${actor.districtId} AND u.id IN (${sql.join(
     units.map((u) => sql`${u}`),
     sql`, `,
   )})`);
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
      authorize(actor, 'need.decide', need.community_path);
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
    if (need) {
      await tx.execute(sql`UPDATE needs SET status = 'converted', project_id = ${row!.id}, decided_by = ${actor.userId},
          decided_at = now(), updated_at = now() WHERE district_id = ${actor.districtId} AND id = ${need.id}`);
      await tellRaiser(tx, actor, need, 'converted', `/projects/${row!.id}`);
    }
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
    authorize(actor, 'project.manage', p.region_path);
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

/** A fully claimed project reads "claimed"; a freed slot makes it "published" again. */
async function refreshClaimed(tx: Tx, districtId: number, projectId: number) {
  await tx.execute(sql`UPDATE projects pr SET status = CASE
        WHEN NOT EXISTS (SELECT 1 FROM project_roles ro WHERE ro.district_id = pr.district_id AND ro.project_id = pr.id
                           AND ro.claimed < ro.slots) THEN 'claimed'::project_status ELSE 'published'::project_status END,
      updated_at = now()
    WHERE pr.district_id = ${districtId} AND pr.id = ${projectId} AND pr.status IN ('published', 'claimed')`);
}

/** What a claim needs to know of its project and role, in one query. */
async function claimTarget(tx: Tx, actor: Actor, projectId: number, roleId: number) {
  const { rows } = await tx.execute<{
    status: ProjectStatus;
    region_id: number;
    region_path: string;
    region_kind: string;
    open_to_street: boolean;
    started: boolean;
    places: string[];
  }>(sql`
    SELECT pr.status, pr.region_id, r.path::text AS region_path, r.kind::text AS region_kind, pr.open_to_street,
           ro.starts_at <= now() AS started,
           ARRAY(SELECT subpath(h.path, 0, 3)::text FROM people p JOIN regions h ON h.district_id = p.district_id AND h.id = p.home_region_id
                  WHERE p.district_id = pr.district_id AND p.id = ${actor.personId ?? 0}
                 UNION
                 SELECT c.path::text FROM community_registrations cr JOIN regions c ON c.district_id = cr.district_id AND c.id = cr.community_id
                  WHERE cr.district_id = pr.district_id AND cr.person_id = ${actor.personId ?? 0} AND cr.status = 'approved') AS places
      FROM project_roles ro
      JOIN projects pr ON pr.district_id = ro.district_id AND pr.id = ro.project_id
      JOIN regions r ON r.district_id = pr.district_id AND r.id = pr.region_id
     WHERE ro.district_id = ${actor.districtId} AND ro.id = ${roleId} AND ro.project_id = ${projectId} AND ${visible(actor)}`);
  if (!rows[0]) throw notFound();
  return rows[0];
}

export async function claimRole(
  db: Tx,
  actor: Actor,
  projectId: number,
  roleId: number,
  input: z.infer<typeof ClaimCreateBody>,
) {
  return db
    .transaction(async (tx) => {
      const p = await claimTarget(tx, actor, projectId, roleId);
      if (!['published', 'claimed'].includes(p.status)) throw unprocessable('project_not_open');
      if (p.started) throw unprocessable('role_started');
      let claimant: { personId?: number; unitId?: number; teamId?: number };
      let slots = 1;
      if (input.teamId !== undefined) {
        const team = await loadTeam(tx, actor, input.teamId);
        if (!runs(actor, team)) throw forbidden('team_not_runner');
        if (!reaches([team.region_path], p)) throw forbidden('claim_out_of_reach');
        claimant = { teamId: team.id };
        slots = input.slots;
      } else if (input.forUnit) {
        const [unitId] = unitScopes(actor, 'unit.manage');
        if (unitId === undefined) throw forbidden('claim_not_unit');
        const unit = await unitFor(tx, actor, unitId);
        if (!reaches([unit.regionPath.split('.').slice(0, 3).join('.')], p))
          throw forbidden('claim_out_of_reach');
        claimant = { unitId };
        slots = input.slots;
      } else {
        if (actor.personId === null) throw unprocessable('need_no_person');
        if (!reaches(p.places, p)) throw forbidden('claim_out_of_reach');
        claimant = { personId: actor.personId };
      }
      // The role's row before the claim's: the order a whole-project claim and a withdrawal
      // take them. A unit claiming a slot singly while taking the project whole deadlocked:
      // its new claim's key waited for the role, the whole claim's upsert for that key.
      const { rows: role } = await tx.execute<{ fits: boolean }>(sql`
        SELECT claimed + ${slots} <= slots AS fits FROM project_roles
         WHERE district_id = ${actor.districtId} AND id = ${roleId} FOR NO KEY UPDATE`);
      if (!role[0]?.fits) throw conflict('role_full');
      const inserted = await tx
        .insert(claims)
        .values({
          districtId: actor.districtId,
          projectId,
          roleId,
          ...claimant,
          slots,
          createdBy: actor.userId,
        })
        .onConflictDoNothing()
        .returning({ id: claims.id });
      if (!inserted.length) throw conflict('claim_exists');
      await recordAudit(tx, actor, {
        districtId: actor.districtId,
        regionId: p.region_id,
        action: 'claim.create',
        entityType: 'claim',
        entityId: inserted[0]!.id,
        after: { projectId, roleId, ...claimant, slots },
      });
      // The guarded counter: slots are taken only while they last (the database's check
      // stands behind it too).
      const { rows } = await tx.execute<{
        claimed: number;
        slots: number;
      }>(sql`UPDATE project_roles SET claimed = claimed + ${slots}
      WHERE district_id = ${actor.districtId} AND id = ${roleId} AND claimed + ${slots} <= slots RETURNING claimed, slots`);
      if (!rows.length) throw conflict('role_full');
      if (rows[0]!.claimed === rows[0]!.slots) await refreshClaimed(tx, actor.districtId, projectId);
      return inserted[0]!.id;
    })
    .then((id) => claimFor(db, actor, id));
}

/** A unit's contact takes every free slot of every open role at once: the unit takes on the whole project. */
export async function claimWholeProject(db: Tx, actor: Actor, projectId: number) {
  await db.transaction(async (tx) => {
    const p = await load(tx, actor, projectId);
    if (!['published', 'claimed'].includes(p.status)) throw unprocessable('project_not_open');
    const [unitId] = unitScopes(actor, 'unit.manage');
    if (unitId === undefined) throw forbidden('claim_not_unit');
    const unit = await unitFor(tx, actor, unitId);
    if (!reaches([unit.regionPath.split('.').slice(0, 3).join('.')], p))
      throw forbidden('claim_out_of_reach');
    // The roles' rows first, then the project's: the order a single claim takes them (its
    // role's counter, then the project's status). Project first, a claim filling its role's
    // last slot and this could each wait for the other's row: a deadlock. NO KEY UPDATE, as
    // every lock on these rows here: a claim being inserted holds KEY SHARE on its role and
    // project (its foreign keys), which FOR UPDATE waits for — a claim waiting on a role
    // this holds, and this on the project that claim references, deadlocked (seen by the
    // concurrency suite's full run).
    const { rows } = await tx.execute<{ id: number; free: number }>(sql`
      SELECT id, slots - claimed AS free FROM project_roles
       WHERE district_id = ${actor.districtId} AND project_id = ${projectId} AND claimed < slots AND starts_at > now()
       ORDER BY id FOR NO KEY UPDATE`);
    const { rows: locked } = await tx.execute<{ status: ProjectStatus }>(sql`
      SELECT status FROM projects WHERE district_id = ${actor.districtId} AND id = ${projectId} FOR NO KEY UPDATE`);
    if (!['published', 'claimed'].includes(locked[0]!.status)) throw unprocessable('project_not_open');
    if (!rows.length) throw conflict('role_full');
    for (const role of rows) {
      await tx.execute(
        sql`UPDATE project_roles SET claimed = slots WHERE district_id = ${actor.districtId} AND id = ${role.id}`,
      );
      // A unit already holding slots of this role takes the rest into the same claim.
      await tx.execute(sql`
        INSERT INTO claims (district_id, project_id, role_id, unit_id, slots, created_by)
        VALUES (${actor.districtId}, ${projectId}, ${role.id}, ${unitId}, ${role.free}, ${actor.userId})
        ON CONFLICT (district_id, role_id, unit_id) WHERE status = 'active' AND unit_id IS NOT NULL
        DO UPDATE SET slots = claims.slots + EXCLUDED.slots, updated_at = now()`);
    }
    await refreshClaimed(tx, actor.districtId, projectId);
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: p.region_id,
      action: 'claim.project',
      entityType: 'project',
      entityId: projectId,
      after: { unitId, roles: rows.map((r) => ({ roleId: r.id, slots: r.free })) },
    });
  });
  return getProject(db, actor, projectId);
}

async function claimRowFor(db: Tx, actor: Actor, id: number, lock = false): Promise<ClaimRow> {
  const { rows } =
    await db.execute<ClaimRow>(sql`${CLAIMS} WHERE c.district_id = ${actor.districtId} AND c.id = ${id}
    ${lock ? sql`FOR NO KEY UPDATE OF c` : sql``}`);
  const c = rows[0];
  if (!c || (!isTheirs(actor, c) && !can(actor, 'project.manage', c.region_path))) throw notFound();
  return c;
}

/** The claim is the actor's own: they hold it, are named on it, or act for its unit or team. */
const isTheirs = (actor: Actor, c: ClaimRow) =>
  c.person_user_id === actor.userId ||
  c.members.some((m) => m.user_id === actor.userId) ||
  (c.unit_id !== null && unitScopes(actor, 'unit.read').includes(c.unit_id)) ||
  runsTeamOf(actor, c);

/** Someone else's claim on a public project: units and teams by name, people masked. */
function maskedClaim(c: ClaimRow): Claim {
  const claim = presentClaim(c);
  return {
    ...claim,
    claimant:
      claim.claimant.kind === 'person'
        ? { ...claim.claimant, name: maskName(claim.claimant.name) }
        : claim.claimant,
    members: claim.members.map((m) => ({ ...m, name: maskName(m.name) })),
  };
}

const claimFor = async (db: Tx, actor: Actor, id: number) => presentClaim(await claimRowFor(db, actor, id));

export async function listClaims(db: Tx, actor: Actor, q: z.infer<typeof ClaimListQuery>) {
  const named =
    actor.personId === null
      ? sql`false`
      : sql`EXISTS (SELECT 1 FROM claim_members m WHERE m.district_id = c.district_id AND m.claim_id = c.id
                      AND m.person_id = ${actor.personId})`;
  const led = sql`(tm.leader_person_id = ${actor.personId ?? 0})`;
  const own = sql`(p.user_id = ${actor.userId} OR ${named} OR ${led} OR ${
    unitScopes(actor, 'unit.read').length
      ? sql`c.unit_id IN (${sql.join(
          unitScopes(actor, 'unit.read').map((u) => sql`${u}`),
          sql`, `,
        )})`
      : sql`false`
  })`;
  const where: SQL[] = [sql`c.district_id = ${actor.districtId}`];
  where.push(q.mine === 'true' ? own : sql`(${own} OR ${inScope(actor, 'project.manage', sql`r.path`)})`);
  if (q.projectId) where.push(sql`c.project_id = ${q.projectId}`);
  return pageOf(
    db,
    q,
    { select: CLAIMS, where: sql.join(where, sql` AND `), orderBy: sql`c.created_at DESC, c.id DESC` },
    presentClaim,
  );
}

/** Whether the actor runs the team that holds this claim. */
const runsTeamOf = (actor: Actor, c: ClaimRow) =>
  c.team_id !== null && runs(actor, { leader_id: c.team_leader_id, region_path: c.team_path! });

/** Frees a claim's slots: the claimant before the start, or the organiser with a reason. */
async function release(db: Tx, actor: Actor, id: number, reason: string | null) {
  return db.transaction(async (tx) => {
    // The role's row first, then the claim's (see claimRole): a unit withdrawing a claim
    // while taking the same project whole deadlocked the other way round.
    await tx.execute(sql`SELECT 1 FROM project_roles ro JOIN claims c ON c.district_id = ro.district_id AND c.role_id = ro.id
      WHERE c.district_id = ${actor.districtId} AND c.id = ${id} FOR NO KEY UPDATE OF ro`);
    const c = await claimRowFor(tx, actor, id, true);
    if (c.status !== 'active') throw conflict('claim_not_active');
    if (reason === null) {
      const mine =
        c.person_user_id === actor.userId ||
        (c.unit_id !== null && unitScopes(actor, 'unit.manage').includes(c.unit_id)) ||
        runsTeamOf(actor, c);
      if (!mine) throw forbidden();
      if (new Date(c.role_starts_at) <= new Date()) throw unprocessable('role_started');
    } else {
      authorize(actor, 'project.manage', c.region_path);
    }
    const status = reason === null ? 'withdrawn' : 'removed';
    await tx.execute(sql`UPDATE claims SET status = ${status}, reason = ${reason}, updated_at = now()
      WHERE district_id = ${actor.districtId} AND id = ${id}`);
    await tx.execute(sql`UPDATE project_roles SET claimed = claimed - ${c.slots}
      WHERE district_id = ${actor.districtId} AND id = ${c.role_id}`);
    await refreshClaimed(tx, actor.districtId, c.project_id);
    if (reason !== null) {
      await notify(
        tx,
        { districtId: actor.districtId, userId: c.person_user_id },
        'notify_claim_removed',
        {
          title: c.project_title,
          reason,
        },
        `/projects/${c.project_id}`,
      );
    }
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: c.region_id,
      action: `claim.${status === 'withdrawn' ? 'withdraw' : 'remove'}`,
      entityType: 'claim',
      entityId: id,
      before: { status: c.status },
      after: { status, reason },
    });
    return claimFor(tx, actor, id);
  });
}

export const withdrawClaim = (db: Tx, actor: Actor, id: number) => release(db, actor, id, null);
export const removeClaim = (db: Tx, actor: Actor, id: number, reason: string) =>
  release(db, actor, id, reason);

/**
 * The organiser confirms a claimant's hours: service hours and a completed role, in the
 * ledger, exactly once. A unit's claim with named members is confirmed member by member,
 * and each member's hours count for them and for the unit.
 */
export async function confirmHours(db: Tx, actor: Actor, id: number, input: z.infer<typeof ClaimHoursBody>) {
  return db.transaction(async (tx) => {
    const c = await claimRowFor(tx, actor, id, true);
    authorize(actor, 'project.manage', c.region_path);
    if (c.status !== 'active') throw conflict('claim_not_active');
    if (!['in_progress', 'done', 'reviewed'].includes(c.project_status))
      throw unprocessable('hours_too_early');
    const { hours, personId } = input;
    let who: { personId: number | null; unitId: number | null; userId: number | null };
    let before: number | null;
    if (c.named > 0) {
      const member = c.members.find((m) => m.id === personId);
      if (!member) throw unprocessable('claim_hours_whose');
      await tx.execute(sql`UPDATE claim_members SET hours_confirmed = ${hours}, confirmed_by = ${actor.userId},
          confirmed_at = now() WHERE district_id = ${actor.districtId} AND claim_id = ${id} AND person_id = ${member.id}`);
      who = { personId: member.id, unitId: c.unit_id, userId: member.user_id };
      before = member.hours;
    } else {
      // A team serves through its members: their hours are confirmed once they are named.
      if (c.team_id !== null) throw unprocessable('claim_hours_whose');
      if (personId !== undefined && personId !== c.person_id) throw unprocessable('claim_hours_whose');
      await tx.execute(sql`UPDATE claims SET hours_confirmed = ${hours}, confirmed_by = ${actor.userId},
          confirmed_at = now(), updated_at = now() WHERE district_id = ${actor.districtId} AND id = ${id}`);
      who = { personId: c.person_id, unitId: c.unit_id, userId: c.person_user_id };
      before = c.hours_confirmed;
    }
    const act = {
      districtId: actor.districtId,
      sourceType: 'claim',
      sourceId: id,
      personId: who.personId,
      unitId: who.unitId,
      teamId: c.team_id,
    };
    // Service happened by the role's end, or by now if the organiser confirms earlier.
    const ended = new Date(Math.min(Date.parse(c.role_ends_at), Date.now())).toISOString();
    const target = { at: ended, regionId: c.region_id };
    const reason = { key: 'ledger_hours_adjusted' } as const;
    await settle(tx, actor, { ...act, kind: 'service_hours' }, { ...target, quantity: hours }, reason);
    await settle(
      tx,
      actor,
      { ...act, kind: 'role_completed' },
      { ...target, quantity: hours > 0 ? 1 : 0 },
      reason,
    );
    await notify(
      tx,
      { districtId: actor.districtId, userId: who.userId },
      'notify_hours_confirmed',
      { title: c.project_title, hours },
      '/me/record',
    );
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: c.region_id,
      action: 'claim.hours',
      entityType: 'claim',
      entityId: id,
      before: { personId: who.personId, hours: before },
      after: { personId: who.personId, hours },
    });
    return claimFor(tx, actor, id);
  });
}

/**
 * A unit's contact names which of its Party members fill the slots it claimed. The set
 * may change until a member's hours are confirmed; `named` is a guarded counter the
 * database holds within the claim's slots.
 */
export async function nameClaimMembers(
  db: Tx,
  actor: Actor,
  id: number,
  input: z.infer<typeof ClaimMembersBody>,
) {
  return db.transaction(async (tx) => {
    const c = await claimRowFor(tx, actor, id, true);
    if (c.unit_id === null && c.team_id === null) throw unprocessable('claim_members_not_unit');
    if (c.unit_id !== null && !unitScopes(actor, 'unit.manage').includes(c.unit_id)) throw forbidden();
    if (c.team_id !== null && !runsTeamOf(actor, c)) throw forbidden();
    if (c.status !== 'active') throw conflict('claim_not_active');
    if (c.hours_confirmed !== null) throw conflict('claim_hours_confirmed');
    const wanted = [...new Set(input.personIds)];
    if (wanted.length > c.slots) throw unprocessable('claim_members_too_many', { slots: c.slots });
    const confirmed = c.members.filter((m) => m.hours !== null && !wanted.includes(m.id));
    if (confirmed.length) throw conflict('claim_member_confirmed', { name: confirmed[0]!.name });
    if (wanted.length && c.team_id !== null) await activeMembers(tx, actor.districtId, c.team_id, wanted);
    else if (wanted.length) {
      // Only the unit's own Party members: those whose organisation belongs to it.
      const { rows } = await tx.execute<{ id: number }>(sql`
        SELECT p.id FROM people p JOIN party_orgs o ON o.district_id = p.district_id AND o.id = p.party_org_id
         WHERE p.district_id = ${actor.districtId} AND o.unit_id = ${c.unit_id}
           AND p.id IN (${sql.join(
             wanted.map((w) => sql`${w}`),
             sql`, `,
           )})`);
      const found = new Set(rows.map((r) => r.id));
      const stranger = wanted.find((w) => !found.has(w));
      if (stranger !== undefined) throw unprocessable('claim_member_not_in_unit', { personId: stranger });
    }
    const keep = sql.join(
      [0, ...wanted].map((w) => sql`${w}`),
      sql`, `,
    );
    await tx.execute(sql`DELETE FROM claim_members WHERE district_id = ${actor.districtId} AND claim_id = ${id}
      AND person_id NOT IN (${keep})`);
    const added = wanted.filter((w) => !c.members.some((m) => m.id === w));
    if (added.length) {
      await tx.insert(claimMembers).values(
        added.map((personId) => ({
          districtId: actor.districtId,
          claimId: id,
          personId,
          createdBy: actor.userId,
        })),
      );
    }
    await tx.execute(sql`UPDATE claims SET named = ${wanted.length}, updated_at = now()
      WHERE district_id = ${actor.districtId} AND id = ${id}`);
    const { rows: told } = await tx.execute<{ user_id: number | null }>(sql`
      SELECT user_id FROM people WHERE district_id = ${actor.districtId} AND id IN (${sql.join(
        [0, ...added].map((w) => sql`${w}`),
        sql`, `,
      )})`);
    for (const t of told) {
      await notify(
        tx,
        { districtId: actor.districtId, userId: t.user_id },
        'notify_claim_named',
        { title: c.project_title, unit: c.unit_name ?? c.team_name ?? '' },
        `/projects/${c.project_id}`,
      );
    }
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: c.region_id,
      action: 'claim.members',
      entityType: 'claim',
      entityId: id,
      before: { personIds: c.members.map((m) => m.id) },
      after: { personIds: wanted },
    });
    return claimFor(tx, actor, id);
  });
}

export async function reviewProject(db: Tx, actor: Actor, id: number, input: z.infer<typeof ReviewBody>) {
  return db.transaction(async (tx) => {
    const p = await load(tx, actor, id);
    if (!['done', 'reviewed'].includes(p.status)) throw unprocessable('review_not_done');
    if (actor.personId === null) throw forbidden('review_not_resident');
    const me = await personFor(tx, actor, actor.personId);
    // Residents of the project's community (or street) rate it, not only those of its building.
    const place = p.region_path.split('.').slice(0, 3).join('.');
    if (!isWithin(me.home_path, place)) throw forbidden('review_not_resident');
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
