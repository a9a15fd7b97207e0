/**
 * Demo volunteer teams: in most communities a team for each of the article's focal
 * specialties, led by a Party member, with members (those who share the specialty first) who joined
 * over the past two years; the held dedication days they staffed count for them.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client';

const FOCUS: [string, string][] = [
  ['medical', '医疗健康'],
  ['legal', '法律援助'],
  ['teaching', '助学辅导'],
  ['repair', '便民维修'],
  ['security', '平安巡逻'],
  ['arts', '文艺宣传'],
];

export async function seedTeams(tx: Tx, districtId: number) {
  const { rows: existing } = await tx.execute(
    sql`SELECT 1 FROM teams WHERE district_id = ${districtId} LIMIT 1`,
  );
  if (existing.length) return 0;
  const focus = sql.join(
    FOCUS.map(([code, name], i) => sql`(${code}, ${name}, ${i})`),
    sql`, `,
  );
  // A team where the community has someone to lead it; one in six left out, so not every community has them all.
  const { rows: made } = await tx.execute<{ id: number }>(sql`
    WITH f(code, name, i) AS (VALUES ${focus}),
    pick AS (
      SELECT c.id AS community_id, c.name AS community_name, c.code AS community_code, f.code, f.name,
             (SELECT p.id FROM people p JOIN regions h ON h.district_id = p.district_id AND h.id = p.home_region_id
               WHERE p.district_id = c.district_id AND h.path <@ c.path AND p.party_org_id IS NOT NULL
               ORDER BY (p.name = '张建国' AND f.code = 'medical') DESC, f.code = ANY(p.specialties) DESC, p.id LIMIT 1) AS leader
        FROM regions c, f
       WHERE c.district_id = ${districtId} AND c.kind = 'community' AND (abs(hashtext(c.code || f.code)) % 6 <> 0 OR c.code = '110107003001'))
    INSERT INTO teams (district_id, region_id, name, specialty, description, recruitment, recruiting, leader_person_id, created_at)
    SELECT ${districtId}, community_id, community_name || name || '志愿服务队', code,
           '以党员为骨干，发挥' || name || '特长，常年服务社区居民。',
           CASE WHEN abs(hashtext(community_code || code)) % 3 = 0 THEN '' ELSE '欢迎有' || name || '特长的党员和居民加入，每月至少参加一次活动。' END,
           abs(hashtext(community_code || code)) % 3 <> 0, leader, now() - interval '700 days'
      FROM pick WHERE leader IS NOT NULL
    RETURNING id`);
  // Members: the leader, then neighbours who share the specialty (Party members the backbone), joined over two years.
  await tx.execute(sql`
    INSERT INTO team_members (district_id, team_id, person_id, role, status, joined_at, created_at)
    SELECT tm.district_id, tm.id, m.id,
           CASE WHEN m.id = tm.leader_person_id THEN 'leader' WHEN m.party THEN 'backbone' ELSE 'member' END::team_member_role,
           'active', now() - make_interval(days => 30 + abs(hashtext(tm.id::text || m.id::text)) % 670),
           now() - make_interval(days => 30 + abs(hashtext(tm.id::text || m.id::text)) % 670)
      FROM teams tm
      JOIN regions c ON c.district_id = tm.district_id AND c.id = tm.region_id
      CROSS JOIN LATERAL (
        SELECT p.id, p.party_org_id IS NOT NULL AS party FROM people p
          JOIN regions h ON h.district_id = p.district_id AND h.id = p.home_region_id
         WHERE p.district_id = tm.district_id AND h.path <@ c.path
         ORDER BY p.id = tm.leader_person_id DESC, tm.specialty = ANY(p.specialties) DESC,
                  p.party_org_id IS NOT NULL DESC, hashtext(p.id::text || tm.id::text)
         LIMIT 4 + abs(hashtext(tm.id::text)) % 8) m
     WHERE tm.district_id = ${districtId}`);
  // Two neighbours of the home community have applied to its medical team: the leader's inbox is not empty.
  await tx.execute(sql`
    INSERT INTO team_members (district_id, team_id, person_id, status, note)
    SELECT tm.district_id, tm.id, p.id, 'applied', '退休前在社区医院工作，想为邻居做点事'
      FROM teams tm JOIN regions c ON c.district_id = tm.district_id AND c.id = tm.region_id
      JOIN people p ON p.district_id = tm.district_id
      JOIN regions h ON h.district_id = p.district_id AND h.id = p.home_region_id AND h.path <@ c.path
     WHERE tm.district_id = ${districtId} AND c.code = '110107003001' AND tm.specialty = 'medical'
       AND NOT EXISTS (SELECT 1 FROM team_members x WHERE x.district_id = tm.district_id AND x.team_id = tm.id AND x.person_id = p.id)
     ORDER BY p.id LIMIT 2`);
  // The held days' tasks that called for a team's specialty were staffed by its members, as the team.
  await tx.execute(sql`
    UPDATE signups s SET team_id = m.team_id
      FROM dedication_tasks t, team_members m, teams tm
     WHERE s.district_id = ${districtId} AND t.district_id = s.district_id AND t.id = s.task_id
       AND m.district_id = s.district_id AND m.person_id = s.person_id AND m.status = 'active' AND m.joined_at < t.starts_at
       AND tm.district_id = m.district_id AND tm.id = m.team_id AND tm.specialty = ANY(t.specialties)`);
  return made.length;
}
