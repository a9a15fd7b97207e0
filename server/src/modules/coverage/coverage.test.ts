import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestContext } from '../../../test/harness';

let t: TestContext;
let street: Client;
let cw: Client;
let bajiaoNorth: number;

beforeAll(async () => {
  t = await startTestApp();
  street = await t.as('street_admin');
  cw = await t.as('community_worker');
  bajiaoNorth = await t.region('110107003001');
});
afterAll(() => t.close());

describe('coverage', () => {
  it('shows a building without a liaison group; creating one closes the gap', async () => {
    const before = await cw.get(`/api/coverage?regionId=${bajiaoNorth}`);
    expect(before.status).toBe(200);
    const buildings = before.body.levels.find((l: any) => l.kind === 'building');
    expect(buildings.covered).toBeLessThan(buildings.total);
    const gap = before.body.gaps.find((g: any) => g.kind === 'building');
    expect(gap.label).toMatch(/^八角北路社区 \d+号楼$/);
    // The community's worker may set up the missing body there, and is told so gap by gap.
    expect(gap.can).toEqual({ createBody: true });
    expect(before.body.gapCount).toBe(
      buildings.total -
        buildings.covered +
        (before.body.levels.find((l: any) => l.kind === 'community').covered ? 0 : 1),
    );

    const created = await cw.post('/api/bodies', {
      kind: 'liaison_group',
      regionId: gap.id,
      name: '补位党员联络组',
    });
    expect(created.status).toBe(201);
    const after = await cw.get(`/api/coverage?regionId=${bajiaoNorth}`);
    expect(after.body.levels.find((l: any) => l.kind === 'building').covered).toBe(buildings.covered + 1);
    expect(after.body.gaps.map((g: any) => g.id)).not.toContain(gap.id);
  });

  it('agrees with a direct count and drills down by child', async () => {
    const district = await t.as('district_admin');
    const res = await district.get('/api/coverage');
    expect(res.body.node.name).toBe('石景山区');
    const [direct] = await t.sql<{ total: number; covered: number }>(`
      SELECT count(*)::int AS total,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM bodies b WHERE b.region_id = c.id AND b.kind = 'coordination_council'
                                               AND b.dissolved_on IS NULL))::int AS covered
        FROM regions c WHERE c.kind = 'community' AND c.retired_at IS NULL`);
    expect(res.body.levels.find((l: any) => l.kind === 'community')).toMatchObject(direct!);
    const sum = res.body.children.reduce(
      (s: number, c: any) => s + (c.levels.find((l: any) => l.kind === 'community')?.total ?? 0),
      0,
    );
    expect(sum).toBe(direct!.total);
    expect(res.body.children).toHaveLength(9);
    const street8 = await street.get('/api/coverage');
    expect(street8.body.node.name).toBe('八角街道');
    expect((await street.get(`/api/coverage?regionId=${await t.region('110107004')}`)).status).toBe(403);
    expect((await (await t.as('member')).get('/api/coverage')).status).toBe(403);
  });
});
