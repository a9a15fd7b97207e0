/**
 * Demo needs and public-welfare projects in every state, claimed by members and units,
 * rated by residents, with confirmed hours in the ledger — a year of "both sides keen".
 */
import { eq, sql } from 'drizzle-orm';
import type { Tx } from '../db/client';
import { projects } from '../modules/projects/projects.schema';
import { seeded } from './demo.data';

const NEEDS: [string, string][] = [
  ['楼道灯不亮，晚上出行不便', 'repair'],
  ['希望有人帮忙读报、聊天', 'elder_care'],
  ['想学习用智能手机挂号', 'education'],
  ['小区健身器材需要维修', 'repair'],
  ['咨询遗嘱公证的办理流程', 'legal'],
  ['希望增加夜间巡逻', 'safety'],
  ['楼前绿地堆放杂物', 'environment'],
  ['孩子暑假没人照看', 'education'],
  ['想参加社区合唱队', 'culture'],
  ['需要测血压的志愿服务', 'health'],
];
const PROJECTS: [string, string, [string, string | null, number][]][] = [
  [
    '“红色管家”楼道清洁行动',
    '组织党员和居民清理楼道杂物，消除消防隐患。',
    [
      ['health_worker', null, 6],
      ['custom', '物资搬运员', 4],
    ],
  ],
  ['政策宣讲进楼门', '向居民讲解养老、医保新政策。', [['policy_publicist', null, 4]]],
  ['平安社区夜间巡逻', '每周三次夜间巡逻，守护邻里安全。', [['security_patrol', null, 8]]],
  ['法律咨询服务日', '律师志愿者现场解答婚姻、继承、物业纠纷。', [['legal_explainer', null, 3]]],
  ['为独居老人量血压', '每月为独居老人上门测量血压、讲解保健知识。', [['health_worker', null, 5]]],
  [
    '智能手机使用课堂',
    '教老年人使用挂号、支付等常用应用。',
    [
      ['custom', '助教', 4],
      ['policy_publicist', null, 2],
    ],
  ],
];
const STATES = ['draft', 'published', 'claimed', 'in_progress', 'done', 'reviewed', 'cancelled'] as const;

export async function seedProjects(tx: Tx, districtId: number) {
  const [existing] = await tx
    .select({ id: projects.id })
    .from(projects)
    .where(eq(projects.districtId, districtId))
    .limit(1);
  if (existing) return 0;
  const rand = seeded(3110);
  const q = async <T>(query: ReturnType<typeof sql>) => (await tx.execute(query)).rows as T[];
  const communities = await q<{ id: number; path: string }>(sql`
    SELECT id, path::text FROM regions WHERE district_id = ${districtId} AND kind = 'community' ORDER BY code`);
  const [bajiaoNorth] = await q<{ id: number }>(
    sql`SELECT id FROM regions WHERE district_id = ${districtId} AND code = '110107003001'`,
  );
  let made = 0;
  for (const [ci, c] of communities.entries()) {
    const home = c.id === bajiaoNorth!.id;
    const residents = await q<{ id: number; party: boolean }>(sql`
      SELECT p.id, p.party_org_id IS NOT NULL AS party FROM people p JOIN regions h ON h.district_id = p.district_id AND h.id = p.home_region_id
       WHERE p.district_id = ${districtId} AND h.path <@ ${c.path}::ltree ORDER BY p.id`);
    const members = residents.filter((r) => r.party);
    // Needs: a few per community, in every state.
    const needCount = home ? 8 : 2 + Math.floor(rand() * 3);
    for (let i = 0; i < needCount; i++) {
      const [title, category] = NEEDS[(ci + i) % NEEDS.length]!;
      const raiser = residents[Math.floor(rand() * residents.length)]!;
      const status =
        home && i < 3
          ? 'open'
          : (['open', 'accepted', 'declined', 'accepted'] as const)[Math.floor(rand() * 4)]!;
      // Answered after it was raised (the same draws as before, so the rest of the district is unchanged).
      const decidedAgo = status === 'open' ? null : Math.floor(rand() * 200);
      const raisedAgo = Math.floor(rand() * 300) + 1;
      const decided =
        decidedAgo === null
          ? null
          : sql`now() - make_interval(days => ${Math.min(decidedAgo, raisedAgo - 1)})`;
      await tx.execute(sql`INSERT INTO needs (district_id, community_id, person_id, title, category, status, reason, decided_at,
                                              accepted_at, created_at)
        VALUES (${districtId}, ${c.id}, ${raiser.id}, ${title}, ${category}, ${status},
                ${status === 'declined' ? '已有相关服务，请联系社区服务站' : null}, ${decided},
                ${status === 'accepted' ? decided : null}, now() - make_interval(days => ${raisedAgo}))`);
    }
    // Projects: more where the community has grown "both sides keen".
    const projectCount = home ? STATES.length : Math.floor(rand() * 4);
    for (let i = 0; i < projectCount; i++) {
      const [title, description, roles] = PROJECTS[(ci + i) % PROJECTS.length]!;
      const status = home ? STATES[i]! : STATES[1 + Math.floor(rand() * 5)]!;
      const past = ['in_progress', 'done', 'reviewed'].includes(status);
      const startDays = past ? -(5 + Math.floor(rand() * 300)) : 3 + Math.floor(rand() * 40);
      const [p] = await q<{ id: number; starts_at: string; ends_at: string }>(sql`
        INSERT INTO projects (district_id, region_id, title, description, open_to_street, status, starts_at, ends_at, created_at)
        VALUES (${districtId}, ${c.id}, ${title}, ${description}, ${rand() < 0.3}, ${status},
                -- 9:00 to 12:00 in Beijing, the usual morning of service.
                (date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') + make_interval(days => ${startDays}, hours => 9))
                  AT TIME ZONE 'Asia/Shanghai',
                (date_trunc('day', now() AT TIME ZONE 'Asia/Shanghai') + make_interval(days => ${startDays}, hours => 12))
                  AT TIME ZONE 'Asia/Shanghai',
                now() - make_interval(days => ${Math.max(1, -startDays + 10)}))
        RETURNING id, starts_at, ends_at`);
      made++;
      for (const [kind, custom, slots] of roles) {
        const [role] = await q<{ id: number }>(sql`
          INSERT INTO project_roles (district_id, project_id, kind, custom_name, slots, hours_per_slot, starts_at, ends_at)
          VALUES (${districtId}, ${p!.id}, ${kind}, ${custom}, ${slots}, 3, ${p!.starts_at}, ${p!.ends_at}) RETURNING id`);
        if (status === 'draft' || status === 'cancelled' || members.length === 0) continue;
        const take = status === 'published' ? Math.floor(slots / 2) : slots;
        const claimants = [...members].sort(() => rand() - 0.5).slice(0, Math.min(take, members.length));
        for (const m of claimants) {
          const hours = past && status !== 'in_progress' ? 3 : null;
          const [claim] = await q<{ id: number }>(sql`
            INSERT INTO claims (district_id, project_id, role_id, person_id, slots, hours_confirmed, confirmed_at, created_at)
            VALUES (${districtId}, ${p!.id}, ${role!.id}, ${m.id}, 1, ${hours}, ${hours === null ? null : p!.ends_at},
                    least(now(), ${p!.starts_at}::timestamptz - interval '3 days')) RETURNING id`);
          if (hours !== null) {
            await tx.execute(sql`INSERT INTO ledger_entries (district_id, kind, quantity, at, person_id, party_org_id, region_id, source_type, source_id)
              SELECT ${districtId}, k.kind::ledger_kind, k.quantity, ${p!.ends_at}::timestamptz, ${m.id}::bigint, p.party_org_id, ${c.id}::bigint, 'claim', ${claim!.id}::bigint
                FROM (VALUES ('service_hours', ${hours}::numeric), ('role_completed', 1)) k(kind, quantity)
                JOIN people p ON p.district_id = ${districtId} AND p.id = ${m.id}`);
          }
        }
        await tx.execute(
          sql`UPDATE project_roles SET claimed = ${claimants.length} WHERE district_id = ${districtId} AND id = ${role!.id}`,
        );
      }
      if (status === 'reviewed' || status === 'done') {
        for (const r of residents.filter((x) => !x.party).slice(0, 3)) {
          await tx.execute(sql`INSERT INTO project_reviews (district_id, project_id, person_id, rating, comment)
            VALUES (${districtId}, ${p!.id}, ${r.id}, ${4 + Math.floor(rand() * 2)}, ${'服务热情周到，感谢志愿者！'})`);
        }
      }
    }
  }
  // The hospital (the demo unit) claims slots on a published project of its community.
  await tx.execute(sql`
    WITH target AS (
      SELECT ro.id AS role_id, ro.project_id, ro.slots - ro.claimed AS free FROM project_roles ro
        JOIN projects pr ON pr.district_id = ro.district_id AND pr.id = ro.project_id
       WHERE pr.district_id = ${districtId} AND pr.region_id = ${bajiaoNorth!.id} AND pr.status = 'published' AND ro.slots > ro.claimed
       ORDER BY ro.id LIMIT 1),
    claim AS (
      INSERT INTO claims (district_id, project_id, role_id, unit_id, slots, named)
      SELECT ${districtId}, project_id, role_id, (SELECT id FROM units WHERE district_id = ${districtId} AND name = '北京市石景山医院'),
             least(free, 2), 1
        FROM target WHERE free >= 1 RETURNING id, role_id, slots),
    -- It has named one of its members so far: the demo member, 张建国.
    named AS (
      INSERT INTO claim_members (district_id, claim_id, person_id)
      SELECT ${districtId}, id, (SELECT id FROM people WHERE district_id = ${districtId} AND name = '张建国' LIMIT 1) FROM claim)
    UPDATE project_roles ro SET claimed = claimed + c.slots FROM claim c WHERE ro.district_id = ${districtId} AND ro.id = c.role_id`);
  return made;
}
