/** A project's and a claim's rows as read from SQL, and how they are presented: shared by the projects' and the claims' services. */

import { type SQL, sql } from 'drizzle-orm';
import type { Claim, Project, ProjectStatus } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { unitScopes } from '../../auth/authorize';
import type { Tx } from '../../db/client';
import type { SortKey } from '../../db/paging';
import { notFound } from '../../errors';
import { iso } from '../../http';
import { personRow } from '../members/members.queries';
import { maskName } from '../members/privacy';
import { teamRow } from '../teams/teams.queries';
import { unitRow } from '../units/units.queries';
import { claimCan, projectPolicy } from './projects.policy';

export type Row = {
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
export function mine(actor: Actor): SQL {
  const same = sql`c.district_id = ro.district_id AND c.role_id = ro.id AND c.status = 'active'`;
  const ways: SQL[] = [];
  const units = unitScopes(actor, 'unit.read');
  if (actor.personId) {
    ways.push(sql`EXISTS (SELECT 1 FROM claims c WHERE ${same} AND c.person_id = ${actor.personId})`);
    ways.push(sql`EXISTS (SELECT 1 FROM claims c JOIN LATERAL (${teamRow(sql`c.district_id`, sql`c.team_id`)}) tm ON true
                           WHERE ${same} AND c.team_id IS NOT NULL AND tm.leader_person_id = ${actor.personId})`);
  }
  if (units.length)
    ways.push(
      sql`EXISTS (SELECT 1 FROM claims c WHERE ${same} AND c.unit_id = ANY(${`{${units.join(',')}}`}::bigint[]))`,
    );
  return ways.length ? sql`(${sql.join(ways, sql` OR `)})` : sql`false`;
}

export const select = (actor: Actor) => sql`
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

export const present = (r: Row): Project => {
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

export async function load(db: Tx, actor: Actor, id: number, lock = false): Promise<Row> {
  const { rows } =
    await db.execute<Row>(sql`${select(actor)} WHERE pr.district_id = ${actor.districtId} AND pr.id = ${id}
    AND ${projectPolicy.visible(actor)} ${lock ? sql`FOR NO KEY UPDATE OF pr` : sql``}`);
  if (!rows[0]) throw notFound();
  return rows[0];
}

export type ClaimRow = {
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

/**
 * The claims' columns, each claim read from `source` as `c`: the table, or the RETURNING * of
 * the statement that has just made it (it answers with the claim in the same trip).
 */
export const claimsFrom = (source: SQL) => sql`
  SELECT c.id, c.project_id, pr.title AS project_title, c.role_id, ro.kind::text AS role_kind, ro.custom_name AS role_custom_name,
         ro.starts_at AS role_starts_at, ro.ends_at AS role_ends_at, ro.hours_per_slot::float8 AS role_hours,
         c.person_id, p.name AS person_name, p.user_id AS person_user_id, c.unit_id, u.name AS unit_name,
         c.team_id, tm.name AS team_name, tm.leader_person_id AS team_leader_id, tr.path::text AS team_path,
         c.slots, c.status, c.reason, c.hours_confirmed::float8 AS hours_confirmed, c.named, c.created_at,
         CASE WHEN c.named = 0 THEN '[]'::json ELSE (
           SELECT json_agg(json_build_object('id', m.person_id, 'name', mp.name, 'user_id', mp.user_id,
                                             'hours', m.hours_confirmed::float8) ORDER BY m.id)
             FROM claim_members m JOIN LATERAL (${personRow(sql`m.district_id`, sql`m.person_id`)}) mp ON true
            WHERE m.district_id = c.district_id AND m.claim_id = c.id) END AS members,
         pr.region_id, r.path::text AS region_path, pr.status AS project_status
    FROM ${source} c
    JOIN projects pr ON pr.district_id = c.district_id AND pr.id = c.project_id
    JOIN project_roles ro ON ro.district_id = c.district_id AND ro.id = c.role_id
    JOIN regions r ON r.district_id = pr.district_id AND r.id = pr.region_id
    LEFT JOIN LATERAL (${personRow(sql`c.district_id`, sql`c.person_id`)}) p ON true
    LEFT JOIN LATERAL (${unitRow(sql`c.district_id`, sql`c.unit_id`)}) u ON true
    LEFT JOIN LATERAL (${teamRow(sql`c.district_id`, sql`c.team_id`)}) tm ON true
    LEFT JOIN regions tr ON tr.district_id = tm.district_id AND tr.id = tm.region_id`;
export const CLAIMS = claimsFrom(sql`claims`);

/** The claims' order on a project's page: role by role, oldest first (index claims_project_order_idx). */
export const CLAIM_ORDER: SortKey[] = [
  { sql: sql`c.role_id`, type: 'bigint' },
  { sql: sql`c.created_at`, type: 'timestamptz' },
  { sql: sql`c.id`, type: 'bigint' },
];

/** A claim as its reader sees it, with what they may do to it. */
export const presentClaim = (actor: Actor, c: ClaimRow): Claim => ({
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
  mine: projectPolicy.isTheirs(actor, c),
  can: claimCan(actor, c),
});

/** Someone else's claim on a public project: units and teams by name, people masked. */
export function maskedClaim(actor: Actor, c: ClaimRow): Claim {
  const claim = presentClaim(actor, c);
  return {
    ...claim,
    claimant:
      claim.claimant.kind === 'person'
        ? { ...claim.claimant, name: maskName(claim.claimant.name) }
        : claim.claimant,
    members: claim.members.map((m) => ({ ...m, name: maskName(m.name) })),
  };
}
