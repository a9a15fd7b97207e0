/**
 * The benchmark's bare routes answer what the API answers (the same service call, the same
 * query schema), only without Fastify; and the statement counter the bench reads moves by a
 * small number per request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestContext } from '../../../test/harness';

let t: TestContext;
let admin: Client;
let bare: string;
const stats = async () =>
  (await t.anonymous().get<{ statements: number; barePort: number }>('/api/bench/stats')).body;
beforeAll(async () => {
  t = await startTestApp({ GONGJIAN_BENCH_ROUTES: '1' });
  admin = await t.session('district_admin');
  bare = `http://127.0.0.1:${(await stats()).barePort}`;
});
afterAll(() => t.close());

const fromBare = async (path: string, cookie = admin.cookie) => {
  const res = await fetch(bare + path, { headers: cookie ? { cookie } : {} });
  return { status: res.status, body: await res.json() };
};

describe('bench routes', () => {
  it('answers each list and detail as the API does', async () => {
    const member = (await admin.get('/api/members?pageSize=1')).body.items[0].id;
    const street = await t.session('street_admin');
    for (const path of [
      '/api/members?pageSize=5',
      '/api/members?q=%E7%8E%8B',
      `/api/members/${member}`,
      '/api/units?pageSize=5&page=2',
      '/api/projects',
      '/api/facilities?pageSize=3',
      '/api/notices',
      `/api/ledger?personId=${member}`,
    ]) {
      const api = await admin.get(path);
      expect(api.status, path).toBe(200);
      expect(await fromBare(path), path).toEqual({ status: 200, body: api.body });
    }
    expect(await fromBare('/api/needs', street.cookie)).toEqual({
      status: 200,
      body: (await street.get('/api/needs')).body,
    });
  });

  it('refuses what the API refuses: no session, a bad query, a path it does not serve', async () => {
    expect((await fromBare('/api/members', null)).status).toBe(401);
    expect((await fromBare('/api/members?pageSize=500')).status).toBe(400);
    expect((await fromBare('/api/members/999999999')).status).toBe(404);
    expect((await fromBare('/api/regions')).status).toBe(404);
  });

  it('counts the statements sent: a few per list request', async () => {
    await admin.get('/api/units?pageSize=5'); // prepared and the session remembered
    const before = (await stats()).statements;
    for (let i = 0; i < 5; i++) expect((await admin.get('/api/units?pageSize=5')).status).toBe(200);
    const sent = (await stats()).statements - before;
    expect(sent).toBeGreaterThanOrEqual(5);
    expect(sent).toBeLessThanOrEqual(5 * 4);
  });
});
