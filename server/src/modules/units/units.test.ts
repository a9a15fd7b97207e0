import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectCursorPagesLikeNumbered, expectForgedCursorsRefused } from '../../../test/cursor-pages';
import { type Client, startTestApp, type TestContext } from '../../../test/harness';

let t: TestContext;
let district: Client;
let street: Client; // 八角街道
let hospitalId: number;
let bajiaoNorth: number;

beforeAll(async () => {
  t = await startTestApp();
  district = await t.as('district_admin');
  street = await t.as('street_admin');
  bajiaoNorth = await t.region('110107003001');
  const [h] = await t.sql<{ id: number }>("SELECT id FROM units WHERE name = '北京市石景山医院'");
  hospitalId = h!.id;
});
afterAll(() => t.close());

describe('units', () => {
  it('lists the units of the own street only, of every affiliation for the district', async () => {
    const mine = await street.get('/api/units?pageSize=100');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((u: any) => u.name)).toContain('北京市石景山医院');
    expect(mine.body.items.map((u: any) => u.name)).not.toContain('首钢集团有限公司');
    expect(mine.body.items.every((u: any) => u.can.edit && u.can.seeRecord)).toBe(true);
    const all = await district.get('/api/units?pageSize=100');
    expect(new Set(all.body.items.map((u: any) => u.affiliation))).toEqual(
      new Set(['central', 'municipal', 'district', 'other']),
    );
    const central = await district.get('/api/units?affiliation=central&pageSize=100');
    expect(central.body.items.every((u: any) => u.affiliation === 'central')).toBe(true);
  });

  it('lets a unit contact see and edit its own unit and nothing else', async () => {
    const contact = await t.as('unit_contact');
    const list = await contact.get('/api/units');
    expect(list.body.items.map((u: any) => u.name)).toEqual(['北京市石景山医院']);
    expect(list.body.items[0].can).toEqual({ edit: true, seeRecord: true, seeBookings: true });
    const [other] = await t.sql<{ id: number }>("SELECT id FROM units WHERE name = '首钢集团有限公司'");
    expect((await contact.get(`/api/units/${other!.id}`)).status).toBe(403);
    const edit = await contact.patch(`/api/units/${hospitalId}`, { address: '石景山路24号（门诊楼）' });
    expect(edit.status).toBe(200);
    expect(edit.body.address).toBe('石景山路24号（门诊楼）');
    expect(edit.body.contactPhone).toMatch(/^139\d{8}$/); // its own number, unmasked
    const cleared = await contact.patch(`/api/units/${hospitalId}`, { address: null });
    expect(cleared.body.address).toBeNull();
    expect((await contact.patch(`/api/units/${other!.id}`, { address: 'x' })).status).toBe(403);
  });

  it('registers a unit in scope, refuses one outside, and refuses bad input', async () => {
    const body = {
      regionId: bajiaoNorth,
      name: '八角北路幼儿园',
      kind: 'school',
      affiliation: 'district',
      contactPhone: '13800001111',
    };
    const res = await street.post('/api/units', body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: '八角北路幼儿园', regionName: '八角北路社区', memberCount: 0 });
    expect((await street.post('/api/units', body)).status).toBe(409);
    const outside = await street.post('/api/units', {
      ...body,
      name: '越界单位',
      regionId: await t.region('110107004001'),
    });
    expect(outside.status).toBe(403);
    for (const bad of [
      { ...body, name: '坏1', kind: 'castle' },
      { ...body, name: '坏2', affiliation: 'provincial' },
      { ...body, name: '坏3', contactPhone: '12345' },
      { ...body, name: '坏4', extra: true },
    ]) {
      expect((await street.post('/api/units', bad)).status, JSON.stringify(bad)).toBe(400);
    }
    expect(await t.sql("SELECT 1 FROM units WHERE name LIKE '坏%' OR name = '越界单位'")).toEqual([]);
  });

  it('reads on by cursor: the same pages as by number, in the order by place then name; a forged cursor is a 400', async () => {
    // Several units in one place, so that pages break inside a place.
    await t.sql(
      `INSERT INTO units (district_id, region_id, name, kind, affiliation)
       SELECT 1, $1, '游标单位' || g, 'enterprise', 'other' FROM generate_series(1, 5) g`,
      [bajiaoNorth],
    );
    const all = await expectCursorPagesLikeNumbered(district, '/api/units', 3);
    const order = await t.sql<{ id: number }>(
      'SELECT u.id FROM units u JOIN regions r ON r.id = u.region_id ORDER BY r.path, u.name, u.id',
    );
    expect(all).toEqual(order.map((u) => u.id));
    await expectCursorPagesLikeNumbered(street, '/api/units?kind=enterprise', 2);
    await expectForgedCursorsRefused(district, '/api/units', 3);
  });
});
