/**
 * Evaluations for the three honours, explainable to the last ledger entry. Computing
 * stores, for every candidate in scope, each act behind each criterion and the resulting
 * score; the ranking reads the stored result. Closing freezes it: entries arriving later
 * change nothing.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Criterion,
  DeductionBody,
  Evaluation,
  EvaluationCreateBody,
  EvaluationListQuery,
  Honour,
  ScoreListQuery,
} from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { allow } from '../../auth/authorize';
import type { Db, Tx } from '../../db/client';
import { pageOf } from '../../db/paging';
import { conflict, notFound, unprocessable } from '../../errors';
import { contains, iso } from '../../http';
import type { Locale } from '../../i18n';
import { userRow } from '../accounts/accounts.queries';
import { recordAudit } from '../audit/audit.service';
import { addDays, instant } from '../dedication-days/recurrence';
import { SOURCE_LABEL } from '../ledger/ledger.service';
import { districtPeople, personRow } from '../members/members.queries';
import { districtOrgs, orgRow } from '../party-orgs/party-orgs.queries';
import { districtTimeZone, regionForRead } from '../regions/regions.queries';
import { districtUnits } from '../units/units.queries';
import { evaluationCan, evaluationPolicy, scoreCan } from './evaluations.policy';
import { actPointsSql, criterionPoints } from './scoring';
import { templateOf } from './templates';

export type EvaluationRow = {
  id: number;
  honour: Honour;
  title: string;
  region_id: number;
  region_name: string;
  region_path: string;
  period_from: string;
  period_to: string;
  criteria: Criterion[];
  status: Evaluation['status'];
  candidates: number;
  computed_at: string | null;
  closed_at: string | null;
  nomination_quota: number;
  notice_from: string | null;
  notice_until: string | null;
  decided_at: string | null;
  published_at: string | null;
  created_at: string;
};

const SELECT = sql`
  SELECT ev.id, ev.honour, ev.title, ev.region_id, r.name AS region_name, r.path::text AS region_path,
         ev.period_from::text AS period_from, ev.period_to::text AS period_to, ev.criteria, ev.status,
         (SELECT count(*)::int FROM evaluation_scores s WHERE s.district_id = ev.district_id AND s.evaluation_id = ev.id) AS candidates,
         ev.computed_at, ev.closed_at, ev.nomination_quota, ev.notice_from, ev.notice_until, ev.decided_at,
         ev.published_at, ev.created_at
    FROM evaluations ev JOIN regions r ON r.district_id = ev.district_id AND r.id = ev.region_id`;

export const present = (actor: Actor, e: EvaluationRow): Evaluation => ({
  id: e.id,
  honour: e.honour,
  title: e.title,
  regionId: e.region_id,
  regionName: e.region_name,
  periodFrom: e.period_from,
  periodTo: e.period_to,
  criteria: e.criteria,
  status: e.status,
  candidates: e.candidates,
  computedAt: iso(e.computed_at),
  closedAt: iso(e.closed_at),
  nominationQuota: e.nomination_quota,
  noticeFrom: iso(e.notice_from),
  noticeUntil: iso(e.notice_until),
  decidedAt: iso(e.decided_at),
  publishedAt: iso(e.published_at),
  createdAt: iso(e.created_at)!,
  can: evaluationCan(actor, e),
});

/** An evaluation the actor may read: in (or above) their area. */
export async function load(db: Tx, actor: Actor, id: number, lock = false): Promise<EvaluationRow> {
  const { rows } =
    await db.execute<EvaluationRow>(sql`${SELECT} WHERE ev.district_id = ${actor.districtId} AND ev.id = ${id}
    ${lock ? sql`FOR UPDATE OF ev` : sql``}`);
  const e = rows[0];
  if (!e) throw notFound();
  return e;
}

export const getEvaluation = async (db: Tx, actor: Actor, id: number) =>
  present(actor, await load(db, actor, id));

/** Evaluations are district-wide business: those who may read evaluations see them all. */
export async function listEvaluations(db: Tx, actor: Actor, q: z.infer<typeof EvaluationListQuery>) {
  const where: SQL[] = [sql`ev.district_id = ${actor.districtId}`];
  if (q.honour) where.push(sql`ev.honour = ${q.honour}`);
  if (q.year) where.push(sql`extract(year FROM ev.period_from) = ${q.year}`);
  return pageOf(
    db,
    q,
    { select: SELECT, where: sql.join(where, sql` AND `), orderBy: sql`ev.period_from DESC, ev.id DESC` },
    (e: EvaluationRow) => present(actor, e),
  );
}

export const templates = (locale: Locale) =>
  (['outstanding_member', 'advanced_party_org', 'civilized_unit'] as const).map((honour) => ({
    honour,
    criteria: templateOf(honour, locale),
  }));

export async function createEvaluation(
  db: Db,
  actor: Actor,
  input: z.infer<typeof EvaluationCreateBody>,
  locale: Locale,
) {
  if (input.periodTo < input.periodFrom) throw unprocessable('rule_broken', { constraint: 'period' });
  const criteria = input.criteria ?? templateOf(input.honour, locale);
  if (new Set(criteria.map((c) => c.key)).size !== criteria.length)
    throw unprocessable('rule_broken', { constraint: 'criterion_keys' });
  const id = await db.transaction(async (tx) => {
    const region = await regionForRead(tx, actor, input.regionId, 'evaluation.manage');
    const { rows } = await tx.execute<{ id: number }>(sql`
      INSERT INTO evaluations (district_id, region_id, honour, title, period_from, period_to, criteria,
                               nomination_quota, created_by)
      VALUES (${actor.districtId}, ${region.id}, ${input.honour}, ${input.title}, ${input.periodFrom}, ${input.periodTo},
              ${JSON.stringify(criteria)}::jsonb, ${input.nominationQuota}, ${actor.userId})
      RETURNING id`);
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: region.id,
      action: 'evaluation.create',
      entityType: 'evaluation',
      entityId: rows[0]!.id,
      after: {
        honour: input.honour,
        title: input.title,
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
      },
    });
    return rows[0]!.id;
  });
  return computeEvaluation(db, actor, id);
}

/** The candidates of an honour in a region: Party members, units, or Party organisations. */
function candidates(honour: Honour, districtId: number, path: string): SQL {
  if (honour === 'outstanding_member')
    return sql`SELECT p.id, p.name, hc.id AS region_id FROM (${districtPeople(districtId)}) p
      JOIN regions h ON h.district_id = p.district_id AND h.id = p.home_region_id
      JOIN regions hc ON hc.district_id = h.district_id AND hc.path = subpath(h.path, 0, least(3, nlevel(h.path)))
      JOIN LATERAL (${orgRow(sql`p.district_id`, sql`p.party_org_id`)}) o ON true
      JOIN regions orr ON orr.district_id = o.district_id AND orr.id = o.region_id
     WHERE h.path <@ ${path}::ltree OR orr.path <@ ${path}::ltree`;
  if (honour === 'civilized_unit')
    return sql`SELECT u.id, u.name, u.region_id FROM (${districtUnits(districtId)}) u
      JOIN regions r ON r.district_id = u.district_id AND r.id = u.region_id
     WHERE r.path <@ ${path}::ltree`;
  return sql`SELECT o.id, o.name, o.region_id FROM (${districtOrgs(districtId)}) o
      JOIN regions r ON r.district_id = o.district_id AND r.id = o.region_id
     WHERE r.path <@ ${path}::ltree`;
}

/** The original entries (acts) of a criterion and whose they count as, with their net quantity. */
function actsOf(honour: Honour, c: Criterion, districtId: number, from: string, to: string): SQL {
  const base = sql`o.district_id = ${districtId} AND o.corrects_id IS NULL AND o.kind = ${c.kind}
    AND o.at >= ${from}::timestamptz AND o.at < ${to}::timestamptz`;
  let subject: SQL;
  if (honour === 'outstanding_member')
    subject = sql`SELECT o.id, o.quantity, o.person_id AS subject_id FROM ledger_entries o WHERE ${base} AND o.person_id IS NOT NULL`;
  else if (honour === 'civilized_unit')
    subject = c.includeMembers
      ? sql`SELECT o.id, o.quantity, o.unit_id AS subject_id FROM ledger_entries o WHERE ${base} AND o.unit_id IS NOT NULL
            UNION
            SELECT o.id, o.quantity, po.unit_id FROM ledger_entries o
              JOIN LATERAL (${orgRow(sql`o.district_id`, sql`o.party_org_id`)}) po ON true
             WHERE ${base} AND o.person_id IS NOT NULL AND o.unit_id IS NULL AND po.unit_id IS NOT NULL`
      : sql`SELECT o.id, o.quantity, o.unit_id AS subject_id FROM ledger_entries o WHERE ${base} AND o.unit_id IS NOT NULL`;
  else
    subject = c.includeMembers
      ? sql`SELECT o.id, o.quantity, o.party_org_id AS subject_id FROM ledger_entries o WHERE ${base} AND o.party_org_id IS NOT NULL`
      : sql`SELECT o.id, o.quantity, o.party_org_id AS subject_id FROM ledger_entries o WHERE ${base} AND o.party_org_id IS NOT NULL AND o.person_id IS NULL`;
  return subject;
}

/**
 * Recomputes every candidate's score from the ledger: the acts behind each criterion, then
 * the scores and ranks, in one transaction. A closed evaluation is frozen.
 */
export async function computeEvaluation(db: Db, actor: Actor, id: number) {
  await db.transaction(async (tx) => {
    const e = await load(tx, actor, id, true);
    allow(evaluationPolicy.manage(actor, e), 'out_of_scope');
    if (e.status !== 'open') throw conflict('evaluation_closed');
    const zone = await districtTimeZone(tx, actor.districtId);
    const from = instant(e.period_from, '00:00', zone);
    const to = instant(addDays(e.period_to, 1), '00:00', zone);
    await tx.execute(
      sql`DELETE FROM evaluation_acts WHERE district_id = ${actor.districtId} AND evaluation_id = ${id}`,
    );
    await tx.execute(
      sql`DELETE FROM evaluation_scores WHERE district_id = ${actor.districtId} AND evaluation_id = ${id}`,
    );
    const cand = candidates(e.honour, actor.districtId, e.region_path);
    for (const c of e.criteria) {
      // Each act's net quantity: the original and the corrections made to it.
      await tx.execute(sql`
        WITH acts AS (${actsOf(e.honour, c, actor.districtId, from, to)}),
        nets AS (
          SELECT a.id, a.subject_id, a.quantity + coalesce((SELECT sum(x.quantity) FROM ledger_entries x
                   WHERE x.district_id = ${actor.districtId} AND x.corrects_id = a.id), 0) AS net
            FROM acts a WHERE a.subject_id IN (SELECT id FROM (${cand}) k))
        INSERT INTO evaluation_acts (district_id, evaluation_id, subject_id, criterion, entry_id, quantity, points)
        SELECT ${actor.districtId}, ${id}, subject_id, ${c.key}, id, net, ${sql.raw(actPointsSql('net', c))}
          FROM nets WHERE net > 0`);
    }
    // Scores: each criterion capped and weighted; deductions off; ranks shared on ties.
    const perCriterion = sql.join(
      e.criteria.map(
        (c) =>
          sql`SELECT ${c.key}::text AS key, ${c.cap ?? null}::numeric AS cap, ${c.weight}::numeric AS weight`,
      ),
      sql` UNION ALL `,
    );
    await tx.execute(sql`
      WITH k AS (${cand}),
      crit AS (${perCriterion}),
      sums AS (
        SELECT a.subject_id, a.criterion, sum(a.points) AS raw FROM evaluation_acts a
         WHERE a.district_id = ${actor.districtId} AND a.evaluation_id = ${id} GROUP BY 1, 2),
      pts AS (
        SELECT s.subject_id, s.criterion, round(least(s.raw, coalesce(c.cap, s.raw)) * c.weight, 2) AS points
          FROM sums s JOIN crit c ON c.key = s.criterion),
      ded AS (
        SELECT subject_id, sum(points) AS points FROM evaluation_deductions
         WHERE district_id = ${actor.districtId} AND evaluation_id = ${id} GROUP BY 1),
      per AS (
        SELECT subject_id, jsonb_object_agg(criterion, points) AS by_criterion, sum(points) AS points
          FROM pts GROUP BY subject_id),
      totals AS (
        SELECT k.id AS subject_id, k.name, k.region_id, coalesce(per.by_criterion, '{}'::jsonb) AS by_criterion,
               coalesce(d.points, 0) AS deductions, coalesce(per.points, 0) - coalesce(d.points, 0) AS total
          FROM k LEFT JOIN per ON per.subject_id = k.id LEFT JOIN ded d ON d.subject_id = k.id)
      INSERT INTO evaluation_scores (district_id, evaluation_id, subject_id, name, region_id, by_criterion, deductions, total, rank)
      SELECT ${actor.districtId}, ${id}, subject_id, name, region_id, by_criterion, deductions, total,
             rank() OVER (ORDER BY total DESC)
        FROM totals`);
    await tx.execute(sql`UPDATE evaluations SET computed_at = now(), updated_at = now()
      WHERE district_id = ${actor.districtId} AND id = ${id}`);
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: e.region_id,
      action: 'evaluation.compute',
      entityType: 'evaluation',
      entityId: id,
    });
  });
  return getEvaluation(db, actor, id);
}

/**
 * Closing freezes the figures: the stored acts and scores stay as they are. Nominations
 * open: each street with candidates gets its quota (candidates above streets count
 * against the evaluation's own region).
 */
export async function closeEvaluation(db: Tx, actor: Actor, id: number) {
  return db.transaction(async (tx) => {
    const e = await load(tx, actor, id, true);
    allow(evaluationPolicy.manage(actor, e), 'out_of_scope');
    if (e.status !== 'open') throw conflict('evaluation_closed');
    await tx.execute(sql`UPDATE evaluations SET status = 'closed', closed_at = now(), updated_at = now()
      WHERE district_id = ${actor.districtId} AND id = ${id}`);
    await tx.execute(sql`
      INSERT INTO evaluation_quotas (district_id, evaluation_id, region_id, quota)
      SELECT DISTINCT ${actor.districtId}::bigint, ${id}::bigint, ${nominatingRegion(sql`s.region_id`, e)}, ${e.nomination_quota}::int
        FROM evaluation_scores s WHERE s.district_id = ${actor.districtId} AND s.evaluation_id = ${id}`);
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: e.region_id,
      action: 'evaluation.close',
      entityType: 'evaluation',
      entityId: id,
      before: { status: 'open' },
      after: { status: 'closed' },
    });
    return present(actor, await load(tx, actor, id));
  });
}

/** The street a candidate's region lies in (within the evaluation's scope), else the scope itself. */
export const nominatingRegion = (regionId: SQL, e: EvaluationRow) => sql`coalesce(
  (SELECT st.id FROM regions st JOIN regions c ON c.district_id = st.district_id AND c.id = ${regionId}
    WHERE st.district_id = c.district_id AND st.kind = 'street'
      AND c.path <@ st.path AND st.path <@ ${e.region_path}::ltree),
  ${e.region_id}::bigint)`;

export const subjectKind = (h: Honour) =>
  h === 'outstanding_member'
    ? ('person' as const)
    : h === 'civilized_unit'
      ? ('unit' as const)
      : ('party_org' as const);

/** The ranking, as stored: the page reads it, never recomputes it. */
export async function listScores(db: Tx, actor: Actor, id: number, q: z.infer<typeof ScoreListQuery>) {
  allow(evaluationPolicy.seeCandidates(actor));
  const e = await load(db, actor, id);
  // Only while nominations are open does the page ask whose street each candidate is.
  const nominating = evaluationCan(actor, e).nominate;
  const where: SQL[] = [sql`s.district_id = ${actor.districtId}`, sql`s.evaluation_id = ${id}`];
  if (q.regionId) {
    const root = await regionForRead(db, actor, q.regionId);
    where.push(sql`r.path <@ ${root.path}::ltree`);
  }
  if (q.q) where.push(sql`s.name ILIKE ${contains(q.q)}`);
  return pageOf(
    db,
    q,
    {
      select: sql`SELECT s.subject_id, s.name, r.name AS region_name, s.total::float8 AS total, s.by_criterion,
                         s.deductions::float8 AS deductions, s.rank,
                         ${nominating ? sql`(SELECT st.path::text FROM regions st WHERE st.district_id = s.district_id AND st.id = ${nominatingRegion(sql`s.region_id`, e)})` : sql`NULL`} AS street_path
                    FROM evaluation_scores s JOIN regions r ON r.district_id = s.district_id AND r.id = s.region_id`,
      where: sql.join(where, sql` AND `),
      orderBy: sql`s.rank, s.subject_id`,
    },
    (s: {
      subject_id: number;
      name: string;
      region_name: string;
      total: number;
      by_criterion: Record<string, number>;
      deductions: number;
      rank: number;
      street_path: string | null;
    }) => ({
      rank: s.rank,
      subject: { kind: subjectKind(e.honour), id: s.subject_id, name: s.name },
      regionName: s.region_name,
      total: s.total,
      byCriterion: Object.fromEntries(Object.entries(s.by_criterion).map(([k, v]) => [k, Number(v)])),
      deductions: s.deductions,
      can: scoreCan(actor, e, s),
    }),
  );
}

/** One candidate's score down to the entries: what a reviewer checks. */
export async function scoreBreakdown(db: Tx, actor: Actor, id: number, subjectId: number) {
  allow(evaluationPolicy.seeCandidates(actor));
  const e = await load(db, actor, id);
  const { rows: score } = await db.execute<{ name: string; total: number }>(sql`
    SELECT name, total::float8 AS total FROM evaluation_scores
     WHERE district_id = ${actor.districtId} AND evaluation_id = ${id} AND subject_id = ${subjectId}`);
  if (!score[0]) throw notFound();
  const { rows: acts } = await db.execute<{
    criterion: string;
    entry_id: number;
    at: string;
    quantity: number;
    points: number;
    person: string | null;
    source_type: string;
    source_id: number;
    source_label: string | null;
  }>(sql`
    SELECT a.criterion, a.entry_id, e.at, a.quantity::float8 AS quantity, a.points::float8 AS points, p.name AS person,
           e.source_type, e.source_id, ${SOURCE_LABEL} AS source_label
      FROM evaluation_acts a
      JOIN ledger_entries e ON e.district_id = a.district_id AND e.id = a.entry_id
      LEFT JOIN LATERAL (${personRow(sql`e.district_id`, sql`e.person_id`)}) p ON true
     WHERE a.district_id = ${actor.districtId} AND a.evaluation_id = ${id} AND a.subject_id = ${subjectId}
     ORDER BY e.at DESC, a.entry_id DESC`);
  const { rows: deductions } = await db.execute<{
    id: number;
    points: number;
    reason: string;
    by: string | null;
    at: string;
  }>(sql`
    SELECT d.id, d.points::float8 AS points, d.reason, u.display_name AS by, d.created_at AS at
      FROM evaluation_deductions d LEFT JOIN LATERAL (${userRow(sql`d.created_by`)}) u ON true
     WHERE d.district_id = ${actor.districtId} AND d.evaluation_id = ${id} AND d.subject_id = ${subjectId}
     ORDER BY d.created_at`);
  return {
    subject: { kind: subjectKind(e.honour), id: subjectId, name: score[0].name },
    total: score[0].total,
    criteria: e.criteria.map((c) => {
      const mine = acts.filter((a) => a.criterion === c.key);
      const { raw, capped, points } = criterionPoints(
        mine.map((a) => a.points),
        c,
      );
      return {
        key: c.key,
        label: c.label,
        raw,
        capped,
        points,
        acts: mine.map((a) => ({
          entryId: a.entry_id,
          at: iso(a.at)!,
          quantity: a.quantity,
          points: a.points,
          person: a.person,
          source: { type: a.source_type, id: a.source_id, label: a.source_label },
        })),
      };
    }),
    deductions: deductions.map((d) => ({
      id: d.id,
      points: d.points,
      reason: d.reason,
      by: d.by ?? '',
      at: iso(d.at)!,
    })),
  };
}

/** A reviewer's deduction, with its reason; the ranking follows at once. */
export async function deduct(db: Db, actor: Actor, id: number, input: z.infer<typeof DeductionBody>) {
  await db.transaction(async (tx) => {
    const e = await load(tx, actor, id, true);
    allow(evaluationPolicy.manage(actor, e), 'out_of_scope');
    if (e.status !== 'open') throw conflict('evaluation_closed');
    const { rows } = await tx.execute(sql`SELECT 1 FROM evaluation_scores
      WHERE district_id = ${actor.districtId} AND evaluation_id = ${id} AND subject_id = ${input.subjectId}`);
    if (!rows.length) throw notFound();
    const { rows: made } = await tx.execute<{ id: number }>(sql`
      INSERT INTO evaluation_deductions (district_id, evaluation_id, subject_id, points, reason, created_by)
      VALUES (${actor.districtId}, ${id}, ${input.subjectId}, ${input.points}, ${input.reason}, ${actor.userId}) RETURNING id`);
    // The total and the ranks follow.
    await tx.execute(sql`
      WITH d AS (SELECT coalesce(sum(points), 0) AS points FROM evaluation_deductions
                  WHERE district_id = ${actor.districtId} AND evaluation_id = ${id} AND subject_id = ${input.subjectId})
      UPDATE evaluation_scores s SET deductions = d.points,
             total = (SELECT coalesce(sum(value::numeric), 0) FROM jsonb_each_text(s.by_criterion)) - d.points
        FROM d WHERE s.district_id = ${actor.districtId} AND s.evaluation_id = ${id} AND s.subject_id = ${input.subjectId}`);
    await tx.execute(sql`
      UPDATE evaluation_scores s SET rank = r.rank FROM (
        SELECT subject_id, rank() OVER (ORDER BY total DESC) AS rank FROM evaluation_scores
         WHERE district_id = ${actor.districtId} AND evaluation_id = ${id}) r
       WHERE s.district_id = ${actor.districtId} AND s.evaluation_id = ${id} AND s.subject_id = r.subject_id AND s.rank <> r.rank`);
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: e.region_id,
      action: 'evaluation.deduct',
      entityType: 'evaluation',
      entityId: id,
      after: {
        deductionId: made[0]!.id,
        subjectId: input.subjectId,
        points: input.points,
        reason: input.reason,
      },
    });
  });
  return scoreBreakdown(db, actor, id, input.subjectId);
}
