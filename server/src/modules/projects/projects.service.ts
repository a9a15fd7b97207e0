/**
 * Public-welfare projects claimed in roles (认领社区公益项目). A role's slots are a guarded
 * counter: a claim takes slots with one conditional UPDATE, and the CHECK on the table
 * refuses any over-claim the code might miss, so concurrent claims can never exceed them.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  COUNT_CAP,
  PROJECT_CLAIMS_PAGE,
  type ProjectClaimsQuery,
  type ProjectCreateBody,
  type ProjectListQuery,
  type ProjectStatus,
  type ProjectTransitionBody,
  type ReviewBody,
} from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { allow, inScope, scopes, unitScopes } from '../../auth/authorize';
import type { Tx } from '../../db/client';
import { keyset, type SortKey } from '../../db/paging';
import { conflict, notFound, unprocessable } from '../../errors';
import { contains, iso } from '../../http';
import { recordAudit } from '../audit/audit.service';
import { homePathOf, personRow } from '../members/members.queries';
import { memberPlaces, personFor } from '../members/members.service';
import { maskName } from '../members/privacy';
import { needPolicy } from '../needs/needs.policy';
import { convertNeed, needFor } from '../needs/needs.service';
import { regionForRead, regionRow } from '../regions/regions.queries';
import { teamRow } from '../teams/teams.queries';
import { unitsRegionIds } from '../units/units.queries';
import { projectCan, projectPolicy } from './projects.policy';
import {
  CLAIM_ORDER,
  CLAIMS,
  type ClaimRow,
  load,
  maskedClaim,
  present,
  presentClaim,
  type Row,
  select,
} from './projects.rows';
import { projectReviews, projectRoles, projects } from './projects.schema';

/**
 * A project's page: its row, reviews and the reader's home in one statement; its claims'
 * counts, first page and the reader's own in another (claimsOf). Both in one round trip.
 */
export async function getProject(db: Tx, actor: Actor, id: number) {
  const claimsQuery = claimsOf(actor, id, { page: 1, pageSize: PROJECT_CLAIMS_PAGE }, true);
  const [detail, claimed] = await Promise.all([
    db.execute<
      Row & {
        reader_home: string | null;
        reviews: {
          id: number;
          person_id: number;
          name: string;
          rating: number;
          comment: string;
          at: string;
        }[];
      }
    >(sql`
      SELECT d.*,
             ${
               actor.personId === null
                 ? sql`NULL::text`
                 : sql`(SELECT h.path::text FROM (${personRow(sql`${actor.districtId}`, sql`${actor.personId}`)}) me
                          JOIN LATERAL (${regionRow(sql`${actor.districtId}`, sql`me.home_region_id`)}) h ON true)`
             } AS reader_home,
             coalesce((SELECT json_agg(json_build_object('id', v.id, 'person_id', v.person_id, 'name', p.name,
                                         'rating', v.rating, 'comment', v.comment, 'at', v.created_at) ORDER BY v.created_at DESC)
                         FROM project_reviews v JOIN LATERAL (${personRow(sql`v.district_id`, sql`v.person_id`)}) p ON true
                        WHERE v.district_id = ${actor.districtId} AND v.project_id = d.id), '[]') AS reviews
        FROM (${select(actor)} WHERE pr.district_id = ${actor.districtId} AND pr.id = ${id}
                AND ${projectPolicy.visible(actor)}) d`),
    db.execute<ClaimPageRow>(claimsQuery.statement),
  ]);
  const row = detail.rows[0];
  if (!row) throw notFound();
  // A published project is public in the district; the people on it are named in full only
  // to its organisers and to those on the claim themselves.
  const full = projectPolicy.manage(actor, row);
  const reviewed = row.reviews.some((v) => v.person_id === actor.personId);
  const head = claimed.rows[0];
  const rows = claimed.rows.filter((c) => c.id !== null);
  const total = head?._total ?? 0;
  const page = claimsQuery.ks.page(
    rows.filter((c) => c._on_page),
    (c) => (full || projectPolicy.isTheirs(actor, c) ? presentClaim(actor, c) : maskedClaim(actor, c)),
  );
  return {
    ...present(row),
    can: projectCan(actor, row, { homePath: row.reader_home, reviewed }),
    claimCount: {
      all: Math.min(total, COUNT_CAP),
      active: Math.min(head?._active ?? 0, COUNT_CAP),
      ...(total > COUNT_CAP ? { capped: true } : {}),
    },
    claims: page.items,
    ...(page.next ? { claimsNext: page.next } : {}),
    // The SQL finds them by each way a claim is someone's; the policy has the last word.
    myClaims: rows
      .filter((c) => c._mine && projectPolicy.isTheirs(actor, c))
      .map((c) => presentClaim(actor, c)),
    reviews: row.reviews.map((v) => ({
      id: v.id,
      person: { id: v.person_id, name: full || v.person_id === actor.personId ? v.name : maskName(v.name) },
      rating: v.rating,
      comment: v.comment,
      at: iso(v.at)!,
    })),
  };
}

/** A project's roles alone (the invitation and suggestion pickers). */
export async function getProjectRoles(db: Tx, actor: Actor, id: number) {
  return present(await load(db, actor, id)).roles;
}

/**
 * A project's claims, a page at a time in the detail's order: to those the detail shows them
 * to, as it shows them (others' people masked but to its organisers). One statement.
 */
export async function listProjectClaims(
  db: Tx,
  actor: Actor,
  id: number,
  q: z.infer<typeof ProjectClaimsQuery>,
) {
  const { statement, ks } = claimsOf(actor, id, q, false);
  const { rows } = await db.execute<ClaimPageRow>(statement);
  if (!rows[0]?._visible) throw notFound();
  const total = rows[0]._total ?? 0;
  return {
    ...ks.page(
      rows.filter((c) => c.id !== null),
      (c) =>
        projectPolicy.manage(actor, c) || projectPolicy.isTheirs(actor, c)
          ? presentClaim(actor, c)
          : maskedClaim(actor, c),
    ),
    total: Math.min(total, COUNT_CAP),
    ...(total > COUNT_CAP ? { capped: true } : {}),
  };
}

type ClaimPageRow = ClaimRow &
  Record<string, unknown> & {
    _total: number | null;
    _active?: number | null;
    _visible?: boolean;
    _on_page: boolean;
    _mine: boolean;
  };

/**
 * The statement behind a page of a project's claims: the page's ids from the index
 * (claims_project_order_idx) first, the joins that present a claim for those rows only, their
 * count up to COUNT_CAP and whether the reader sees the project (a row even when the page is
 * empty). For the detail (`detail`), the active count and the reader's own active claims
 * (`_mine`) too.
 */
function claimsOf(
  actor: Actor,
  projectId: number,
  q: { page: number; pageSize: number; after?: string | undefined },
  detail: boolean,
) {
  const ks = keyset(q, CLAIM_ORDER);
  const of = sql`c.district_id = ${actor.districtId} AND c.project_id = ${projectId}`;
  const upTo = sql.raw(String(COUNT_CAP + 1));
  const own = detail ? ownActive(actor, of) : null;
  const counts = sql`(SELECT count(*)::int FROM (SELECT 1 FROM claims c WHERE ${of} LIMIT ${upTo}) n) AS _total, ${
    detail
      ? sql`(SELECT count(*)::int FROM (SELECT 1 FROM claims c WHERE ${of} AND c.status = 'active' LIMIT ${upTo}) n) AS _active`
      : sql`EXISTS (SELECT 1 FROM projects pr JOIN regions r ON r.district_id = pr.district_id AND r.id = pr.region_id
                     WHERE pr.district_id = ${actor.districtId} AND pr.id = ${projectId}
                       AND ${projectPolicy.visible(actor)}) AS _visible`
  }`;
  // A claim is presented a row at a time (LIMIT 1, the key's one row): its joins stay a few
  // index probes each, where the planner, joining the page's rows to them all, hashed whole tables.
  const statement = sql`
    WITH pg AS MATERIALIZED (
      SELECT c.id, ${ks.keys} FROM claims c WHERE ${of} AND ${ks.where} ORDER BY ${ks.orderBy} ${ks.limit}),
    ${own ? sql`mine AS MATERIALIZED (SELECT u.id FROM (${own}) u LIMIT ${sql.raw(String(MY_CLAIMS_AT_MOST))}),` : sql``}
    k AS (
      SELECT ids.id, pg._k0, pg._k1, pg._k2, pg.id IS NOT NULL AS _on_page, ${own ? sql`mine.id IS NOT NULL` : sql`false`} AS _mine
        FROM (SELECT id FROM pg ${own ? sql`UNION SELECT id FROM mine` : sql``}) ids
        LEFT JOIN pg ON pg.id = ids.id ${own ? sql`LEFT JOIN mine ON mine.id = ids.id` : sql``})
    SELECT hd.*, x.* FROM (SELECT ${counts}) hd
    LEFT JOIN LATERAL (
      SELECT cl.*, k._k0, k._k1, k._k2, k._on_page, k._mine
        FROM k JOIN LATERAL (${CLAIMS} WHERE c.district_id = ${actor.districtId} AND c.id = k.id LIMIT 1) cl ON true) x ON true
     ORDER BY x.role_id, x.created_at, x.id`;
  return { statement, ks };
}

/** Enough for every role's claim button: a person, a unit and the teams one runs claim a role once each. */
const MY_CLAIMS_AT_MOST = 200;

/**
 * SQL: the ids of the reader's active claims among `of` (claims `c`), one branch per way a
 * claim is someone's (projectPolicy.isTheirs), each on its own index; null when they have none.
 */
function ownActive(actor: Actor, of: SQL): SQL | null {
  const active = sql`${of} AND c.status = 'active'`;
  const ways: SQL[] = [];
  if (actor.personId !== null) {
    ways.push(sql`SELECT c.id FROM claims c WHERE ${active} AND c.person_id = ${actor.personId}`);
    ways.push(sql`SELECT c.id FROM claims c WHERE ${active} AND c.id IN (
      SELECT m.claim_id FROM claim_members m WHERE m.district_id = ${actor.districtId} AND m.person_id = ${actor.personId})`);
  }
  const units = unitScopes(actor, 'unit.read');
  if (units.length)
    ways.push(
      sql`SELECT c.id FROM claims c WHERE ${active} AND c.unit_id = ANY(${`{${units.join(',')}}`}::bigint[])`,
    );
  // A team's claim is theirs who run the team: its leader and the organisers of its area.
  const organises = scopes(actor, 'team.manage').length > 0;
  if (actor.personId !== null || organises)
    ways.push(sql`SELECT c.id FROM claims c WHERE ${active} AND c.team_id IS NOT NULL AND EXISTS (
      SELECT 1 FROM (${teamRow(sql`c.district_id`, sql`c.team_id`)}) tm
        JOIN LATERAL (${regionRow(sql`tm.district_id`, sql`tm.region_id`)}) tr ON true
       WHERE tm.leader_person_id = ${actor.personId ?? 0} OR ${inScope(actor, 'team.manage', sql`tr.path`)})`);
  return ways.length ? sql.join(ways, sql` UNION `) : null;
}

/** The building a member lives in, to list its projects first. */
async function homeBuilding(db: Tx, actor: Actor): Promise<string | null> {
  const home = await homePathOf(db, actor);
  return home && home.split('.').length >= 4 ? home.split('.').slice(0, 4).join('.') : null;
}

/**
 * The list's order: what is still to come or under way first, soonest first; then what has
 * ended, latest first. Keyset keys, NOT NULL: what has ended ties on the second.
 */
const TIME_ORDER: SortKey[] = [
  { sql: sql`(pr.ends_at < now())::int`, type: 'int' },
  {
    sql: sql`CASE WHEN pr.ends_at >= now() THEN pr.starts_at ELSE 'epoch'::timestamptz END`,
    type: 'timestamptz',
  },
  { sql: sql`pr.starts_at`, type: 'timestamptz', desc: true },
  { sql: sql`pr.id`, type: 'bigint', desc: true },
];

/** ORDER BY the keys `keyset` carried out of a page's CTE (as text; cast back, they sort as before). */
const byKeys = (order: SortKey[], alias: string) =>
  sql.raw(order.map((k, i) => `${alias}._k${i}::${k.type}${k.desc ? ' DESC' : ''}`).join(', '));

/**
 * One statement: the page's ids (for the time order, two index ranges — what is to come
 * by projects_ends_idx, what has ended by projects_starts_idx — merged), the joins that
 * present a project for those rows only, and the count up to COUNT_CAP.
 */
export async function listProjects(db: Tx, actor: Actor, q: z.infer<typeof ProjectListQuery>) {
  const where: SQL[] = [sql`pr.district_id = ${actor.districtId}`, projectPolicy.visible(actor)];
  let order = TIME_ORDER;
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
    const [homes, units, building] = await Promise.all([
      memberPlaces(db, actor),
      unitPlaces(db, actor),
      homeBuilding(db, actor),
    ]);
    const places = [...homes, ...units];
    if (places.length === 0) where.push(sql`false`);
    else {
      const streets = [...new Set(places.map((p) => p.split('.').slice(0, 2).join('.')))];
      const mine = sql.join(
        places.map((p) => sql`r.path <@ ${p}::ltree`),
        sql` OR `,
      );
      const wide = sql.join(
        streets.map((s) => sql`r.path <@ ${s}::ltree`),
        sql` OR `,
      );
      where.push(sql`pr.status IN ('published', 'claimed')`);
      where.push(sql`EXISTS (SELECT 1 FROM project_roles ro WHERE ro.district_id = pr.district_id AND ro.project_id = pr.id
        AND ro.claimed < ro.slots AND ro.starts_at > now())`);
      where.push(sql`((${mine}) OR ((pr.open_to_street OR r.kind = 'street') AND (${wide})))`);
      // Home first: the own building's projects, then the community's, then the street's, soonest first.
      order = [
        ...(building
          ? [{ sql: sql`(r.path <@ ${building}::ltree)::int`, type: 'int', desc: true } satisfies SortKey]
          : []),
        { sql: sql`(${mine})::int`, type: 'int', desc: true },
        { sql: sql`pr.starts_at`, type: 'timestamptz' },
        { sql: sql`pr.id`, type: 'bigint' },
      ];
    }
  }
  const cond = sql.join(where, sql` AND `);
  const from = sql`FROM projects pr JOIN regions r ON r.district_id = pr.district_id AND r.id = pr.region_id`;
  const ks = keyset(q, order);
  const ids = sql`SELECT pr.district_id, pr.id, ${ks.keys} ${from} WHERE ${cond} AND ${ks.where}`;
  // A page asked for by number reads past the pages before it in each range.
  const jump = q.after === undefined && q.page > 1;
  const upTo = jump ? sql`LIMIT ${q.page * q.pageSize + 1}` : sql`LIMIT ${sql.raw(String(q.pageSize + 1))}`;
  const pageIds =
    order === TIME_ORDER
      ? sql`SELECT b.* FROM (
          (${ids} AND pr.ends_at >= now() ORDER BY pr.starts_at, pr.id DESC ${upTo})
          UNION ALL
          (${ids} AND pr.ends_at < now() ORDER BY pr.starts_at DESC, pr.id DESC ${upTo})) b
         ORDER BY ${byKeys(order, 'b')} ${ks.limit}`
      : sql`${ids} ORDER BY ${ks.orderBy} ${ks.limit}`;
  const keys = sql.raw(order.map((_, i) => `pg._k${i}`).join(', '));
  const { rows } = await db.execute<Row & Record<string, unknown> & { _total: number }>(sql`
    WITH pg AS MATERIALIZED (${pageIds})
    SELECT hd._total, x.* FROM (
      SELECT (SELECT count(*)::int FROM (SELECT 1 ${from} WHERE ${cond} LIMIT ${sql.raw(String(COUNT_CAP + 1))}) n) AS _total) hd
    LEFT JOIN LATERAL (
      SELECT d.*, ${keys} FROM pg
        JOIN LATERAL (${select(actor)} WHERE pr.district_id = pg.district_id AND pr.id = pg.id) d ON true) x ON true
    ORDER BY ${byKeys(order, 'x')}`);
  const total = rows[0]?._total ?? 0;
  return {
    ...ks.page(
      rows.filter((r) => r.id !== null),
      present,
    ),
    total: Math.min(total, COUNT_CAP),
    ...(total > COUNT_CAP ? { capped: true } : {}),
  };
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
