/**
 * From a frozen ranking to a published honour list: streets nominate within their quota,
 * the district reviews with comments, the shortlist goes on public notice (公示) and takes
 * objections, the district decides and publishes. Every step is audited.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  EvaluationStatus,
  NominationBody,
  NominationListQuery,
  NominationReviewBody,
  NominationStatus,
  NoticeBody,
  ObjectionBody,
  ObjectionHandleBody,
  ObjectionListQuery,
} from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { allow } from '../../auth/authorize';
import type { Db, Tx } from '../../db/client';
import { pageOf } from '../../db/paging';
import { conflict, notFound } from '../../errors';
import { iso } from '../../http';
import { actionHolders, userRow } from '../accounts/accounts.queries';
import { recordAudit } from '../audit/audit.service';
import { personRow } from '../members/members.queries';
import { markHandled, notify, notifyStaff } from '../notifications/notifications.service';
import { zoneOf } from '../regions/regions.queries';
import {
  evaluationPolicy,
  honourEntryCan,
  nominationCan,
  nominationPolicy,
  objectionCan,
} from './evaluations.policy';
import {
  type EvaluationRow,
  getEvaluation,
  load,
  nominatingRegion,
  subjectKind,
} from './evaluations.service';

/** The evaluation, locked, in the step an action needs; otherwise a 409 naming the step. */
async function inStep(tx: Tx, actor: Actor, id: number, step: EvaluationStatus) {
  const e = await load(tx, actor, id, true);
  if (e.status !== step) throw conflict(`evaluation_not_${step}`);
  return e;
}

/** Reviewing, the notice, the decision and publishing belong to whoever runs the evaluation. */
async function asReviewer(tx: Tx, actor: Actor, id: number, step: EvaluationStatus) {
  const e = await inStep(tx, actor, id, step);
  allow(evaluationPolicy.manage(actor, e), 'out_of_scope');
  return e;
}

const audit = (tx: Tx, actor: Actor, e: EvaluationRow, action: string, after: Record<string, unknown>) =>
  recordAudit(tx, actor, {
    districtId: actor.districtId,
    regionId: e.region_id,
    action,
    entityType: 'evaluation',
    entityId: e.id,
    after,
  });

export async function listQuotas(db: Tx, actor: Actor, id: number) {
  await load(db, actor, id);
  const { rows } = await db.execute<{ id: number; name: string; quota: number; used: number }>(sql`
    SELECT r.id, r.name, q.quota, q.used FROM evaluation_quotas q
      JOIN regions r ON r.district_id = q.district_id AND r.id = q.region_id
     WHERE q.district_id = ${actor.districtId} AND q.evaluation_id = ${id}
     ORDER BY r.path`);
  return rows.map((r) => ({ region: { id: r.id, name: r.name }, quota: r.quota, used: r.used }));
}

/** The district changes a street's quota; never below what the street has already used. */
export async function setQuota(db: Db, actor: Actor, id: number, regionId: number, quota: number) {
  await db.transaction(async (tx) => {
    const e = await asReviewer(tx, actor, id, 'closed');
    const { rows } = await tx.execute<{ used: number; quota: number }>(sql`
      SELECT used, quota FROM evaluation_quotas
       WHERE district_id = ${actor.districtId} AND evaluation_id = ${id} AND region_id = ${regionId} FOR UPDATE`);
    const row = rows[0];
    if (!row) throw notFound();
    if (row.used > quota) throw conflict('quota_below_used', { used: row.used });
    await tx.execute(sql`UPDATE evaluation_quotas SET quota = ${quota}
      WHERE district_id = ${actor.districtId} AND evaluation_id = ${id} AND region_id = ${regionId}`);
    await audit(tx, actor, e, 'evaluation.quota', { regionId, quota, before: row.quota });
  });
  return listQuotas(db, actor, id);
}

type NominationRow = {
  subject_id: number;
  name: string;
  region_id: number;
  region_name: string;
  region_path: string;
  rank: number;
  total: number;
  statement: string;
  status: NominationStatus;
  nominated_by: string | null;
  nominated_at: string;
  review_comment: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  open_objections: number;
};

const NOMINATIONS = sql`
  SELECT n.subject_id, s.name, n.region_id, r.name AS region_name, r.path::text AS region_path, s.rank, s.total::float8 AS total, n.statement,
         n.status, nu.display_name AS nominated_by, n.nominated_at, n.review_comment, ru.display_name AS reviewed_by,
         n.reviewed_at,
         (SELECT count(*)::int FROM evaluation_objections o WHERE o.district_id = n.district_id
             AND o.evaluation_id = n.evaluation_id AND o.subject_id = n.subject_id AND o.status = 'open') AS open_objections
    FROM evaluation_nominations n
    JOIN evaluation_scores s ON s.district_id = n.district_id AND s.evaluation_id = n.evaluation_id AND s.subject_id = n.subject_id
    JOIN regions r ON r.district_id = n.district_id AND r.id = n.region_id
    LEFT JOIN LATERAL (${userRow(sql`n.nominated_by`)}) nu ON true
    LEFT JOIN LATERAL (${userRow(sql`n.reviewed_by`)}) ru ON true`;

export async function listNominations(
  db: Tx,
  actor: Actor,
  id: number,
  q: z.infer<typeof NominationListQuery>,
) {
  const e = await load(db, actor, id);
  const where: SQL[] = [sql`n.district_id = ${actor.districtId}`, sql`n.evaluation_id = ${id}`];
  if (q.status) where.push(sql`n.status = ${q.status}`);
  if (q.regionId) where.push(sql`n.region_id = ${q.regionId}`);
  return pageOf(
    db,
    q,
    { select: NOMINATIONS, where: sql.join(where, sql` AND `), orderBy: sql`s.rank, n.subject_id` },
    (n: NominationRow) => presentNomination(actor, e, n),
  );
}

const presentNomination = (actor: Actor, e: EvaluationRow, n: NominationRow) => ({
  subject: { kind: subjectKind(e.honour), id: n.subject_id, name: n.name },
  region: { id: n.region_id, name: n.region_name },
  rank: n.rank,
  total: n.total,
  statement: n.statement,
  status: n.status,
  nominatedBy: n.nominated_by ?? '',
  nominatedAt: iso(n.nominated_at)!,
  reviewComment: n.review_comment,
  reviewedBy: n.reviewed_by,
  reviewedAt: iso(n.reviewed_at),
  openObjections: n.open_objections,
  can: nominationCan(actor, e, n),
});

async function nomination(tx: Tx, actor: Actor, e: EvaluationRow, subjectId: number) {
  const { rows } = await tx.execute<NominationRow>(sql`${NOMINATIONS}
    WHERE n.district_id = ${actor.districtId} AND n.evaluation_id = ${e.id} AND n.subject_id = ${subjectId}`);
  if (!rows[0]) throw notFound();
  return presentNomination(actor, e, rows[0]);
}

/** Frees (−1) or takes (+1) a place in a street's quota; taking fails when it is full. */
async function quotaPlace(tx: Tx, actor: Actor, e: EvaluationRow, regionId: number, delta: 1 | -1) {
  const { rows } = await tx.execute(sql`
    UPDATE evaluation_quotas SET used = used + ${delta}
     WHERE district_id = ${actor.districtId} AND evaluation_id = ${e.id} AND region_id = ${regionId}
       ${delta > 0 ? sql`AND used < quota` : sql``}
     RETURNING used`);
  if (!rows.length) throw conflict('quota_full');
}

/**
 * A street nominates one of its candidates, within its quota (a candidate rejected or
 * withdrawn may be put forward again). The street is the candidate's, never the actor's
 * choice: a street admin reaches only its own.
 */
export async function nominate(db: Db, actor: Actor, id: number, input: z.infer<typeof NominationBody>) {
  return db.transaction(async (tx) => {
    const e = await inStep(tx, actor, id, 'closed');
    const { rows } = await tx.execute<{
      region_id: number;
      path: string;
      status: NominationStatus | null;
    }>(sql`
        SELECT q.region_id, r.path::text AS path, n.status
          FROM evaluation_scores s
          JOIN evaluation_quotas q ON q.district_id = s.district_id AND q.evaluation_id = s.evaluation_id
                                  AND q.region_id = ${nominatingRegion(sql`s.region_id`, e)}
          JOIN regions r ON r.district_id = q.district_id AND r.id = q.region_id
          LEFT JOIN evaluation_nominations n ON n.district_id = s.district_id AND n.evaluation_id = s.evaluation_id
                                            AND n.subject_id = s.subject_id
         WHERE s.district_id = ${actor.districtId} AND s.evaluation_id = ${id} AND s.subject_id = ${input.subjectId}`);
    const c = rows[0];
    if (!c) throw notFound();
    allow(nominationPolicy.nominate(actor, { region_path: c.path }), 'out_of_scope');
    if (c.status === 'nominated' || c.status === 'approved') throw conflict('nomination_exists');
    await quotaPlace(tx, actor, e, c.region_id, 1);
    await tx.execute(sql`
        INSERT INTO evaluation_nominations (district_id, evaluation_id, subject_id, region_id, statement, nominated_by)
        VALUES (${actor.districtId}, ${id}, ${input.subjectId}, ${c.region_id}, ${input.statement}, ${actor.userId})
        ON CONFLICT (district_id, evaluation_id, subject_id) DO UPDATE
          SET status = 'nominated', statement = excluded.statement, nominated_by = excluded.nominated_by,
              nominated_at = now(), review_comment = NULL, reviewed_by = NULL, reviewed_at = NULL`);
    await audit(tx, actor, e, 'evaluation.nominate', {
      subjectId: input.subjectId,
      regionId: c.region_id,
      statement: input.statement,
    });
    return nomination(tx, actor, e, input.subjectId);
  });
}

/** The street takes a nomination back before the notice; its place is free again. */
export async function withdraw(db: Db, actor: Actor, id: number, subjectId: number) {
  return db.transaction(async (tx) => {
    const e = await inStep(tx, actor, id, 'closed');
    const n = await lockedNomination(tx, actor, id, subjectId);
    allow(nominationPolicy.withdraw(actor, { region_path: n.path }), 'out_of_scope');
    if (n.status !== 'nominated' && n.status !== 'approved') throw conflict('nomination_not_pending');
    await setStatus(tx, actor, id, subjectId, 'withdrawn');
    await quotaPlace(tx, actor, e, n.region_id, -1);
    await audit(tx, actor, e, 'evaluation.withdraw', { subjectId, before: n.status });
    return nomination(tx, actor, e, subjectId);
  });
}

async function lockedNomination(tx: Tx, actor: Actor, id: number, subjectId: number) {
  const { rows } = await tx.execute<{ region_id: number; path: string; status: NominationStatus }>(sql`
    SELECT n.region_id, r.path::text AS path, n.status FROM evaluation_nominations n
      JOIN regions r ON r.district_id = n.district_id AND r.id = n.region_id
     WHERE n.district_id = ${actor.districtId} AND n.evaluation_id = ${id} AND n.subject_id = ${subjectId}
     FOR UPDATE OF n`);
  if (!rows[0]) throw notFound();
  return rows[0];
}

const setStatus = (tx: Tx, actor: Actor, id: number, subjectId: number, status: NominationStatus) =>
  tx.execute(sql`UPDATE evaluation_nominations SET status = ${status}
    WHERE district_id = ${actor.districtId} AND evaluation_id = ${id} AND subject_id = ${subjectId}`);

/** The district approves or rejects, with a comment (required for a rejection); a rejection frees the place. */
export async function review(
  db: Db,
  actor: Actor,
  id: number,
  subjectId: number,
  input: z.infer<typeof NominationReviewBody>,
) {
  return db.transaction(async (tx) => {
    const e = await asReviewer(tx, actor, id, 'closed');
    const n = await lockedNomination(tx, actor, id, subjectId);
    if (n.status !== 'nominated' && n.status !== 'approved') throw conflict('nomination_not_pending');
    if (input.decision === 'rejected' && input.comment.length < 2) throw conflict('review_comment_required');
    if (input.decision === 'rejected') await quotaPlace(tx, actor, e, n.region_id, -1);
    await tx.execute(sql`UPDATE evaluation_nominations
      SET status = ${input.decision}, review_comment = ${input.comment || null}, reviewed_by = ${actor.userId}, reviewed_at = now()
      WHERE district_id = ${actor.districtId} AND evaluation_id = ${id} AND subject_id = ${subjectId}`);
    await audit(tx, actor, e, 'evaluation.review', {
      subjectId,
      decision: input.decision,
      comment: input.comment,
    });
    return nomination(tx, actor, e, subjectId);
  });
}

/**
 * The shortlist (approved nominations) goes on public notice for whole days. Every
 * nomination must have been reviewed first, and there must be someone to announce.
 */
export async function startNotice(db: Db, actor: Actor, id: number, input: z.infer<typeof NoticeBody>) {
  await db.transaction(async (tx) => {
    const e = await asReviewer(tx, actor, id, 'closed');
    const { rows } = await tx.execute<{ pending: number; approved: number }>(sql`
      SELECT count(*) FILTER (WHERE status = 'nominated')::int AS pending,
             count(*) FILTER (WHERE status = 'approved')::int AS approved
        FROM evaluation_nominations WHERE district_id = ${actor.districtId} AND evaluation_id = ${id}`);
    const { pending, approved } = rows[0]!;
    if (pending > 0) throw conflict('notice_pending_reviews', { pending });
    if (approved === 0) throw conflict('notice_empty');
    const { rows: set } = await tx.execute<{ notice_until: string }>(sql`
      UPDATE evaluations SET status = 'notice', notice_from = now(),
             notice_until = now() + make_interval(days => ${input.days}), updated_at = now()
       WHERE district_id = ${actor.districtId} AND id = ${id} RETURNING notice_until`);
    await audit(tx, actor, e, 'evaluation.notice', {
      days: input.days,
      shortlist: approved,
      until: set[0]!.notice_until,
    });
  });
  return getEvaluation(db, actor, id);
}

/** When the notice ends, as people in the district read it (its time zone). */
const UNTIL = sql`to_char(ev.notice_until AT TIME ZONE ${zoneOf(sql`ev.district_id`)}, 'YYYY-MM-DD HH24:MI')`;

type ObjectionRow = {
  id: number;
  subject_id: number;
  name: string;
  reason: string;
  raised_by: string;
  raised_by_id: number;
  raised_at: string;
  status: 'open' | 'upheld' | 'dismissed';
  response: string | null;
  handled_at: string | null;
};

const OBJECTIONS = sql`
  SELECT o.id, o.subject_id, s.name, o.reason, u.display_name AS raised_by, o.raised_by AS raised_by_id, o.raised_at,
         o.status, o.response, o.handled_at
    FROM evaluation_objections o
    JOIN evaluation_scores s ON s.district_id = o.district_id AND s.evaluation_id = o.evaluation_id AND s.subject_id = o.subject_id
    JOIN LATERAL (${userRow(sql`o.raised_by`)}) u ON true`;

const presentObjection = (actor: Actor, e: EvaluationRow, o: ObjectionRow, showRaiser: boolean) => ({
  id: o.id,
  subject: { kind: subjectKind(e.honour), id: o.subject_id, name: o.name },
  reason: o.reason,
  raisedBy: showRaiser ? o.raised_by : null,
  raisedAt: iso(o.raised_at)!,
  status: o.status,
  response: o.response,
  handledAt: iso(o.handled_at),
  can: objectionCan(actor, e, o),
});

/** Objections, with who raised them: for those who run the evaluation only. */
export async function listObjections(
  db: Tx,
  actor: Actor,
  id: number,
  q: z.infer<typeof ObjectionListQuery>,
) {
  const e = await load(db, actor, id);
  allow(evaluationPolicy.manage(actor, e), 'out_of_scope');
  const where: SQL[] = [sql`o.district_id = ${actor.districtId}`, sql`o.evaluation_id = ${id}`];
  if (q.status) where.push(sql`o.status = ${q.status}`);
  return pageOf(
    db,
    q,
    { select: OBJECTIONS, where: sql.join(where, sql` AND `), orderBy: sql`o.raised_at DESC, o.id DESC` },
    (o: ObjectionRow) => presentObjection(actor, e, o, true),
  );
}

/**
 * Anyone in the district may object to a shortlisted nominee while the notice runs.
 * Who objected stays between them and the reviewers.
 */
export async function object(db: Db, actor: Actor, id: number, input: z.infer<typeof ObjectionBody>) {
  return db.transaction(async (tx) => {
    const e = await load(tx, actor, id);
    if (e.status !== 'notice') throw conflict('evaluation_not_notice');
    const { rows: open } = await tx.execute<{ open: boolean; until: string }>(sql`
      SELECT now() < notice_until AS open, ${UNTIL} AS until FROM evaluations ev
       WHERE district_id = ${actor.districtId} AND id = ${id}`);
    if (!open[0]!.open) throw conflict('notice_over', { until: open[0]!.until });
    const { rows: n } = await tx.execute<{ status: NominationStatus }>(sql`
      SELECT status FROM evaluation_nominations
       WHERE district_id = ${actor.districtId} AND evaluation_id = ${id} AND subject_id = ${input.subjectId}`);
    if (n[0]?.status !== 'approved') throw notFound();
    const { rows } = await tx.execute<{ id: number }>(sql`
      INSERT INTO evaluation_objections (district_id, evaluation_id, subject_id, reason, raised_by)
      VALUES (${actor.districtId}, ${id}, ${input.subjectId}, ${input.reason}, ${actor.userId})
      ON CONFLICT DO NOTHING RETURNING id`);
    if (!rows[0]) throw conflict('objection_exists');
    await audit(tx, actor, e, 'evaluation.object', { objectionId: rows[0].id, subjectId: input.subjectId });
    const objection = await objectionById(tx, actor, e, rows[0].id);
    // Those who run the evaluation answer objections: they are told one was raised.
    await notifyStaff(
      tx,
      actor,
      actionHolders(actor.districtId, 'evaluation.manage', { path: sql`${e.region_path}::ltree` }),
      'notify_objection_raised',
      { title: e.title, name: objection.subject.name },
      `/evaluations/${id}`,
      `objection:${objection.id}`,
    );
    return objection;
  });
}

async function objectionById(tx: Tx, actor: Actor, e: EvaluationRow, objectionId: number) {
  const { rows } = await tx.execute<ObjectionRow>(sql`${OBJECTIONS}
    WHERE o.district_id = ${actor.districtId} AND o.evaluation_id = ${e.id} AND o.id = ${objectionId}`);
  if (!rows[0]) throw notFound();
  return presentObjection(actor, e, rows[0], true);
}

/**
 * The district answers an objection: upheld takes the nominee off the shortlist;
 * dismissed leaves them on it. The one who objected is told either way.
 */
export async function handleObjection(
  db: Db,
  actor: Actor,
  id: number,
  objectionId: number,
  input: z.infer<typeof ObjectionHandleBody>,
) {
  return db.transaction(async (tx) => {
    const e = await asReviewer(tx, actor, id, 'notice');
    const { rows } = await tx.execute<{
      subject_id: number;
      raised_by: number;
      status: string;
      name: string;
    }>(sql`
      UPDATE evaluation_objections o SET status = ${input.decision}, response = ${input.response},
             handled_by = ${actor.userId}, handled_at = now()
        FROM evaluation_scores s
       WHERE o.district_id = ${actor.districtId} AND o.evaluation_id = ${id} AND o.id = ${objectionId} AND o.status = 'open'
         AND s.district_id = o.district_id AND s.evaluation_id = o.evaluation_id AND s.subject_id = o.subject_id
       RETURNING o.subject_id, o.raised_by, s.name`);
    const o = rows[0];
    if (!o) {
      await objectionById(tx, actor, e, objectionId); // 404 when there is none
      throw conflict('objection_handled');
    }
    await markHandled(tx, actor.districtId, `objection:${objectionId}`);
    if (input.decision === 'upheld') {
      const { rows: removed } = await tx.execute(sql`
        UPDATE evaluation_nominations SET status = 'removed'
         WHERE district_id = ${actor.districtId} AND evaluation_id = ${id} AND subject_id = ${o.subject_id}
           AND status = 'approved' RETURNING region_id`);
      if (removed.length) {
        // Other objections to the same nominee are answered by this one.
        const { rows: others } = await tx.execute<{ id: number }>(sql`
          UPDATE evaluation_objections SET status = 'upheld', response = ${input.response},
                 handled_by = ${actor.userId}, handled_at = now()
           WHERE district_id = ${actor.districtId} AND evaluation_id = ${id} AND subject_id = ${o.subject_id} AND status = 'open'
          RETURNING id`);
        await markHandled(tx, actor.districtId, ...others.map((x) => `objection:${x.id}`));
      }
    }
    await audit(tx, actor, e, 'evaluation.objection', {
      objectionId,
      subjectId: o.subject_id,
      decision: input.decision,
      response: input.response,
    });
    await notify(
      tx,
      { districtId: actor.districtId, userId: o.raised_by },
      input.decision === 'upheld' ? 'notify_objection_upheld' : 'notify_objection_dismissed',
      { title: e.title, name: o.name },
      `/honours/${id}`,
    );
    return objectionById(tx, actor, e, objectionId);
  });
}

/** After the notice, with every objection answered: the shortlist becomes the honour list. */
export async function decide(db: Db, actor: Actor, id: number) {
  await db.transaction(async (tx) => {
    const e = await asReviewer(tx, actor, id, 'notice');
    const { rows } = await tx.execute<{ over: boolean; open: number; until: string }>(sql`
      SELECT now() >= ev.notice_until AS over, ${UNTIL} AS until,
             (SELECT count(*)::int FROM evaluation_objections o WHERE o.district_id = ev.district_id
                 AND o.evaluation_id = ev.id AND o.status = 'open') AS open
        FROM evaluations ev WHERE ev.district_id = ${actor.districtId} AND ev.id = ${id}`);
    if (!rows[0]!.over) throw conflict('notice_running', { until: rows[0]!.until });
    if (rows[0]!.open > 0) throw conflict('objections_open', { open: rows[0]!.open });
    const { rows: awarded } = await tx.execute(sql`
      UPDATE evaluation_nominations SET status = 'awarded'
       WHERE district_id = ${actor.districtId} AND evaluation_id = ${id} AND status = 'approved' RETURNING subject_id`);
    await tx.execute(sql`UPDATE evaluations SET status = 'decided', decided_at = now(), updated_at = now()
      WHERE district_id = ${actor.districtId} AND id = ${id}`);
    await audit(tx, actor, e, 'evaluation.decide', { awarded: awarded.length });
  });
  return getEvaluation(db, actor, id);
}

/** The honour list goes public; honoured members with accounts are told. */
export async function publish(db: Db, actor: Actor, id: number) {
  await db.transaction(async (tx) => {
    const e = await asReviewer(tx, actor, id, 'decided');
    await tx.execute(sql`UPDATE evaluations SET status = 'published', published_at = now(), updated_at = now()
      WHERE district_id = ${actor.districtId} AND id = ${id}`);
    if (e.honour === 'outstanding_member') {
      const { rows } = await tx.execute<{ user_id: number }>(sql`
        SELECT p.user_id FROM evaluation_nominations n
          JOIN LATERAL (${personRow(sql`n.district_id`, sql`n.subject_id`)}) p ON true
         WHERE n.district_id = ${actor.districtId} AND n.evaluation_id = ${id} AND n.status = 'awarded'
           AND p.user_id IS NOT NULL`);
      for (const r of rows)
        await notify(
          tx,
          { districtId: actor.districtId, userId: r.user_id },
          'notify_honour_awarded',
          { title: e.title },
          `/honours/${id}`,
        );
    }
    await audit(tx, actor, e, 'evaluation.publish', {});
  });
  return getEvaluation(db, actor, id);
}

/** Lists everyone may read: shortlists on notice first, then published honour lists. */
export async function listHonours(db: Tx, actor: Actor, q: { page: number; pageSize: number }) {
  return pageOf(
    db,
    q,
    {
      select: sql`SELECT ev.id, ev.honour, ev.title, r.name AS region_name, ev.period_from::text AS period_from,
                         ev.period_to::text AS period_to, ev.status, ev.notice_from, ev.notice_until, ev.published_at
                    FROM evaluations ev JOIN regions r ON r.district_id = ev.district_id AND r.id = ev.region_id`,
      where: sql`ev.district_id = ${actor.districtId} AND ev.status IN ('notice', 'published')`,
      orderBy: sql`(ev.status = 'notice') DESC, coalesce(ev.published_at, ev.notice_from) DESC, ev.id DESC`,
    },
    summary,
  );
}

const summary = (e: {
  id: number;
  honour: EvaluationRow['honour'];
  title: string;
  region_name: string;
  period_from: string;
  period_to: string;
  status: EvaluationStatus;
  notice_from: string | null;
  notice_until: string | null;
  published_at: string | null;
}) => ({
  id: e.id,
  honour: e.honour,
  title: e.title,
  regionName: e.region_name,
  periodFrom: e.period_from,
  periodTo: e.period_to,
  status: e.status,
  noticeFrom: iso(e.notice_from),
  noticeUntil: iso(e.notice_until),
  publishedAt: iso(e.published_at),
});

/** A shortlist on notice or a published honour list, with the reader's own objections. */
export async function honourList(db: Tx, actor: Actor, id: number) {
  const e = await load(db, actor, id);
  if (e.status !== 'notice' && e.status !== 'published') throw notFound();
  const shown: NominationStatus = e.status === 'notice' ? 'approved' : 'awarded';
  const { rows } = await db.execute<NominationRow>(sql`${NOMINATIONS}
    WHERE n.district_id = ${actor.districtId} AND n.evaluation_id = ${id} AND n.status = ${shown}
    ORDER BY r.path, s.rank, n.subject_id`);
  const { rows: mine } = await db.execute<ObjectionRow>(sql`${OBJECTIONS}
    WHERE o.district_id = ${actor.districtId} AND o.evaluation_id = ${id} AND o.raised_by = ${actor.userId}
    ORDER BY o.raised_at DESC`);
  const noticeOpen = e.notice_until !== null && new Date(e.notice_until) > new Date();
  return {
    evaluation: summary(e),
    entries: rows.map((n) => ({
      subject: { kind: subjectKind(e.honour), id: n.subject_id, name: n.name },
      regionName: n.region_name,
      total: n.total,
      statement: n.statement,
      can: honourEntryCan(
        { ...e, noticeOpen },
        { objected: mine.some((o) => o.subject_id === n.subject_id && o.status === 'open') },
      ),
    })),
    myObjections: mine.map((o) => presentObjection(actor, e, o, true)),
  };
}
