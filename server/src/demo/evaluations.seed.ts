/**
 * Demo evaluations: last year's three honours taken the whole way — frozen, nominated by
 * the streets within quota, reviewed, on public notice (one objection answered), decided
 * and published — and this year's three, open and computed; run as the demo district
 * admin would run them.
 */
import { sql } from 'drizzle-orm';
import type { Honour } from '../../../contract';
import type { Actor } from '../auth/actor';
import type { Db, Tx } from '../db/client';
import {
  closeEvaluation,
  createEvaluation,
  type EvaluationRow,
  load,
  nominatingRegion,
} from '../modules/evaluations/evaluations.service';
import { decide, nominate, publish, review, startNotice } from '../modules/evaluations/nominations.service';

const TITLES: Record<Honour, string> = {
  outstanding_member: '优秀共产党员',
  advanced_party_org: '先进党组织',
  civilized_unit: '文明单位',
};

export async function seedEvaluations(tx: Tx, districtId: number) {
  const { rows: existing } = await tx.execute(
    sql`SELECT 1 FROM evaluations WHERE district_id = ${districtId} LIMIT 1`,
  );
  if (existing.length) return 0;
  // Fresh statistics after the bulk loads above, as autovacuum would keep them: the
  // scoring queries are planned for the data as it is.
  await tx.execute(sql`ANALYZE`);
  const { rows } = await tx.execute<{
    user_id: number;
    region_id: number;
    name: string;
    path: string;
    display_name: string;
  }>(sql`
    SELECT u.id AS user_id, r.id AS region_id, r.name, r.path::text AS path, u.display_name
      FROM users u JOIN role_assignments ra ON ra.user_id = u.id JOIN regions r ON r.id = ra.region_id
     WHERE u.username = 'district_admin' AND ra.role = 'district_admin' LIMIT 1`);
  const a = rows[0];
  if (!a) return 0;
  const actor: Actor = {
    userId: a.user_id,
    username: 'district_admin',
    displayName: a.display_name,
    districtId,
    personId: null,
    sessionId: 'demo-seed',
    ip: null,
    roles: [
      {
        id: 0,
        role: 'district_admin',
        regionId: a.region_id,
        regionName: a.name,
        regionKind: 'district',
        regionPath: a.path,
        unitId: null,
        unitName: null,
      },
    ],
  };
  const year = new Date().getUTCFullYear();
  const db = tx as unknown as Db;
  for (const y of [year - 1, year]) {
    for (const honour of ['outstanding_member', 'advanced_party_org', 'civilized_unit'] as const) {
      const ev = await createEvaluation(
        db,
        actor,
        {
          honour,
          title: `${y}年度${a.name}${TITLES[honour]}评选`,
          regionId: a.region_id,
          periodFrom: `${y}-01-01`,
          periodTo: `${y}-12-31`,
          nominationQuota: 3,
        },
        'zh-CN',
      );
      if (y < year) await runToPublished(tx, actor, ev.id, y);
    }
  }
  return 6;
}

const STATEMENTS: Record<Honour, (name: string, total: number) => string> = {
  outstanding_member: (name, total) =>
    `${name}同志坚持到社区报到服务，全年积极参加奉献日和公益项目，年度共建积分 ${total} 分，群众评价好。`,
  advanced_party_org: (name, total) =>
    `${name}组织党员到社区报到、认领项目，开展主题党日共建活动，年度共建积分 ${total} 分。`,
  civilized_unit: (name, total) =>
    `${name}向社区开放教育、文体、卫生等设施，组织在职党员参与社区共建，年度共建积分 ${total} 分。`,
};

/** Last year's evaluation the whole way: the top three of each street nominated, one rejected, all else published. */
async function runToPublished(tx: Tx, actor: Actor, id: number, y: number) {
  const db = tx as unknown as Db;
  await closeEvaluation(tx, actor, id);
  const e: EvaluationRow = await load(tx, actor, id);
  const { rows: picks } = await tx.execute<{
    subject_id: number;
    name: string;
    total: number;
    nth: number;
  }>(sql`
    SELECT subject_id, name, total::float8 AS total, nth FROM (
      SELECT s.subject_id, s.name, s.total, row_number() OVER (PARTITION BY ${nominatingRegion(sql`s.region_id`, e)}
                                                                ORDER BY s.rank, s.subject_id) AS nth
        FROM evaluation_scores s WHERE s.district_id = ${actor.districtId} AND s.evaluation_id = ${id} AND s.total > 0) k
     WHERE nth <= 3 ORDER BY subject_id`);
  for (const p of picks)
    await nominate(db, actor, id, {
      subjectId: p.subject_id,
      statement: STATEMENTS[e.honour](p.name, p.total),
    });
  for (const [i, p] of picks.entries())
    await review(
      db,
      actor,
      id,
      p.subject_id,
      i === 1
        ? { decision: 'rejected', comment: '参与以单次活动为主，经常性服务不足，建议明年再推荐。' }
        : { decision: 'approved', comment: '' },
    );
  await startNotice(db, actor, id, { days: 5 });
  // The notice ran last January; one resident's objection was answered and not upheld.
  const noticeFrom = `${y + 1}-01-08 09:00+08`;
  await tx.execute(sql`UPDATE evaluations SET notice_from = ${noticeFrom}::timestamptz,
      notice_until = ${noticeFrom}::timestamptz + interval '5 days' WHERE district_id = ${actor.districtId} AND id = ${id}`);
  const target = picks.find((_, i) => i !== 1);
  if (target)
    await tx.execute(sql`
      INSERT INTO evaluation_objections (district_id, evaluation_id, subject_id, reason, raised_by, raised_at, status,
                                         response, handled_by, handled_at)
      SELECT ${actor.districtId}, ${id}, ${target.subject_id}, '听说其部分服务时长是补登的，希望核实。', u.id,
             ${noticeFrom}::timestamptz + interval '1 day', 'dismissed',
             '经核查，相关服务时长均有签到记录和组织者确认，异议不成立。', ${actor.userId},
             ${noticeFrom}::timestamptz + interval '3 days'
        FROM users u WHERE u.username = 'resident'`);
  await decide(db, actor, id);
  await publish(db, actor, id);
  // Every step dated as it happened last winter: frozen, nominated, reviewed, announced, decided, published.
  await tx.execute(sql`UPDATE evaluations SET computed_at = ${noticeFrom}::timestamptz - interval '8 days',
      closed_at = ${noticeFrom}::timestamptz - interval '7 days', decided_at = ${noticeFrom}::timestamptz + interval '6 days',
      published_at = ${noticeFrom}::timestamptz + interval '7 days' WHERE district_id = ${actor.districtId} AND id = ${id}`);
  await tx.execute(sql`UPDATE evaluation_nominations SET nominated_at = ${noticeFrom}::timestamptz - interval '5 days',
      reviewed_at = ${noticeFrom}::timestamptz - interval '2 days' WHERE district_id = ${actor.districtId} AND evaluation_id = ${id}`);
}
