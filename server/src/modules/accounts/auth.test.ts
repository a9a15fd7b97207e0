import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/harness';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('login', () => {
  it('signs in with the right password and returns roles with their region scope', async () => {
    const c = t.anonymous();
    const res = await c.login('street_admin');
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ username: 'street_admin', displayName: '李秀英' });
    expect(res.body.roles).toEqual([
      expect.objectContaining({ role: 'street_admin', regionName: '八角街道', regionKind: 'street' }),
    ]);
    expect(res.headers['set-cookie']).toMatch(/gj_sid=.+; .*HttpOnly/);
    expect(res.headers['set-cookie']).toMatch(/SameSite=Lax/);
    const me = await c.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user.username).toBe('street_admin');
  });

  it('refuses a wrong password with 401 and a message in Chinese by default', async () => {
    const res = await t.anonymous().login('resident', 'not-the-password');
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: { code: 'bad_credentials', message: '用户名或密码错误' } });
  });

  it('answers an unknown user exactly like a wrong password', async () => {
    const res = await t.anonymous().login('nobody_here', 'whatever-password');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('bad_credentials');
  });

  it('locks the account after five failures, even against the right password, and an admin can unlock it', async () => {
    const c = t.anonymous();
    for (let i = 0; i < 4; i++) expect((await c.login('lecturer', 'wrong-password')).status).toBe(401);
    const fifth = await c.login('lecturer', 'wrong-password');
    expect(fifth.status).toBe(423);
    expect(fifth.body.error.code).toBe('account_locked');
    const right = await c.login('lecturer');
    expect(right.status).toBe(423);
    expect(right.body.error.message).toMatch(/分钟后再试/);

    const [row] = await t.sql<{ failed_logins: number; locked: boolean }>(
      "SELECT failed_logins, locked_until > now() AS locked FROM users WHERE username = 'lecturer'",
    );
    expect(row).toEqual({ failed_logins: 5, locked: true });

    const admin = await t.as('district_admin');
    const lecturer = (await admin.get('/api/users?q=lecturer')).body.items[0];
    expect(lecturer.lockedUntil).not.toBeNull();
    expect((await admin.post(`/api/users/${lecturer.id}/unlock`)).status).toBe(204);
    expect((await t.anonymous().login('lecturer')).status).toBe(200);
  });

  it('rejects malformed login bodies with 400', async () => {
    const c = t.anonymous();
    expect((await c.post('/api/auth/login', { username: 'x' })).status).toBe(400);
    expect((await c.post('/api/auth/login', { username: 'x', password: 'y', admin: true })).status).toBe(400);
    expect((await c.post('/api/auth/login', { username: 1, password: 2 })).status).toBe(400);
    const res = await c.request('POST', '/api/auth/login', undefined, { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBeTypeOf('string');
  });
});

describe('sessions', () => {
  it('refuses requests without a session with 401', async () => {
    const res = await t.anonymous().get('/api/auth/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthorized');
  });

  it('ends a session idle for longer than the idle timeout', async () => {
    const c = await t.as('resident');
    expect((await c.get('/api/auth/me')).status).toBe(200);
    await t.sql(
      "UPDATE sessions SET last_seen_at = now() - interval '31 minutes' WHERE user_id = (SELECT id FROM users WHERE username = 'resident')",
    );
    const res = await c.get('/api/auth/me');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('session_expired');
    expect((await c.get('/api/auth/me')).body.error.code).toBe('unauthorized'); // the row is gone
  });

  it('ends a session past its absolute lifetime however active it was', async () => {
    const c = await t.as('unit_contact');
    await t.sql(
      "UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = (SELECT id FROM users WHERE username = 'unit_contact')",
    );
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });

  it('logs out: the cookie no longer works', async () => {
    const c = await t.as('member');
    expect((await c.post('/api/auth/logout')).status).toBe(204);
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });

  it('refuses a write without the CSRF token, and one from a foreign origin', async () => {
    const c = await t.as('member');
    const csrf = c.csrf;
    c.csrf = null;
    const res = await c.post('/api/auth/logout');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf');
    c.csrf = csrf;
    expect((await c.get('/api/auth/me')).status).toBe(200); // still signed in
    const foreign = await t
      .anonymous()
      .request(
        'POST',
        '/api/auth/login',
        { username: 'member', password: 'gongjian-demo' },
        { origin: 'https://evil.example' },
      );
    expect(foreign.status).toBe(403);
  });

  it('changes the own password, ending the other sessions and replacing its own', async () => {
    const a = await t.as('community_worker');
    const b = await t.as('community_worker');
    expect((await b.get('/api/auth/me')).status).toBe(200); // in use elsewhere
    const wrong = await a.post('/api/auth/password', {
      currentPassword: 'nope-nope',
      newPassword: 'a-new-password-1',
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error).toMatchObject({
      code: 'wrong_password',
      details: [{ path: 'body.currentPassword' }],
    });
    const common = await a.post('/api/auth/password', {
      currentPassword: 'gongjian-demo',
      newPassword: 'password1234',
    });
    expect(common.status).toBe(422);
    expect(common.body.error).toMatchObject({
      code: 'password_common',
      message: '该密码过于常见，容易被猜中，请换一个',
      details: [{ path: 'body.newPassword' }],
    });
    const ok = await a.post('/api/auth/password', {
      currentPassword: 'gongjian-demo',
      newPassword: 'a-new-password-1',
    });
    expect(ok.status).toBe(204);
    // A fresh session in a new cookie; the token from before the change is dead.
    expect((await a.get('/api/auth/me')).status).toBe(401);
    a.cookie = String(ok.headers['set-cookie']).split(';')[0]!;
    expect((await a.get('/api/auth/me')).status).toBe(200);
    expect((await b.get('/api/auth/me')).status).toBe(401);
    expect((await t.anonymous().login('community_worker')).status).toBe(401);
    expect((await t.anonymous().login('community_worker', 'a-new-password-1')).status).toBe(200);
    const [hash] = await t.sql<{ password_hash: string }>(
      "SELECT password_hash FROM users WHERE username = 'community_worker'",
    );
    expect(hash!.password_hash).toMatch(/^\$argon2id\$/);
  });
});
