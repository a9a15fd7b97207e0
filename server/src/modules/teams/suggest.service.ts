/**
 * Suggestions: who to ask for a team, a project role or a dedication-day task. Among the
 * Party members and team members of the place's street, the database finds the first few in
 * the ranking's order — specialties, how near home is, free at that time, fewer hours in the
 * last 90 days — reading only as much of the street as it takes (`candidatesSql`); `rank`
 * orders those and says why.
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
  /** SQL: the person (`person`, an id column) is already in — a member of the team, a claimant of the role, signed up for the day. */
  already: (person: SQL) => SQL;
};

async function targetOf(db: Tx, actor: Actor, q: z.infer<typeof SuggestionQuery>): Promise<Target> {
  const given = [q.teamId, q.roleId, q.taskId].filter((x) => x !== undefined);
  if (given.length !== 1) throw unprocessable('suggest_one_target');
  const d = actor.districtId;
  if (q.teamId) {
    const t = await loadTeam(db, actor, q.teamId);
    allow(teamPolicy.run(actor, t));
    return {
      path: t.region_path,
      wanted: [t.specialty],
      during: null,
      already: (
        person,
      ) => sql`EXISTS (SELECT 1 FROM team_members m WHERE m.district_id = ${d} AND m.team_id = ${t.id}
                    AND m.person_id = ${person} AND m.status IN ('active', 'applied', 'invited'))`,
    };
  }
  if (q.roleId) {
    const roleId = q.roleId;
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
       WHERE ro.district_id = ${d} AND ro.id = ${roleId}`);
    const role = rows[0];
    if (!role) throw notFound();
    allow(projectPolicy.manage(actor, { region_path: role.path }), 'out_of_scope');
    return {
      path: role.path,
      wanted: [...new Set([...role.specialties, ...(ROLE_SPECIALTIES[role.kind] ?? [])])],
      during: { from: role.starts_at, to: role.ends_at },
      already: (
        person,
      ) => sql`EXISTS (SELECT 1 FROM claims c WHERE c.district_id = ${d} AND c.role_id = ${roleId}
                    AND c.person_id = ${person} AND c.status = 'active')`,
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
     WHERE t.district_id = ${d} AND t.id = ${q.taskId!}`);
  const task = rows[0];
  if (!task) throw notFound();
  allow(dedicationPolicy.organise(actor, { region_path: task.path }), 'out_of_scope');
  return {
    path: task.path,
    wanted: task.specialties,
    during: { from: task.starts_at, to: task.ends_at },
    already: (
      person,
    ) => sql`EXISTS (SELECT 1 FROM signups s WHERE s.district_id = ${d} AND s.occurrence_id = ${task.occurrence_id}
                  AND s.person_id = ${person} AND s.status IN ('signed', 'waiting'))`,
  };
}

/** SQL: the people taken by something else overlapping `during` (a claim, a claim's member, a sign-up). */
const busyDuring = (d: number, during: { from: string; to: string }) => {
  const span = sql`tstzrange(${during.from}::timestamptz, ${during.to}::timestamptz)`;
  return sql`
    SELECT c.person_id FROM project_roles ro JOIN claims c ON c.district_id = ro.district_id AND c.role_id = ro.id
     WHERE ro.district_id = ${d} AND tstzrange(ro.starts_at, ro.ends_at) && ${span}
       AND c.status = 'active' AND c.person_id IS NOT NULL
    UNION ALL
    SELECT cm.person_id FROM claim_members cm JOIN claims c ON c.district_id = cm.district_id AND c.id = cm.claim_id
      JOIN project_roles ro ON ro.district_id = c.district_id AND ro.id = c.role_id
     WHERE cm.district_id = ${d} AND c.status = 'active' AND tstzrange(ro.starts_at, ro.ends_at) && ${span}
    UNION ALL
    SELECT s.person_id FROM signups s JOIN dedication_tasks t ON t.district_id = s.district_id AND t.id = s.task_id
     WHERE s.district_id = ${d} AND s.status IN ('signed', 'waiting') AND tstzrange(t.starts_at, t.ends_at) && ${span}`;
};

/**
 * A ring of the place's surroundings, nearest first: the homes under `under` and not under the
 * nearer ring's `nearer`, all at one `near` (4 same entrance … 1 same street; 0 when the place
 * is the whole district).
 */
type Ring = { near: number; under: string; nearer: string | null };

function ringsOf(path: string): Ring[] {
  const labels = path.split('.');
  const street = labels.slice(0, 2).join('.');
  const deepest = labels.length >= 2 ? Math.min(labels.length - 1, 4) : 0;
  const at = (near: number) => (near >= 2 ? labels.slice(0, near + 1).join('.') : street);
  const rings: Ring[] = [];
  for (let near = deepest; near >= Math.min(1, deepest); near--)
    rings.push({ near, under: at(near), nearer: near < deepest ? at(near + 1) : null });
  return rings;
}

const inRing = (path: SQL, r: Ring) =>
  r.nearer === null
    ? sql`${path} <@ ${r.under}::ltree`
    : sql`${path} <@ ${r.under}::ltree AND NOT ${path} <@ ${r.nearer}::ltree`;

/**
 * The specialties wanted, written into the statement (codes of the managed list, in its form;
 * anything else goes as a parameter): the plan then knows how common each is — the few
 * security volunteers are found through the specialties index, the many medics through the
 * street's homes.
 */
const codes = (wanted: string[]): SQL =>
  wanted.every((c) => /^[a-z_]{2,30}$/.test(c))
    ? sql.raw(`'{${wanted.join(',')}}'::text[]`)
    : sql`${`{${wanted.map((c) => `"${c.replace(/["\\]/g, '\\$&')}"`).join(',')}}`}::text[]`;

/** SQL: the confirmed service hours of person `g` in the last 90 days. */
const recentOf = (d: number) => sql`(SELECT coalesce(sum(e.quantity), 0)::float8 FROM ledger_entries e
   WHERE e.district_id = ${d} AND e.person_id = g.id AND e.kind = 'service_hours' AND e.at > now() - interval '90 days')`;

/**
 * One group of candidates (`source` rows meeting `cond`, all at one nearness and specialty
 * match) in the ranking's order: fewer recent hours first, then by id. Originals are positive,
 * so only someone with a correction in the window can have hours below zero, or zero with
 * entries; for everyone else no entries means zero. So the few with corrections below zero come
 * first, then those at zero by id — found a few at a time, a look at the index each — and
 * hours are summed for the rest only when the group runs out of those.
 */
function group(d: number, source: string, cond: SQL, near: number): SQL {
  const from = sql.raw(source);
  const cols = sql`g.id, g.name, g.party, g.specialties, g.home_id, ${sql.raw(String(near))} AS near`;
  const corrected = sql`g.id IN (SELECT person_id FROM corrected)`;
  return sql`
    (SELECT * FROM (SELECT ${cols}, ${recentOf(d)} AS recent FROM ${from} g WHERE ${cond} AND ${corrected} OFFSET 0) g
      WHERE g.recent < 0 ORDER BY g.recent, g.id)
    UNION ALL
    (SELECT ${cols}, 0::float8 AS recent FROM (SELECT * FROM ${from} g WHERE ${cond} ORDER BY g.id OFFSET 0) g
      WHERE CASE WHEN ${corrected} THEN ${recentOf(d)} = 0
            ELSE NOT EXISTS (SELECT 1 FROM ledger_entries e WHERE e.district_id = ${d} AND e.person_id = g.id
                              AND e.kind = 'service_hours' AND e.at > now() - interval '90 days') END)
    UNION ALL
    (SELECT * FROM (SELECT ${cols}, ${recentOf(d)} AS recent FROM ${from} g WHERE ${cond} OFFSET 0) g
      WHERE g.recent > 0 ORDER BY g.recent, g.id)`;
}

/**
 * The first `limit` candidates in the ranking's order — specialties matched, then nearness,
 * then recent hours, then id — as one statement that stops once it has them. The pool is the
 * street's Party members and the members of its teams living in it; it is read ring by ring
 * (the place's own entrance, building, community, then the rest of the street), each ring once,
 * and a group's hours are counted only if the ranking reaches that group.
 */
function candidatesSql(d: number, target: Target, limit: number, locale: Locale): SQL {
  const rings = ringsOf(target.path);
  const street = rings[rings.length - 1]!.under;
  const outer = rings[rings.length - 1]!;
  const want = [...new Set(target.wanted)];
  const wanted = want.length ? codes(want) : null;
  // How many of the specialties wanted the person `g` has.
  const matches = sql.join(
    want.map((w) => sql`(g.specialties @> ${codes([w])})::int`),
    sql` + `,
  );
  const ctes: SQL[] = [
    // The members of the street's teams who live in the street, Party members or not.
    sql`tm_pool AS MATERIALIZED (
      SELECT DISTINCT p.id, p.name, p.party, p.specialties, h.id AS home_id, h.path AS home
        FROM team_members m
        CROSS JOIN LATERAL (SELECT pp.id, pp.name, pp.party_org_id IS NOT NULL AS party, pp.specialties, pp.home_region_id
                              FROM people pp WHERE pp.district_id = m.district_id AND pp.id = m.person_id OFFSET 0) p
        JOIN regions h ON h.district_id = m.district_id AND h.id = p.home_region_id
       WHERE m.district_id = ${d} AND m.status = 'active' AND h.path <@ ${street}::ltree
         AND m.team_id = ANY(ARRAY(SELECT tm.id FROM teams tm JOIN regions r ON r.district_id = tm.district_id AND r.id = tm.region_id
                                    WHERE tm.district_id = ${d} AND r.path <@ ${street}::ltree)))`,
    sql`corrected AS MATERIALIZED (
      SELECT e.person_id FROM ledger_entries e
       WHERE e.district_id = ${d} AND e.corrects_id IS NOT NULL AND e.person_id IS NOT NULL
         AND e.kind = 'service_hours' AND e.at > now() - interval '90 days')`,
    ...rings.map(
      (r) => sql`${sql.raw(`ring${r.near}`)} AS MATERIALIZED (
      SELECT p.id, p.name, true AS party, p.specialties, h.id AS home_id
        FROM regions h JOIN people p ON p.district_id = h.district_id AND p.home_region_id = h.id AND p.party_org_id IS NOT NULL
       WHERE h.district_id = ${d} AND ${inRing(sql`h.path`, r)}
      UNION
      SELECT t.id, t.name, t.party, t.specialties, t.home_id FROM tm_pool t WHERE ${inRing(sql`t.home`, r)})`,
    ),
  ];
  // Those of the outermost ring (the street) with a specialty wanted — with all of them, and with
  // any — found through the specialties rather than through every home of the street.
  const matching = (name: string, test: SQL) =>
    sql`${sql.raw(name)} AS MATERIALIZED (
      SELECT p.id, p.name, true AS party, p.specialties, h.id AS home_id
        FROM people p JOIN regions h ON h.district_id = p.district_id AND h.id = p.home_region_id
       WHERE p.district_id = ${d} AND p.party_org_id IS NOT NULL AND p.specialties ${test} AND ${inRing(sql`h.path`, outer)}
      UNION
      SELECT t.id, t.name, t.party, t.specialties, t.home_id FROM tm_pool t
       WHERE t.specialties ${test} AND ${inRing(sql`t.home`, outer)})`;
  if (wanted) ctes.push(matching('matching_any', sql`&& ${wanted}`));
  if (want.length > 1) ctes.push(matching('matching_all', sql`@> ${wanted}`));
  if (target.during) ctes.push(sql`busy AS MATERIALIZED (${busyDuring(d, target.during)})`);
  const groups: SQL[] = [];
  for (let m = want.length; m >= 1; m--)
    for (const r of rings)
      groups.push(
        group(
          d,
          r !== outer ? `ring${r.near}` : m === want.length && m > 1 ? 'matching_all' : 'matching_any',
          sql`${matches} = ${sql.raw(String(m))}`,
          r.near,
        ),
      );
  for (const r of rings)
    groups.push(group(d, `ring${r.near}`, wanted ? sql`NOT g.specialties && ${wanted}` : sql`true`, r.near));
  const names = wanted
    ? sql`(SELECT json_object_agg(s.code, ${locale === 'en' ? sql`s.name_en` : sql`s.name_zh`}) FROM specialties s WHERE s.code = ANY(${wanted}))`
    : sql`NULL::json`;
  // Each group in order, then the next (the union is read in order, and only as far as needed).
  return sql`
    WITH ${sql.join(ctes, sql`,\n`)}
    SELECT p.id, p.name, p.party, p.specialties, p.near, p.recent, ${names} AS names,
           (SELECT string_agg(a.name, ' ' ORDER BY nlevel(a.path)) FROM regions h JOIN regions a
              ON a.district_id = h.district_id AND a.path @> h.path AND nlevel(a.path) >= 3
             WHERE h.district_id = ${d} AND h.id = p.home_id) AS home_label
      FROM (${sql.join(groups, sql`\n    UNION ALL`)}
            OFFSET 0) p
     WHERE ${target.during ? sql`p.id NOT IN (SELECT person_id FROM busy) AND` : sql``} NOT ${target.already(sql`p.id`)}
     LIMIT ${sql.raw(String(limit))}`;
}

export async function suggest(
  db: Tx,
  actor: Actor,
  q: z.infer<typeof SuggestionQuery>,
  locale: Locale,
): Promise<Suggestion[]> {
  const target = await targetOf(db, actor, q);
  const { rows } = await db.execute<{
    id: number;
    name: string;
    party: boolean;
    specialties: string[];
    home_label: string | null;
    near: number;
    recent: number;
    names: Record<string, string> | null;
  }>(candidatesSql(actor.districtId, target, q.limit, locale));
  const candidates: Candidate[] = rows.map((r) => ({
    personId: r.id,
    name: r.name,
    party: r.party,
    homeLabel: r.home_label ?? '',
    specialties: r.specialties,
    near: r.near,
    recentHours: r.recent,
    busy: false,
  }));
  const ranked = rank(candidates, target.wanted, q.limit, target.during !== null);
  const names = new Map(Object.entries(rows[0]?.names ?? {}));
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
