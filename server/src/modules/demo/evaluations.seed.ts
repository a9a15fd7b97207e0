/**
 * Demo evaluations: last year's three honours, closed (their figures frozen), and this
 * year's three, open and computed — run as the demo district admin would run them.
 */
import { sql } from 'drizzle-orm';
import type { Honour } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import type { Db, Tx } from '../../db/client';
import { closeEvaluation, createEvaluation } from '../evaluations/evaluations.service';

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
        },
        'zh-CN',
      );
      if (y < year) await closeEvaluation(tx, actor, ev.id);
    }
  }
  return 6;
}
