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

describe('units', () => {
  it('lists the units of the own street only, of every affiliation for the district', async () => {
    const mine = await street.get('/api/units?pageSize=100');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((u: any) => u.name)).toContain('北京市石景山医院');
    expect(mine.body.items.map((u: any) => u.name)).not.toContain('首钢集团有限公司');
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
});

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
  });
});

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
    });
    const fromHome = await gucheng.get(`/api/members/${created.body.id}`);
    expect(fromHome.body).toMatchObject({ phone: '13912345678', masked: false });
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

describe('registration with the home community', () => {
  let registrationId: number;

  it('an in-service member asks to register; the request cannot be doubled', async () => {
    const member = await t.as('member');
    const res = await member.post('/api/registrations', { communityId: bajiaoNorth });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      personName: '张建国',
      communityName: '八角北路社区',
      status: 'pending',
      unitName: '北京市石景山医院',
    });
    registrationId = res.body.id;
    expect((await member.post('/api/registrations', { communityId: bajiaoNorth })).status).toBe(409);
  });

  it('a community worker of another community cannot decide it', async () => {
    const zhongli = await t.region('110107003002');
    await street.post('/api/users', {
      username: 'cw_zhongli',
      displayName: '郑晓',
      password: 'long-enough-password',
      regionId: zhongli,
      roles: [{ role: 'community_worker', regionId: zhongli }],
    });
    const other = await t.as('cw_zhongli', 'long-enough-password');
    const res = await other.post(`/api/registrations/${registrationId}/decision`, { decision: 'approve' });
    expect(res.status).toBe(404);
    const [row] = await t.sql<{ status: string }>(
      'SELECT status FROM community_registrations WHERE id = $1',
      [registrationId],
    );
    expect(row!.status).toBe('pending');
  });

  it('declining needs a reason', async () => {
    const cw = await t.as('community_worker');
    expect(
      (await cw.post(`/api/registrations/${registrationId}/decision`, { decision: 'decline' })).status,
    ).toBe(400);
  });

  it('the community worker approves; the member joins the roster and stays in the unit organisation', async () => {
    const cw = await t.as('community_worker');
    const inbox = await cw.get('/api/registrations?status=pending');
    expect(inbox.body.items.map((r: any) => r.id)).toContain(registrationId);
    const [a, b] = await Promise.all([
      cw.post(`/api/registrations/${registrationId}/decision`, { decision: 'approve' }),
      cw.post(`/api/registrations/${registrationId}/decision`, { decision: 'approve' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const roster = await cw.get(`/api/members?registeredWith=${bajiaoNorth}&pageSize=200`);
    const zhang = roster.body.items.find((m: any) => m.name === '张建国');
    expect(zhang.registration.status).toBe('approved');
    expect(zhang.membership.orgName).toBe('北京市石景山医院党委');
    const contact = await t.as('unit_contact');
    const unitSide = await contact.get(
      `/api/registrations?unitId=${hospitalId}&status=approved&pageSize=200`,
    );
    expect(unitSide.body.items.map((r: any) => r.personName)).toContain('张建国');
    const audit = await t.sql(
      "SELECT action FROM audit_log WHERE entity_type = 'registration' AND entity_id = $1 ORDER BY id",
      [String(registrationId)],
    );
    expect(audit.map((r: any) => r.action)).toEqual(['registration.request', 'registration.approve']);
  });

  it("a Party member sees and asks only for their own registration, not their unit's others", async () => {
    const member = await t.as('member');
    const list = await member.get('/api/registrations?pageSize=200');
    expect(list.body.items.length).toBeGreaterThan(0);
    expect(list.body.items.every((r: any) => r.personName === '张建国')).toBe(true);
    const [colleague] = await t.sql<{ id: number }>(
      `SELECT p.id FROM people p WHERE p.party_org_id = $1 AND p.party_status = 'in_service' AND p.name <> '张建国'
        AND NOT EXISTS (SELECT 1 FROM community_registrations cr WHERE cr.person_id = p.id AND cr.status IN ('pending', 'approved'))
        LIMIT 1`,
      [hospitalOrgId],
    );
    const res = await member.post('/api/registrations', {
      personId: colleague!.id,
      communityId: bajiaoNorth,
    });
    expect([403, 404]).toContain(res.status);
  });

  it('refuses registration to retired members and to residents', async () => {
    const [retired] = await t.sql<{ id: number }>(
      "SELECT p.id FROM people p JOIN regions h ON h.id = p.home_region_id WHERE p.party_status = 'retired' LIMIT 1",
    );
    expect(
      (await district.post('/api/registrations', { personId: retired!.id, communityId: bajiaoNorth })).status,
    ).toBe(403);
    const resident = await t.as('resident');
    expect((await resident.post('/api/registrations', { communityId: bajiaoNorth })).status).toBe(403);
  });

  it('a unit contact asks for its member, and may withdraw while pending', async () => {
    const contact = await t.as('unit_contact');
    const [m] = await t.sql<{ id: number; home: number }>(
      `SELECT p.id, h.path FROM people p JOIN regions h ON h.id = p.home_region_id
        WHERE p.party_org_id = $1 AND p.party_status = 'in_service'
          AND NOT EXISTS (SELECT 1 FROM community_registrations cr WHERE cr.person_id = p.id AND cr.status IN ('pending', 'approved'))
        LIMIT 1`,
      [hospitalOrgId],
    );
    const [community] = await t.sql<{ id: number }>(
      'SELECT c.id FROM regions c, people p JOIN regions h ON h.id = p.home_region_id WHERE p.id = $1 AND c.path @> h.path AND c.kind = $2',
      [m!.id, 'community'],
    );
    const res = await contact.post('/api/registrations', { personId: m!.id, communityId: community!.id });
    expect(res.status).toBe(201);
    const back = await contact.post(`/api/registrations/${res.body.id}/withdraw`);
    expect(back.body.status).toBe('withdrawn');
    expect((await contact.post(`/api/registrations/${res.body.id}/withdraw`)).status).toBe(409);
  });
});
