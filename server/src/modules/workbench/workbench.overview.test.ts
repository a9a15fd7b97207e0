/**
 * 概况 on the workbench: what moved last week under the top node of a staff member's area, each
 * figure next to the week before and this week so far, from the pre-aggregated week rows. Members,
 * residents, lecturers, unit contacts and outsiders get none; another street's admin sees their
 * own street, untouched by this one's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestContext } from '../../../test/harness';
import { refreshFigures } from '../dashboards/figures.refresh';

let t: TestContext;
let street: Client; // 八角街道
let worker: Client; // 八角北路社区
let elsewhere: Client; // another street's admin
let bajiao: number;
let bajiaoNorth: number;
const TZ = 'Asia/Shanghai';

beforeAll(async () => {
  t = await startTestApp();
  street = await t.as('street_admin');
  worker = await t.as('community_worker');
  elsewhere = await t.as('street_110107004');
  bajiao = await t.region('110107003');
  bajiaoNorth = await t.region('110107003001');
});
afterAll(() => t.close());

type Figure = {
  key: string;
  value: number;
  previous: number;
  sofar: number;
  answered: number | null;
  link: string;
};
type Overview = {
  region: { id: number; name: string; kind: string };
  week: { start: string; end: string };
  previousWeek: { start: string; end: string };
  thisWeek: { start: string; end: string };
  computing: boolean;
  figures: Figure[];
};

async function overview(c: Client) {
  const res = await c.get('/api/workbench');
  expect(res.status).toBe(200);
  return (res.body as { overview: Overview | null }).overview;
}
const figure = (o: Overview, key: string) => o.figures.find((f) => f.key === key)!;

/** An instant `days` after this week's Monday, 10:00 in Beijing (negative: last week). */
const inWeek = (days: number) =>
  `(date_trunc('week', now() AT TIME ZONE '${TZ}') + interval '${days} days 10 hours') AT TIME ZONE '${TZ}'`;

/** Someone living in 八角北路社区 with no ledger entry at all, and their home. */
async function newcomer(skip: number) {
  const [p] = await t.sql<{ id: number; home: number }>(
    `SELECT p.id, p.home_region_id AS home FROM people p JOIN regions h ON h.id = p.home_region_id
       JOIN regions c ON c.id = $1 AND h.path <@ c.path
      WHERE NOT EXISTS (SELECT 1 FROM ledger_entries e WHERE e.person_id = p.id) ORDER BY p.id OFFSET $2 LIMIT 1`,
    [bajiaoNorth, skip],
  );
  return p!;
}

/** Each week figure computed directly from the raw tables, for a node and a week (its Monday). */
async function direct(regionId: number, monday: string) {
  const span = (col: string) =>
    `${col} >= '${monday}'::timestamp AT TIME ZONE '${TZ}' AND ${col} < ('${monday}'::date + 7)::timestamp AT TIME ZONE '${TZ}'`;
  const [row] = await t.sql<Record<string, number>>(
    `WITH root AS (SELECT path FROM regions WHERE id = $1),
     sub AS (SELECT r.id FROM regions r, root WHERE r.path <@ root.path)
     SELECT
       (SELECT count(*) FROM (SELECT e.person_id FROM ledger_entries e JOIN people p ON p.id = e.person_id
          WHERE p.home_region_id IN (SELECT id FROM sub) AND ${span('e.at')}
          GROUP BY 1 HAVING sum(e.quantity) > 0) x)::int AS "residentsActive",
       (SELECT coalesce(sum(quantity), 0) FROM ledger_entries WHERE kind = 'service_hours'
           AND region_id IN (SELECT id FROM sub) AND ${span('at')})::float8 AS "serviceHours",
       (SELECT count(*) FROM community_registrations WHERE status = 'approved'
           AND community_id IN (SELECT id FROM sub) AND ${span('decided_at')})::int AS "registrationsApproved",
       (SELECT count(*) FROM needs WHERE community_id IN (SELECT id FROM sub) AND ${span('created_at')})::int AS "needsRaised",
       (SELECT count(*) FROM dedication_occurrences WHERE region_id IN (SELECT id FROM sub) AND status = 'scheduled'
           AND ends_at <= now() AND ${span('starts_at')})::int AS "daysHeld"`,
    [regionId],
  );
  return row!;
}

async function expectAgrees(o: Overview) {
  const figures = (pick: (f: Figure) => number) => Object.fromEntries(o.figures.map((f) => [f.key, pick(f)]));
  expect(figures((f) => f.value)).toEqual(await direct(o.region.id, o.week.start));
  expect(figures((f) => f.previous)).toEqual(await direct(o.region.id, o.previousWeek.start));
  expect(figures((f) => f.sofar)).toEqual(await direct(o.region.id, o.thisWeek.start));
}

describe('概况 on the workbench', () => {
  it('shows staff the top node of their area: last week, the week before, this week so far, each linked to the dashboard', async () => {
    const o = (await overview(street))!;
    expect(o.region).toEqual({ id: bajiao, name: '八角街道', kind: 'street' });
    expect(o.computing).toBe(false);
    expect(o.figures.map((f) => f.key)).toEqual([
      'residentsActive',
      'serviceHours',
      'registrationsApproved',
      'needsRaised',
      'daysHeld',
    ]);
    // Monday to Sunday, one after the other.
    const day = (d: string) => new Date(`${d}T00:00:00Z`).getUTCDay();
    expect([o.previousWeek.start, o.week.start, o.thisWeek.start].map(day)).toEqual([1, 1, 1]);
    expect([o.previousWeek.end, o.week.end].map(day)).toEqual([0, 0]);
    expect(figure(o, 'serviceHours').link).toBe(
      `/dashboards?regionId=${bajiao}&at=${o.week.end}&figure=serviceHours`,
    );
    expect(figure(o, 'residentsActive').link).toContain('figure=residentShare');
    await expectAgrees(o);
    expect((await overview(worker))!.region).toMatchObject({ id: bajiaoNorth, kind: 'community' });
    expect((await overview(await t.as('district_admin')))!.region.kind).toBe('district');
  });

  it('is not shown to members, residents, lecturers, unit contacts or outsiders', async () => {
    for (const role of ['member', 'resident', 'lecturer', 'unit_contact'])
      expect(await overview(await t.as(role)), role).toBeNull();
    expect((await t.anonymous().get('/api/workbench')).status).toBe(401);
  });

  it('moves once an entry arrives or a need is raised and the figures refresh; another street’s stays', async () => {
    const before = (await overview(street))!;
    const other = (await overview(elsewhere))!;
    expect(other.region.id).not.toBe(bajiao);

    // Two hours served last Friday by someone who had not taken part; an hour this week by another.
    const [a, b] = [await newcomer(0), await newcomer(1)];
    for (const [p, at, hours] of [
      [a, inWeek(-3), 2],
      [b, 'now()', 1],
    ] as const)
      await t.sql(
        `INSERT INTO ledger_entries (district_id, kind, quantity, at, person_id, region_id, source_type, source_id)
         VALUES (1, 'service_hours', $3, ${at}, $1, $2, 'test', 1)`,
        [p.id, p.home, hours],
      );
    // A need raised last week, answered since; another raised today.
    const resident = await t.as('resident');
    const raised = [];
    for (const title of ['楼道灯不亮', '想学智能手机'])
      raised.push((await resident.post('/api/needs', { title, category: 'repair' })).body.id);
    await t.sql(`UPDATE needs SET created_at = ${inWeek(-2)} WHERE id = $1`, [raised[0]]);
    expect((await worker.post(`/api/needs/${raised[0]}/decision`, { decision: 'accept' })).status).toBe(200);

    // Nothing moves before the refresh: the workbench reads the pre-aggregated figures.
    expect(await overview(street)).toEqual(before);
    await refreshFigures(t.db);
    const after = (await overview(street))!;
    const moved = (key: string, pick: (f: Figure) => number | null) =>
      (pick(figure(after, key)) ?? 0) - (pick(figure(before, key)) ?? 0);
    expect(moved('serviceHours', (f) => f.value)).toBeCloseTo(2, 2);
    expect(moved('serviceHours', (f) => f.sofar)).toBeCloseTo(1, 2);
    expect(moved('residentsActive', (f) => f.value)).toBe(1);
    expect(moved('residentsActive', (f) => f.sofar)).toBe(1);
    expect(moved('needsRaised', (f) => f.value)).toBe(1);
    expect(moved('needsRaised', (f) => f.answered)).toBe(1);
    expect(moved('needsRaised', (f) => f.sofar)).toBe(1);
    expect(figure(after, 'serviceHours').previous).toBe(figure(before, 'serviceHours').previous);
    await expectAgrees(after);
    // The community's worker sees the same arrivals at their node.
    await expectAgrees((await overview(worker))!);
    expect(await overview(elsewhere)).toEqual(other);
  });

  it('built from the ledger the first time, the week rows equal those the fold keeps; the oldest week goes when a new one begins', async () => {
    await refreshFigures(t.db);
    const kept = (await overview(street))!;
    // As after an upgrade: no week rows yet.
    await t.sql("DELETE FROM person_periods WHERE kind = 'week'");
    await t.sql("DELETE FROM region_figures WHERE kind = 'week'");
    await t.sql('UPDATE figures_state SET weeks_from = NULL');
    expect((await overview(street))!.computing).toBe(true);
    await refreshFigures(t.db);
    expect(await overview(street)).toEqual(kept);
    // A week older than the three kept (as if kept since a month ago) goes at the next pass.
    await t.sql(
      `INSERT INTO region_figures (district_id, region_id, kind, start, service_hours)
       VALUES (1, $1, 'week', date_trunc('week', now() AT TIME ZONE '${TZ}')::date - 28, 5)`,
      [bajiao],
    );
    await t.sql(
      `UPDATE figures_state SET weeks_from = date_trunc('week', now() AT TIME ZONE '${TZ}')::date - 28`,
    );
    await refreshFigures(t.db);
    const [{ oldest }] = (await t.sql<{ oldest: string }>(
      `SELECT min(start)::text AS oldest FROM region_figures WHERE kind = 'week'`,
    )) as [{ oldest: string }];
    expect(oldest).toBe(kept.previousWeek.start);
    expect(await overview(street)).toEqual(kept);
  });

  it('says the figures are being computed on a fresh start, until the first refresh is done', async () => {
    await t.sql('UPDATE figures_state SET records_at = NULL');
    expect((await overview(street))!.computing).toBe(true);
    const dashboard = await street.get(`/api/dashboards/overview?regionId=${bajiao}`);
    expect(dashboard.status).toBe(200);
    expect(dashboard.body.computing).toBe(true);
    expect((await street.get(`/api/dashboards/leaders?regionId=${bajiao}`)).body.computing).toBe(true);
    await refreshFigures(t.db);
    expect((await overview(street))!.computing).toBe(false);
    expect((await street.get(`/api/dashboards/overview?regionId=${bajiao}`)).body.computing).toBe(false);
  });
});
