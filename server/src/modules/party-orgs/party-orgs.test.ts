import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestContext } from '../../../test/harness';

let t: TestContext;
let street: Client; // 八角街道
let bajiaoNorth: number;

beforeAll(async () => {
  t = await startTestApp();
  street = await t.as('street_admin');
  bajiaoNorth = await t.region('110107003001');
});
afterAll(() => t.close());

describe('Party organisations', () => {
  it('keeps each kind at its level and a unit organisation with its unit', async () => {
    const street8 = await t.region('110107003');
    expect(
      (
        await street.post('/api/party-orgs', {
          regionId: street8,
          kind: 'community_branch',
          name: '错层党支部',
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await street.post('/api/party-orgs', {
          regionId: bajiaoNorth,
          kind: 'unit_party_org',
          name: '无单位党支部',
        })
      ).status,
    ).toBe(422);
    const ok = await street.post('/api/party-orgs', {
      regionId: bajiaoNorth,
      kind: 'general_branch',
      name: '八角北路社区离退休党总支',
      parentId: (await t.sql<{ id: number }>("SELECT id FROM party_orgs WHERE name = '八角北路社区党委'"))[0]!
        .id,
    });
    expect(ok.status).toBe(201);
    expect(ok.body.parentName).toBe('八角北路社区党委');
  });

  it('lists organisations in scope with their member counts', async () => {
    const res = await street.get('/api/party-orgs?pageSize=100');
    const names = res.body.items.map((o: any) => o.name);
    expect(names).toEqual(
      expect.arrayContaining(['八角街道党工委', '八角北路社区党委', '北京市石景山医院党委']),
    );
    expect(names).not.toContain('古城街道党工委');
    const hospital = res.body.items.find((o: any) => o.name === '北京市石景山医院党委');
    expect(hospital.memberCount).toBeGreaterThan(0);
    expect(hospital.can).toEqual({ edit: true, seeRecord: true });
  });

  it('tells a unit contact it reads its organisation and record, but edits nothing', async () => {
    const contact = await t.as('unit_contact');
    const res = await contact.get('/api/party-orgs?pageSize=100');
    expect(res.body.items.map((o: any) => o.name)).toEqual(['北京市石景山医院党委']);
    expect(res.body.items[0].can).toEqual({ edit: false, seeRecord: true });
    expect((await contact.patch(`/api/party-orgs/${res.body.items[0].id}`, { name: '改名' })).status).toBe(
      403,
    );
  });
});
