import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/harness';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

async function download(username: string, url: string, lang = 'zh-CN') {
  const c = await t.as(username);
  const res = await t.app.inject({
    method: 'GET',
    url,
    headers: { cookie: c.cookie!, 'accept-language': lang },
  });
  return res;
}

async function sheet(payload: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(payload as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: unknown[][] = [];
  ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return { name: ws.name, rows };
}

describe('exports', () => {
  it('exports the filtered list in scope, with masked data staying masked', async () => {
    const res = await download('street_admin', `/api/exports/members?q=${encodeURIComponent('建国')}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename\*=UTF-8''/);
    const { name, rows } = await sheet(res.rawPayload);
    expect(name).toBe('党员与居民');
    expect(rows[0]!.slice(0, 3)).toEqual(['姓名', '性别', '出生年份']);
    expect(rows.slice(1).every((r) => String(r[0]).includes('建国'))).toBe(true);
    expect(rows.slice(1).map((r) => r[0])).toContain('张建国');
  });

  it('exports every row of a list, beyond one page', async () => {
    const res = await download('district_admin', '/api/exports/members?party=true', 'en');
    const { rows } = await sheet(res.rawPayload);
    const [count] = await t.sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM people WHERE party_org_id IS NOT NULL',
    );
    expect(rows.length - 1).toBe(count!.n);
    expect(count!.n).toBeGreaterThan(200);
    expect(rows[0]![0]).toBe('Name');
  });

  it('refuses what the list refuses', async () => {
    expect((await download('member', '/api/exports/members')).statusCode).toBe(403);
    expect(
      (await download('street_admin', `/api/exports/units?regionId=${await t.region('110107004')}`))
        .statusCode,
    ).toBe(403);
    expect((await download('street_admin', '/api/exports/units?kind=castle')).statusCode).toBe(400);
    const units = await sheet((await download('street_admin', '/api/exports/units')).rawPayload);
    expect(units.rows.map((r) => r[0])).not.toContain('首钢集团有限公司');
  });
});
