import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCursorPagesLikeNumbered, expectForgedCursorsRefused } from '../../../test/cursor-pages';
import { type Client, startTestApp, type TestContext } from '../../../test/harness';
import { addDays, instant, todayIn } from '../dedication-days/recurrence';

let t: TestContext;
let contact: Client;
let resident: Client;
let hospital: number;
let bajiaoNorth: number;
const TZ = 'Asia/Shanghai';
const today = todayIn(TZ);
/** The next date, from the day after tomorrow, falling on an ISO weekday (1 = Monday). */
const nextWeekday = (weekday: number) => {
  for (let d = addDays(today, 2); ; d = addDays(d, 1)) {
    const w = new Date(`${d}T00:00:00Z`).getUTCDay() || 7;
    if (w === weekday) return d;
  }
};
const slot = (date: string, from: string, to: string) => ({
  startsAt: instant(date, from, TZ),
  endsAt: instant(date, to, TZ),
});

beforeAll(async () => {
  t = await startTestApp();
  contact = await t.as('unit_contact');
  resident = await t.as('resident');
  [{ id: hospital }] = (await t.sql<{ id: number }>(
    "SELECT id FROM units WHERE name = '北京市石景山医院'",
  )) as [{ id: number }];
  bajiaoNorth = await t.region('110107003001');
});
afterAll(() => t.close());

async function court(body: Record<string, unknown> = {}) {
  const res = await contact.post('/api/facilities', {
    unitId: hospital,
    regionId: bajiaoNorth,
    name: `羽毛球场${Math.random().toString(36).slice(2, 6)}`,
    kind: 'sports',
    subKind: 'court',
    capacity: 12,
    openingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '08:00', closes: '21:00' })),
    bookingRules: { needsApproval: false, maxDaysAhead: 60, minNoticeHours: 1 },
    ...body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const book = (c: Client, facilityId: number, s: { startsAt: string; endsAt: string }, extra = {}) =>
  c.post('/api/bookings', { facilityId, ...s, purpose: '羽毛球活动', people: 4, ...extra });

describe('bookings never overlap', () => {
  it('100 concurrent requests for overlapping slots: exactly one succeeds, the rest get 409', async () => {
    const f = await court();
    const date = nextWeekday(6);
    const clients = await t.members('booker', 100, bajiaoNorth);
    // Each asks for a different but overlapping slot around 10:00.
    const results = await Promise.all(
      clients.map((c, i) =>
        book(c, f.id, {
          startsAt: instant(date, `09:${String(15 + (i % 45)).padStart(2, '0')}`, TZ),
          endsAt: instant(date, `10:${String(30 + (i % 29)).padStart(2, '0')}`, TZ),
        }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(99);
    expect(results.find((r) => r.status === 409)!.body.error.code).toBe('booking_overlap');
    const [{ n }] = (await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM bookings a JOIN bookings b ON a.facility_id = b.facility_id AND a.id < b.id
        AND a.during && b.during WHERE a.facility_id = $1 AND a.status IN ('pending','confirmed') AND b.status IN ('pending','confirmed')`,
      [f.id],
    )) as [{ n: number }];
    expect(n).toBe(0);
  });

  it('back to back bookings both stand; the database refuses an overlap past the code', async () => {
    const f = await court();
    const date = nextWeekday(3);
    expect((await book(resident, f.id, slot(date, '09:00', '10:00'))).status).toBe(201);
    expect((await book(contact, f.id, slot(date, '10:00', '11:00'), { forUnit: true })).status).toBe(201);
    await expect(
      t.sql(
        `INSERT INTO bookings (district_id, facility_id, during, purpose, people, unit_id, status)
         VALUES (1, $1, tstzrange($2::timestamptz, $3::timestamptz), '绕过检查', 1, $4, 'pending')`,
        [f.id, instant(date, '09:30', TZ), instant(date, '10:30', TZ), hospital],
      ),
    ).rejects.toThrow(/bookings_no_overlap/);
    // A declined or cancelled booking frees its slot.
    const mine = await resident.get(`/api/bookings?mine=true&facilityId=${f.id}`);
    await resident.post(`/api/bookings/${mine.body.items[0].id}/cancel`, {});
    expect((await book(resident, f.id, slot(date, '09:00', '10:00'))).status).toBe(201);
  });
});

describe('the facility’s rules, each with its reason', () => {
  it('refuses outside opening hours and on a closure day with 422 and the reason', async () => {
    const closed = nextWeekday(2);
    const f = await court({
      openingHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:00', closes: '12:00' })),
      closures: [{ from: closed, to: closed, reason: '场地维修' }],
    });
    const late = await book(resident, f.id, slot(nextWeekday(1), '11:00', '13:00'));
    expect(late.status).toBe(422);
    expect(late.body.error).toMatchObject({ code: 'booking_outside_hours' });
    expect(late.body.error.message).toContain('08:00–12:00');
    const sunday = await book(resident, f.id, slot(nextWeekday(7), '09:00', '10:00'));
    expect(sunday.body.error.code).toBe('booking_closed_day');
    const repair = await book(resident, f.id, slot(closed, '09:00', '10:00'));
    expect(repair.status).toBe(422);
    expect(repair.body.error.message).toContain('场地维修');
    const crowd = await book(resident, f.id, slot(nextWeekday(1), '09:00', '10:00'), { people: 13 });
    expect(crowd.body.error.code).toBe('booking_over_capacity');
    const far = await book(resident, f.id, slot(addDays(nextWeekday(1), 63), '09:00', '10:00'));
    expect(far.body.error.code).toBe('booking_too_far');
    expect((await t.sql('SELECT 1 FROM bookings WHERE facility_id = $1', [f.id])).length).toBe(0);
  });

  it('a weekly series across a closure books the other weeks and reports the clashing date', async () => {
    const first = nextWeekday(2);
    const closed = addDays(first, 14);
    const f = await court({ closures: [{ from: closed, to: closed, reason: '学校运动会' }] });
    // Someone already has the fourth week.
    expect(
      (await book(contact, f.id, slot(addDays(first, 21), '19:30', '20:30'), { forUnit: true })).status,
    ).toBe(201);
    const res = await book(resident, f.id, slot(first, '19:00', '21:00'), {
      purpose: '社区合唱团排练',
      weeklyUntil: addDays(first, 35),
    });
    expect(res.status).toBe(201);
    expect(res.body.booked).toHaveLength(4);
    expect(new Set(res.body.booked.map((b: any) => b.seriesId))).toEqual(new Set([res.body.seriesId]));
    expect(res.body.clashes).toEqual([
      { date: closed, code: 'booking_closed', reason: `${closed} 闭馆：学校运动会` },
      { date: addDays(first, 21), code: 'booking_overlap', reason: '该时段已被预约' },
    ]);
  });
});

describe('approval and shared hours', () => {
  it('the owning unit approves; another unit cannot; use recorded counts for the unit once', async () => {
    const f = await court({ bookingRules: { needsApproval: true, maxDaysAhead: 60, minNoticeHours: 1 } });
    const date = nextWeekday(6);
    const asked = await book(resident, f.id, slot(date, '09:00', '11:00'));
    expect(asked.body.booked[0].status).toBe('pending');
    const id = asked.body.booked[0].id;
    const inbox = await contact.get('/api/bookings?inbox=true&pageSize=200');
    expect(inbox.body.items.map((b: any) => b.id)).toContain(id);

    // The contact of another unit: a user made for the test at 首钢.
    await t.sql(
      `INSERT INTO users (district_id, region_id, username, display_name, password_hash)
       SELECT 1, u.region_id, 'shougang_contact', '首钢联络员', (SELECT password_hash FROM users WHERE username = 'member')
         FROM units u WHERE u.name = '首钢集团有限公司'`,
    );
    await t.sql(
      `INSERT INTO role_assignments (district_id, user_id, role, region_id, unit_id)
       SELECT 1, us.id, 'unit_contact', u.region_id, u.id FROM users us, units u
        WHERE us.username = 'shougang_contact' AND u.name = '首钢集团有限公司'`,
    );
    const other = await t.session('shougang_contact');
    expect((await other.post(`/api/bookings/${id}/decide`, { decision: 'confirm' })).status).toBe(404);
    expect((await other.get('/api/bookings?inbox=true')).body.items.map((b: any) => b.id)).not.toContain(id);
    const cw = await t.as('community_worker');
    expect((await cw.post(`/api/bookings/${id}/decide`, { decision: 'confirm' })).status).toBe(404);

    const declineWithout = await contact.post(`/api/bookings/${id}/decide`, { decision: 'decline' });
    expect(declineWithout.body.error.code).toBe('booking_reason_needed');
    const ok = await contact.post(`/api/bookings/${id}/decide`, { decision: 'confirm' });
    expect(ok.body.status).toBe('confirmed');
    expect((await resident.get('/api/notifications')).body.items[0].text).toContain('已确认');

    // The slot shows as taken, its purpose hidden from a stranger.
    const member = await t.as('member');
    const week = await member.get(`/api/facilities/${f.id}/calendar?from=${date}&to=${date}`);
    expect(week.body.taken).toEqual([
      expect.objectContaining({ status: 'confirmed', bookingId: null, purpose: null }),
    ]);
    const mineWeek = await resident.get(`/api/facilities/${f.id}/calendar?from=${date}&to=${date}`);
    expect(mineWeek.body.taken[0]).toMatchObject({ bookingId: id, purpose: '羽毛球活动' });
    expect(mineWeek.body.open).toEqual([
      { startsAt: instant(date, '08:00', TZ), endsAt: instant(date, '21:00', TZ) },
    ]);

    // After the slot: 1.5 of the 2 hours used, then corrected to 2; the unit's record holds 2.
    await t.sql(
      `UPDATE bookings SET during = tstzrange(now() - interval '3 hours', now() - interval '1 hour') WHERE id = $1`,
      [id],
    );
    expect((await contact.post(`/api/bookings/${id}/use`, { usedHours: 1.5 })).body).toMatchObject({
      status: 'used',
      usedHours: 1.5,
    });
    await contact.post(`/api/bookings/${id}/use`, { usedHours: 2 });
    const entries = await t.sql<{ quantity: number; unit_id: number }>(
      "SELECT quantity::float8 AS quantity, unit_id FROM ledger_entries WHERE source_type = 'booking' AND source_id = $1 ORDER BY id",
      [id],
    );
    expect(entries).toEqual([
      { quantity: 1.5, unit_id: hospital },
      { quantity: 0.5, unit_id: hospital },
    ]);
    const util = await contact.get(
      `/api/facilities/utilization?facilityId=${f.id}&from=${addDays(today, -1)}&to=${today}`,
    );
    expect(util.body.usedHours).toBe(2);
    // Open 08:00–21:00, and only since it was opened today: yesterday does not count.
    expect(util.body.openHours).toBe(13);
  });

  it('only keepers change a facility; anyone signed in sees the catalogue, free slots first near home', async () => {
    const f = await court({ name: '医院羽毛球场（目录测试）' });
    expect((await resident.patch(`/api/facilities/${f.id}`, { capacity: 99 })).status).toBe(403);
    // A change of one field leaves the opening hours and rules as they were.
    const renamed = await contact.patch(`/api/facilities/${f.id}`, { capacity: 16 });
    expect(renamed.body.capacity).toBe(16);
    expect(renamed.body.openingHours).toEqual(f.openingHours);
    expect(renamed.body.bookingRules).toEqual(f.bookingRules);
    const street = await t.as('street_110107004');
    expect((await street.patch(`/api/facilities/${f.id}`, { capacity: 99 })).status).toBe(403);
    expect((await resident.post('/api/facilities', { ...f, unitId: hospital })).status).toBe(403);
    const date = nextWeekday(4);
    const s = slot(date, '15:00', '16:00');
    const free = await resident.get(
      `/api/facilities?kind=sports&freeFrom=${encodeURIComponent(s.startsAt)}&freeTo=${encodeURIComponent(s.endsAt)}&pageSize=200`,
    );
    expect(free.body.items.map((x: any) => x.id)).toContain(f.id);
    await book(resident, f.id, s);
    const after = await resident.get(
      `/api/facilities?kind=sports&freeFrom=${encodeURIComponent(s.startsAt)}&freeTo=${encodeURIComponent(s.endsAt)}&pageSize=200`,
    );
    expect(after.body.items.map((x: any) => x.id)).not.toContain(f.id);
    expect((await t.anonymous().get('/api/facilities')).status).toBe(401);
  });
});

describe('what each reader may do, as the facility says', () => {
  it('the unit’s contact keeps it and decides its bookings; a resident may only book it', async () => {
    const f = await court();
    expect((await contact.get(`/api/facilities/${f.id}`)).body.can).toEqual({
      edit: true,
      retire: true,
      decideBookings: true,
      seeBookings: true,
      readUse: true,
    });
    expect((await resident.get(`/api/facilities/${f.id}`)).body.can).toEqual({
      edit: false,
      retire: false,
      decideBookings: false,
      seeBookings: false,
      readUse: false,
    });
  });
});

describe('the catalogue, read on by cursor', () => {
  it('gives the same pages as by number, nearby first then by name; a forged cursor is a 400', async () => {
    // Facilities of one name near the resident's home and elsewhere: the id orders them, and pages break among them.
    const [home] = await t.sql<{ id: number }>(
      `SELECT c.id FROM people p JOIN users u ON u.id = p.user_id JOIN regions h ON h.id = p.home_region_id
         JOIN regions c ON c.path = subpath(h.path, 0, 3) WHERE u.username = 'resident'`,
    );
    for (const region of [home!.id, await t.region('110107004001')])
      await t.sql(
        `INSERT INTO facilities (district_id, region_id, name, kind, sub_kind, capacity)
         SELECT 1, $1, '游标活动室', 'education', 'classroom', 10 FROM generate_series(1, 4)`,
        [region],
      );
    // The resident's communities: home, and those registered with.
    const order = (near?: string) =>
      t.sql<{ id: number }>(
        `SELECT f.id FROM facilities f JOIN regions r ON r.id = f.region_id
          WHERE f.retired_at IS NULL ORDER BY ${near ? `${near} DESC, ` : ''}f.name, f.id`,
      );
    const places = `ANY(ARRAY(SELECT c.path FROM regions c WHERE c.id = ${home!.id} OR c.id IN (
        SELECT cr.community_id FROM community_registrations cr JOIN people p ON p.id = cr.person_id
          JOIN users u ON u.id = p.user_id WHERE u.username = 'resident' AND cr.status = 'approved')))`;
    const near = await expectCursorPagesLikeNumbered(resident, '/api/facilities', 2);
    expect(near).toEqual((await order(`(r.path <@ ${places})`)).map((f) => f.id));
    await expectCursorPagesLikeNumbered(resident, `/api/facilities?q=${encodeURIComponent('游标')}`, 3);
    const admin = await t.as('district_admin');
    const byName = await expectCursorPagesLikeNumbered(admin, '/api/facilities', 3);
    expect(byName).toEqual((await order()).map((f) => f.id));
    await expectCursorPagesLikeNumbered(admin, '/api/facilities?kind=education', 2);
    await expectForgedCursorsRefused(resident, '/api/facilities', 3);
    await expectForgedCursorsRefused(admin, '/api/facilities', 2);
  });
});
