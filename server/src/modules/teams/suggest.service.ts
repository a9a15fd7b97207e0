/**
 * Suggestions: who to ask for a team, a project role or a dedication-day task. The
 * database gathers each candidate's facts — specialties, how near home is, whether they
 * are busy then, their hours of the last 90 days — for the Party members and team members
 * of the place's street; `rank` orders them and says why.
 */

import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Suggestion, SuggestionQuery } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { allow } from '../../auth/authorize';
import type { Tx } from '../../db/client';
import { notFound, unprocessable } from '../../errors';
import { type Locale, labelOf, message } from '../../i18n';
import { dedicationPolicy } from '../dedication-days/dedication-days.policy';
import { projectPolicy } from '../projects/projects.policy';
import { type Candidate, type Reason, rank } from './ranking';
import { teamPolicy } from './teams.policy';
import { loadTeam } from './teams.service';

/** The specialties a canonical role calls for, besides those the organiser listed. */
const ROLE_SPECIALTIES: Record<string, string[]> = {
  policy_publicist: ['policy'],
  security_patrol: ['security'],
  health_worker: ['medical', 'nursing'],
  legal_explainer: ['legal'],
};

type Target = {
  path: string;
  wanted: string[];
  /** The time it takes people's, if any: those busy then are left out. */
  during: { from: string; to: string } | null;
  /** Those already in: members of the team, claimants of the role, people signed up for the day. */
  already: SQL;
};

async function targetOf(db: Tx, actor: Actor, q: z.infer<typeof SuggestionQuery>): Promise<Target> {
  const given = [q.teamId, q.roleId, q.taskId].filter((x) => x !== undefined);
  if (given.length !== 1) throw unprocessable('suggest_one_target');
  if (q.teamId) {
    const t = await loadTeam(db, actor, q.teamId);
    allow(teamPolicy.run(actor, t));
    return {
      path: t.region_path,
      wanted: [t.specialty],
      during: null,
      already: sql`EXISTS (SELECT 1 FROM team_members m WHERE m.district_id = p.district_id AND m.team_id = ${t.id}
                    AND m.person_id = p.id AND m.status IN ('active', 'applied', 'invited'))`,
    };
  }
  if (q.roleId) {
    const { rows } = await db.execute<{
      path: string;
      kind: string;
      specialties: string[];
      starts_at: string;
      ends_at: string;
    }>(sql`
      SELECT r.path::text AS path, ro.kind::text AS kind, ro.specialties, ro.starts_at, ro.ends_at
        FROM project_roles ro JOIN projects pr ON pr.district_id = ro.district_id AND pr.id = ro.project_id
        JOIN regions r ON r.district_id = pr.district_id AND r.id = pr.region_id
       WHERE ro.district_id = ${actor.districtId} AND ro.id = ${q.roleId}`);
    const role = rows[0];
    if (!role) throw notFound();
    allow(projectPolicy.manage(actor, { region_path: role.path }), 'out_of_scope');
    return {
      path: role.path,
      wanted: [...new Set([...role.specialties, ...(ROLE_SPECIALTIES[role.kind] ?? [])])],
      during: { from: role.starts_at, to: role.ends_at },
      already: sql`EXISTS (SELECT 1 FROM claims c WHERE c.district_id = p.district_id AND c.role_id = ${q.roleId}
                    AND c.person_id = p.id AND c.status = 'active')`,
    };
  }
  const { rows } = await db.execute<{
    path: string;
    specialties: string[];
    starts_at: string;
    ends_at: string;
    occurrence_id: number;
  }>(sql`
    SELECT r.path::text AS path, t.specialties, t.starts_at, t.ends_at, t.occurrence_id
      FROM dedication_tasks t JOIN dedication_occurrences o ON o.district_id = t.district_id AND o.id = t.occurrence_id
      JOIN regions r ON r.district_id = o.district_id AND r.id = o.region_id
     WHERE t.district_id = ${actor.districtId} AND t.id = ${q.taskId!}`);
  const task = rows[0];
  if (!task) throw notFound();
  allow(dedicationPolicy.organise(actor, { region_path: task.path }), 'out_of_scope');
  return {
    path: task.path,
    wanted: task.specialties,
    during: { from: task.starts_at, to: task.ends_at },
    already: sql`EXISTS (SELECT 1 FROM signups s WHERE s.district_id = p.district_id AND s.occurrence_id = ${task.occurrence_id}
                  AND s.person_id = p.id AND s.status IN ('signed', 'waiting'))`,
  };
}

/** SQL: the person `p` has taken on something else overlapping `during`. */
const busyDuring = (during: { from: string; to: string }) => {
  const span = sql`tstzrange(${during.from}::timestamptz, ${during.to}::timestamptz)`;
  return sql`(
    EXISTS (SELECT 1 FROM claims c JOIN project_roles ro ON ro.district_id = c.district_id AND ro.id = c.role_id
             WHERE c.district_id = p.district_id AND c.person_id = p.id AND c.status = 'active'
               -- Stated, so the planner may use the partial index of active personal claims by role.
               AND c.person_id IS NOT NULL
               AND tstzrange(ro.starts_at, ro.ends_at) && ${span})
    OR EXISTS (SELECT 1 FROM claim_members cm JOIN claims c ON c.district_id = cm.district_id AND c.id = cm.claim_id
                 JOIN project_roles ro ON ro.district_id = c.district_id AND ro.id = c.role_id
                WHERE cm.district_id = p.district_id AND cm.person_id = p.id AND c.status = 'active'
                  AND tstzrange(ro.starts_at, ro.ends_at) && ${span})
    OR EXISTS (SELECT 1 FROM signups s JOIN dedication_tasks t ON t.district_id = s.district_id AND t.id = s.task_id
                WHERE s.district_id = p.district_id AND s.person_id = p.id AND s.status IN ('signed', 'waiting')
                  AND tstzrange(t.starts_at, t.ends_at) && ${span}))`;
};

export async function suggest(
  db: Tx,
  actor: Actor,
  q: z.infer<typeof SuggestionQuery>,
  locale: Locale,
): Promise<Suggestion[]> {
  const target = await targetOf(db, actor, q);
  const street = target.path.split('.').slice(0, 2).join('.');
  const levels = target.path.split('.').length;
  const nearSql = sql`CASE
      WHEN ${levels} >= 5 AND subpath(p.home, 0, 5) = subpath(${target.path}::ltree, 0, 5) THEN 4
      WHEN ${levels} >= 4 AND subpath(p.home, 0, 4) = subpath(${target.path}::ltree, 0, least(4, ${levels})) THEN 3
      WHEN ${levels} >= 3 AND subpath(p.home, 0, 3) = subpath(${target.path}::ltree, 0, least(3, ${levels})) THEN 2
      WHEN subpath(p.home, 0, 2) = ${street}::ltree THEN 1 ELSE 0 END`;
  const wanted = `{${target.wanted.join(',')}}`;
  // The pool: the street's Party members and the members of its teams, living in the street, not in already.
  const { rows } = await db.execute<{
    id: number;
    name: string;
    party: boolean;
    specialties: string[];
    home_label: string;
    near: number;
    matches: number;
    busy: boolean;
    recent: number;
  }>(sql`
    WITH pool AS (
      SELECT p.district_id, p.id, p.name, p.party_org_id IS NOT NULL AS party, p.specialties, h.id AS home_id, h.path AS home
        FROM regions h JOIN people p ON p.district_id = h.district_id AND p.home_region_id = h.id AND p.party_org_id IS NOT NULL
       WHERE h.district_id = ${actor.districtId} AND h.path <@ ${street}::ltree
      UNION
      SELECT p.district_id, p.id, p.name, p.party_org_id IS NOT NULL, p.specialties, h.id, h.path
        FROM team_members m
        JOIN teams tm ON tm.district_id = m.district_id AND tm.id = m.team_id
        JOIN regions r ON r.district_id = tm.district_id AND r.id = tm.region_id
        JOIN people p ON p.district_id = m.district_id AND p.id = m.person_id
        JOIN regions h ON h.district_id = p.district_id AND h.id = p.home_region_id
       WHERE m.district_id = ${actor.districtId} AND m.status = 'active' AND r.path <@ ${street}::ltree
         AND h.path <@ ${street}::ltree),
    c AS (
      SELECT p.id, p.name, p.party, p.specialties, p.home_id, p.district_id,
             cardinality(ARRAY(SELECT unnest(p.specialties) INTERSECT SELECT unnest(${wanted}::text[]))) AS matches,
             ${nearSql} AS near,
             ${target.during ? busyDuring(target.during) : sql`false`} AS busy
        FROM pool p
       WHERE NOT ${target.already}),
    -- Only the groups (specialty matches, nearness) that can reach the top need their hours counted.
    k AS (SELECT matches, near FROM c WHERE NOT busy ORDER BY matches DESC, near DESC OFFSET ${q.limit - 1} LIMIT 1)
    SELECT c.id, c.name, c.party, c.specialties, c.near, c.matches, c.busy,
           (SELECT string_agg(a.name, ' ' ORDER BY nlevel(a.path)) FROM regions h JOIN regions a
              ON a.district_id = h.district_id AND a.path @> h.path AND nlevel(a.path) >= 3
             WHERE h.district_id = c.district_id AND h.id = c.home_id) AS home_label,
           (SELECT coalesce(sum(e.quantity), 0)::float8 FROM ledger_entries e
             WHERE e.district_id = c.district_id AND e.person_id = c.id AND e.kind = 'service_hours'
               AND e.at > now() - interval '90 days') AS recent
      FROM c LEFT JOIN k ON true
     WHERE NOT c.busy AND (k.matches IS NULL OR (c.matches, c.near) >= (k.matches, k.near))`);
  const candidates: Candidate[] = rows.map((r) => ({
    personId: r.id,
    name: r.name,
    party: r.party,
    homeLabel: r.home_label ?? '',
    specialties: r.specialties,
    near: r.near,
    recentHours: r.recent,
    busy: r.busy,
  }));
  const ranked = rank(candidates, target.wanted, q.limit, target.during !== null);
  const names = await specialtyNames(db, locale);
  return ranked.map((r) => ({
    person: { id: r.personId, name: r.name },
    party: r.party,
    homeLabel: r.homeLabel,
    specialties: r.specialties,
    score: r.score,
    nearness: r.nearness,
    specialtyMatch: r.specialtyMatch,
    recentHours: r.recentHours,
    reasons: r.reasons.map((x) => say(x, locale, names)),
  }));
}

function say(r: Reason, locale: Locale, names: Map<string, string>): string {
  switch (r.key) {
    case 'suggest_specialty':
      return message(locale, r.key, {
        specialties: r.specialties.map((s) => names.get(s) ?? s).join(locale === 'en' ? ', ' : '、'),
      });
    case 'suggest_near':
      return message(locale, r.key, { place: labelOf(locale, `nearness.${r.nearness}`) });
    case 'suggest_recent':
      return message(locale, r.key, { hours: r.hours });
    default:
      return message(locale, r.key);
  }
}

async function specialtyNames(db: Tx, locale: Locale) {
  const { rows } = await db.execute<{ code: string; name: string }>(
    sql`SELECT code, ${locale === 'en' ? sql`name_en` : sql`name_zh`} AS name FROM specialties`,
  );
  return new Map(rows.map((r) => [r.code, r.name]));
}
