/**
 * A district-wide list of people is counted only up to a cap: the page says there are more,
 * and an export still takes every row (it pages until a page comes back short).
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNT_CAP } from '../../../../contract';
import { startTestApp, type TestContext } from '../../../test/harness';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('a very long list of people', () => {
  it('counts up to the cap and says so; the export still has every row', async () => {
    const community = await t.region('110107003001');
    await t.sql(
      `INSERT INTO people (district_id, name, gender, home_region_id)
       SELECT 1, '长名单居民' || g, 'female', $1 FROM generate_series(1, $2::int) g`,
      [community, COUNT_CAP + 50],
    );
    const admin = await t.as('district_admin');
    const [{ n }] = (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM people')) as [{ n: number }];
    expect(n).toBeGreaterThan(COUNT_CAP);
    const list = await admin.get('/api/members?pageSize=20');
    expect(list.body).toMatchObject({ total: COUNT_CAP, capped: true });
    expect(list.body.items).toHaveLength(20);
    // A narrower list is counted exactly.
    const few = await admin.get(`/api/members?q=${encodeURIComponent('长名单居民1000')}`);
    expect(few.body.total).toBe(11); // 1000 and 10000–10009
    expect(few.body.capped).toBeUndefined();
    // The export pages to the end whatever the capped total said.
    const file = await t.app.inject({
      method: 'GET',
      url: `/api/exports/members?q=${encodeURIComponent('长名单居民')}`,
      headers: { cookie: admin.cookie! },
    });
    expect(file.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.actualRowCount - 1).toBe(COUNT_CAP + 50);
  });
});
