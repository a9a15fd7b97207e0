import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestContext } from '../../../test/harness';

let t: TestContext;
let district: Client;
let street: Client; // 八角街道
let hospitalId: number;
let hospitalOrgId: number;
let bajiaoNorth: number;

beforeAll(async () => {
  t = await startTestApp();
  district = await t.as('district_admin');
  street = await t.as('street_admin');
  bajiaoNorth = await t.region('110107003001');
  const [h] = await t.sql<{ id: number; org: number }>(
    "SELECT u.id, o.id AS org FROM units u JOIN party_orgs o ON o.unit_id = u.id WHERE u.name = '北京市石景山医院'",
  );
  hospitalId = h!.id;
  hospitalOrgId = h!.org;
});
afterAll(() => t.close());

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
