import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestContext } from '../../../test/harness';
import { addDays, earlierDate, instant, laterDate, todayIn } from '../dedication-days/recurrence';
import { openIntervals } from './facilities.service';

/**
 * Utilization is aggregated in the database (weekday arithmetic for open hours, bookings summed
 * per facility and week); these tests hold it to the figures of the walk it replaced — every
 * day of every facility through the calendar's `openIntervals`, bookings summed in JavaScript —
 * on facilities with closures across the span's edges, retired or created inside it, odd
 * minutes and several intervals a day, and in a zone with summer time.
 */

let t: TestContext;
let contact: Client;
let district: Client;
let hospital: number;
let bajiaoNorth: number;

beforeAll(async () => {
  t = await startTestApp();
  contact = await t.as('unit_contact');
  district = await t.as('district_admin');
  [{ id: hospital }] = (await t.sql<{ id: number }>(
    "SELECT id FROM units WHERE name = '北京市石景山医院'",
  )) as [{ id: number }];
  bajiaoNorth = await t.region('110107003001');
});
afterAll(() => t.close());

type Hours = { weekday: number; opens: string; closes: string }[];
type Closure = { from: string; to: string; reason: string };
type Row = { id: number; name: string; openHours: number; bookedHours: number; usedHours: number };

const every = (opens: string, closes: string, days = [1, 2, 3, 4, 5, 6, 7]): Hours =>
  days.map((weekday) => ({ weekday, opens, closes }));

async function facility(name: string, openingHours: Hours, closures: Closure[] = []) {
  const res = await contact.post('/api/facilities', {
    unitId: hospital,
    regionId: bajiaoNorth,
    name,
    kind: 'sports',
    subKind: 'court',
    capacity: 12,
    openingHours,
    closures,
    bookingRules: { needsApproval: false, maxDaysAhead: 60, minNoticeHours: 1 },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as number;
}

/** A booking written directly: its slot may lie in the past. */
async function booking(
  facilityId: number,
  startsAt: string,
  endsAt: string,
  status: string,
  usedHours: number | null = null,
) {
  await t.sql(
    `INSERT INTO bookings (district_id, facility_id, during, purpose, people, unit_id, status, used_hours, reason)
     VALUES (1, $1, tstzrange($2::timestamptz, $3::timestamptz), '测试', 4, $4, $5, $6, $7)`,
    [facilityId, startsAt, endsAt, hospital, status, usedHours, status === 'declined' ? '不便' : null],
  );
}

/** The figures as they were computed before #24, for the district as a whole, in `zone`. */
async function walked(from: string, to: string, zone: string) {
  const facilities = await t.sql<{
    id: number;
    name: string;
    opening_hours: Hours;
    closures: Closure[];
    created_at: Date;
    retired_at: Date | null;
  }>(
    `SELECT id::int, name, opening_hours, closures, created_at, retired_at FROM facilities
      WHERE district_id = 1 ORDER BY name, id`,
  );
  const usage = await t.sql<{ facility_id: number; week: string; booked: number; used: number }>(
    `SELECT b.facility_id::int, to_char(date_trunc('week', lower(b.during) AT TIME ZONE $1), 'YYYY-MM-DD') AS week,
            sum(extract(epoch FROM upper(b.during) - lower(b.during)) / 3600)::float8 AS booked,
            coalesce(sum(b.used_hours) FILTER (WHERE b.status = 'used'), 0)::float8 AS used
       FROM bookings b
      WHERE b.district_id = 1 AND b.status IN ('confirmed', 'used', 'no_show')
        AND lower(b.during) >= $2 AND lower(b.during) < $3
      GROUP BY 1, 2`,
    [zone, instant(from, '00:00', zone), instant(addDays(to, 1), '00:00', zone)],
  );
  const round = (x: number) => Math.round(x * 10) / 10;
  const byFacility: Row[] = facilities.map((f) => {
    const created = todayIn(zone, f.created_at);
    const retired = f.retired_at ? addDays(todayIn(zone, f.retired_at), -1) : to;
    const a = laterDate(created, from);
    const b = earlierDate(retired, to);
    const open = (a <= b ? openIntervals({ ...f, time_zone: zone }, a, b).open : []).reduce(
      (s, o) => s + (Date.parse(o.endsAt) - Date.parse(o.startsAt)) / 3_600_000,
      0,
    );
    const mine = usage.filter((u) => u.facility_id === f.id);
    return {
      id: f.id,
      name: f.name,
      openHours: round(open),
      bookedHours: round(mine.reduce((s, u) => s + u.booked, 0)),
      usedHours: round(mine.reduce((s, u) => s + u.used, 0)),
    };
  });
  const weeks = new Map<string, { bookedHours: number; usedHours: number }>();
  for (const u of usage) {
    const w = weeks.get(u.week) ?? { bookedHours: 0, usedHours: 0 };
    w.bookedHours += u.booked;
    w.usedHours += u.used;
    weeks.set(u.week, w);
  }
  const total = (k: 'openHours' | 'bookedHours' | 'usedHours') =>
    round(byFacility.reduce((s, f) => s + f[k], 0));
  return {
    openHours: total('openHours'),
    bookedHours: total('bookedHours'),
    usedHours: total('usedHours'),
    byFacility,
    byWeek: [...weeks.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([week, w]) => ({ week, bookedHours: round(w.bookedHours), usedHours: round(w.usedHours) })),
  };
}

/** Every page of the district's table, in the order asked for. */
async function answered(from: string, to: string, order = '') {
  const root = await t.region('110107');
  const rows: Row[] = [];
  let first: any;
  for (let page = 1; ; page++) {
    const res = await district.get(
      `/api/facilities/utilization?regionId=${root}&from=${from}&to=${to}&pageSize=7&page=${page}${order}`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    first ??= res.body;
    rows.push(...res.body.byFacility.items);
    if (res.body.byFacility.items.length < 7) break;
  }
  expect(rows).toHaveLength(first.byFacility.total);
  return { ...first, byFacility: rows };
}

async function expectSame(from: string, to: string, zone: string) {
  const [got, want] = await Promise.all([answered(from, to), walked(from, to, zone)]);
  expect(got.byFacility).toEqual(want.byFacility);
  expect(got.byWeek).toEqual(want.byWeek);
  expect({ open: got.openHours, booked: got.bookedHours, used: got.usedHours }).toEqual({
    open: want.openHours,
    booked: want.bookedHours,
    used: want.usedHours,
  });
  return { got, want };
}

describe('utilization: the same figures as walking every day', () => {
  let plain: number;
  let split: number;

  beforeAll(async () => {
    plain = await facility('利用率A球场', every('08:00', '21:00'));
    // Two intervals on weekdays at odd minutes, none at weekends; closures over the spans' edges, overlapping.
    split = await facility(
      '利用率B教室',
      [...every('08:10', '11:45', [1, 2, 3, 4, 5]), ...every('13:20', '17:05', [1, 2, 3, 4, 5])],
      [
        { from: '2025-12-28', to: '2026-01-05', reason: '寒假' },
        { from: '2026-01-03', to: '2026-01-09', reason: '维修' },
        { from: '2026-03-31', to: '2026-04-02', reason: '检查' },
        { from: '2026-06-01', to: '2026-06-01', reason: '活动' },
      ],
    );
    const saturdays = await facility('利用率C礼堂', every('09:00', '12:00', [6]));
    const retired = await facility('利用率D活动室', every('00:00', '23:59'));
    const late = await facility('利用率E会议室', every('19:30', '22:15', [2, 4, 7]));
    const future = await facility('利用率F场馆', every('08:00', '18:00'));
    const gone = await facility('利用率G场馆', every('08:00', '18:00'));
    const allDay = await facility('利用率H自习室', every('00:00', '23:59'));
    const at = (id: number, created: string, retiredAt: string | null = null) =>
      t.sql('UPDATE facilities SET created_at = $2, retired_at = $3 WHERE id = $1', [id, created, retiredAt]);
    await at(plain, '2025-06-01T00:00:00Z');
    await at(split, '2025-06-01T00:00:00Z');
    await at(allDay, '2025-06-01T00:00:00Z');
    // Created mid-span: a minute before midnight there, so its first day is that date.
    await at(saturdays, '2026-02-10T15:59:00Z');
    await at(late, '2026-03-18T02:00:00Z');
    // Retired mid-span: its last day is the day before.
    await at(retired, '2025-06-01T00:00:00Z', '2026-02-20T03:00:00Z');
    await at(future, '2027-05-01T00:00:00Z');
    await at(gone, '2025-01-01T00:00:00Z', '2025-03-01T00:00:00Z');

    const z = 'Asia/Shanghai';
    // At the edges of 2026-01-17 … 2026-04-09: the evening before the first day does not count, the last evening does.
    await booking(plain, instant('2026-01-16', '20:00', z), instant('2026-01-16', '21:00', z), 'used', 1);
    await booking(plain, instant('2026-01-17', '08:00', z), instant('2026-01-17', '09:30', z), 'used', 1.25);
    await booking(plain, instant('2026-04-09', '20:00', z), instant('2026-04-09', '21:00', z), 'confirmed');
    await booking(plain, instant('2026-02-02', '10:00', z), instant('2026-02-02', '11:10', z), 'no_show');
    await booking(plain, instant('2026-02-02', '12:00', z), instant('2026-02-02', '13:00', z), 'cancelled');
    await booking(plain, instant('2026-02-03', '12:00', z), instant('2026-02-03', '13:00', z), 'declined');
    await booking(plain, instant('2026-02-04', '12:00', z), instant('2026-02-04', '13:00', z), 'pending');
    for (let d = '2026-01-05'; d <= '2026-12-28'; d = addDays(d, 9))
      await booking(split, instant(d, '08:10', z), instant(d, '09:30', z), 'used', 0.4);
    await booking(late, instant('2026-03-19', '19:30', z), instant('2026-03-19', '22:15', z), 'used', 2.75);
    await booking(
      retired,
      instant('2026-02-19', '00:00', z),
      instant('2026-02-19', '23:59', z),
      'used',
      23.9,
    );
  });

  it('over partial months, a single day, a year, and spans with nothing open', async () => {
    const { got } = await expectSame('2026-01-17', '2026-04-09', 'Asia/Shanghai');
    expect(got.byFacility.find((f: Row) => f.id === split).openHours).toBeGreaterThan(0);
    expect(got.bookedRate).toBeCloseTo(got.bookedHours / got.openHours, 10);
    await expectSame('2026-01-01', '2026-01-01', 'Asia/Shanghai');
    await expectSame('2026-02-20', '2026-02-20', 'Asia/Shanghai');
    await expectSame('2025-12-30', '2027-01-03', 'Asia/Shanghai');
    await expectSame('2028-01-01', '2028-01-31', 'Asia/Shanghai');
  });

  it('a page in any order holds the rows that order puts there; the totals stay the whole scope’s', async () => {
    const { want } = await expectSame('2026-01-17', '2026-04-09', 'Asia/Shanghai');
    const root = await t.region('110107');
    const rate = (r: Row) => (r.openHours > 0 ? r.usedHours / r.openHours : 0);
    const sorted = [...want.byFacility].sort(
      (a, b) => rate(b) - rate(a) || (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id - b.id),
    );
    const res = await district.get(
      `/api/facilities/utilization?regionId=${root}&from=2026-01-17&to=2026-04-09&sort=usedRate&order=desc&pageSize=3&page=2`,
    );
    expect(res.body.byFacility.items.map((r: Row) => r.id)).toEqual(sorted.slice(3, 6).map((r) => r.id));
    expect(res.body.byFacility.total).toBe(want.byFacility.length);
    expect(res.body.openHours).toBe(want.openHours);
    const byOpen = await answered('2026-01-17', '2026-04-09', '&sort=openHours&order=desc');
    const open = byOpen.byFacility.map((r: Row) => r.openHours);
    expect(open).toEqual([...open].sort((a, b) => b - a));
    // One facility, as its keeper sees it.
    const one = await contact.get(
      `/api/facilities/utilization?facilityId=${split}&from=2026-01-17&to=2026-04-09`,
    );
    expect(one.body.byFacility).toEqual({ items: [want.byFacility.find((r) => r.id === split)], total: 1 });
    expect(one.body.openHours).toBe(want.byFacility.find((r) => r.id === split)!.openHours);
  });

  it('in a zone with summer time, the days the clocks change count their hours as instants', async () => {
    await t.sql(
      `INSERT INTO district_settings (district_id, time_zone) VALUES (1, 'Europe/Berlin')
       ON CONFLICT (district_id) DO UPDATE SET time_zone = excluded.time_zone`,
    );
    try {
      // 2026-03-29 is an hour short for the room open round the clock: 42 days of 23:59 less an hour.
      const { got } = await expectSame('2026-03-20', '2026-04-30', 'Europe/Berlin');
      expect(got.byFacility.find((r: Row) => r.name === '利用率H自习室').openHours).toBe(1006.3);
      await expectSame('2026-01-17', '2026-04-09', 'Europe/Berlin');
      await expectSame('2026-10-20', '2026-10-31', 'Europe/Berlin');
    } finally {
      await t.sql(`UPDATE district_settings SET time_zone = 'Asia/Shanghai' WHERE district_id = 1`);
    }
  });
});
