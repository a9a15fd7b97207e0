/**
 * Demo time bank in 八角北路社区: neighbours asking for help with hours they earned by
 * confirmed service, one request answered by 张建国 and paid, so the pages start alive.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../db/client';

const ASKS = [
  { title: '陪同老人去医院复查', description: '周四上午去石景山医院，需要有人帮忙挂号、陪同。', hours: 3 },
  { title: '帮忙安装手机挂号软件', description: '想学会用手机预约挂号，请懂手机的邻居教一教。', hours: 1 },
  { title: '周末照看孩子两小时', description: '周六下午要去单位加班，孩子上小学二年级。', hours: 2 },
] as const;

export async function seedTimeBank(tx: Tx, districtId: number) {
  const { rows: existing } = await tx.execute(
    sql`SELECT 1 FROM time_requests WHERE district_id = ${districtId} LIMIT 1`,
  );
  if (existing.length) return;
  // Neighbours of 张建国 who earned enough by confirmed service.
  const { rows: askers } = await tx.execute<{ id: number }>(sql`
    SELECT p.id FROM people p
      JOIN regions h ON h.district_id = p.district_id AND h.id = p.home_region_id
      JOIN regions c ON c.district_id = h.district_id AND c.code = '110107003001' AND h.path <@ c.path
     WHERE p.district_id = ${districtId} AND p.name <> '张建国'
       AND (SELECT coalesce(sum(quantity), 0) FROM ledger_entries e
             WHERE e.district_id = p.district_id AND e.person_id = p.id AND e.kind = 'service_hours') >= 6
     ORDER BY p.id LIMIT ${ASKS.length + 1}`);
  const { rows: zhang } = await tx.execute<{ id: number; user_id: number }>(sql`
    SELECT id, user_id FROM people WHERE district_id = ${districtId} AND name = '张建国' AND user_id IS NOT NULL LIMIT 1`);
  if (askers.length < ASKS.length + 1 || !zhang[0]) return;
  for (const [i, a] of ASKS.entries())
    await tx.execute(sql`
      INSERT INTO time_requests (district_id, person_id, title, description, hours, created_at)
      VALUES (${districtId}, ${askers[i]!.id}, ${a.title}, ${a.description}, ${a.hours}, now() - make_interval(hours => ${6 * (i + 1)}))`);
  // Last month 张建国 helped a neighbour move a wardrobe; two hours went to his account.
  const { rows: done } = await tx.execute<{ id: number }>(sql`
    INSERT INTO time_requests (district_id, person_id, title, description, hours, status, helper_person_id,
                               created_at, accepted_at, done_at)
    VALUES (${districtId}, ${askers[ASKS.length]!.id}, '帮忙搬运旧衣柜', '衣柜要从五楼搬到楼下回收点。', 2, 'done',
            ${zhang[0].id}, now() - interval '35 days', now() - interval '34 days', now() - interval '33 days')
    RETURNING id`);
  await tx.execute(sql`
    INSERT INTO time_transfers (district_id, from_person_id, to_person_id, hours, request_id, created_at)
    VALUES (${districtId}, ${askers[ASKS.length]!.id}, ${zhang[0].id}, 2, ${done[0]!.id}, now() - interval '33 days')`);
}
