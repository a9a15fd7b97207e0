/**
 * Demo publicity and learning: last spring's 社区党建宣传周 in 八角街道 with its lectures
 * and the open letter to the street's Party members (with who read it), and this autumn's
 * cadre training course — sessions held with attendance, more to come — which 张建国 has
 * completed.
 */

import { sql } from 'drizzle-orm';
import { DEFAULT_TIME_ZONE } from '../../../contract';
import type { Tx } from '../db/client';
import { addDays, instant, todayIn } from '../modules/dedication-days/recurrence';

/** The demo district keeps the default zone. */
const TZ = DEFAULT_TIME_ZONE;
const LETTER = `<h3>致社区共产党员的一封信</h3>
<p>各位党员同志：</p>
<p>社区是我们共同的家。为推进社区党建工作，发挥党员先锋模范作用，街道党工委倡议：</p>
<ol><li>主动到居住地社区报到，亮明党员身份；</li><li>每月参加一次“党员固定奉献日”活动；</li>
<li>根据自身特长，认领一项社区公益岗位，当好政策宣传员、治安巡逻员、卫生保健员、法制讲解员；</li>
<li>关心邻里，积极反映居民需求和微心愿。</li></ol>
<p>让我们携手共建，使“人人为我，我为人人”在社区蔚然成风！</p>
<p><strong>八角街道党工委</strong></p>`;

export async function seedPublicity(tx: Tx, districtId: number) {
  const { rows: existing } = await tx.execute(
    sql`SELECT 1 FROM campaigns WHERE district_id = ${districtId} LIMIT 1`,
  );
  if (existing.length) return 0;
  const today = todayIn(TZ);
  const year = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) >= 6 ? 0 : 1);
  const weekStart = `${year}-04-20`;
  const weekEnd = `${year}-04-26`;
  const { rows: places } = await tx.execute<{
    street: number;
    street_path: string;
    lecturer: number | null;
    author: number | null;
  }>(sql`
    SELECT (SELECT id FROM regions WHERE district_id = ${districtId} AND code = '110107003') AS street,
           (SELECT path::text FROM regions WHERE district_id = ${districtId} AND code = '110107003') AS street_path,
           (SELECT id FROM users WHERE username = 'lecturer') AS lecturer,
           (SELECT id FROM users WHERE username = 'street_admin') AS author`);
  const { street, street_path: streetPath, lecturer, author } = places[0]!;
  const [campaign] = (
    await tx.execute<{ id: number }>(sql`
      INSERT INTO campaigns (district_id, region_id, kind, title, theme, starts_on, ends_on, created_by)
      VALUES (${districtId}, ${street}, 'publicity_week', ${`${year}年八角街道社区党建宣传周`},
              '党员进社区 共建美好家园：讲座、公开信、固定奉献日集中开展', ${weekStart}, ${weekEnd}, ${author})
      RETURNING id`)
  ).rows;
  const streetMembers = sql`
    SELECT p.id FROM people p JOIN regions h ON h.district_id = p.district_id AND h.id = p.home_region_id
     WHERE p.district_id = ${districtId} AND p.party_org_id IS NOT NULL AND h.path <@ ${streetPath}::ltree`;

  // Lectures of the week, each a course of one session with the demo lecturer.
  const lectures: [string, string, number][] = [
    ['社区治理新思路专题讲座', '社区党群服务中心报告厅', 1],
    ['党员先锋模范作用与社区服务', '八角北路社区活动室', 3],
    ['居民常见法律问题讲解', '街道市民学校', 5],
  ];
  for (const [title, place, day] of lectures) {
    const date = addDays(weekStart, day);
    const { rows } = await tx.execute<{ id: number }>(sql`
      INSERT INTO courses (district_id, region_id, kind, title, description, audience, capacity, enrolment, min_sessions, campaign_id, created_by, created_at)
      VALUES (${districtId}, ${street}, 'lecture', ${title}, '宣传周专题讲座，邀请专家学者主讲。', '街道全体党员和居民', 80, 'open', 1,
              ${campaign!.id}, ${author}, ${instant(weekStart, '08:00', TZ)}::timestamptz - interval '10 days')
      RETURNING id`);
    await seedCourseBody(
      tx,
      districtId,
      rows[0]!.id,
      [{ title, date, place }],
      lecturer,
      streetMembers,
      60,
      0.8,
      1,
    );
  }

  // This autumn's cadre training course: six sessions a week apart, four held, four needed.
  const first = addDays(today, -30);
  const sessions = [
    '社区党建工作实务',
    '居民议事协商方法',
    '志愿服务组织与管理',
    '社区矛盾纠纷调解',
    '数字化社区治理',
    '结业交流',
  ].map((title, i) => ({ title, date: addDays(first, i * 7), place: '街道市民学校' }));
  const { rows: course } = await tx.execute<{ id: number }>(sql`
    INSERT INTO courses (district_id, region_id, kind, title, description, audience, capacity, enrolment, min_sessions, created_by, created_at)
    VALUES (${districtId}, ${street}, 'course', '八角街道社区干部培训班（第一期）',
            '面向社区干部和楼门党员骨干，由高校学者和实务专家授课，共六讲，参加四讲以上准予结业。',
            '社区干部、楼门长、党员骨干', 40, 'nomination', 4, ${author}, ${instant(first, '08:00', TZ)}::timestamptz - interval '20 days')
    RETURNING id`);
  await seedCourseBody(tx, districtId, course[0]!.id, sessions, lecturer, streetMembers, 30, 0.85, 4);

  // The open letter to the street's Party members, read by most during the week.
  const { rows: notice } = await tx.execute<{ id: number }>(sql`
    INSERT INTO notices (district_id, region_id, kind, title, body, audience, status, campaign_id, created_by, published_at, created_at)
    VALUES (${districtId}, ${street}, 'open_letter', '致社区共产党员的一封信', ${LETTER},
            ${JSON.stringify({ regionId: street, partyOnly: true, unitContacts: false })}::jsonb, 'published', ${campaign!.id}, ${author},
            ${instant(weekStart, '09:00', TZ)}, ${instant(weekStart, '08:00', TZ)})
    RETURNING id`);
  await tx.execute(sql`
    INSERT INTO notice_recipients (district_id, notice_id, person_id, community_id, delivered_at, read_at)
    SELECT p.district_id, ${notice[0]!.id}, p.id, c.id, ${instant(weekStart, '09:00', TZ)}::timestamptz,
           CASE WHEN abs(hashtext(p.id::text)) % 10 < 6 OR p.name = '张建国'
                THEN ${instant(weekStart, '09:00', TZ)}::timestamptz + make_interval(hours => abs(hashtext(p.id::text || 'r')) % 140) END
      FROM people p JOIN regions h ON h.district_id = p.district_id AND h.id = p.home_region_id
      JOIN regions c ON c.district_id = h.district_id AND c.path = subpath(h.path, 0, 3)
     WHERE p.district_id = ${districtId} AND p.party_org_id IS NOT NULL AND h.path <@ ${streetPath}::ltree`);
  await tx.execute(sql`
    UPDATE notices SET recipients = (SELECT count(*) FROM notice_recipients WHERE district_id = ${districtId} AND notice_id = ${notice[0]!.id})
     WHERE district_id = ${districtId} AND id = ${notice[0]!.id}`);
  await tx.execute(sql`
    INSERT INTO ledger_entries (district_id, kind, quantity, at, person_id, party_org_id, region_id, source_type, source_id)
    SELECT x.district_id, 'notice_read', 1, x.read_at, x.person_id, p.party_org_id, x.community_id, 'notice', x.notice_id
      FROM notice_recipients x JOIN people p ON p.district_id = x.district_id AND p.id = x.person_id
     WHERE x.district_id = ${districtId} AND x.notice_id = ${notice[0]!.id} AND x.read_at IS NOT NULL`);
  return 1;
}

/** Sessions, enrolments (张建国 among them), attendance of the held sessions, and completions in the ledger. */
async function seedCourseBody(
  tx: Tx,
  districtId: number,
  courseId: number,
  sessions: { title: string; date: string; place: string }[],
  lecturer: number | null,
  members: ReturnType<typeof sql>,
  count: number,
  rate: number,
  needed: number,
) {
  await tx.execute(sql`
    INSERT INTO course_sessions (district_id, course_id, title, lecturer_user_id, starts_at, ends_at, place)
    VALUES ${sql.join(
      sessions.map(
        (
          s,
        ) => sql`(${districtId}, ${courseId}, ${s.title}, ${lecturer}, ${instant(s.date, '14:30', TZ)}::timestamptz,
                    ${instant(s.date, '16:30', TZ)}::timestamptz, ${s.place})`,
      ),
      sql`, `,
    )}`);
  await tx.execute(sql`
    INSERT INTO enrolments (district_id, course_id, person_id, created_at)
    SELECT ${districtId}, ${courseId}, m.id, now() - interval '40 days'
      FROM (${members}) m JOIN people p ON p.district_id = ${districtId} AND p.id = m.id
     ORDER BY p.name = '张建国' DESC, hashtext(m.id::text || ${String(courseId)}) LIMIT ${count}`);
  await tx.execute(sql`UPDATE courses SET enrolled = (SELECT count(*) FROM enrolments WHERE district_id = ${districtId} AND course_id = ${courseId})
    WHERE district_id = ${districtId} AND id = ${courseId}`);
  await tx.execute(sql`
    INSERT INTO session_attendance (district_id, session_id, person_id, present, recorded_by, recorded_at)
    SELECT s.district_id, s.id, e.person_id,
           p.name = '张建国' OR abs(hashtext(s.id::text || e.person_id::text)) % 100 < ${Math.round(rate * 100)},
           ${lecturer}, s.ends_at
      FROM course_sessions s JOIN enrolments e ON e.district_id = s.district_id AND e.course_id = s.course_id
      JOIN people p ON p.district_id = e.district_id AND p.id = e.person_id
     WHERE s.district_id = ${districtId} AND s.course_id = ${courseId} AND s.ends_at < now()`);
  const { rows: done } = await tx.execute<{
    id: number;
    person_id: number;
    party_org_id: number | null;
    at: string;
    region_id: number;
  }>(sql`
    UPDATE enrolments e SET completed_at = x.at FROM (
      SELECT e2.id, max(s.ends_at) AS at FROM enrolments e2
        JOIN session_attendance a ON a.district_id = e2.district_id AND a.person_id = e2.person_id AND a.present
        JOIN course_sessions s ON s.district_id = a.district_id AND s.id = a.session_id AND s.course_id = e2.course_id
       WHERE e2.district_id = ${districtId} AND e2.course_id = ${courseId}
       GROUP BY e2.id HAVING count(*) >= ${needed}) x
     WHERE e.district_id = ${districtId} AND e.id = x.id
    RETURNING e.id, e.person_id, (SELECT party_org_id FROM people WHERE district_id = ${districtId} AND id = e.person_id) AS party_org_id,
              x.at, (SELECT region_id FROM courses WHERE district_id = ${districtId} AND id = ${courseId}) AS region_id`);
  for (let i = 0; i < done.length; i += 500) {
    await tx.execute(sql`
      INSERT INTO ledger_entries (district_id, kind, quantity, at, person_id, party_org_id, region_id, source_type, source_id)
      VALUES ${sql.join(
        done
          .slice(i, i + 500)
          .map(
            (d) =>
              sql`(${districtId}, 'course_completed', 1, ${d.at}::timestamptz, ${d.person_id}, ${d.party_org_id}, ${d.region_id}, 'enrolment', ${d.id})`,
          ),
        sql`, `,
      )}`);
  }
}
