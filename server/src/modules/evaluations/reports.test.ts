import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/harness';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('quarterly reports to units', () => {
  it("a unit's contact sees their members' quarter in their home communities, and only their own unit", async () => {
    const contact = await t.as('unit_contact');
    const [hospital] = await t.sql<{ id: number }>("SELECT id FROM units WHERE name = '北京市石景山医院'");
    const now = new Date();
    const year = now.getUTCFullYear();
    const quarter = Math.floor(now.getUTCMonth() / 3) + 1;
    const res = await contact.get(`/api/units/${hospital!.id}/reports?year=${year}&quarter=${quarter}`);
    expect(res.status).toBe(200);
    const [{ n }] = (await t.sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM people p JOIN party_orgs o ON o.id = p.party_org_id WHERE o.unit_id = $1',
      [hospital!.id],
    )) as [{ n: number }];
    expect(res.body.totals.members).toBe(n);
    const zhang = res.body.members.find((m: any) => m.person.name === '张建国');
    const [direct] = await t.sql<{ h: number }>(
      `SELECT coalesce(sum(quantity), 0)::float8 AS h FROM ledger_entries WHERE person_id = $1 AND kind = 'service_hours'
          AND at >= make_date($2, ($3 - 1) * 3 + 1, 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
          AND at < (make_date($2, ($3 - 1) * 3 + 1, 1) + interval '3 months')::timestamp AT TIME ZONE 'Asia/Shanghai'`,
      [zhang.person.id, year, quarter],
    );
    expect(zhang.hours).toBe(Math.round(direct!.h * 10) / 10);
    // Residents rated the project he was named on: the report shows their average.
    const [project] = await t.sql<{ id: number }>(
      `SELECT c.project_id AS id FROM claim_members cm JOIN claims c ON c.id = cm.claim_id WHERE cm.person_id = $1 LIMIT 1`,
      [zhang.person.id],
    );
    await t.sql(
      `INSERT INTO project_reviews (district_id, project_id, person_id, rating)
       SELECT 1, $1, p.id, 3 + (row_number() OVER (ORDER BY p.id))::int % 3 FROM people p
        WHERE NOT EXISTS (SELECT 1 FROM project_reviews r WHERE r.project_id = $1 AND r.person_id = p.id) LIMIT 3`,
      [project!.id],
    );
    const [avg] = await t.sql<{ r: number }>(
      `SELECT round(avg(rating), 1)::float8 AS r FROM project_reviews WHERE project_id = $1
          AND created_at >= date_trunc('quarter', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai'`,
      [project!.id],
    );
    const rated = await contact.get(`/api/units/${hospital!.id}/reports?year=${year}&quarter=${quarter}`);
    expect(rated.body.members.find((m: any) => m.person.id === zhang.person.id).rating).toBe(avg!.r);
    const file = await contact.request(
      'GET',
      `/api/units/${hospital!.id}/reports/export?year=${year}&quarter=${quarter}`,
    );
    expect(file.status).toBe(200);
    expect(file.headers['content-type']).toContain('spreadsheetml');
    const pdf = await contact.get(`/api/units/${hospital!.id}/reports/pdf?year=${year}&quarter=${quarter}`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(String(pdf.body).startsWith('%PDF')).toBe(true);
    const [other] = await t.sql<{ id: number }>("SELECT id FROM units WHERE name = '首钢集团有限公司'");
    for (const path of ['reports', 'reports/export', 'reports/pdf'])
      expect(
        (await contact.get(`/api/units/${other!.id}/${path}?year=${year}&quarter=${quarter}`)).status,
      ).toBe(403);
  });
});
