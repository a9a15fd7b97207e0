/**
 * Demo dedication days: every community serves on its fixed day (most on the second
 * Saturday), with a year of past days — who came, when they checked in and out, the hours
 * confirmed and in the ledger — and the coming days open for sign-up, some already full.
 */
import { type SQL, sql } from 'drizzle-orm';
import { DEFAULT_TIME_ZONE, type DedicationTaskTemplate } from '../../../contract';
import type { Tx } from '../db/client';
import { type DayRow, materialise } from '../modules/dedication-days/dedication-days.service';
import { addDays, datesBetween, instant, todayIn } from '../modules/dedication-days/recurrence';
import { seeded } from './demo.data';

/** The demo district keeps the default zone. */
const TZ = DEFAULT_TIME_ZONE;
const RULES = [
  'FREQ=MONTHLY;BYDAY=SA;BYSETPOS=2', // the second Saturday: most communities
  'FREQ=MONTHLY;BYDAY=SA;BYSETPOS=2',
  'FREQ=MONTHLY;BYDAY=SA;BYSETPOS=2',
  'FREQ=MONTHLY;BYDAY=SU;BYSETPOS=-1', // the last Sunday
  'FREQ=MONTHLY;BYMONTHDAY=5', // the fifth of every month
];
const TASKS: DedicationTaskTemplate[] = [
  { title: '清扫楼道和院落', place: '', capacity: 16, specialties: [] },
  { title: '义诊与健康咨询', place: '社区卫生服务站', capacity: 4, specialties: ['medical'] },
  { title: '法律咨询台', place: '社区服务站大厅', capacity: 3, specialties: ['legal'] },
  { title: '政策宣传进楼门', place: '', capacity: 6, specialties: [] },
  {
    title: '绿地养护',
    place: '小区花园',
    capacity: 8,
    specialties: [],
    startTime: '09:00',
    endTime: '10:30',
  },
  { title: '家电义务维修', place: '社区服务站门前', capacity: 3, specialties: ['repair'] },
];

export async function seedDedication(tx: Tx, districtId: number) {
  const { rows: existing } = await tx.execute(
    sql`SELECT 1 FROM dedication_days WHERE district_id = ${districtId} LIMIT 1`,
  );
  if (existing.length) return 0;
  const rand = seeded(2001);
  const today = todayIn(TZ);
  const since = addDays(today, -365);
  const { rows: communities } = await tx.execute<{
    id: number;
    name: string;
    path: string;
    code: string;
  }>(sql`
    SELECT id, name, path::text AS path, code FROM regions WHERE district_id = ${districtId} AND kind = 'community' ORDER BY code`);

  for (const [i, c] of communities.entries()) {
    const home = c.code === '110107003001';
    const rrule = home ? RULES[0]! : RULES[i % RULES.length]!;
    const tasks = home
      ? [TASKS[0]!, TASKS[1]!, TASKS[2]!]
      : [TASKS[0]!, ...[...TASKS.slice(1)].sort(() => rand() - 0.5).slice(0, 1 + Math.floor(rand() * 2))];
    const { rows } = await tx.execute<{ id: number }>(sql`
      INSERT INTO dedication_days (district_id, region_id, title, rrule, starts_on, start_time, end_time, timezone, place, tasks, created_at)
      VALUES (${districtId}, ${c.id}, '党员固定奉献日', ${rrule}, ${since}, '09:00', '11:30', ${TZ}, ${`${c.name}党群服务中心`},
              ${JSON.stringify(tasks)}::jsonb, ${instant(since, '08:00', TZ)})
      RETURNING id`);
    const dayId = rows[0]!.id;

    // The past year's days, as they were held.
    const past = datesBetween({ rrule, startsOn: since, exceptions: [] }, since, addDays(today, -1));
    if (past.length) {
      const { rows: made } = await tx.execute<{ id: number; on_date: string }>(sql`
        INSERT INTO dedication_occurrences (district_id, dedication_day_id, region_id, on_date, starts_at, ends_at, place, reminded_at)
        VALUES ${sql.join(
          past.map(
            (d) => sql`(${districtId}, ${dayId}, ${c.id}, ${d}, ${instant(d, '09:00', TZ)}::timestamptz,
                        ${instant(d, '11:30', TZ)}::timestamptz, ${`${c.name}党群服务中心`}, ${instant(d, '08:00', TZ)}::timestamptz - interval '1 day')`,
          ),
          sql`, `,
        )}
        RETURNING id, on_date::text AS on_date`);
      await tx.execute(sql`
        INSERT INTO dedication_tasks (district_id, occurrence_id, title, place, capacity, specialties, starts_at, ends_at)
        VALUES ${sql.join(
          made.flatMap((o) =>
            tasks.map(
              (
                t,
              ) => sql`(${districtId}, ${o.id}, ${t.title}, ${t.place || `${c.name}党群服务中心`}, ${t.capacity},
                          ${`{${t.specialties.join(',')}}`}::text[], ${instant(o.on_date, t.startTime ?? '09:00', TZ)}::timestamptz,
                          ${instant(o.on_date, t.endTime ?? '11:30', TZ)}::timestamptz)`,
            ),
          ),
          sql`, `,
        )}`);
    }
    const day = await tx.execute(sql`
      SELECT d.id, d.region_id, r.name AS region_name, r.path::text AS region_path, d.title, d.rrule, d.starts_on::text AS starts_on,
             d.start_time, d.end_time, d.timezone, d.place, d.exceptions, d.tasks, d.retired_at, d.created_at
        FROM dedication_days d JOIN regions r ON r.district_id = d.district_id AND r.id = d.region_id
       WHERE d.district_id = ${districtId} AND d.id = ${dayId}`);
    await materialise(tx, districtId, day.rows[0] as DayRow);
  }

  // Who came on past days: the community's Party members and some residents who volunteer
  // with them (through their teams), most tasks well filled; nine in
  // ten checked in and out by scanning, with the hours confirmed, the rest did not come.
  // In a quarter of the communities the days were held but few came until five months
  // ago: one side keen (一头热) becoming both sides keen (两头热) on the dashboards.
  await tx.execute(sql`
    INSERT INTO signups (district_id, occurrence_id, task_id, person_id, status, checked_in_at, checked_out_at, checked_by,
                         hours, hours_status, reason, decided_at, created_at)
    SELECT t.district_id, t.occurrence_id, t.id, m.id, 'signed',
           CASE WHEN m.came THEN t.starts_at + make_interval(mins => m.early) END,
           CASE WHEN m.came THEN t.ends_at - make_interval(mins => m.late) END,
           CASE WHEN m.came THEN 'qr' END,
           CASE WHEN m.came THEN round((extract(epoch FROM (t.ends_at - make_interval(mins => m.late)) - (t.starts_at + make_interval(mins => m.early))) / 3600)::numeric, 1) ELSE 0 END,
           CASE WHEN m.came THEN 'confirmed' ELSE 'rejected' END::hours_status,
           CASE WHEN m.came THEN NULL ELSE '未到场' END,
           t.ends_at + interval '2 hours', t.starts_at - interval '5 days'
      FROM dedication_tasks t
      JOIN dedication_occurrences o ON o.district_id = t.district_id AND o.id = t.occurrence_id
      JOIN regions r ON r.district_id = o.district_id AND r.id = o.region_id
      CROSS JOIN LATERAL (
        SELECT p.id, hashtext(p.id::text || ':' || t.id::text) % 10 <> 0 AS came,
               abs(hashtext(t.id::text || p.id::text)) % 15 AS early, abs(hashtext(p.id::text || t.id::text)) % 20 AS late
          FROM people p JOIN regions h ON h.district_id = p.district_id AND h.id = p.home_region_id
         WHERE p.district_id = t.district_id AND h.path <@ r.path
           AND (p.party_org_id IS NOT NULL OR abs(hashtext(p.id::text)) % 6 = 0)
         ORDER BY hashtext(p.id::text || '/' || t.id::text)
         LIMIT greatest(1, t.capacity * (CASE WHEN ${warming(sql`r.code`)} AND o.starts_at < now() - interval '5 months'
                                              THEN 5 + abs(hashtext(t.id::text)) % 11
                                              ELSE 60 + abs(hashtext(t.id::text)) % 41 END) / 100)) m
     WHERE t.district_id = ${districtId} AND o.ends_at < now()
    ON CONFLICT (district_id, occurrence_id, person_id) WHERE status IN ('signed', 'waiting') DO NOTHING`);

  // The coming days: the next one of each community half full, the home community's busier.
  await tx.execute(sql`
    WITH next AS (
      SELECT DISTINCT ON (o.dedication_day_id) o.id, o.region_id FROM dedication_occurrences o
       WHERE o.district_id = ${districtId} AND o.starts_at > now() AND o.status = 'scheduled'
       ORDER BY o.dedication_day_id, o.starts_at)
    INSERT INTO signups (district_id, occurrence_id, task_id, person_id, status, created_at)
    SELECT t.district_id, t.occurrence_id, t.id, m.id, 'signed', now() - make_interval(hours => abs(hashtext(m.id::text)) % 200)
      FROM next JOIN dedication_tasks t ON t.district_id = ${districtId} AND t.occurrence_id = next.id
      JOIN regions r ON r.district_id = ${districtId} AND r.id = next.region_id
      CROSS JOIN LATERAL (
        SELECT p.id FROM people p JOIN regions h ON h.district_id = p.district_id AND h.id = p.home_region_id
         WHERE p.district_id = ${districtId} AND p.party_org_id IS NOT NULL AND h.path <@ r.path AND p.name <> '张建国'
         ORDER BY hashtext(p.id::text || '/' || t.id::text)
         LIMIT CASE WHEN t.title = '法律咨询台' AND r.code = '110107003001' THEN t.capacity ELSE t.capacity / 2 END) m
    ON CONFLICT (district_id, occurrence_id, person_id) WHERE status IN ('signed', 'waiting') DO NOTHING`);
  await tx.execute(sql`
    UPDATE dedication_tasks t SET signed = s.n
      FROM (SELECT task_id, count(*) AS n FROM signups WHERE district_id = ${districtId} AND status = 'signed' GROUP BY task_id) s
     WHERE t.district_id = ${districtId} AND t.id = s.task_id`);
  // 张建国 signed up for the next day at home, and two neighbours wait for the full legal desk.
  await tx.execute(sql`
    WITH next AS (
      SELECT o.id FROM dedication_occurrences o JOIN regions r ON r.district_id = o.district_id AND r.id = o.region_id
       WHERE o.district_id = ${districtId} AND r.code = '110107003001' AND o.starts_at > now() ORDER BY o.starts_at LIMIT 1),
    me AS (SELECT id FROM people WHERE district_id = ${districtId} AND name = '张建国'),
    cleaning AS (SELECT t.id, t.occurrence_id FROM dedication_tasks t, next WHERE t.district_id = ${districtId}
                   AND t.occurrence_id = next.id AND t.title = '清扫楼道和院落'),
    signed AS (
      INSERT INTO signups (district_id, occurrence_id, task_id, person_id, status)
      SELECT ${districtId}, cleaning.occurrence_id, cleaning.id, me.id, 'signed' FROM cleaning, me RETURNING task_id)
    UPDATE dedication_tasks SET signed = signed + 1 WHERE district_id = ${districtId} AND id IN (SELECT task_id FROM signed)`);
  await tx.execute(sql`
    INSERT INTO signups (district_id, occurrence_id, task_id, person_id, status, created_at)
    SELECT t.district_id, t.occurrence_id, t.id, p.id, 'waiting', now() - make_interval(mins => (row_number() OVER ())::int)
      FROM dedication_tasks t
      JOIN dedication_occurrences o ON o.district_id = t.district_id AND o.id = t.occurrence_id
      JOIN regions r ON r.district_id = o.district_id AND r.id = o.region_id
      CROSS JOIN LATERAL (
        SELECT p.id FROM people p JOIN regions h ON h.district_id = p.district_id AND h.id = p.home_region_id
         WHERE p.district_id = t.district_id AND p.party_org_id IS NOT NULL AND h.path <@ r.path AND p.name <> '张建国'
           AND NOT EXISTS (SELECT 1 FROM signups s WHERE s.district_id = t.district_id AND s.occurrence_id = t.occurrence_id AND s.person_id = p.id)
         ORDER BY p.id LIMIT 2) p
     WHERE t.district_id = ${districtId} AND r.code = '110107003001' AND t.title = '法律咨询台' AND t.signed = t.capacity
       AND o.starts_at > now()
    ON CONFLICT (district_id, occurrence_id, person_id) WHERE status IN ('signed', 'waiting') DO NOTHING`);

  return communities.length;
}

/**
 * The confirmed hours of the demo's held days, in the ledger as confirming them through
 * the API writes them (with the member's Party organisation, and their team if a team
 * put them forward). Runs after the teams are seeded.
 */
/** The communities whose residents only warmed to their dedication days in the last five months. */
const warming = (code: SQL) => sql`abs(hashtext(${code})) % 4 = 0`;

export async function seedDedicationHours(tx: Tx, districtId: number) {
  await tx.execute(sql`
    INSERT INTO ledger_entries (district_id, kind, quantity, at, person_id, party_org_id, team_id, region_id, source_type, source_id)
    SELECT s.district_id, 'service_hours', s.hours, t.ends_at, s.person_id, p.party_org_id, s.team_id, o.region_id, 'signup', s.id
      FROM signups s
      JOIN dedication_tasks t ON t.district_id = s.district_id AND t.id = s.task_id
      JOIN dedication_occurrences o ON o.district_id = s.district_id AND o.id = s.occurrence_id
      JOIN people p ON p.district_id = s.district_id AND p.id = s.person_id
     WHERE s.district_id = ${districtId} AND s.hours_status = 'confirmed' AND s.hours > 0
       AND NOT EXISTS (SELECT 1 FROM ledger_entries e WHERE e.district_id = s.district_id AND e.source_type = 'signup' AND e.source_id = s.id)`);
}
