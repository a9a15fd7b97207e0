import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestContext } from '../../../test/harness';

let t: TestContext;
let district: Client;
let street: Client; // 八角街道
let gucheng: Client; // 古城街道's admin
let hospitalId: number;
let hospitalOrgId: number;
let bajiaoNorth: number;

beforeAll(async () => {
  t = await startTestApp();
  district = await t.as('district_admin');
  street = await t.as('street_admin');
  gucheng = await t.as('street_110107004');
  bajiaoNorth = await t.region('110107003001');
  const [h] = await t.sql<{ id: number; org: number }>(
    "SELECT u.id, o.id AS org FROM units u JOIN party_orgs o ON o.unit_id = u.id WHERE u.name = '北京市石景山医院'",
  );
  hospitalId = h!.id;
  hospitalOrgId = h!.org;
});
afterAll(() => t.close());

describe('people', () => {
  it('finds 张建国 by any substring of the name', async () => {
    for (const q of ['建国', '张建', '张建国']) {
      const res = await street.get(`/api/members?q=${encodeURIComponent(q)}`);
      expect(
        res.body.items.map((m: any) => m.name),
        q,
      ).toContain('张建国');
    }
    const res = await street.get(`/api/members?q=${encodeURIComponent('建国')}`);
    expect(res.body.items.every((m: any) => m.name.includes('建国'))).toBe(true);
  });

  it('filters by specialty, Party membership and region, with pagination', async () => {
    const medical = await district.get('/api/members?specialty=medical&pageSize=50');
    expect(medical.body.total).toBeGreaterThan(0);
    expect(medical.body.items.every((m: any) => m.specialties.includes('medical'))).toBe(true);
    const retired = await street.get('/api/members?status=retired&pageSize=50');
    expect(retired.body.items.every((m: any) => m.membership?.status === 'retired')).toBe(true);
    const here = await street.get(`/api/members?regionId=${bajiaoNorth}&pageSize=10&page=2`);
    expect(here.body.items).toHaveLength(10);
    expect(here.body.items.every((m: any) => m.homeLabel.startsWith('八角北路社区'))).toBe(true);
  });

  it("masks phone and ID numbers for a street admin of another street, and shows them to the home street's", async () => {
    const guchengCommunity = await t.region('110107004001');
    const [entrance] = await t.sql<{ id: number }>(
      "SELECT id FROM regions WHERE kind = 'entrance' AND path <@ (SELECT path FROM regions WHERE id = $1) LIMIT 1",
      [guchengCommunity],
    );
    const created = await district.post('/api/members', {
      name: '欧阳明',
      gender: 'male',
      birthYear: 1985,
      phone: '13912345678',
      idNumber: '11010719850101123X',
      homeRegionId: entrance!.id,
      specialties: ['legal'],
      membership: { orgId: hospitalOrgId, status: 'in_service', since: '2010-07-01' },
    });
    expect(created.status).toBe(201);
    // 八角街道 sees him through the hospital's organisation, which stands in its street.
    const fromOrgSide = await street.get(`/api/members/${created.body.id}`);
    expect(fromOrgSide.status).toBe(200);
    expect(fromOrgSide.body).toMatchObject({
      phone: '139****5678',
      idNumber: '1101**********123X',
      masked: true,
      // The organisation's side reads his record, but his home's people edit him.
      can: { edit: false, seeRecord: true },
    });
    const fromHome = await gucheng.get(`/api/members/${created.body.id}`);
    expect(fromHome.body).toMatchObject({
      phone: '13912345678',
      masked: false,
      can: { edit: true, seeRecord: true },
    });
    const list = await street.get(`/api/members?unitId=${hospitalId}&q=${encodeURIComponent('欧阳')}`);
    expect(list.body.items[0].phone).toBe('139****5678');
    expect(JSON.stringify(list.body)).not.toContain('13912345678');
  });

  it('shows a unit contact its own members, masked, and nobody else', async () => {
    const contact = await t.as('unit_contact');
    const res = await contact.get('/api/members?pageSize=200');
    expect(res.status).toBe(200);
    expect(res.body.total).toBeGreaterThan(0);
    expect(res.body.items.every((m: any) => m.membership?.unitId === hospitalId)).toBe(true);
    expect(res.body.items.every((m: any) => m.masked)).toBe(true);
    const [resident] = await t.sql<{ id: number }>("SELECT id FROM people WHERE name = '陈桂兰'");
    expect((await contact.get(`/api/members/${resident!.id}`)).status).toBe(404);
  });

  it('lets a member read their own record unmasked, and nobody else’s', async () => {
    const member = await t.as('member');
    const me = (await member.get('/api/auth/me')).body;
    expect(me.user.personId).toBeTypeOf('number');
    const own = await member.get(`/api/members/${me.user.personId}`);
    expect(own.body).toMatchObject({
      name: '张建国',
      phone: '13811112345',
      masked: false,
      homeLabel: '八角北路社区 3号楼 2单元',
      homeCommunityId: bajiaoNorth,
      homeCommunityName: '八角北路社区',
      can: { edit: false, seeRecord: true },
    });
    const [resident] = await t.sql<{ id: number }>("SELECT id FROM people WHERE name = '陈桂兰'");
    expect((await member.get(`/api/members/${resident!.id}`)).status).toBe(404);
    expect((await member.get('/api/members')).status).toBe(403);
  });

  it('refuses unknown specialties and homes outside the scope', async () => {
    const base = { name: '测试人', gender: 'female', homeRegionId: bajiaoNorth };
    expect((await street.post('/api/members', { ...base, specialties: ['juggling'] })).status).toBe(422);
    expect(
      (await street.post('/api/members', { ...base, homeRegionId: await t.region('110107004001') })).status,
    ).toBe(403);
    expect((await street.post('/api/members', { ...base, idNumber: '123' })).status).toBe(400);
  });
});
