/**
 * A district-wide list of people is counted only up to a cap: the page says there are more,
 * and an export still takes every row (it pages until a page comes back short). Pages read
 * on by cursor give the same rows as pages by number, and keep their place when rows are added.
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
    // A name search counts to a thousand: enough to say "more than you will read".
    const common = await admin.get(`/api/members?q=${encodeURIComponent('长名单居民')}`);
    expect(common.body).toMatchObject({ total: 1000, capped: true });
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

  it('reads on by cursor: the same pages as by number, its place kept when rows are added', async () => {
    const admin = await t.as('district_admin');
    const q = `q=${encodeURIComponent('长名单居民')}&pageSize=7`;
    const byNumber = await Promise.all([1, 2, 3].map((p) => admin.get(`/api/members?${q}&page=${p}`)));
    const ids = (r: { body: { items: { id: number }[] } }) => r.body.items.map((m) => m.id);
    expect(byNumber[0]!.body.next).toEqual(expect.any(String));
    const second = await admin.get(`/api/members?${q}&page=2&after=${byNumber[0]!.body.next}`);
    expect(ids(second)).toEqual(ids(byNumber[1]!));
    const third = await admin.get(`/api/members?${q}&page=3&after=${second.body.next}`);
    expect(ids(third)).toEqual(ids(byNumber[2]!));
    // Someone is added at the very start of the list: by number page 3 shifts by one row, by cursor it does not.
    const community = await t.region('110107003001');
    await t.sql(
      `INSERT INTO people (district_id, name, gender, home_region_id) VALUES (1, '长名单居民0', 'male', $1)`,
      [community],
    );
    const shifted = await admin.get(`/api/members?${q}&page=3`);
    expect(ids(shifted)[1]).toBe(ids(byNumber[2]!)[0]);
    const kept = await admin.get(`/api/members?${q}&page=3&after=${second.body.next}`);
    expect(ids(kept)).toEqual(ids(byNumber[2]!));
    // The last page has no cursor after it.
    const few = await admin.get(`/api/members?q=${encodeURIComponent('长名单居民1000')}`);
    expect(few.body.next).toBeUndefined();
  });

  it('refuses a cursor it did not give, with a 400 that says to start again', async () => {
    const admin = await t.as('district_admin');
    const forged = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    for (const after of [
      '!!',
      forged({ a: 1 }),
      forged(['x', 'y', 'z']),
      forged(['1', 'a']),
      forged([1, 'a', 2]),
    ]) {
      const r = await admin.get(`/api/members?after=${encodeURIComponent(after)}`);
      expect(r.status, after).toBe(400);
      expect(r.body.error.code === 'cursor_invalid' || r.body.error.code === 'validation').toBe(true);
    }
  });
});
