/**
 * The roll-ups never drift: every figure the dashboard shows equals the same figure
 * computed directly from the raw tables — at each level, for months, quarters and years,
 * and again after new entries and corrections arrive.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestContext } from '../../../test/harness';
import { refreshFigures } from './figures.refresh';

let t: TestContext;
let admin: Client;
const TZ = 'Asia/Shanghai';

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.as('district_admin');
});
afterAll(() => t.close());

/** The period bounds as instants, for the direct computations. */
const inPeriod = (col: string, p: { start: string; end: string }) =>
  `${col} >= '${p.start}'::timestamp AT TIME ZONE '${TZ}' AND ${col} < ('${p.end}'::date + 1)::timestamp AT TIME ZONE '${TZ}'`;

async function direct(regionId: number, p: { start: string; end: string }) {
  const [row] = await t.sql<Record<string, number>>(
    `WITH root AS (SELECT path FROM regions WHERE id = $1),
     home AS (SELECT p.id, p.party_org_id, p.party_status FROM people p JOIN regions h ON h.id = p.home_region_id, root
               WHERE h.path <@ root.path),
     pnet AS (SELECT e.person_id, sum(e.quantity) AS net FROM ledger_entries e
               WHERE e.person_id IS NOT NULL AND ${inPeriod('e.at', p)} GROUP BY 1),
     unet AS (SELECT coalesce(e.unit_id, o.unit_id) AS unit_id, sum(e.quantity) AS net FROM ledger_entries e
               LEFT JOIN party_orgs o ON o.id = e.party_org_id
               WHERE coalesce(e.unit_id, o.unit_id) IS NOT NULL AND ${inPeriod('e.at', p)} GROUP BY 1),
     here AS (SELECT e.* FROM ledger_entries e JOIN regions r ON r.id = e.region_id, root
               WHERE r.path <@ root.path AND ${inPeriod('e.at', p)}),
     sub AS (SELECT r.id FROM regions r, root WHERE r.path <@ root.path)
     SELECT
       (SELECT count(*) FROM home)::int AS residents,
       (SELECT count(*) FROM home h JOIN pnet n ON n.person_id = h.id WHERE n.net > 0)::int AS "residentsActive",
       (SELECT count(*) FROM home WHERE party_org_id IS NOT NULL)::int AS members,
       (SELECT count(*) FROM home h JOIN pnet n ON n.person_id = h.id WHERE n.net > 0 AND h.party_org_id IS NOT NULL)::int AS "membersActive",
       (SELECT count(*) FROM home WHERE party_status = 'in_service')::int AS "inService",
       (SELECT count(*) FROM units u WHERE u.region_id IN (SELECT id FROM sub))::int AS units,
       (SELECT count(*) FROM units u JOIN unet n ON n.unit_id = u.id WHERE n.net > 0 AND u.region_id IN (SELECT id FROM sub))::int AS "unitsActive",
       (SELECT coalesce(sum(quantity), 0) FROM here WHERE kind = 'service_hours')::float8 AS "serviceHours",
       (SELECT coalesce(sum(quantity), 0) FROM here WHERE kind = 'facility_hours_shared')::float8 AS "facilityHours",
       (SELECT coalesce(sum(quantity), 0) FROM here WHERE kind = 'meeting_attended')::float8 AS "meetingsAttended",
       (SELECT coalesce(sum(quantity), 0) FROM here WHERE kind = 'course_completed')::float8 AS "coursesCompleted",
       (SELECT coalesce(sum(quantity), 0) FROM here WHERE kind = 'notice_read')::float8 AS "noticesRead",
       (SELECT count(*) FROM projects WHERE region_id IN (SELECT id FROM sub) AND status NOT IN ('draft', 'cancelled')
           AND ${inPeriod('starts_at', p)})::int AS "projectsOpened",
       (SELECT count(*) FROM projects WHERE region_id IN (SELECT id FROM sub) AND status IN ('done', 'reviewed')
           AND ${inPeriod('ends_at', p)})::int AS "projectsDone",
       (SELECT count(*) FROM needs WHERE community_id IN (SELECT id FROM sub) AND ${inPeriod('created_at', p)})::int AS "needsRaised",
       (SELECT count(*) FROM needs WHERE community_id IN (SELECT id FROM sub) AND status <> 'open'
           AND ${inPeriod('created_at', p)})::int AS "needsResolved",
       (SELECT count(*) FROM needs WHERE community_id IN (SELECT id FROM sub) AND status = 'open'
           AND ${inPeriod('created_at', p)})::int AS "needsOpen",
       (SELECT count(*) FROM community_registrations WHERE community_id IN (SELECT id FROM sub) AND status = 'approved'
           AND ${inPeriod('decided_at', p)})::int AS "registrationsApproved",
       (SELECT count(*) FROM meetings m JOIN bodies b ON b.id = m.body_id WHERE b.region_id IN (SELECT id FROM sub)
           AND m.status = 'held' AND ${inPeriod('m.starts_at', p)})::int AS "meetingsHeld",
       (SELECT count(*) FROM dedication_occurrences WHERE region_id IN (SELECT id FROM sub) AND status = 'scheduled'
           AND ends_at <= now() AND ${inPeriod('starts_at', p)})::int AS "daysHeld",
       (SELECT count(*) FROM notice_recipients WHERE community_id IN (SELECT id FROM sub)
           AND ${inPeriod('delivered_at', p)})::int AS "noticesDelivered",
       (SELECT coalesce(sum(b.used_hours), 0) FROM bookings b JOIN facilities f ON f.id = b.facility_id
         WHERE f.region_id IN (SELECT id FROM sub) AND b.status = 'used' AND ${inPeriod('lower(b.during)', p)})::float8 AS "facilityHoursUsed",
       (SELECT coalesce(sum(extract(epoch FROM (h->>'closes')::time - (h->>'opens')::time) / 3600), 0)
          FROM facilities f
          CROSS JOIN LATERAL generate_series(greatest('${p.start}'::date, (f.created_at AT TIME ZONE '${TZ}')::date),
                                             least('${p.end}'::date, (now() AT TIME ZONE '${TZ}')::date), interval '1 day') d
          CROSS JOIN LATERAL jsonb_array_elements(f.opening_hours) h
         WHERE f.region_id IN (SELECT id FROM sub) AND f.retired_at IS NULL AND (h->>'weekday')::int = extract(isodow FROM d)
           AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(f.closures) c
                            WHERE d::date BETWEEN (c->>'from')::date AND (c->>'to')::date))::float8 AS "facilityHoursOpen"`,
    [regionId],
  );
  return row!;
}

async function expectAgrees(regionId: number, kind: string, at: string) {
  const res = await admin.get(`/api/dashboards/overview?regionId=${regionId}&kind=${kind}&at=${at}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const want = await direct(regionId, res.body.period);
  const got = Object.fromEntries(Object.keys(want).map((k) => [k, res.body.figures[k]]));
  expect(got, `${kind} ${at} region ${regionId}`).toEqual(want);
  return res.body;
}

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const monthsAgo = (n: number) => {
  const d = new Date(Date.now() + 8 * 3600_000);
  d.setUTCDate(15);
  d.setUTCMonth(d.getUTCMonth() - n);
  return d.toISOString().slice(0, 10);
};

describe('dashboard figures', () => {
  it('equal the direct computation at every level and for every period kind', async () => {
    const district = (await t.sql<{ id: number }>("SELECT id FROM regions WHERE kind = 'district'"))[0]!.id;
    const street = await t.region('110107003');
    const community = await t.region('110107003001');
    const [building] = await t.sql<{ id: number }>(
      `SELECT b.id FROM regions b JOIN people p ON p.home_region_id IN (SELECT id FROM regions WHERE path <@ b.path)
        WHERE b.kind = 'building' AND b.parent_id = $1 GROUP BY b.id ORDER BY count(*) DESC LIMIT 1`,
      [community],
    );
    const top = await expectAgrees(district, 'year', today());
    // The demo year is not empty: the check compares something.
    expect(top.figures.residentsActive).toBeGreaterThan(100);
    expect(top.figures.serviceHours).toBeGreaterThan(100);
    expect(top.figures.daysHeld).toBeGreaterThan(10);
    expect(top.figures.facilityHoursOpen).toBeGreaterThan(top.figures.facilityHoursUsed);
    expect(top.figures.facilityUtilization).toBeGreaterThan(0);
    // The network's coverage, pre-aggregated, equals the coverage page's live figures.
    expect(top.coverage.map((l: any) => l.kind)).toEqual(['street', 'community', 'building']);
    expect(top.coverage).toEqual((await admin.get(`/api/coverage?regionId=${district}`)).body.levels);
    const streetCoverage = (await admin.get(`/api/dashboards/overview?regionId=${street}&kind=year`)).body
      .coverage;
    expect(streetCoverage).toEqual((await admin.get(`/api/coverage?regionId=${street}`)).body.levels);
    for (const region of [district, street, community, building!.id])
      for (const [kind, at] of [
        ['month', monthsAgo(1)],
        ['quarter', monthsAgo(3)],
        ['year', today()],
      ] as const)
        await expectAgrees(region, kind, at);
    // Children add up to their parent where people live in exactly one of them.
    const streetView = await expectAgrees(street, 'year', today());
    const sum = streetView.children.reduce((s: number, c: any) => s + c.figures.residents, 0);
    expect(sum).toBe(streetView.figures.residents);
    // Buildings do not organise: their community side is their community's.
    const communityView = await expectAgrees(community, 'quarter', today());
    expect(communityView.figures.communitySide).toBeGreaterThan(0);
    for (const b of communityView.children)
      expect(b.figures.communitySide).toBe(communityView.figures.communitySide);
    // The leaders: the bottom five are not the top five.
    const leaders = (await admin.get(`/api/dashboards/leaders?regionId=${street}&kind=year`)).body;
    const best = new Set(leaders.top.map((c: any) => c.region.id));
    expect(leaders.bottom.some((c: any) => best.has(c.region.id))).toBe(false);
    expect(leaders.top.length + leaders.bottom.length).toBe(streetView.children.length);
  });

  it('open on the last complete period; the current one is chosen by date and marked ongoing', async () => {
    const community = await t.region('110107003001');
    const opened = (await admin.get(`/api/dashboards/overview?regionId=${community}`)).body.period;
    const lastMonth = monthsAgo(1).slice(0, 7);
    expect(opened).toMatchObject({ kind: 'month', ongoing: false });
    expect(opened.start.slice(0, 7)).toBe(lastMonth);
    const current = (await admin.get(`/api/dashboards/overview?regionId=${community}&at=${today()}`)).body
      .period;
    expect(current).toMatchObject({ kind: 'month', ongoing: true });
    expect(current.start.slice(0, 7)).toBe(today().slice(0, 7));
  });

  it('follow new entries and corrections, and never drift', async () => {
    const community = await t.region('110107003001');
    const [newcomer] = await t.sql<{ id: number; home: number }>(
      `SELECT p.id, p.home_region_id AS home FROM people p JOIN regions h ON h.id = p.home_region_id
         JOIN regions c ON c.id = $1 AND h.path <@ c.path
        WHERE NOT EXISTS (SELECT 1 FROM ledger_entries e WHERE e.person_id = p.id) LIMIT 1`,
      [community],
    );
    const before = (
      await admin.get(`/api/dashboards/overview?regionId=${community}&kind=month&at=${today()}`)
    ).body.figures;
    const [act] = await t.sql<{ id: number }>(
      `INSERT INTO ledger_entries (district_id, kind, quantity, at, person_id, region_id, source_type, source_id)
       VALUES (1, 'service_hours', 2.5, now(), $1, $2, 'test', 1) RETURNING id`,
      [newcomer!.id, newcomer!.home],
    );
    await refreshFigures(t.db);
    const after = await expectAgrees(community, 'month', today());
    expect(after.figures.residentsActive).toBe(before.residentsActive + 1);
    expect(after.figures.serviceHours).toBeCloseTo(before.serviceHours + 2.5, 2);
    // A correction takes the hours back: no longer taking part.
    await t.sql(
      `INSERT INTO ledger_entries (district_id, kind, quantity, at, person_id, region_id, source_type, source_id, corrects_id, reason)
       VALUES (1, 'service_hours', -2.5, now(), $1, $2, 'test', 1, $3, '登记错误')`,
      [newcomer!.id, newcomer!.home, act!.id],
    );
    await refreshFigures(t.db);
    const corrected = await expectAgrees(community, 'month', today());
    expect(corrected.figures.residentsActive).toBe(before.residentsActive);
    expect(corrected.figures.serviceHours).toBeCloseTo(before.serviceHours, 2);
    const yearBefore = await expectAgrees(community, 'year', today());
    // A venue closed for the past week: its open hours fall, as computed from scratch.
    await t.sql(
      `UPDATE facilities SET closures = jsonb_build_array(jsonb_build_object('from', (now() AT TIME ZONE '${TZ}')::date - 7,
              'to', (now() AT TIME ZONE '${TZ}')::date, 'reason', '维修')), updated_at = now()
        WHERE region_id IN (SELECT r.id FROM regions r, regions c WHERE c.id = $1 AND r.path <@ c.path)`,
      [community],
    );
    await refreshFigures(t.db);
    const closed = await expectAgrees(community, 'year', today());
    expect(closed.figures.facilityHoursOpen).toBeLessThan(yearBefore.figures.facilityHoursOpen);
    // A refresh with nothing new changes nothing.
    await refreshFigures(t.db);
    expect(
      (await admin.get(`/api/dashboards/overview?regionId=${community}&kind=year&at=${today()}`)).body
        .figures,
    ).toEqual(closed.figures);
  });

  it('count a need in the period it was raised: answered and still waiting add up to those raised', async () => {
    const community = await t.region('110107003001');
    const resident = await t.as('resident');
    const worker = await t.as('community_worker');
    const month = async (at: string) =>
      (await admin.get(`/api/dashboards/overview?regionId=${community}&kind=month&at=${at}`)).body.figures;
    await refreshFigures(t.db);
    const [nowBefore, thenBefore] = [await month(today()), await month(monthsAgo(3))];
    // One raised three months ago and answered today; one raised today, waiting.
    const raise = async (title: string) =>
      (await resident.post('/api/needs', { title, category: 'repair' })).body.id as number;
    const old = await raise('单元门口台阶松动');
    await t.sql('UPDATE needs SET created_at = $2 WHERE id = $1', [old, `${monthsAgo(3)}T10:00:00+08:00`]);
    expect((await worker.post(`/api/needs/${old}/decision`, { decision: 'accept' })).status).toBe(200);
    await raise('楼道需要扶手');
    await refreshFigures(t.db);
    const [now, then] = [await month(today()), await month(monthsAgo(3))];
    // This month: one more raised and waiting; the old need's answer is not this month's.
    expect([now.needsRaised, now.needsResolved, now.needsOpen]).toEqual([
      nowBefore.needsRaised + 1,
      nowBefore.needsResolved,
      nowBefore.needsOpen + 1,
    ]);
    // Three months ago: one more raised, and answered since.
    expect([then.needsRaised, then.needsResolved, then.needsOpen]).toEqual([
      thenBefore.needsRaised + 1,
      thenBefore.needsResolved + 1,
      thenBefore.needsOpen,
    ]);
    expect(then.needsResolveDays).toBeGreaterThan(0);
    await expectAgrees(community, 'month', monthsAgo(3));
    // Nowhere more answered than raised: every month of the district's year adds up.
    const district = (await t.sql<{ id: number }>("SELECT id FROM regions WHERE kind = 'district'"))[0]!.id;
    const trend = (await admin.get(`/api/dashboards/overview?regionId=${district}&kind=month&at=${today()}`))
      .body.trend as { figures: { needsRaised: number; needsResolved: number; needsOpen: number } }[];
    for (const { figures: f } of trend) expect(f.needsResolved + f.needsOpen).toBe(f.needsRaised);
  });

  it('answer only within the reader’s area', async () => {
    const bajiao = await t.region('110107003');
    const other = await t.as('street_110107004');
    expect((await other.get(`/api/dashboards/overview?regionId=${bajiao}`)).status).toBe(403);
    expect((await other.get(`/api/dashboards/leaders?regionId=${bajiao}`)).status).toBe(403);
    expect((await other.get(`/api/dashboards/export?regionId=${bajiao}`)).status).toBe(403);
    // Without a region, each opens at their own top node.
    expect((await other.get('/api/dashboards/overview')).body.region.name).not.toBe('八角街道');
    const worker = await t.as('community_worker');
    const own = (await worker.get('/api/dashboards/overview')).body;
    expect(own.region.kind).toBe('community');
    // The way back up opens only at the top of their area: district and street are not theirs.
    expect(own.trail.map((r: any) => [r.kind, r.can.open])).toEqual([
      ['district', false],
      ['street', false],
      ['community', true],
    ]);
    const district = (await t.sql<{ id: number }>("SELECT id FROM regions WHERE kind = 'district'"))[0]!.id;
    expect((await worker.get(`/api/dashboards/overview?regionId=${district}`)).status).toBe(403);
    // Figures go down to buildings; an entrance is answered with where to look.
    const [entrance] = await t.sql<{ id: number }>("SELECT id FROM regions WHERE kind = 'entrance' LIMIT 1");
    const tooDeep = await admin.get(`/api/dashboards/overview?regionId=${entrance!.id}`);
    expect(tooDeep.status).toBe(422);
    expect(tooDeep.body.error.code).toBe('figures_to_buildings');
    const contact = await t.as('unit_contact');
    expect((await contact.get('/api/dashboards/overview')).status).toBe(403);
    const [other_unit] = await t.sql<{ id: number }>("SELECT id FROM units WHERE name = '首钢集团有限公司'");
    expect((await contact.get(`/api/dashboards/units/${other_unit!.id}`)).status).toBe(403);
    const mine = (await contact.get('/api/auth/me')).body.roles[0].unitId;
    const unit = await contact.get(`/api/dashboards/units/${mine}`);
    expect(unit.status).toBe(200);
    expect(unit.body.months).toHaveLength(12);
    // A unit's year counts its own entries and its Party members'.
    const [{ h }] = (await t.sql<{ h: number }>(
      `SELECT coalesce(sum(e.quantity), 0)::float8 AS h FROM ledger_entries e LEFT JOIN party_orgs o ON o.id = e.party_org_id
        WHERE coalesce(e.unit_id, o.unit_id) = $1 AND e.kind IN ('service_hours', 'facility_hours_shared')
          AND e.at >= date_trunc('year', now() AT TIME ZONE '${TZ}') AT TIME ZONE '${TZ}'`,
      [mine],
    )) as [{ h: number }];
    expect(h).toBeGreaterThan(0);
    expect(unit.body.totals.hours).toBeCloseTo(h, 2);
  });

  it('a member sees their own year next to their community', async () => {
    const member = await t.as('member');
    const me = await member.get('/api/dashboards/me');
    expect(me.status).toBe(200);
    expect(me.body.community.name).toBe('八角北路社区');
    const [{ h }] = (await t.sql<{ h: number }>(
      `SELECT coalesce(sum(e.quantity), 0)::float8 AS h FROM ledger_entries e JOIN people p ON p.id = e.person_id
        WHERE p.name = '张建国' AND e.kind = 'service_hours'
          AND e.at >= date_trunc('year', now() AT TIME ZONE '${TZ}') AT TIME ZONE '${TZ}'`,
    )) as [{ h: number }];
    expect(me.body.totals.hours).toBeCloseTo(h, 2);
  });

  it('exports the overview to Excel', async () => {
    const res = await admin.request('GET', '/api/dashboards/export?kind=quarter');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
  });
});
