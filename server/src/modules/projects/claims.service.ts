/**
 * Claims of a project's roles (认领). A role's slots are a guarded counter: a claim takes slots
 * with one conditional UPDATE, and the CHECK on the table refuses any over-claim the code might
 * miss, so concurrent claims can never exceed them. Locks: the role's row before the claim's.
 */

import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  ClaimCreateBody,
  ClaimHoursBody,
  ClaimListQuery,
  ClaimMembersBody,
  ProjectStatus,
} from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { allow, inScope, unitScopes } from '../../auth/authorize';
import type { Tx } from '../../db/client';
import { pageOf } from '../../db/paging';
import { conflict, notFound, unprocessable, violated } from '../../errors';
import { auditFrom, recordAudit } from '../audit/audit.service';
import { settle } from '../ledger/ledger.service';
import { personRow } from '../members/members.queries';
import { notify } from '../notifications/notifications.service';
import { unitOrgIds } from '../party-orgs/party-orgs.queries';
import { registeredCommunities } from '../registrations/registrations.queries';
import { teamPolicy } from '../teams/teams.policy';
import { activeMembers, loadTeam } from '../teams/teams.service';
import { unitFor } from '../units/units.service';
import { type ProjectFacts, projectPolicy } from './projects.policy';
import { CLAIMS, type ClaimRow, claimsFrom, load, presentClaim } from './projects.rows';
import { claimMembers } from './projects.schema';
import { getProject } from './projects.service';

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
           ARRAY(SELECT subpath(h.path, 0, 3)::text
                  FROM (${personRow(sql`pr.district_id`, sql`${actor.personId ?? 0}`)}) p
                  JOIN regions h ON h.district_id = pr.district_id AND h.id = p.home_region_id
                 UNION
                 SELECT c.path::text FROM regions c
                  WHERE c.district_id = pr.district_id
                    AND c.id IN (${registeredCommunities(actor.districtId, actor.personId ?? 0)})) AS places
      FROM project_roles ro
      JOIN projects pr ON pr.district_id = ro.district_id AND pr.id = ro.project_id
      JOIN regions r ON r.district_id = pr.district_id AND r.id = pr.region_id
     WHERE ro.district_id = ${actor.districtId} AND ro.id = ${roleId} AND ro.project_id = ${projectId} AND ${projectPolicy.visible(actor)}`);
  if (!rows[0]) throw notFound();
  return rows[0];
}

/** The unit its contact claims for, within reach of the project (403 otherwise). */
async function claimingUnit(tx: Tx, actor: Actor, p: ProjectFacts) {
  const [unitId] = unitScopes(actor, 'unit.manage');
  allow(unitId !== undefined, 'claim_not_unit');
  const unit = await unitFor(tx, actor, unitId);
  allow(projectPolicy.claimAsUnit(unit.regionPath, p), 'claim_out_of_reach');
  return unitId;
}

/** The database refused the claim: the claimant holds one on the role already. */
const alreadyClaimed = (e: unknown) => violated(e, '23505')?.startsWith('claims_active_') ?? false;

export async function claimRole(
  db: Tx,
  actor: Actor,
  projectId: number,
  roleId: number,
  input: z.infer<typeof ClaimCreateBody>,
) {
  const p = await claimTarget(db, actor, projectId, roleId);
  if (!['published', 'claimed'].includes(p.status)) throw unprocessable('project_not_open');
  if (p.started) throw unprocessable('role_started');
  let claimant: { personId?: number; unitId?: number; teamId?: number };
  let slots = 1;
  if (input.teamId !== undefined) {
    const team = await loadTeam(db, actor, input.teamId);
    allow(teamPolicy.run(actor, team), 'team_not_runner');
    allow(projectPolicy.claimAsTeam(actor, team, p), 'claim_out_of_reach');
    claimant = { teamId: team.id };
    slots = input.slots;
  } else if (input.forUnit) {
    const unitId = await claimingUnit(db, actor, p);
    claimant = { unitId };
    slots = input.slots;
  } else {
    if (actor.personId === null) throw unprocessable('need_no_person');
    allow(projectPolicy.reaches(p.places, p), 'claim_out_of_reach');
    claimant = { personId: actor.personId };
  }
  const d = actor.districtId;
  // One statement, so the role's row stays locked for one trip, not four. The role's row is
  // locked first, then the claim's key: the order a whole-project claim and a withdrawal take
  // them (the other way round, a unit claiming a slot singly while taking the project whole
  // deadlocked). `fits` is read from the row as locked, so a claim racing a withdrawal gets the
  // freed slot; the counter is then moved only while slots last (least(): the UPDATE first
  // computes from the row as the statement began, and the CHECK must not refuse that stale sum
  // before the locked row is read again). A claim already held fails the unique key, which
  // undoes the whole statement: counter, claim and entry. The claim comes back read in full.
  let rows: ClaimRow[];
  try {
    ({ rows } = await db.execute<ClaimRow>(sql`
      WITH locked AS (
        SELECT claimed + ${slots}::int <= slots AS fits FROM project_roles
         WHERE district_id = ${d} AND id = ${roleId} FOR NO KEY UPDATE),
      taken AS (
        UPDATE project_roles SET claimed = least(claimed + ${slots}::int, slots)
         WHERE district_id = ${d} AND id = ${roleId} AND (SELECT fits FROM locked)
         RETURNING claimed, slots),
      made AS (
        INSERT INTO claims (district_id, project_id, role_id, person_id, unit_id, team_id, slots, created_by)
        SELECT ${d}::bigint, ${projectId}::bigint, ${roleId}::bigint, ${claimant.personId ?? null}::bigint,
               ${claimant.unitId ?? null}::bigint, ${claimant.teamId ?? null}::bigint, ${slots}::int, ${actor.userId}::bigint
          FROM taken
        RETURNING *),
      logged AS (${auditFrom(
        actor,
        {
          districtId: d,
          regionId: p.region_id,
          action: 'claim.create',
          entityType: 'claim',
          entityId: sql`made.id`,
          after: { projectId, roleId, ...claimant, slots },
        },
        sql`made`,
      )}),
      -- A fully claimed project reads "claimed" (refreshClaimed, with this role as taken).
      refreshed AS (
        UPDATE projects pr SET status = CASE
            WHEN NOT EXISTS (SELECT 1 FROM project_roles ro WHERE ro.district_id = pr.district_id AND ro.project_id = pr.id
                               AND ro.id <> ${roleId} AND ro.claimed < ro.slots) THEN 'claimed'::project_status
            ELSE 'published'::project_status END,
          updated_at = now()
          FROM taken
         WHERE taken.claimed = taken.slots AND pr.district_id = ${d} AND pr.id = ${projectId}
           AND pr.status IN ('published', 'claimed'))
      ${claimsFrom(sql`made`)}`));
  } catch (e) {
    if (alreadyClaimed(e)) throw conflict('claim_exists');
    throw e;
  }
  const c = rows[0];
  if (!c) throw conflict('role_full');
  if (!projectPolicy.see(actor, c)) throw notFound();
  return presentClaim(actor, c);
}

/** A unit's contact takes every free slot of every open role at once: the unit takes on the whole project. */
export async function claimWholeProject(db: Tx, actor: Actor, projectId: number) {
  await db.transaction(async (tx) => {
    const p = await load(tx, actor, projectId);
    if (!['published', 'claimed'].includes(p.status)) throw unprocessable('project_not_open');
    const unitId = await claimingUnit(tx, actor, p);
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
  if (!c || !projectPolicy.see(actor, c)) throw notFound();
  return c;
}

const claimFor = async (db: Tx, actor: Actor, id: number) =>
  presentClaim(actor, await claimRowFor(db, actor, id));

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
  // A unit's claims, for its page: refused (403) to a reader who may not read the unit.
  if (q.unitId) where.push(sql`c.unit_id = ${(await unitFor(db, actor, q.unitId)).id}`);
  return pageOf(
    db,
    q,
    { select: CLAIMS, where: sql.join(where, sql` AND `), orderBy: sql`c.created_at DESC, c.id DESC` },
    (c: ClaimRow) => presentClaim(actor, c),
  );
}

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
      allow(projectPolicy.withdraw(actor, c));
      if (new Date(c.role_starts_at) <= new Date()) throw unprocessable('role_started');
    } else {
      allow(projectPolicy.manage(actor, c), 'out_of_scope');
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
    allow(projectPolicy.manage(actor, c), 'out_of_scope');
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
    allow(projectPolicy.nameMembers(actor, c));
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
        SELECT p.id FROM unnest(${`{${wanted.join(',')}}`}::bigint[]) AS x(id)
          JOIN LATERAL (${personRow(sql`${actor.districtId}`, sql`x.id`)}) p ON true
         WHERE p.party_org_id IN (${unitOrgIds(actor.districtId, c.unit_id!)})`);
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
      SELECT p.user_id FROM unnest(${`{${added.join(',')}}`}::bigint[]) AS x(id)
        JOIN LATERAL (${personRow(sql`${actor.districtId}`, sql`x.id`)}) p ON true`);
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
