/**
 * The unit's page (本单位): what a unit's contact reads of their unit — this quarter's report,
 * the bookings of its facilities, the claims it holds, its members' registrations — and that
 * another unit's contact, a resident or a stranger reads none of it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestContext } from '../../../test/harness';

let t: TestContext;
let contact: Client;
let hospitalId: number;
let shougangId: number;

/** This quarter and the one before, in Beijing. */
function quarters() {
  const [year, month] = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' })
    .format(new Date())
    .split('-')
    .map(Number) as [number, number];
  const quarter = Math.floor((month - 1) / 3) + 1;
  return {
    current: { year, quarter },
    previous: quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: quarter - 1 },
  };
}

beforeAll(async () => {
  t = await startTestApp();
  contact = await t.as('unit_contact');
  const [h] = await t.sql<{ id: number }>("SELECT id FROM units WHERE name = '北京市石景山医院'");
  const [s] = await t.sql<{ id: number }>("SELECT id FROM units WHERE name = '首钢集团有限公司'");
  hospitalId = h!.id;
  shougangId = s!.id;
});
afterAll(() => t.close());

/** A contact of 首钢集团 (another unit), signed in. */
async function otherContact() {
  await t.sql(
    `WITH u AS (
       INSERT INTO users (district_id, region_id, username, display_name, password_hash)
       SELECT 1, un.region_id, 'shougang_contact', '曹德明', (SELECT password_hash FROM users WHERE username = 'unit_contact')
         FROM units un WHERE un.id = $1 RETURNING id, region_id)
     INSERT INTO role_assignments (district_id, user_id, role, region_id, unit_id)
     SELECT 1, u.id, 'unit_contact', u.region_id, $1 FROM u`,
    [shougangId],
  );
  return t.session('shougang_contact');
}

describe("the unit's page", () => {
  it('opens on the current quarter of the report, marked as still running', async () => {
    const { current, previous } = quarters();
    const now = await contact.get(
      `/api/units/${hospitalId}/reports?year=${current.year}&quarter=${current.quarter}`,
    );
    expect(now.status).toBe(200);
    expect(now.body).toMatchObject({ ...current, ongoing: true });
    const before = await contact.get(
      `/api/units/${hospitalId}/reports?year=${previous.year}&quarter=${previous.quarter}`,
    );
    expect(before.body).toMatchObject({ ...previous, ongoing: false });
    const unit = await contact.get(`/api/units/${hospitalId}`);
    expect(unit.body.can).toMatchObject({ seeRecord: true, seeBookings: true });
  });

  it('lists the bookings of its facilities: those waiting for a decision, then those ahead, then the past', async () => {
    const facilities = await contact.get(`/api/facilities?unitId=${hospitalId}&pageSize=100`);
    expect(facilities.status).toBe(200);
    const own = new Set<number>(facilities.body.items.map((f: any) => f.id));
    expect(own.size).toBeGreaterThan(0);
    expect(
      facilities.body.items.every((f: any) => f.owner.kind === 'unit' && f.owner.id === hospitalId),
    ).toBe(true);

    // A resident's request for next week's evening, waiting for the hospital.
    const [facility] = await t.sql<{ id: number }>(
      "SELECT id FROM facilities WHERE name = '北京市石景山医院职工活动中心'",
    );
    await t.sql(
      `INSERT INTO bookings (district_id, facility_id, during, purpose, people, person_id, status)
       VALUES (1, $1, tstzrange(date_trunc('day', now()) + interval '9 days 11 hours',
                                date_trunc('day', now()) + interval '9 days 12 hours'),
               '页面测试：合唱排练', 12, (SELECT id FROM people WHERE name = '陈桂兰' LIMIT 1), 'pending')`,
      [facility!.id],
    );

    const res = await contact.get(`/api/bookings?unitId=${hospitalId}&pageSize=100`);
    expect(res.status).toBe(200);
    const items = res.body.items as {
      facilityId: number;
      status: string;
      startsAt: string;
      purpose: string;
    }[];
    expect(items.length).toBeGreaterThan(1);
    expect(items.every((b) => own.has(b.facilityId))).toBe(true);
    expect(items.map((b) => b.purpose)).toContain('页面测试：合唱排练');
    const now = Date.now();
    const rank = (b: (typeof items)[number]) =>
      new Date(b.startsAt).getTime() > now && ['pending', 'confirmed'].includes(b.status)
        ? b.status === 'pending'
          ? 0
          : 1
        : 2;
    const ranks = items.map(rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(ranks[0]).toBe(0);
    // Within what is ahead, the soonest first.
    const ahead = items.filter((b) => rank(b) === 0).map((b) => b.startsAt);
    expect(ahead).toEqual([...ahead].sort((a, b) => new Date(a).getTime() - new Date(b).getTime()));
    expect(res.body.total).toBe(
      Number(
        (
          await t.sql<{ n: string }>(
            'SELECT count(*) AS n FROM bookings b JOIN facilities f ON f.id = b.facility_id WHERE f.unit_id = $1',
            [hospitalId],
          )
        )[0]!.n,
      ),
    );

    // Its community's worker keeps the facilities there and reads them too.
    const worker = await t.as('community_worker');
    const theirs = await worker.get(`/api/bookings?unitId=${hospitalId}&pageSize=5`);
    expect(theirs.status).toBe(200);
    expect(theirs.body.total).toBe(res.body.total);
  });

  it('lists the claims it holds, and its members’ registrations with their communities', async () => {
    const claims = await contact.get(`/api/claims?unitId=${hospitalId}`);
    expect(claims.status).toBe(200);
    expect(claims.body.items.length).toBeGreaterThan(0);
    expect(
      claims.body.items.every((c: any) => c.claimant.kind === 'unit' && c.claimant.id === hospitalId),
    ).toBe(true);
    expect(claims.body.items[0]).toMatchObject({ mine: true, projectTitle: expect.any(String) });

    const regs = await contact.get(`/api/registrations?unitId=${hospitalId}&pageSize=100`);
    expect(regs.status).toBe(200);
    expect(regs.body.items.length).toBeGreaterThan(0);
    expect(regs.body.items.every((r: any) => r.unitId === hospitalId && r.communityName)).toBe(true);
  });

  it("another unit's contact, a resident and a stranger read none of it", async () => {
    const { current } = quarters();
    const period = `year=${current.year}&quarter=${current.quarter}`;
    const other = await otherContact();
    const resident = await t.as('resident');
    // Their own unit's page opens; the hospital's does not.
    expect((await other.get(`/api/units/${shougangId}/reports?${period}`)).status).toBe(200);
    expect((await other.get(`/api/bookings?unitId=${shougangId}`)).status).toBe(200);
    for (const reader of [other, resident]) {
      for (const path of [
        `/api/units/${hospitalId}`,
        `/api/units/${hospitalId}/reports?${period}`,
        `/api/units/${hospitalId}/reports/pdf?${period}`,
        `/api/bookings?unitId=${hospitalId}`,
        `/api/claims?unitId=${hospitalId}`,
        `/api/members?unitId=${hospitalId}`,
      ]) {
        const res = await reader.get(path);
        expect(res.status, path).toBe(403);
        expect(res.body.error.code, path).toBeTruthy();
      }
      const regs = await reader.get(`/api/registrations?unitId=${hospitalId}`);
      expect(regs.body.items.filter((r: any) => r.unitId === hospitalId)).toEqual([]);
    }
    for (const path of [`/api/bookings?unitId=${hospitalId}`, `/api/claims?unitId=${hospitalId}`])
      expect((await t.anonymous().get(path)).status).toBe(401);
  });

  it('refuses a bad unit or quarter with a clear answer', async () => {
    for (const path of [
      '/api/bookings?unitId=abc',
      '/api/claims?unitId=0',
      `/api/units/${hospitalId}/reports?year=2026&quarter=5`,
      `/api/units/${hospitalId}/reports?year=2026`,
    ]) {
      const res = await contact.get(path);
      expect(res.status, path).toBe(400);
      expect(res.body.error.code, path).toBeTruthy();
    }
    expect((await contact.get('/api/bookings?unitId=999999')).status).toBe(404);
    expect((await contact.get('/api/claims?unitId=999999')).status).toBe(404);
  });
});
