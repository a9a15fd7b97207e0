import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestContext } from '../../../test/harness';

let t: TestContext;
let admin: Client;
let district: number;
const year = new Date().getUTCFullYear();

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.as('district_admin');
  [{ id: district }] = (await t.sql<{ id: number }>("SELECT id FROM regions WHERE kind = 'district'")) as [
    { id: number },
  ];
});
afterAll(() => t.close());

async function open(honour: string, body: Record<string, unknown> = {}) {
  const res = await admin.post('/api/evaluations', {
    honour,
    title: `${year}年度评选`,
    regionId: district,
    periodFrom: `${year}-01-01`,
    periodTo: `${year}-12-31`,
    ...body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe('evaluations', () => {
  it('scores every candidate; a breakdown sums exactly to the score and lists the entries behind it', async () => {
    const ev = await open('outstanding_member');
    const [{ n }] = (await t.sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM people WHERE party_org_id IS NOT NULL',
    )) as [{ n: number }];
    expect(ev.candidates).toBe(n);
    const ranking = await admin.get(`/api/evaluations/${ev.id}/scores?pageSize=5`);
    const top = ranking.body.items[0];
    expect(top.rank).toBe(1);
    expect(top.total).toBeGreaterThan(0);
    const b = await admin.get(`/api/evaluations/${ev.id}/scores/${top.subject.id}`);
    const sum = b.body.criteria.reduce((s: number, c: any) => s + c.points, 0);
    expect(
      Math.round((sum - b.body.deductions.reduce((s: number, d: any) => s + d.points, 0)) * 100) / 100,
    ).toBe(top.total);
    // Service hours: the acts are exactly the person's original service entries in the year, with their net hours.
    const service = b.body.criteria.find((c: any) => c.key === 'service');
    const direct = await t.sql<{ id: number; net: number }>(
      `SELECT o.id, (SELECT sum(x.quantity) FROM ledger_entries x WHERE x.id = o.id OR x.corrects_id = o.id)::float8 AS net
         FROM ledger_entries o WHERE o.person_id = $1 AND o.kind = 'service_hours' AND o.corrects_id IS NULL
          AND o.at >= make_date($2, 1, 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
          AND o.at < make_date($2 + 1, 1, 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`,
      [top.subject.id, year],
    );
    expect(service.acts.map((a: any) => a.entryId).sort()).toEqual(
      direct
        .filter((d) => d.net > 0)
        .map((d) => d.id)
        .sort(),
    );
    for (const a of service.acts) expect(a.points).toBe(Math.min(a.quantity * 1, 4));
    expect(service.points).toBe(Math.min(service.raw, 40));
  });

  it('a deduction with a reason lowers the total and the ranks follow; a closed evaluation stays as it was', async () => {
    const ev = await open('outstanding_member', { title: '冻结测试' });
    const top = (await admin.get(`/api/evaluations/${ev.id}/scores?pageSize=2`)).body.items;
    const after = await admin.post(`/api/evaluations/${ev.id}/deductions`, {
      subjectId: top[0].subject.id,
      points: top[0].total - top[1].total + 1,
      reason: '服务记录存在重复登记',
    });
    expect(after.body.deductions[0]).toMatchObject({ reason: '服务记录存在重复登记' });
    const ranking = (await admin.get(`/api/evaluations/${ev.id}/scores?pageSize=5`)).body.items;
    expect(ranking[0].subject.id).toBe(top[1].subject.id);
    expect(ranking.find((s: any) => s.subject.id === top[0].subject.id).rank).toBeGreaterThan(1);

    expect((await admin.post(`/api/evaluations/${ev.id}/close`)).body.status).toBe('closed');
    const before = (await admin.get(`/api/evaluations/${ev.id}/scores?pageSize=3`)).body.items;
    // New participation arrives after the close.
    await t.sql(
      `INSERT INTO ledger_entries (district_id, kind, quantity, at, person_id, region_id, source_type, source_id)
       SELECT 1, 'service_hours', 4, now(), $1, home_region_id, 'test', 1 FROM people WHERE id = $1`,
      [before[0].subject.id],
    );
    expect((await admin.post(`/api/evaluations/${ev.id}/compute`)).status).toBe(409);
    expect((await admin.get(`/api/evaluations/${ev.id}/scores?pageSize=3`)).body.items).toEqual(before);
    expect(
      (
        await admin.post(`/api/evaluations/${ev.id}/deductions`, {
          subjectId: before[0].subject.id,
          points: 1,
          reason: '关闭后',
        })
      ).status,
    ).toBe(409);
  });

  it('units count their shared facility hours and their members’ service; only organisers of the area run it', async () => {
    const ev = await open('civilized_unit');
    const [sharer] = await t.sql<{ unit_id: number; n: number }>(
      `SELECT unit_id, count(*)::int AS n FROM ledger_entries WHERE kind = 'facility_hours_shared' AND corrects_id IS NULL
          AND at >= make_date($1, 1, 1)::timestamp AT TIME ZONE 'Asia/Shanghai' GROUP BY unit_id ORDER BY n DESC LIMIT 1`,
      [year],
    );
    const b = await admin.get(`/api/evaluations/${ev.id}/scores/${sharer!.unit_id}`);
    const sharing = b.body.criteria.find((c: any) => c.key === 'sharing');
    expect(sharing.acts).toHaveLength(sharer!.n);
    expect(sharing.acts[0].source.label).toContain('·');
    const street = await t.as('street_110107004');
    expect((await street.post(`/api/evaluations/${ev.id}/compute`)).status).toBe(403);
    expect(
      (
        await street.post('/api/evaluations', {
          honour: 'civilized_unit',
          title: '越权评选',
          regionId: district,
          periodFrom: `${year}-01-01`,
          periodTo: `${year}-12-31`,
        })
      ).status,
    ).toBe(403);
  });
});
