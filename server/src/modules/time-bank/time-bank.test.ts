import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/harness';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('the time bank', () => {
  it('spends only earned hours, pays each request once, and balances always sum to what was earned', async () => {
    const community = await t.region('110107003001');
    const [asker, helper, poor] = await t.members('bank', 3, community);
    const ids = await t.sql<{ id: number }>(
      "SELECT id FROM people WHERE name LIKE 'bank党员%' ORDER BY name",
    );
    // The asker earned 3 confirmed hours; the others nothing.
    await t.sql(
      `INSERT INTO ledger_entries (district_id, kind, quantity, at, person_id, region_id, source_type, source_id)
       VALUES (1, 'service_hours', 3, now(), $1, $2, 'test', 1)`,
      [ids[0]!.id, community],
    );
    expect((await asker!.get('/api/time-bank')).body).toMatchObject({ earned: 3, balance: 3, available: 3 });

    // Nobody promises what they have not earned.
    const broke = await poor!.post('/api/time-bank/requests', { title: '帮忙取药', hours: 1 });
    expect(broke.status).toBe(422);
    expect(broke.body.error.code).toBe('timebank_insufficient');
    const first = await asker!.post('/api/time-bank/requests', { title: '陪同老人就医', hours: 2 });
    expect(first.status).toBe(201);
    expect((await asker!.post('/api/time-bank/requests', { title: '再求一次', hours: 2 })).status).toBe(422);
    expect((await asker!.get('/api/time-bank')).body).toMatchObject({ held: 2, available: 1 });

    // A neighbour offers; the asker confirms; the hours move once.
    expect((await asker!.post(`/api/time-bank/requests/${first.body.id}/offer`)).status).toBe(422);
    expect((await helper!.post(`/api/time-bank/requests/${first.body.id}/offer`)).body.status).toBe(
      'accepted',
    );
    expect((await helper!.post(`/api/time-bank/requests/${first.body.id}/complete`)).status).toBe(403);
    const [a, b] = await Promise.all([
      asker!.post(`/api/time-bank/requests/${first.body.id}/complete`),
      asker!.post(`/api/time-bank/requests/${first.body.id}/complete`),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect((await asker!.get('/api/time-bank')).body).toMatchObject({
      spent: 2,
      balance: 1,
      held: 0,
      available: 1,
    });
    expect((await helper!.get('/api/time-bank')).body).toMatchObject({ earned: 0, received: 2, balance: 2 });
    const transfers = await t.sql('SELECT 1 FROM time_transfers WHERE request_id = $1', [first.body.id]);
    expect(transfers).toHaveLength(1);

    // Conservation: the three accounts' balances sum to what they earned, and none is below zero.
    const accounts = await Promise.all(
      [asker!, helper!, poor!].map(async (c) => (await c.get('/api/time-bank')).body),
    );
    expect(accounts.reduce((s, x) => s + x.balance, 0)).toBe(accounts.reduce((s, x) => s + x.earned, 0));
    expect(accounts.every((x) => x.balance >= 0)).toBe(true);

    // An asker who cancels after someone offered tells the helper.
    const second = await asker!.post('/api/time-bank/requests', { title: '帮忙修水管', hours: 1 });
    await helper!.post(`/api/time-bank/requests/${second.body.id}/offer`);
    expect((await asker!.post(`/api/time-bank/requests/${second.body.id}/cancel`)).body.status).toBe(
      'cancelled',
    );
    expect((await helper!.get('/api/notifications?pageSize=1')).body.items[0].text).toContain('帮忙修水管');
    expect((await asker!.get('/api/time-bank')).body).toMatchObject({ held: 0, available: 1 });
    await expect(
      t.sql(
        `INSERT INTO time_transfers (district_id, from_person_id, to_person_id, hours, request_id) VALUES (1, $1, $2, 1, $3)`,
        [ids[0]!.id, ids[1]!.id, first.body.id],
      ),
    ).rejects.toThrow(/time_transfers_request_key/);
  });
});
