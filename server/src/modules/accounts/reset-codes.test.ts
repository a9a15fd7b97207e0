import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, DEMO_PASSWORD, type Res, startTestApp, type TestContext } from '../../../test/harness';
import { RESET_CODE_TRIES } from './reset-codes.service';

let t: TestContext;
let street: Client;
const ids: Record<string, number> = {};

beforeAll(async () => {
  t = await startTestApp();
  street = await t.as('street_admin');
  for (const r of await t.sql<{ id: number; username: string }>('SELECT id, username FROM users'))
    ids[r.username] = r.id;
});
afterAll(() => t.close());

const CODE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;
const NEW_PASSWORD = 'Kirschbaum-Mond-4821';

/** A fresh account at home in 八角北路社区, a party member there: one per test, so tests stay apart. */
async function account(username: string) {
  const community = await t.region('110107003001');
  const res = await street.post('/api/users', {
    username,
    displayName: '测试党员',
    password: 'long-enough-password',
    regionId: community,
    roles: [{ role: 'party_member', regionId: community }],
  });
  expect(res.status).toBe(201);
  return res.body.id as number;
}

/** Asks from an address of its own, as the rate limits see it. */
async function fromAddress(ip: string, url: string, body: unknown): Promise<Res<any>> {
  const res = await t.app.inject({ method: 'POST', url, payload: body as object, remoteAddress: ip });
  return { status: res.statusCode, body: res.json(), headers: res.headers };
}

const use = (username: string, code: string, newPassword = NEW_PASSWORD) =>
  t.anonymous().post('/api/auth/reset-code', { username, code, newPassword });

describe('knowing whether one is signed in', () => {
  it('answers 200 either way: signed out, signed in (as /api/auth/me), and after logout', async () => {
    const anonymous = await t.anonymous().get('/api/auth/session');
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toEqual({ signedIn: false, me: null, timeZone: 'Asia/Shanghai' });
    const c = await t.as('resident');
    const signed = await c.get('/api/auth/session');
    expect(signed.status).toBe(200);
    expect(signed.body.signedIn).toBe(true);
    expect(signed.body.me).toEqual((await c.get('/api/auth/me')).body);
    expect(signed.body.me.csrfToken).toBe(c.csrf);
    expect((await c.post('/api/auth/logout')).status).toBe(204);
    expect((await c.get('/api/auth/session')).body).toEqual({
      signedIn: false,
      me: null,
      timeZone: 'Asia/Shanghai',
    });
    expect((await c.get('/api/auth/me')).status).toBe(401); // the private route still refuses
  });
});

describe('issuing a reset code', () => {
  it('gives a street admin a code for a member in the street, shown once, kept as a hash, audited', async () => {
    const member = ids.member!;
    expect((await street.get(`/api/users/${member}`)).body.can).toEqual({ issueReset: true });
    const res = await street.post(`/api/users/${member}/reset-code`);
    expect(res.status).toBe(201);
    expect(res.body.code).toMatch(CODE);
    const hours = (new Date(res.body.expiresAt).getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);

    const [row] = await t.sql<{ code_hash: string; used_at: string | null; created_by: number }>(
      'SELECT code_hash, used_at, created_by FROM password_reset_codes WHERE user_id = $1',
      [member],
    );
    expect(row!.code_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.code_hash).not.toContain(res.body.code.replaceAll('-', '').toLowerCase());
    expect(row).toMatchObject({ used_at: null, created_by: ids.street_admin });
    const audit = await t.sql<{ actor_id: number; after: { expiresAt: string } }>(
      "SELECT actor_id, after FROM audit_log WHERE action = 'user.reset_code_issue' AND entity_id = $1",
      [String(member)],
    );
    expect(audit).toEqual([{ actor_id: ids.street_admin, after: { expiresAt: res.body.expiresAt } }]);
    expect(JSON.stringify(audit)).not.toContain(res.body.code);
    // The member still signs in with their password: a code changes nothing until it is used.
    expect((await t.anonymous().login('member')).status).toBe(200);
  });

  it('refuses outsiders: another street 404, a worker above their rank or on themself 403, a member 403', async () => {
    const other = await t.as('street_110107004');
    expect((await other.post(`/api/users/${ids.member}/reset-code`)).status).toBe(404);
    const worker = await t.as('community_worker');
    expect((await worker.get(`/api/users/${ids.community_worker}`)).body.can).toEqual({ issueReset: false });
    const self = await worker.post(`/api/users/${ids.community_worker}/reset-code`);
    expect(self.status).toBe(403);
    expect((await worker.post(`/api/users/${ids.street_admin}/reset-code`)).status).toBe(404);
    const peer = await account('cw_peer_reset');
    const community = await t.region('110107003001');
    await street.post(`/api/users/${peer}/roles`, { role: 'community_worker', regionId: community });
    expect((await worker.get(`/api/users/${peer}`)).body.can).toEqual({ issueReset: false });
    const above = await worker.post(`/api/users/${peer}/reset-code`);
    expect(above.status).toBe(403);
    expect(above.body.error.code).toBe('role_too_high');
    const member = await t.as('member');
    expect((await member.post(`/api/users/${ids.resident}/reset-code`)).status).toBe(403);
    expect((await t.anonymous().post(`/api/users/${ids.member}/reset-code`)).status).toBe(401);
    const [{ n }] = (await t.sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM password_reset_codes WHERE user_id <> $1',
      [ids.member],
    )) as [{ n: number }];
    expect(n).toBe(0);
  });

  it('refuses a disabled account: it could not use the code', async () => {
    const id = await account('disabled_reset');
    await street.patch(`/api/users/${id}`, { disabled: true });
    expect((await street.get(`/api/users/${id}`)).body.can).toEqual({ issueReset: false });
    const res = await street.post(`/api/users/${id}/reset-code`);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('account_disabled');
  });
});

describe('using a reset code', () => {
  it('sets the password once, ends every session, clears a lockout, and is audited', async () => {
    const id = await account('reset_once');
    const a = await t.as('reset_once', 'long-enough-password');
    const b = await t.as('reset_once', 'long-enough-password');
    for (let i = 0; i < 5; i++) await t.anonymous().login('reset_once', 'wrong-password'); // locked out
    const worker = await t.as('community_worker');
    const { code } = (await worker.post(`/api/users/${id}/reset-code`)).body;

    // As typed by hand: lower case, spaces for dashes, O for 0.
    const typed = code.toLowerCase().replaceAll('-', ' ').replaceAll('0', 'o');
    const res = await use('Reset_Once', typed);
    expect(res.status).toBe(204);
    expect((await a.get('/api/auth/me')).status).toBe(401);
    expect((await b.get('/api/auth/session')).body.signedIn).toBe(false);
    expect((await t.anonymous().login('reset_once', 'long-enough-password')).status).toBe(401);
    expect((await t.anonymous().login('reset_once', NEW_PASSWORD)).status).toBe(200);

    const again = await use('reset_once', code, 'Another-Lindenbaum-77');
    expect(again.status).toBe(422);
    expect(again.body.error).toMatchObject({ code: 'reset_code_invalid', details: [{ path: 'body.code' }] });
    expect((await t.anonymous().login('reset_once', NEW_PASSWORD)).status).toBe(200);

    const [row] = await t.sql<{ used: boolean }>(
      'SELECT used_at IS NOT NULL AS used FROM password_reset_codes WHERE user_id = $1',
      [id],
    );
    expect(row).toEqual({ used: true });
    const audit = await t.sql<{ actor_id: number; after: { issuedBy: number } }>(
      "SELECT actor_id, after FROM audit_log WHERE action = 'user.reset_code_use' AND entity_id = $1",
      [String(id)],
    );
    expect(audit).toEqual([
      { actor_id: id, after: expect.objectContaining({ issuedBy: ids.community_worker }) },
    ]);
    expect(JSON.stringify(audit)).not.toContain(NEW_PASSWORD);
  });

  it('answers an unknown user, a wrong code and an expired code alike', async () => {
    const id = await account('reset_expired');
    const { code } = (await street.post(`/api/users/${id}/reset-code`)).body;
    const unknown = await use('nobody_here', code);
    const wrong = await use('reset_expired', 'AAAA-BBBB-CCCC');
    expect(unknown.status).toBe(422);
    expect(wrong).toMatchObject({ status: unknown.status, body: unknown.body });
    expect(unknown.body.error.message).toBe(
      '用户名或重置码不正确，或重置码已使用、已过期，请向社区工作者重新申请',
    );
    await t.sql(
      "UPDATE password_reset_codes SET expires_at = now() - interval '1 minute' WHERE user_id = $1",
      [id],
    );
    const expired = await use('reset_expired', code);
    expect(expired).toMatchObject({ status: unknown.status, body: unknown.body });
    expect((await t.anonymous().login('reset_expired', 'long-enough-password')).status).toBe(200);
  });

  it('keeps one live code per account: a new one replaces the old', async () => {
    const id = await account('reset_replaced');
    const first = (await street.post(`/api/users/${id}/reset-code`)).body.code;
    const second = (await street.post(`/api/users/${id}/reset-code`)).body.code;
    expect(second).not.toBe(first);
    expect((await use('reset_replaced', first)).status).toBe(422);
    expect((await use('reset_replaced', second)).status).toBe(204);
    const [{ n }] = (await t.sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM password_reset_codes WHERE user_id = $1',
      [id],
    )) as [{ n: number }];
    expect(n).toBe(1);
  });

  it('keeps the password rules, and a refused password spends no try', async () => {
    const id = await account('reset_rules');
    const { code } = (await street.post(`/api/users/${id}/reset-code`)).body;
    for (let i = 0; i < RESET_CODE_TRIES + 1; i++) {
      const res = await use('reset_rules', code, 'password1234');
      expect(res.status).toBe(422);
      expect(res.body.error).toMatchObject({
        code: 'password_common',
        details: [{ path: 'body.newPassword' }],
      });
    }
    expect((await use('reset_rules', code, 'reset_rules-and-more')).body.error.code).toBe(
      'password_contains_username',
    );
    expect((await use('reset_rules', code)).status).toBe(204);
  });

  it(`stops working after ${RESET_CODE_TRIES} wrong tries, even for the right code`, async () => {
    const id = await account('reset_guessed');
    const { code } = (await street.post(`/api/users/${id}/reset-code`)).body;
    const guesses = await Promise.all(
      Array.from({ length: 15 }, (_, i) => use('reset_guessed', `ZZZZ-ZZZZ-ZZ${String(i).padStart(2, '0')}`)),
    );
    expect(guesses.map((g) => g.status)).toEqual(Array(15).fill(422));
    const [row] = await t.sql<{ failed_attempts: number }>(
      'SELECT failed_attempts FROM password_reset_codes WHERE user_id = $1',
      [id],
    );
    expect(row).toEqual({ failed_attempts: RESET_CODE_TRIES }); // counted one at a time, none past the limit
    expect((await use('reset_guessed', code)).status).toBe(422);
    expect((await t.anonymous().login('reset_guessed', NEW_PASSWORD)).status).toBe(401);
  });

  it('is rate limited like the login: per address and account, and failures per address', async () => {
    const body = (username: string) => ({ username, code: 'AAAA-BBBB-CCCC', newPassword: NEW_PASSWORD });
    const burst = [];
    for (let i = 0; i < 21; i++)
      burst.push((await fromAddress('10.5.0.1', '/api/auth/reset-code', body('member'))).status);
    expect(burst.slice(0, 20)).toEqual(Array(20).fill(422));
    expect(burst[20]).toBe(429);
    // Another account from the same address is not held up by that one's limit.
    expect((await fromAddress('10.5.0.1', '/api/auth/reset-code', body('resident'))).status).toBe(422);

    // Failed codes and failed logins share one budget per address (password spraying).
    for (let i = 0; i < 50; i++)
      expect((await fromAddress('10.5.0.2', '/api/auth/reset-code', body(`spray_${i}`))).status).toBe(422);
    const login = { username: 'member', password: DEMO_PASSWORD };
    expect((await fromAddress('10.5.0.2', '/api/auth/login', login)).status).toBe(429);
    expect((await fromAddress('10.5.0.2', '/api/auth/reset-code', body('member'))).status).toBe(429);
    expect((await fromAddress('10.5.0.3', '/api/auth/login', login)).status).toBe(200);
  });

  it('refuses malformed bodies with 400', async () => {
    const c = t.anonymous();
    expect((await c.post('/api/auth/reset-code', { username: 'member', code: 'x' })).status).toBe(400);
    expect(
      (await c.post('/api/auth/reset-code', { username: 'member', code: 'x', newPassword: 'short' })).status,
    ).toBe(400);
    expect(
      (
        await c.post('/api/auth/reset-code', {
          username: 'member',
          code: 'x',
          newPassword: NEW_PASSWORD,
          admin: true,
        })
      ).status,
    ).toBe(400);
  });
});
