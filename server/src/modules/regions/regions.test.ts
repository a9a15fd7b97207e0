import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestContext } from '../../../test/harness';

let t: TestContext;
let street: Client; // 八角街道 (110107003)
let bajiao: number;
let gucheng: number; // another street (110107004)
let community: number; // 八角北路社区
let otherCommunity: number; // 古城南路东社区

beforeAll(async () => {
  t = await startTestApp();
  street = await t.as('street_admin');
  bajiao = await t.region('110107003');
  gucheng = await t.region('110107004');
  community = await t.region('110107003001');
  otherCommunity = await t.region('110107004001');
});
afterAll(() => t.close());

const tableChecksum = async () =>
  (await t.sql<{ sum: string }>(`SELECT md5(string_agg(r::text, '|' ORDER BY id)) AS sum FROM regions r`))[0]!
    .sum;

describe('reading the tree within scope', () => {
  it('returns the street subtree in one request, nested, with child counts', async () => {
    const res = await street.get(`/api/regions/${bajiao}/tree`);
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('八角街道');
    expect(res.body.children.map((c: any) => c.name)).toContain('八角北路社区');
    const first = res.body.children[0];
    expect(first.childCount).toBe(first.children.length);
    expect(first.children[0].kind).toBe('building');
    expect(first.children[0].children[0].kind).toBe('entrance');
  });

  it('limits depth for lazy loading', async () => {
    const res = await street.get(`/api/regions/${bajiao}/tree?depth=1`);
    expect(res.body.children.length).toBeGreaterThan(0);
    expect(res.body.children.every((c: any) => c.children.length === 0 && c.childCount > 0)).toBe(true);
  });

  it("refuses another street's nodes by id, by tree and through list filters", async () => {
    for (const url of [
      `/api/regions/${gucheng}`,
      `/api/regions/${gucheng}/tree`,
      `/api/regions/${otherCommunity}`,
      `/api/regions?regionId=${gucheng}`,
    ]) {
      const res = await street.get(url);
      expect(res.status, url).toBe(403);
      expect(res.body.error.code).toBe('out_of_scope');
      expect(JSON.stringify(res.body)).not.toContain('古城');
    }
  });

  it('lists only rows inside the scope, whatever the filter', async () => {
    const all = await street.get('/api/regions?pageSize=200&kind=community');
    expect(all.status).toBe(200);
    expect(all.body.total).toBe(6);
    expect(all.body.items.every((r: any) => r.path.startsWith(`1.${bajiao}.`))).toBe(true);
    const search = await street.get(`/api/regions?q=${encodeURIComponent('古城')}`);
    // 古城路社区 lies in 八角街道; 古城街道 and its communities do not.
    expect(search.body.items.map((r: any) => r.name)).toEqual(['古城路社区']);
  });

  it('finds nodes by any Chinese substring of the name', async () => {
    const admin = await t.as('district_admin');
    const res = await admin.get(`/api/regions?q=${encodeURIComponent('南路')}&kind=community`);
    expect(res.body.items.map((r: any) => r.name).sort()).toEqual(['八角南路社区', '古城南路东社区']);
    const two = await admin.get(`/api/regions?q=${encodeURIComponent('翠')}`);
    expect(two.body.items.map((r: any) => r.name)).toEqual(['依翠园社区']);
  });

  it('paginates', async () => {
    const admin = await t.as('district_admin');
    const p1 = await admin.get('/api/regions?kind=community&pageSize=10&page=1');
    const p5 = await admin.get('/api/regions?kind=community&pageSize=10&page=5');
    expect(p1.body.total).toBe(44);
    expect(p1.body.items).toHaveLength(10);
    expect(p5.body.items).toHaveLength(4);
    expect(p1.body.items[0].id).not.toBe(p5.body.items[0].id);
  });

  it('returns a node with its ancestors for the breadcrumb', async () => {
    const res = await street.get(`/api/regions/${community}`);
    expect(res.body.ancestors.map((a: any) => a.name)).toEqual(['石景山区', '八角街道']);
  });

  it('lets a resident read only their community', async () => {
    const resident = await t.as('resident');
    expect((await resident.get(`/api/regions/${community}/tree?depth=1`)).status).toBe(200);
    expect((await resident.get(`/api/regions/${bajiao}`)).status).toBe(403);
    expect((await resident.post('/api/regions', { parentId: community, name: '新楼' })).status).toBe(403);
  });
});

describe('changing the tree', () => {
  it('adds a child whose kind follows from the parent, and audits it', async () => {
    const res = await street.post('/api/regions', { parentId: community, name: '12号楼', code: 'BJBL-12' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'building', name: '12号楼', parentId: community, childCount: 0 });
    expect(res.body.path).toBe(`1.${bajiao}.${community}.${res.body.id}`);
    const audit = await t.sql('SELECT action, entity_id, after FROM audit_log WHERE entity_id = $1', [
      String(res.body.id),
    ]);
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'region.create',
        after: expect.objectContaining({ name: '12号楼' }),
      }),
    ]);
  });

  it('refuses to add below an entrance, or outside the scope', async () => {
    const [entrance] = await t.sql<{ id: number }>(
      "SELECT id FROM regions WHERE kind = 'entrance' AND path <@ $1::ltree LIMIT 1",
      [`1.${bajiao}`],
    );
    expect((await street.post('/api/regions', { parentId: entrance!.id, name: '地下室' })).status).toBe(422);
    const out = await street.post('/api/regions', { parentId: otherCommunity, name: '越权楼' });
    expect(out.status).toBe(403);
    expect(await t.sql("SELECT 1 FROM regions WHERE name IN ('地下室', '越权楼')")).toEqual([]);
  });

  it('refuses malformed bodies, unknown fields, wrong types and oversized strings with 400, changing nothing', async () => {
    const before = await tableChecksum();
    const auditBefore = await t.sql('SELECT count(*)::int AS n FROM audit_log');
    const bad: unknown[] = [
      {},
      { parentId: community },
      { parentId: community, name: '' },
      { parentId: community, name: '   ' },
      { parentId: 'abc', name: '楼' },
      { parentId: -1, name: '楼' },
      { parentId: community, name: 7 },
      { parentId: community, name: '楼'.repeat(101) },
      { parentId: community, name: '楼', code: 'has space' },
      { parentId: community, name: '楼', kind: 'street' },
      { parentId: community, name: 'a\u0000b' },
      [],
    ];
    for (const body of bad) {
      const res = await street.post('/api/regions', body as object);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation');
      expect(res.body.error.message).toMatch(/输入有误/);
    }
    const res = await street.request('POST', '/api/regions', undefined, {
      'content-type': 'application/json',
    });
    expect(res.status).toBe(400);
    const patch = await street.patch(`/api/regions/${community}`, { name: 'x', path: '1' });
    expect(patch.status).toBe(400);
    expect(await tableChecksum()).toBe(before);
    expect(await t.sql('SELECT count(*)::int AS n FROM audit_log')).toEqual(auditBefore);
  });

  it('answers in English when asked', async () => {
    const res = await street.request(
      'POST',
      '/api/regions',
      { parentId: otherCommunity, name: 'x' },
      { 'accept-language': 'en' },
    );
    expect(res.body.error.message).toBe('This is outside your area of responsibility');
  });

  it('renames a node, keeping before and after in the audit; sessions in use show the new name', async () => {
    const worker = await t.as('community_worker');
    const home = async () => (await worker.get('/api/auth/me')).body.roles[0].regionName;
    expect(await home()).toBe('八角北路社区');
    const res = await street.patch(`/api/regions/${community}`, { name: '八角北路第一社区' });
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('八角北路第一社区');
    expect(await home()).toBe('八角北路第一社区');
    const [a] = await t.sql<any>(
      "SELECT before->>'name' AS b, after->>'name' AS a, ip FROM audit_log WHERE action = 'region.update' AND entity_id = $1",
      [String(community)],
    );
    expect(a).toMatchObject({ b: '八角北路社区', a: '八角北路第一社区', ip: '127.0.0.1' });
    await street.patch(`/api/regions/${community}`, { name: '八角北路社区' });
  });

  it('refuses changing the root of the own scope', async () => {
    const res = await street.patch(`/api/regions/${bajiao}`, { name: '八角' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('region_is_scope_root');
    // The console is told so, and offers the change only below the root.
    expect((await street.get(`/api/regions/${bajiao}`)).body.can).toEqual({
      addChild: true,
      edit: false,
      move: false,
      retire: false,
      restore: false,
    });
    expect((await street.get(`/api/regions/${community}`)).body.can).toMatchObject({
      edit: true,
      move: true,
    });
  });

  it('moves a building to another community: every descendant path follows', async () => {
    const [building] = await t.sql<{ id: number; path: string }>(
      "SELECT id, path::text FROM regions WHERE parent_id = $1 AND kind = 'building' ORDER BY id LIMIT 1",
      [community],
    );
    const target = await t.region('110107003002'); // 八角中里社区
    const descendants = await t.sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM regions WHERE path <@ $1::ltree',
      [building!.path],
    );
    const res = await street.post(`/api/regions/${building!.id}/move`, { parentId: target });
    expect(res.status).toBe(200);
    expect(res.body.parentId).toBe(target);
    expect(res.body.ancestors.map((a: any) => a.name)).toEqual(['石景山区', '八角街道', '八角中里社区']);
    const newPath = `1.${bajiao}.${target}.${building!.id}`;
    expect(res.body.path).toBe(newPath);
    const moved = await t.sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM regions WHERE path <@ $1::ltree',
      [newPath],
    );
    expect(moved[0]!.n).toBe(descendants[0]!.n);
    // The invariant for the whole table: each path is its parent's path plus its own id.
    const broken = await t.sql(
      `SELECT c.id FROM regions c LEFT JOIN regions p ON p.district_id = c.district_id AND p.id = c.parent_id
        WHERE c.parent_id IS NOT NULL AND c.path <> p.path || c.id::text`,
    );
    expect(broken).toEqual([]);
    expect(await t.sql('SELECT 1 FROM regions WHERE path <@ $1::ltree', [building!.path])).toEqual([]);
  });

  it('refuses a move under the wrong kind of parent, or out of the scope', async () => {
    const [building] = await t.sql<{ id: number }>(
      "SELECT id FROM regions WHERE parent_id = $1 AND kind = 'building' ORDER BY id LIMIT 1",
      [community],
    );
    const wrongKind = await street.post(`/api/regions/${building!.id}/move`, { parentId: bajiao });
    expect(wrongKind.status).toBe(422);
    expect(wrongKind.body.error.message).toBe('楼 只能挂在 社区 之下');
    const outside = await street.post(`/api/regions/${building!.id}/move`, { parentId: otherCommunity });
    expect(outside.status).toBe(403);
  });

  it('retires a subtree and restores it', async () => {
    const [building] = await t.sql<{ id: number; path: string }>(
      "SELECT id, path::text FROM regions WHERE parent_id = $1 AND kind = 'building' ORDER BY id DESC LIMIT 1",
      [community],
    );
    const res = await street.post(`/api/regions/${building!.id}/retire`);
    expect(res.status).toBe(200);
    expect(res.body.retiredAt).not.toBeNull();
    const live = await t.sql('SELECT 1 FROM regions WHERE path <@ $1::ltree AND retired_at IS NULL', [
      building!.path,
    ]);
    expect(live).toEqual([]);
    const tree = await street.get(`/api/regions/${community}/tree?depth=1`);
    expect(tree.body.children.map((c: any) => c.id)).not.toContain(building!.id);
    expect((await street.post('/api/regions', { parentId: building!.id, name: '9单元' })).status).toBe(422);
    const back = await street.post(`/api/regions/${building!.id}/restore`);
    expect(back.body.retiredAt).toBeNull();
    const retired = await t.sql('SELECT 1 FROM regions WHERE path <@ $1::ltree AND retired_at IS NOT NULL', [
      building!.path,
    ]);
    expect(retired).toEqual([]);
  });

  it('keeps its rules in the database too', async () => {
    await expect(
      t.sql(
        "INSERT INTO regions (district_id, id, parent_id, kind, name, code, path) VALUES (1, 999999, 1, 'building', 'x', 'zz', '1.999999')",
      ),
    ).rejects.toThrow(/regions_depth_matches_kind/);
    await expect(t.sql("UPDATE regions SET path = '1.2.3' WHERE id = $1", [community])).rejects.toThrow(
      /check constraint/,
    );
  });
});
