import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/harness';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('audit trail', () => {
  it('records every write with actor, before/after and address, and shows admins only their scope', async () => {
    const district = await t.as('district_admin');
    const street = await t.as('street_admin');
    const gucheng = await t.region('110107004001');
    const bajiao = await t.region('110107003001');
    const inOther = await district.post('/api/regions', { parentId: gucheng, name: '古城新楼' });
    const inOwn = await street.post('/api/regions', { parentId: bajiao, name: '八角新楼' });
    expect(inOther.status).toBe(201);
    expect(inOwn.status).toBe(201);

    const mine = await street.get('/api/audit?entityType=region&pageSize=50');
    expect(mine.status).toBe(200);
    const entities = mine.body.items.map((e: any) => e.entityId);
    expect(entities).toContain(String(inOwn.body.id));
    expect(entities).not.toContain(String(inOther.body.id));
    const entry = mine.body.items.find((e: any) => e.entityId === String(inOwn.body.id));
    expect(entry).toMatchObject({
      action: 'region.create',
      actor: { username: 'street_admin', displayName: '李秀英' },
      regionName: '八角新楼',
      before: null,
      ip: '127.0.0.1',
    });
    expect(new Date(entry.at).getTime()).toBeGreaterThan(Date.now() - 60_000);

    const all = await district.get('/api/audit?entityType=region&pageSize=50');
    expect(all.body.items.map((e: any) => e.entityId)).toEqual(
      expect.arrayContaining([String(inOwn.body.id), String(inOther.body.id)]),
    );
    const outside = await street.get(`/api/audit?regionId=${gucheng}`);
    expect(outside.status).toBe(403);
    expect(outside.body.error.code).toBe('out_of_scope');
  });

  it('filters by action and by time, newest first', async () => {
    const district = await t.as('district_admin');
    const res = await district.get(
      `/api/audit?action=session.login&from=${encodeURIComponent(new Date(Date.now() - 3600_000).toISOString())}`,
    );
    expect(res.body.total).toBeGreaterThan(0);
    expect(res.body.items.every((e: any) => e.action === 'session.login')).toBe(true);
    const times = res.body.items.map((e: any) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('is closed to roles without audit rights', async () => {
    const member = await t.as('member');
    expect((await member.get('/api/audit')).status).toBe(403);
  });

  it('cannot be edited or deleted, even directly in the database', async () => {
    await expect(t.sql('UPDATE audit_log SET action = $1', ['x'])).rejects.toThrow(/append-only/);
    await expect(t.sql('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
  });
});
