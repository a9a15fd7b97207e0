/**
 * Demo shared facilities: schools' classrooms and courts, hospitals' rooms, agencies'
 * halls, and every community's own activity room; a term of bookings — a choir every
 * week, one-off meetings and matches, some declined — with use recorded, and the hours
 * units shared in the ledger.
 */

import { sql } from 'drizzle-orm';
import { DEFAULT_TIME_ZONE } from '../../../contract';
import type { Tx } from '../db/client';
import { addDays, instant, todayIn } from '../modules/dedication-days/recurrence';
import { seeded } from './demo.data';

/** The demo district keeps the default zone. */
const TZ = DEFAULT_TIME_ZONE;
type Kind = 'education' | 'sports' | 'culture' | 'health';
type Template = {
  name: string;
  kind: Kind;
  sub: string;
  capacity: number;
  hours: [string, string];
  weekend: boolean;
  approval: boolean;
};

const BY_UNIT: Record<string, Template[]> = {
  school: [
    {
      name: '多功能教室',
      kind: 'education',
      sub: 'classroom',
      capacity: 40,
      hours: ['16:30', '21:00'],
      weekend: true,
      approval: true,
    },
    {
      name: '篮球场',
      kind: 'sports',
      sub: 'court',
      capacity: 20,
      hours: ['06:00', '21:00'],
      weekend: true,
      approval: false,
    },
    {
      name: '图书馆阅览室',
      kind: 'culture',
      sub: 'library',
      capacity: 30,
      hours: ['17:00', '20:00'],
      weekend: true,
      approval: true,
    },
  ],
  hospital: [
    {
      name: '健康教育室',
      kind: 'health',
      sub: 'clinic_room',
      capacity: 25,
      hours: ['14:00', '17:30'],
      weekend: false,
      approval: true,
    },
    {
      name: '职工活动中心',
      kind: 'sports',
      sub: 'gym',
      capacity: 30,
      hours: ['18:00', '21:00'],
      weekend: true,
      approval: true,
    },
  ],
  agency: [
    {
      name: '大会议室',
      kind: 'culture',
      sub: 'meeting_room',
      capacity: 60,
      hours: ['18:30', '21:00'],
      weekend: true,
      approval: true,
    },
    {
      name: '职工之家',
      kind: 'culture',
      sub: 'activity_room',
      capacity: 25,
      hours: ['09:00', '21:00'],
      weekend: true,
      approval: true,
    },
  ],
  enterprise: [
    {
      name: '职工礼堂',
      kind: 'culture',
      sub: 'hall',
      capacity: 200,
      hours: ['09:00', '21:00'],
      weekend: true,
      approval: true,
    },
  ],
};
const COMMUNITY: Template = {
  name: '党群活动室',
  kind: 'culture',
  sub: 'activity_room',
  capacity: 30,
  hours: ['08:30', '21:00'],
  weekend: true,
  approval: false,
};
const PURPOSES = [
  '社区合唱团排练',
  '老年书法班',
  '青少年篮球赛',
  '健康讲座',
  '楼门议事会',
  '党员学习会',
  '太极拳练习',
  '亲子阅读',
];

const opening = (t: Template) =>
  [1, 2, 3, 4, 5, ...(t.weekend ? [6, 7] : [])].map((weekday) => ({
    weekday,
    opens: weekday >= 6 && t.hours[0] > '09:00' ? '09:00' : t.hours[0],
    closes: t.hours[1],
  }));

export async function seedSharing(tx: Tx, districtId: number) {
  const { rows: existing } = await tx.execute(
    sql`SELECT 1 FROM facilities WHERE district_id = ${districtId} LIMIT 1`,
  );
  if (existing.length) return 0;
  const rand = seeded(1949);
  const today = todayIn(TZ);
  const holiday = { from: addDays(today, 36), to: addDays(today, 38), reason: '设备检修' };
  const { rows: units } = await tx.execute<{ id: number; kind: string; name: string; region_id: number }>(sql`
    SELECT id, kind::text, name, region_id FROM units WHERE district_id = ${districtId} ORDER BY id`);
  const { rows: communities } = await tx.execute<{ id: number; name: string }>(sql`
    SELECT id, name FROM regions WHERE district_id = ${districtId} AND kind = 'community' ORDER BY code`);
  const rows: { unitId: number | null; regionId: number; name: string; t: Template }[] = [];
  for (const u of units)
    for (const t of BY_UNIT[u.kind] ?? [])
      rows.push({ unitId: u.id, regionId: u.region_id, name: `${u.name}${t.name}`, t });
  for (const c of communities)
    rows.push({ unitId: null, regionId: c.id, name: `${c.name}${COMMUNITY.name}`, t: COMMUNITY });
  const { rows: made } = await tx.execute<{
    id: number;
    unit_id: number | null;
    opens: string;
    closes: string;
    approval: boolean;
  }>(sql`
    INSERT INTO facilities (district_id, unit_id, region_id, name, kind, sub_kind, capacity, address, description, rules,
                            opening_hours, closures, max_minutes, max_days_ahead, min_notice_hours, needs_approval)
    VALUES ${sql.join(
      rows.map(
        (
          r,
          i,
        ) => sql`(${districtId}, ${r.unitId}, ${r.regionId}, ${r.name}, ${r.t.kind}, ${r.t.sub}, ${r.t.capacity}, '',
          ${r.unitId ? '单位在不影响工作的前提下向社区开放。' : '社区党群服务中心的公共活动空间。'},
          ${'请爱护设施，使用后恢复原状；活动结束后关闭门窗电源。'},
          ${JSON.stringify(opening(r.t))}::jsonb, ${JSON.stringify(i % 3 === 0 ? [holiday] : [])}::jsonb,
          ${r.t.sub === 'hall' ? 300 : 180}, 120, ${r.t.approval ? 24 : 2}, ${r.t.approval})`,
      ),
      sql`, `,
    )}
    RETURNING id, unit_id, (opening_hours->0->>'opens') AS opens, (opening_hours->0->>'closes') AS closes, needs_approval AS approval`);

  // The facilities have been open to residents since the start of last year: their open
  // hours (what utilization is measured against) run from then.
  await tx.execute(sql`UPDATE facilities SET created_at = date_trunc('year', now() AT TIME ZONE ${TZ}) AT TIME ZONE ${TZ} - interval '1 year'
    WHERE district_id = ${districtId}`);

  // A term of bookings: a weekly choir or class on many facilities, and one-off bookings.
  const { rows: people } = await tx.execute<{ id: number }>(sql`
    SELECT id FROM people WHERE district_id = ${districtId} ORDER BY id LIMIT 400`);
  const values: ReturnType<typeof sql>[] = [];
  const termStart = addDays(today, -84);
  for (const f of made) {
    if (rand() < 0.35) continue;
    const weekday = Math.floor(rand() * 5); // a weekday evening (or the opening hour)
    const [h, m] = f.opens.split(':').map(Number) as [number, number];
    const from = `${String(Math.min(h + 1, 19)).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
    const to = `${String(Math.min(h + 2, 20)).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
    if (to > f.closes) continue;
    const booker = people[Math.floor(rand() * people.length)]!.id;
    const purpose = PURPOSES[Math.floor(rand() * PURPOSES.length)]!;
    for (let w = 0; w < 16; w++) {
      const date = addDays(termStart, w * 7 + weekday);
      const past = date < today;
      const declined = !past && rand() < 0.05;
      const status = past
        ? rand() < 0.06
          ? 'no_show'
          : 'used'
        : declined
          ? 'declined'
          : f.approval && rand() < 0.3
            ? 'pending'
            : 'confirmed';
      const used =
        status === 'used' ? Math.round((1 - rand() * 0.3) * 10) / 10 : status === 'no_show' ? 0 : null;
      values.push(sql`(${districtId}, ${f.id}, tstzrange(${instant(date, from, TZ)}::timestamptz, ${instant(date, to, TZ)}::timestamptz),
        ${purpose}, ${10 + Math.floor(rand() * 15)}, ${booker}, ${status}, ${declined ? '该时段单位内部使用' : null}, ${used},
        ${instant(termStart, '10:00', TZ)}::timestamptz - interval '3 days', ${f.id})`);
    }
  }
  for (let i = 0; i < values.length; i += 500) {
    await tx.execute(sql`
      INSERT INTO bookings (district_id, facility_id, during, purpose, people, person_id, status, reason, used_hours, created_at, series_id)
      VALUES ${sql.join(values.slice(i, i + 500), sql`, `)}
      ON CONFLICT DO NOTHING`);
  }
  // Yesterday evening 陈桂兰's choir used the hospital's staff centre: confirmed, its use not yet recorded.
  await tx.execute(sql`
    INSERT INTO bookings (district_id, facility_id, during, purpose, people, person_id, status, created_at)
    SELECT ${districtId}, f.id, tstzrange(${instant(addDays(today, -1), '18:30', TZ)}::timestamptz, ${instant(addDays(today, -1), '20:30', TZ)}::timestamptz),
           '社区合唱团排练', 18, (SELECT id FROM people WHERE district_id = ${districtId} AND name = '陈桂兰'), 'confirmed', now() - interval '10 days'
      FROM facilities f WHERE f.district_id = ${districtId} AND f.name = '北京市石景山医院职工活动中心'
    ON CONFLICT DO NOTHING`);
  // A weekly series shares the id of its first booking.
  await tx.execute(sql`
    UPDATE bookings b SET series_id = s.first FROM (
      SELECT facility_id, min(id) AS first FROM bookings WHERE district_id = ${districtId} GROUP BY facility_id) s
     WHERE b.district_id = ${districtId} AND b.facility_id = s.facility_id`);
  // The hours units shared with the community, in the ledger.
  await tx.execute(sql`
    INSERT INTO ledger_entries (district_id, kind, quantity, at, unit_id, region_id, source_type, source_id)
    SELECT b.district_id, 'facility_hours_shared', b.used_hours, upper(b.during), f.unit_id, f.region_id, 'booking', b.id
      FROM bookings b JOIN facilities f ON f.district_id = b.district_id AND f.id = b.facility_id
     WHERE b.district_id = ${districtId} AND b.status = 'used' AND b.used_hours > 0 AND f.unit_id IS NOT NULL`);
  return made.length;
}
