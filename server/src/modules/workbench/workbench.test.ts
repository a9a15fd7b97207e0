/** The workbench gathers what waits for each reader from the domains; these check its shape and the registrations' part. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WAITING_KINDS } from '../../../../contract';
import { startTestApp, type TestContext } from '../../../test/harness';

let t: TestContext;
let bajiaoNorth: number;

beforeAll(async () => {
  t = await startTestApp();
  bajiaoNorth = await t.region('110107003001');
});
afterAll(() => t.close());

const ROLES = [
  'district_admin',
  'street_admin',
  'community_worker',
  'unit_contact',
  'member',
  'resident',
  'lecturer',
  'street_110107004',
] as const;

describe('the workbench', () => {
  it('answers every demo role with its to-dos (oldest first, counted) and what comes next (soonest first)', async () => {
    for (const role of ROLES) {
      const res = await (await t.as(role)).get('/api/workbench');
      expect(res.status, role).toBe(200);
      for (const g of res.body.todos) {
        expect(WAITING_KINDS).toContain(g.kind);
        expect(g.count).toBeGreaterThanOrEqual(g.items.length);
        expect(g.items.length).toBeGreaterThan(0);
        const since = g.items.map((i: any) => i.dueAt ?? i.since);
        expect([...since].sort()).toEqual(since);
      }
      const starts = res.body.upcoming.map((u: any) => u.startsAt);
      expect([...starts].sort()).toEqual(starts);
    }
    expect((await t.anonymous().get('/api/workbench')).status).toBe(401);
  });

  it('a registration waits on the community worker’s workbench, not another street’s, and leaves it once decided', async () => {
    const worker = await t.as('community_worker');
    const gucheng = await t.as('street_110107004');
    const waiting = async (c: typeof worker) =>
      ((await c.get('/api/workbench')).body.todos as any[]).find((g) => g.kind === 'registration.decide');
    const count = async (c: typeof worker) => (await waiting(c))?.count ?? 0;
    const [before, otherBefore] = [await count(worker), await count(gucheng)];
    const asked = await (await t.as('member')).post('/api/registrations', { communityId: bajiaoNorth });
    expect(asked.status).toBe(201);
    expect(await count(worker)).toBe(before + 1);
    expect(await count(gucheng)).toBe(otherBefore);
    expect(await waiting(await t.as('resident'))).toBeUndefined();
    // The oldest few are shown, each naming the person and the community, one click from the decision.
    const shown = await waiting(worker);
    expect(shown.items[0]).toMatchObject({ place: '八角北路社区', link: '/registrations?status=pending' });
    expect(shown.items[0].title).toMatch(/^\p{Script=Han}{2,4}$/u);
    expect(
      (await worker.post(`/api/registrations/${asked.body.id}/decision`, { decision: 'approve' })).status,
    ).toBe(200);
    expect(await count(worker)).toBe(before);
  });
});
