/**
 * 志愿者服务队: volunteer teams built on members' specialties. A team belongs to a
 * community or a street; its leader (a person) accepts applications, invites, claims
 * project roles and signs the team up for dedication-day tasks; the area's organisers
 * (`team.manage`) set teams up and may do all a leader does.
 */

import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Team,
  TeamCreateBody,
  TeamListQuery,
  TeamMember,
  TeamMemberListQuery,
  TeamMemberStatus,
  TeamUpdateBody,
} from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { allow } from '../../auth/authorize';
import type { Tx } from '../../db/client';
import { pageOf } from '../../db/paging';
import { conflict, notFound, unprocessable } from '../../errors';
import { contains, iso } from '../../http';
import { recordAudit } from '../audit/audit.service';
import { teamSignupActivity } from '../dedication-days/dedication-days.queries';
import { personRow } from '../members/members.queries';
import { memberPlaces } from '../members/members.service';
import { maskName } from '../members/privacy';
import { notify } from '../notifications/notifications.service';
import { teamClaimActivity } from '../projects/projects.queries';
import { regionForRead, zoneOf } from '../regions/regions.queries';
import { teamCan, teamPolicy } from './teams.policy';

type Row = {
  id: number;
  name: string;
  region_id: number;
  region_name: string;
  region_path: string;
  region_kind: string;
  specialty: string;
  description: string;
  recruitment: string;
  recruiting: boolean;
  leader_id: number | null;
  leader_name: string | null;
  member_count: number;
  party_count: number;
  hours_year: number;
  hours_all: number;
  my_status: TeamMemberStatus | null;
  retired_at: string | null;
  created_at: string;
};

const select = (actor: Actor) => sql`
  SELECT tm.id, tm.name, tm.region_id, r.name AS region_name, r.path::text AS region_path, r.kind::text AS region_kind,
         tm.specialty, tm.description, tm.recruitment, tm.recruiting, tm.leader_person_id AS leader_id, l.name AS leader_name,
         (SELECT count(*)::int FROM team_members m WHERE m.district_id = tm.district_id AND m.team_id = tm.id AND m.status = 'active') AS member_count,
         (SELECT count(*)::int FROM team_members m JOIN LATERAL (${personRow(sql`m.district_id`, sql`m.person_id`)}) p ON true
           WHERE m.district_id = tm.district_id AND m.team_id = tm.id AND m.status = 'active' AND p.party_org_id IS NOT NULL) AS party_count,
         (SELECT coalesce(sum(e.quantity), 0)::float8 FROM ledger_entries e WHERE e.district_id = tm.district_id AND e.team_id = tm.id
             AND e.kind = 'service_hours' AND e.at >= date_trunc('year', now() AT TIME ZONE ${zoneOf(actor.districtId)}) AT TIME ZONE ${zoneOf(actor.districtId)}) AS hours_year,
         (SELECT coalesce(sum(e.quantity), 0)::float8 FROM ledger_entries e WHERE e.district_id = tm.district_id AND e.team_id = tm.id
             AND e.kind = 'service_hours') AS hours_all,
         (SELECT m.status FROM team_members m WHERE m.district_id = tm.district_id AND m.team_id = tm.id
             AND m.person_id = ${actor.personId ?? 0} ORDER BY m.status IN ('active', 'applied', 'invited') DESC, m.id DESC LIMIT 1) AS my_status,
         tm.retired_at, tm.created_at
    FROM teams tm
    JOIN regions r ON r.district_id = tm.district_id AND r.id = tm.region_id
    LEFT JOIN LATERAL (${personRow(sql`tm.district_id`, sql`tm.leader_person_id`)}) l ON true`;

const present =
  (actor: Actor) =>
  (t: Row): Team => ({
    id: t.id,
    name: t.name,
    regionId: t.region_id,
    regionName: t.region_name,
    specialty: t.specialty,
    description: t.description,
    recruitment: t.recruitment,
    recruiting: t.recruiting,
    leader: t.leader_id === null ? null : { id: t.leader_id, name: t.leader_name ?? '' },
    memberCount: t.member_count,
    partyMemberCount: t.party_count,
    hoursYear: t.hours_year,
    hoursAll: t.hours_all,
    myStatus: t.my_status,
    can: teamCan(actor, t),
    retiredAt: iso(t.retired_at),
    createdAt: iso(t.created_at)!,
  });

export async function loadTeam(db: Tx, actor: Actor, id: number, lock = false): Promise<Row> {
  const { rows } =
    await db.execute<Row>(sql`${select(actor)} WHERE tm.district_id = ${actor.districtId} AND tm.id = ${id}
    ${lock ? sql`FOR UPDATE OF tm` : sql``}`);
  if (!rows[0]) throw notFound();
  return rows[0];
}

export const getTeam = async (db: Tx, actor: Actor, id: number) =>
  present(actor)(await loadTeam(db, actor, id));

/** Teams are public in the district: anyone may find one near home and apply. */
export async function listTeams(db: Tx, actor: Actor, q: z.infer<typeof TeamListQuery>) {
  const where: SQL[] = [sql`tm.district_id = ${actor.districtId}`, teamPolicy.listed()];
  let order = sql`r.path, tm.name, tm.id`;
  if (q.regionId) {
    const root = await regionForRead(db, actor, q.regionId);
    where.push(sql`r.path <@ ${root.path}::ltree`);
  } else {
    const places = await memberPlaces(db, actor);
    if (places.length) {
      const streets = [...new Set(places.map((p) => p.split('.').slice(0, 2).join('.')))];
      // Near home first: the own community's teams, then the street's, then the rest.
      order = sql`(${sql.join(
        places.map((p) => sql`r.path <@ ${p}::ltree`),
        sql` OR `,
      )}) DESC, (${sql.join(
        streets.map((s) => sql`r.path <@ ${s}::ltree`),
        sql` OR `,
      )}) DESC, tm.name, tm.id`;
    }
  }
  if (q.q) where.push(sql`tm.name ILIKE ${contains(q.q)}`);
  if (q.specialty) where.push(sql`tm.specialty = ${q.specialty}`);
  if (q.recruiting) where.push(sql`tm.recruiting = ${q.recruiting === 'true'}`);
  if (q.mine === 'true')
    where.push(sql`(tm.leader_person_id = ${actor.personId ?? 0} OR EXISTS (SELECT 1 FROM team_members m
      WHERE m.district_id = tm.district_id AND m.team_id = tm.id AND m.person_id = ${actor.personId ?? 0}
        AND m.status IN ('active', 'applied', 'invited')))`);
  return pageOf(
    db,
    q,
    { select: select(actor), where: sql.join(where, sql` AND `), orderBy: order },
    present(actor),
  );
}

/** The leader must be a person of the team's street: they will run it on the ground. */
async function leaderFor(tx: Tx, actor: Actor, personId: number, regionPath: string) {
  const street = regionPath.split('.').slice(0, 2).join('.');
  const { rows } = await tx.execute<{ id: number; user_id: number | null }>(sql`
    SELECT p.id, p.user_id FROM (${personRow(sql`${actor.districtId}`, sql`${personId}`)}) p
      JOIN regions h ON h.district_id = ${actor.districtId} AND h.id = p.home_region_id
     WHERE h.path <@ ${street}::ltree`);
  if (!rows[0]) throw unprocessable('team_leader_outside');
  return rows[0];
}

/** Makes `personId` the team's active leader (a member if not one yet); the former leader stays a member. */
async function installLeader(tx: Tx, actor: Actor, teamId: number, personId: number) {
  await tx.execute(sql`UPDATE team_members SET role = 'member', updated_at = now()
    WHERE district_id = ${actor.districtId} AND team_id = ${teamId} AND role = 'leader' AND person_id <> ${personId}`);
  const { rows } = await tx.execute(sql`
    UPDATE team_members SET role = 'leader', status = 'active', joined_at = coalesce(joined_at, now()), updated_at = now()
     WHERE district_id = ${actor.districtId} AND team_id = ${teamId} AND person_id = ${personId}
       AND status IN ('active', 'applied', 'invited') RETURNING id`);
  if (!rows.length) {
    await tx.execute(sql`INSERT INTO team_members (district_id, team_id, person_id, role, status, joined_at, decided_by, decided_at)
      VALUES (${actor.districtId}, ${teamId}, ${personId}, 'leader', 'active', now(), ${actor.userId}, now())`);
  }
}

export async function createTeam(db: Tx, actor: Actor, input: z.infer<typeof TeamCreateBody>) {
  return db.transaction(async (tx) => {
    const region = await regionForRead(tx, actor, input.regionId, 'team.manage');
    if (region.kind !== 'community' && region.kind !== 'street') throw unprocessable('team_region_kind');
    const leader = await leaderFor(tx, actor, input.leaderPersonId, region.path);
    const { rows } = await tx.execute<{ id: number }>(sql`
      INSERT INTO teams (district_id, region_id, name, specialty, description, recruitment, recruiting, leader_person_id, created_by)
      VALUES (${actor.districtId}, ${region.id}, ${input.name}, ${input.specialty}, ${input.description}, ${input.recruitment},
              ${input.recruiting}, ${leader.id}, ${actor.userId})
      RETURNING id`);
    const id = rows[0]!.id;
    await installLeader(tx, actor, id, leader.id);
    await notify(
      tx,
      { districtId: actor.districtId, userId: leader.user_id },
      'notify_team_leader',
      { team: input.name },
      `/teams/${id}`,
    );
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: region.id,
      action: 'team.create',
      entityType: 'team',
      entityId: id,
      after: { name: input.name, specialty: input.specialty, leaderPersonId: leader.id },
    });
    return present(actor)(await loadTeam(tx, actor, id));
  });
}

export async function updateTeam(db: Tx, actor: Actor, id: number, input: z.infer<typeof TeamUpdateBody>) {
  return db.transaction(async (tx) => {
    const t = await loadTeam(tx, actor, id, true);
    allow(teamPolicy.run(actor, t));
    if (t.retired_at) throw conflict('team_retired');
    if (input.leaderPersonId !== undefined && input.leaderPersonId !== t.leader_id) {
      allow(teamPolicy.changeLeader(actor, t));
      const leader = await leaderFor(tx, actor, input.leaderPersonId, t.region_path);
      await installLeader(tx, actor, id, leader.id);
    }
    await tx.execute(sql`
      UPDATE teams SET name = ${input.name ?? t.name}, specialty = ${input.specialty ?? t.specialty},
             description = ${input.description ?? t.description}, recruitment = ${input.recruitment ?? t.recruitment},
             recruiting = ${input.recruiting ?? t.recruiting}, leader_person_id = ${input.leaderPersonId ?? t.leader_id},
             updated_at = now()
       WHERE district_id = ${actor.districtId} AND id = ${id}`);
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: t.region_id,
      action: 'team.update',
      entityType: 'team',
      entityId: id,
      before: { name: t.name, recruiting: t.recruiting, leaderPersonId: t.leader_id },
      after: {
        name: input.name ?? t.name,
        recruiting: input.recruiting ?? t.recruiting,
        leaderPersonId: input.leaderPersonId ?? t.leader_id,
      },
    });
    return present(actor)(await loadTeam(tx, actor, id));
  });
}

// ---------- members ----------

type MemberRow = {
  id: number;
  team_id: number;
  person_id: number;
  name: string;
  user_id: number | null;
  party: boolean;
  specialties: string[];
  home_label: string;
  role: TeamMember['role'];
  status: TeamMemberStatus;
  joined_at: string | null;
  note: string | null;
  created_at: string;
};

const MEMBERS = sql`
  SELECT m.id, m.team_id, m.person_id, p.name, p.user_id, p.party_org_id IS NOT NULL AS party, p.specialties,
         (SELECT string_agg(a.name, ' ' ORDER BY nlevel(a.path)) FROM regions a
           WHERE a.district_id = h.district_id AND a.path @> h.path AND nlevel(a.path) >= 3) AS home_label,
         m.role, m.status, m.joined_at, m.note, m.created_at
    FROM team_members m
    JOIN LATERAL (${personRow(sql`m.district_id`, sql`m.person_id`)}) p ON true
    JOIN regions h ON h.district_id = m.district_id AND h.id = p.home_region_id`;

/**
 * `full` for those who run the team; `named` for them and the team's own members, who
 * know each other. Everyone else sees the leader (the team's contact) by name and the
 * rest masked.
 */
const presentMember =
  (full: boolean, named = full, self: number | null = null) =>
  (m: MemberRow): TeamMember => ({
    id: m.id,
    person: {
      id: m.person_id,
      name: named || m.role === 'leader' || m.person_id === self ? m.name : maskName(m.name),
    },
    party: m.party,
    specialties: m.specialties,
    // Where members live is for those who run the team.
    homeLabel: full ? m.home_label : '',
    role: m.role,
    status: m.status,
    joinedAt: iso(m.joined_at),
    note: full ? m.note : null,
    createdAt: iso(m.created_at)!,
  });

/** Who is in the team: all of it for those who run it; its active members for everyone else. */
export async function listTeamMembers(
  db: Tx,
  actor: Actor,
  id: number,
  q: z.infer<typeof TeamMemberListQuery>,
) {
  const t = await loadTeam(db, actor, id);
  const full = teamPolicy.run(actor, t);
  const where: SQL[] = [sql`m.district_id = ${actor.districtId}`, sql`m.team_id = ${id}`];
  // Everyone sees the active members; each person also their own application or invitation, to answer it.
  if (!full) where.push(sql`(m.status = 'active' OR m.person_id = ${actor.personId ?? 0})`);
  if (q.status) where.push(sql`m.status = ${q.status}`);
  return pageOf(
    db,
    q,
    {
      select: MEMBERS,
      where: sql.join(where, sql` AND `),
      orderBy: sql`m.status = 'applied' DESC, m.role = 'leader' DESC, m.role = 'backbone' DESC, m.joined_at, m.id`,
    },
    presentMember(full, full || t.my_status === 'active', actor.personId),
  );
}

async function memberRow(tx: Tx, actor: Actor, teamId: number, memberId: number) {
  const { rows } = await tx.execute<MemberRow>(sql`${MEMBERS}
    WHERE m.district_id = ${actor.districtId} AND m.team_id = ${teamId} AND m.id = ${memberId} FOR UPDATE OF m`);
  if (!rows[0]) throw notFound();
  return rows[0];
}

const teamLink = (id: number) => `/teams/${id}`;

/** A person asks to join; the leader is told. */
export async function applyToTeam(db: Tx, actor: Actor, id: number, note: string) {
  return db.transaction(async (tx) => {
    if (actor.personId === null) throw unprocessable('need_no_person');
    const t = await loadTeam(tx, actor, id);
    if (t.retired_at) throw conflict('team_retired');
    if (!t.recruiting) throw unprocessable('team_not_recruiting');
    const { rows } = await tx.execute<{ id: number }>(sql`
      INSERT INTO team_members (district_id, team_id, person_id, status, note)
      VALUES (${actor.districtId}, ${id}, ${actor.personId}, 'applied', ${note || null})
      ON CONFLICT DO NOTHING RETURNING id`);
    if (!rows[0]) throw conflict('team_member_exists');
    await tellLeader(tx, actor, t, 'notify_team_application', { name: actor.displayName, team: t.name });
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: t.region_id,
      action: 'team.apply',
      entityType: 'team_member',
      entityId: rows[0].id,
      after: { teamId: id },
    });
    return presentMember(true)(
      (
        await tx.execute<MemberRow>(
          sql`${MEMBERS} WHERE m.district_id = ${actor.districtId} AND m.id = ${rows[0].id}`,
        )
      ).rows[0]!,
    );
  });
}

async function tellLeader(
  tx: Tx,
  actor: Actor,
  t: Row,
  key: 'notify_team_application' | 'notify_team_invite_answered',
  params: Record<string, string>,
) {
  if (t.leader_id === null) return;
  const { rows } = await tx.execute<{ user_id: number | null }>(
    personRow(sql`${actor.districtId}`, sql`${t.leader_id}`),
  );
  await notify(
    tx,
    { districtId: actor.districtId, userId: rows[0]?.user_id ?? null },
    key,
    params,
    teamLink(t.id),
  );
}

/** The leader invites someone of the team's street; they are told and answer. */
export async function inviteToTeam(db: Tx, actor: Actor, id: number, personId: number, note: string) {
  return db.transaction(async (tx) => {
    const t = await loadTeam(tx, actor, id);
    allow(teamPolicy.run(actor, t));
    if (t.retired_at) throw conflict('team_retired');
    const person = await leaderFor(tx, actor, personId, t.region_path).catch(() => {
      throw unprocessable('team_member_outside');
    });
    const { rows } = await tx.execute<{ id: number }>(sql`
      INSERT INTO team_members (district_id, team_id, person_id, status, note, decided_by)
      VALUES (${actor.districtId}, ${id}, ${person.id}, 'invited', ${note || null}, ${actor.userId})
      ON CONFLICT DO NOTHING RETURNING id`);
    if (!rows[0]) throw conflict('team_member_exists');
    await notify(
      tx,
      { districtId: actor.districtId, userId: person.user_id },
      'notify_team_invited',
      { team: t.name },
      teamLink(id),
    );
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: t.region_id,
      action: 'team.invite',
      entityType: 'team_member',
      entityId: rows[0].id,
      after: { teamId: id, personId },
    });
    return presentMember(true)(
      (
        await tx.execute<MemberRow>(
          sql`${MEMBERS} WHERE m.district_id = ${actor.districtId} AND m.id = ${rows[0].id}`,
        )
      ).rows[0]!,
    );
  });
}

/**
 * An answer: the leader accepts or declines an application; the invited person accepts or
 * declines an invitation. Either way the other side is told.
 */
export async function decideMembership(
  db: Tx,
  actor: Actor,
  teamId: number,
  memberId: number,
  decision: 'accept' | 'decline',
  reason: string | undefined,
) {
  return db.transaction(async (tx) => {
    const t = await loadTeam(tx, actor, teamId);
    const m = await memberRow(tx, actor, teamId, memberId);
    // Only those who may see it learn that it is already answered.
    allow(teamPolicy.seeMembership(actor, t, m));
    if (m.status !== 'applied' && m.status !== 'invited') throw conflict('team_member_decided');
    allow(teamPolicy.answer(actor, t, m));
    const status = decision === 'accept' ? 'active' : 'declined';
    await tx.execute(sql`UPDATE team_members SET status = ${status}, note = coalesce(${reason ?? null}, note),
        joined_at = ${status === 'active' ? sql`now()` : sql`NULL`}, decided_by = ${actor.userId}, decided_at = now(), updated_at = now()
      WHERE district_id = ${actor.districtId} AND id = ${memberId}`);
    if (m.status === 'applied') {
      await notify(
        tx,
        { districtId: actor.districtId, userId: m.user_id },
        decision === 'accept' ? 'notify_team_accepted' : 'notify_team_declined',
        { team: t.name, reason: reason ?? '' },
        teamLink(teamId),
      );
    } else {
      await tellLeader(tx, actor, t, 'notify_team_invite_answered', {
        name: m.name,
        team: t.name,
        answer: decision === 'accept' ? 'team.accepted' : 'team.declined',
      });
    }
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: t.region_id,
      action: `team.${decision}`,
      entityType: 'team_member',
      entityId: memberId,
      before: { status: m.status },
      after: { status, reason: reason ?? null },
    });
    return presentMember(true)(await memberRow(tx, actor, teamId, memberId));
  });
}

/** The leader gives a member a role, or a member leaves (or is taken off, by the leader). */
export async function updateMembership(
  db: Tx,
  actor: Actor,
  teamId: number,
  memberId: number,
  change: { role?: TeamMember['role']; leave?: boolean },
) {
  return db.transaction(async (tx) => {
    const t = await loadTeam(tx, actor, teamId);
    const m = await memberRow(tx, actor, teamId, memberId);
    allow(teamPolicy.changeMember(actor, t, m, change.leave === true));
    if (m.status !== 'active') throw conflict('team_member_decided');
    if (m.role === 'leader' || change.role === 'leader') throw unprocessable('team_leader_change');
    if (change.leave) {
      await tx.execute(sql`UPDATE team_members SET status = 'left', updated_at = now()
        WHERE district_id = ${actor.districtId} AND id = ${memberId}`);
    } else if (change.role) {
      await tx.execute(sql`UPDATE team_members SET role = ${change.role}, updated_at = now()
        WHERE district_id = ${actor.districtId} AND id = ${memberId}`);
    }
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: t.region_id,
      action: change.leave ? 'team.leave' : 'team.role',
      entityType: 'team_member',
      entityId: memberId,
      before: { status: m.status, role: m.role },
      after: change.leave ? { status: 'left' } : { role: change.role },
    });
    return presentMember(true)(await memberRow(tx, actor, teamId, memberId));
  });
}

/** What the team has done: project roles it claimed, dedication-day tasks it staffed. */
export async function teamActivities(
  db: Tx,
  actor: Actor,
  id: number,
  q: { page: number; pageSize: number },
) {
  await loadTeam(db, actor, id);
  // Each owner gives its part in the same columns; one UNION keeps the order and the page in SQL.
  const activity = sql`${teamClaimActivity(actor.districtId, id)}
    UNION ALL ${teamSignupActivity(actor.districtId, id)}`;
  const [page, count] = await Promise.all([
    db.execute<{
      kind: 'claim' | 'signup';
      id: number;
      title: string;
      at: string;
      link: string;
      people: number;
      hours: number;
    }>(
      sql`SELECT * FROM (${activity}) a ORDER BY a.at DESC LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
    ),
    db.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM (${activity}) a`),
  ]);
  return {
    items: page.rows.map((a) => ({ ...a, at: iso(a.at)! })),
    total: count.rows[0]?.n ?? 0,
  };
}

/** The active members among `personIds`, or a refusal naming the first who is not. */
export async function activeMembers(tx: Tx, districtId: number, teamId: number, personIds: number[]) {
  if (!personIds.length) return [];
  const { rows } = await tx.execute<{ person_id: number }>(sql`
    SELECT person_id FROM team_members WHERE district_id = ${districtId} AND team_id = ${teamId} AND status = 'active'
       AND person_id = ANY(${`{${personIds.join(',')}}`}::bigint[])`);
  const found = new Set(rows.map((r) => r.person_id));
  const stranger = personIds.find((p) => !found.has(p));
  if (stranger !== undefined) throw unprocessable('team_not_member', { personId: stranger });
  return personIds;
}
