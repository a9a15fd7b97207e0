import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, startTestApp, type TestContext } from '../../../test/harness';

let t: TestContext;
let street: Client;
let community: number;
let otherCommunity: number;

beforeAll(async () => {
  t = await startTestApp();
  street = await t.as('street_admin');
  community = await t.region('110107003001');
  otherCommunity = await t.region('110107004001');
});
afterAll(() => t.close());

const newUser = (username: string, regionId: number, roles: { role: string; regionId: number }[] = []) => ({
  username,
  displayName: '测试用户',
  password: 'long-enough-password',
  regionId,
  roles,
});

describe('users in scope', () => {
  it('lists only users whose home lies in the scope, found by any substring of a Chinese name', async () => {
    const res = await street.get('/api/users?pageSize=100');
    expect(res.status).toBe(200);
    const names = res.body.items.map((u: any) => u.username);
    expect(names).toEqual(expect.arrayContaining(['street_admin', 'community_worker', 'member', 'resident']));
    expect(names).not.toContain('district_admin');
    expect(names).not.toContain('street_110107004');
    const found = await street.get(`/api/users?q=${encodeURIComponent('建国')}`);
    expect(found.body.items.map((u: any) => u.displayName)).toEqual(['张建国']);
    // The user's own _ and % are letters, not wildcards.
    const underscore = await street.get('/api/users?q=street_adm');
    expect(underscore.body.items.map((u: any) => u.username)).toEqual(['street_admin']);
    expect((await street.get('/api/users?q=street%25admin')).body.items).toEqual([]);
  });

  it('hides users outside the scope: 404 by id, nothing through filters', async () => {
    const [other] = await t.sql<{ id: number }>("SELECT id FROM users WHERE username = 'street_110107004'");
    expect((await street.get(`/api/users/${other!.id}`)).status).toBe(404);
    expect((await street.get(`/api/users?regionId=${otherCommunity}`)).status).toBe(403);
    expect((await street.patch(`/api/users/${other!.id}`, { displayName: '改名' })).status).toBe(404);
  });

  it('creates a user with a role in its subtree, and audits it', async () => {
    const res = await street.post(
      '/api/users',
      newUser('cw_zhongli', community, [{ role: 'community_worker', regionId: community }]),
    );
    expect(res.status).toBe(201);
    expect(res.body.roles).toEqual([
      expect.objectContaining({ role: 'community_worker', regionId: community }),
    ]);
    const login = await t.anonymous().login('cw_zhongli', 'long-enough-password');
    expect(login.status).toBe(200);
    const audit = await t.sql<any>(
      "SELECT after FROM audit_log WHERE action = 'user.create' AND entity_id = $1",
      [String(res.body.id)],
    );
    expect(audit[0].after.roles).toEqual([`community_worker@${community}`]);
    expect(JSON.stringify(audit)).not.toContain('long-enough-password');
  });

  it('refuses grants above the own rank, at the wrong kind of node, or outside the scope', async () => {
    const bajiao = await t.region('110107003');
    const cases = [
      [newUser('u_a', community, [{ role: 'street_admin', regionId: bajiao }]), 403],
      [newUser('u_b', community, [{ role: 'district_admin', regionId: 1 }]), 403],
      [newUser('u_c', community, [{ role: 'community_worker', regionId: bajiao }]), 422],
      [newUser('u_d', otherCommunity, []), 403],
      [newUser('u_e', community, [{ role: 'resident', regionId: otherCommunity }]), 403],
    ] as const;
    for (const [body, status] of cases) {
      const res = await street.post('/api/users', body);
      expect(res.status, body.username).toBe(status);
    }
    expect(await t.sql("SELECT 1 FROM users WHERE username LIKE 'u\\__'")).toEqual([]);
  });

  it('refuses a duplicate username with 409', async () => {
    const res = await street.post('/api/users', newUser('member', community));
    expect(res.status).toBe(409);
  });

  it('grants and revokes roles within the rules; a session in use follows at once', async () => {
    const [member] = await t.sql<{ id: number }>("SELECT id FROM users WHERE username = 'member'");
    const own = await t.as('member');
    const roleNames = async () => (await own.get('/api/auth/me')).body.roles.map((r: any) => r.role);
    expect(await roleNames()).toEqual(['party_member']); // the session is now in use (remembered)
    const grant = await street.post(`/api/users/${member!.id}/roles`, {
      role: 'lecturer',
      regionId: community,
    });
    expect(grant.status).toBe(201);
    expect(await roleNames()).toEqual(['party_member', 'lecturer']);
    expect(
      (await street.post(`/api/users/${member!.id}/roles`, { role: 'lecturer', regionId: community })).status,
    ).toBe(409);
    expect((await street.delete(`/api/users/${member!.id}/roles/${grant.body.id}`)).status).toBe(204);
    expect(await roleNames()).toEqual(['party_member']);
    const roles = (await street.get(`/api/users/${member!.id}`)).body.roles.map((r: any) => r.role);
    expect(roles).toEqual(['party_member']);
  });

  it('does not let a community worker manage someone who outranks them', async () => {
    const cw = await t.as('community_worker');
    const [admin] = await t.sql<{ id: number }>("SELECT id FROM users WHERE username = 'street_admin'");
    // The street admin's home is the street, outside the community: invisible.
    expect(
      (await cw.post(`/api/users/${admin!.id}/password`, { newPassword: 'hijacked-password' })).status,
    ).toBe(404);
    const [unit] = await t.sql<{ id: number }>("SELECT id FROM users WHERE username = 'unit_contact'");
    const ok = await cw.patch(`/api/users/${unit!.id}`, { displayName: '刘志强（联络人）' });
    expect(ok.status).toBe(200);
    const created = await street.post(
      '/api/users',
      newUser('cw_second', community, [{ role: 'community_worker', regionId: community }]),
    );
    const peer = await cw.patch(`/api/users/${created.body.id}`, { disabled: true });
    expect(peer.status).toBe(403);
    expect(peer.body.error.code).toBe('role_too_high');
  });

  it('disables a user, ending their sessions at once; they cannot sign in', async () => {
    const res = await street.post(
      '/api/users',
      newUser('to_disable', community, [{ role: 'resident', regionId: community }]),
    );
    const c = await t.as('to_disable', 'long-enough-password');
    expect((await c.get('/api/auth/me')).status).toBe(200);
    expect((await street.patch(`/api/users/${res.body.id}`, { disabled: true })).body.disabled).toBe(true);
    expect((await c.get('/api/auth/me')).status).toBe(401);
    expect((await t.anonymous().login('to_disable', 'long-enough-password')).status).toBe(403);
  });

  it('refuses user management to roles without it', async () => {
    const member = await t.as('member');
    expect((await member.get('/api/users')).status).toBe(403);
    expect((await member.post('/api/users', newUser('x_y_z', community))).status).toBe(403);
  });
});
