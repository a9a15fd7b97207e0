/**
 * Accounts and sessions under attack (issue #12): the password policy wherever a password
 * is set; the lockout and the login rate limits under concurrent bursts; session fixation;
 * CSRF on every write route; cookie flags; security headers on the API and the console;
 * errors that leak nothing; logs without passwords, tokens or unmasked personal data.
 *
 * Bursts come from many addresses at once (`remoteAddress`), as a spread-out attacker's
 * would, so the lockout is what they meet and not the per-address limits.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { LOGIN_FAILURES_PER_ADDRESS } from '../../src/modules/accounts/accounts.routes';
import { MAX_FAILED_LOGINS } from '../../src/modules/accounts/accounts.service';
import { provoke, watchAnswers } from '../answers';
import { tableChecksums } from '../checksum';
import { type Client, DEMO_PASSWORD, startTestApp, type TestContext } from '../harness';
import { tally } from './tally';

let t: TestContext;
let community: number;
let requests = 0;

beforeAll(async () => {
  t = await startTestApp();
  community = await t.region('110107003001');
});
afterAll(() => t.close());
afterEach(() => {
  if (requests) tally({ source: 'accounts', requests });
  requests = 0;
});

type Answer = { status: number; body: any; headers: Record<string, unknown>; text: string };

/**
 * One request, counted for the tally; `ip` sets the client's address. A 5xx the test
 * provokes on purpose (`provoked`) is not a server error found (answers.ts counts the rest).
 */
async function ask(
  method: string,
  url: string,
  opts: {
    app?: FastifyInstance;
    body?: unknown;
    cookie?: string | null;
    csrf?: string | null;
    ip?: string;
    lang?: string;
    headers?: Record<string, string>;
    provoked?: boolean;
  } = {},
): Promise<Answer> {
  requests++;
  const app = opts.app ?? t.app;
  const send = () =>
    app.inject({
      method: method as 'GET',
      url,
      payload: opts.body as object | undefined,
      remoteAddress: opts.ip ?? '127.0.0.1',
      headers: {
        'accept-language': opts.lang ?? 'zh-CN',
        ...(opts.cookie ? { cookie: opts.cookie } : {}),
        ...(opts.csrf ? { 'x-csrf-token': opts.csrf } : {}),
        ...opts.headers,
      },
    });
  const res = opts.provoked ? await provoke(send) : await send();
  let body: unknown = res.body;
  try {
    body = res.body ? JSON.parse(res.body) : null;
  } catch {
    /* not JSON */
  }
  return { status: res.statusCode, body, headers: res.headers, text: res.body };
}

/** A client's calls through `ask`, so they are counted. */
const as = (c: Client) => ({
  post: (url: string, body: unknown = {}, lang?: string) =>
    ask('POST', url, { body, cookie: c.cookie, csrf: c.csrf, lang }),
  get: (url: string) => ask('GET', url, { cookie: c.cookie }),
});

const cookieOf = (res: Answer) => String(res.headers['set-cookie'] ?? '').split(';')[0]!;

async function login(username: string, password = DEMO_PASSWORD, ip?: string, cookie?: string) {
  const res = await ask('POST', '/api/auth/login', { body: { username, password }, ip, cookie });
  return { res, cookie: res.status === 200 ? cookieOf(res) : null, csrf: res.body?.csrfToken as string };
}

async function signedIn(username: string, password = DEMO_PASSWORD): Promise<Client> {
  const { res, cookie, csrf } = await login(username, password);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  const c = t.anonymous();
  c.cookie = cookie;
  c.csrf = csrf;
  return c;
}

const userRow = async (username: string) =>
  (
    await t.sql<{ id: number; failed_logins: number; locked: boolean; password_hash: string }>(
      `SELECT id, failed_logins, coalesce(locked_until > now(), false) AS locked, password_hash
         FROM users WHERE username = $1`,
      [username],
    )
  )[0]!;

const lockoutAudits = async (userId: number) =>
  (
    await t.sql<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE action = 'session.lockout' AND entity_id = $1",
      [String(userId)],
    )
  )[0]!.n;

const count = (statuses: number[], s: number) => statuses.filter((x) => x === s).length;

// ---------- password policy ----------

describe('password policy', () => {
  const weak: [string, string][] = [
    ['password123', 'password_common'],
    ['qwertyuiop', 'password_common'],
    ['1qaz2wsx3edc', 'password_common'],
    ['Zhang1990!!', 'password_common'], // a common word with digits added
    ['woaini1314520', 'password_common'],
    ['13800138000', 'password_common'], // a mobile number: the first thing tried on someone
    ['110107199001011234', 'password_common'], // an ID-card number, likewise
    ['aaaaaaaaaaaa', 'password_common'],
    ['gongjian-2026', 'password_common'], // the service's own name
    ['pw_victim-is-me', 'password_contains_username'],
  ];

  it('refuses weak passwords when a user is created, with the reason under the field in both languages', async () => {
    const admin = await signedIn('district_admin');
    const body = (password: string) => ({
      username: 'pw_victim',
      displayName: '密码测试',
      password,
      regionId: community,
      roles: [],
    });
    for (const [password, code] of weak) {
      const res = await as(admin).post('/api/users', body(password));
      expect(res.status, password).toBe(422);
      expect(res.body.error.code, password).toBe(code);
      expect(res.body.error.details).toEqual([{ path: 'body.password', message: res.body.error.message }]);
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    const en = await as(admin).post('/api/users', body('password123'), 'en');
    expect(en.body.error.message).toMatch(/common/i);
    const short = await as(admin).post('/api/users', body('short-1'));
    expect(short.status).toBe(400);
    expect(short.body.error.details[0].path).toBe('body.password');
    expect(await t.sql("SELECT 1 FROM users WHERE username = 'pw_victim'")).toEqual([]);

    const ok = await as(admin).post('/api/users', body('Tide-梧桐-4471-kq'));
    expect(ok.status).toBe(201);
  });

  it('refuses weak passwords at an administrator reset and at a change of the own password', async () => {
    const admin = await signedIn('district_admin');
    const victim = await userRow('pw_victim');
    for (const [password, code] of weak) {
      const res = await as(admin).post(`/api/users/${victim.id}/password`, { newPassword: password });
      expect(res.status, password).toBe(422);
      expect(res.body.error).toMatchObject({ code, details: [{ path: 'body.newPassword' }] });
    }
    expect((await userRow('pw_victim')).password_hash).toBe(victim.password_hash);

    const self = await signedIn('pw_victim', 'Tide-梧桐-4471-kq');
    for (const [password, code] of weak) {
      const res = await as(self).post('/api/auth/password', {
        currentPassword: 'Tide-梧桐-4471-kq',
        newPassword: password,
      });
      expect(res.status, password).toBe(422);
      expect(res.body.error).toMatchObject({ code, details: [{ path: 'body.newPassword' }] });
    }
    const wrong = await as(self).post('/api/auth/password', {
      currentPassword: 'not-my-password',
      newPassword: 'Harbour-银杏-8812-zt',
    });
    expect(wrong.body.error).toMatchObject({
      code: 'wrong_password',
      details: [{ path: 'body.currentPassword' }],
    });
    expect((await userRow('pw_victim')).password_hash).toBe(victim.password_hash);

    const ok = await as(self).post('/api/auth/password', {
      currentPassword: 'Tide-梧桐-4471-kq',
      newPassword: 'Harbour-银杏-8812-zt',
    });
    expect(ok.status).toBe(204);
    // The demo password is set by the seed, not through the policy: it still signs in.
    expect((await login('resident')).res.status).toBe(200);
  });
});

// ---------- lockout and rate limits ----------

describe('lockout under a burst', () => {
  it('verifies only five of 50 concurrent wrong passwords, counts exactly, locks, and then refuses the right one', async () => {
    const before = await userRow('resident');
    expect(before.failed_logins).toBe(0);
    const burst = await Promise.all(
      Array.from({ length: 50 }, (_, i) => login('resident', `wrong-password-${i}`, `10.9.0.${i + 1}`)),
    );
    const statuses = burst.map((b) => b.res.status);
    expect(count(statuses, 401)).toBe(MAX_FAILED_LOGINS - 1);
    expect(count(statuses, 423)).toBe(50 - (MAX_FAILED_LOGINS - 1));
    for (const b of burst.filter((x) => x.res.status === 423))
      expect(b.res.body.error.code).toBe('account_locked');
    const after = await userRow('resident');
    expect(after).toMatchObject({ failed_logins: MAX_FAILED_LOGINS, locked: true });
    expect(await lockoutAudits(after.id)).toBe(1);

    const right = await login('resident', DEMO_PASSWORD, '10.9.1.1');
    expect(right.res.status).toBe(423);
    expect(right.cookie).toBeNull();
    expect((await userRow('resident')).failed_logins).toBe(MAX_FAILED_LOGINS);
  });

  it('lets no right password in that races a burst past its fifth failure', async () => {
    // The right password goes out after 25 and after 44 wrong ones, all at once: past the
    // fifth failure, however the attempts interleave.
    const attempts = Array.from({ length: 50 }, (_, i) =>
      i === 25 || i === 45 ? DEMO_PASSWORD : `wrong-password-${i}`,
    );
    const burst = await Promise.all(attempts.map((p, i) => login('unit_contact', p, `10.8.0.${i + 1}`)));
    const statuses = burst.map((b) => b.res.status);
    expect(statuses[25]).toBe(423);
    expect(statuses[45]).toBe(423);
    const row = await userRow('unit_contact');
    // Attempts whose password was checked: the 401s, the one that locked, any that got in.
    const verified = count(statuses, 401) + count(statuses, 200) + (await lockoutAudits(row.id));
    expect(verified).toBeLessThanOrEqual(MAX_FAILED_LOGINS);
    expect(row).toMatchObject({ failed_logins: MAX_FAILED_LOGINS, locked: true });
  });

  it('limits one address to 20 attempts a minute at one account, however the name is written — a JSON 429', async () => {
    const burst = await Promise.all(
      Array.from({ length: 30 }, () => login('ghost_user', 'wrong-password', '10.7.0.1')),
    );
    const statuses = burst.map((b) => b.res.status);
    expect(count(statuses, 401)).toBe(20);
    expect(count(statuses, 429)).toBe(10);
    for (const name of ['GHOST_USER', ' Ghost_User ']) {
      const res = await login(name, 'wrong-password', '10.7.0.1');
      expect(res.res.status, name).toBe(429);
      expect(res.res.body).toEqual({
        error: { code: 'rate_limited', message: '请求过于频繁，请稍后再试' },
      });
    }
    // Another address is not held up.
    expect((await login('ghost_user', 'wrong-password', '10.7.0.2')).res.status).toBe(401);
  });

  it('limits failed logins from one address across accounts (password spraying), not successful ones', async () => {
    const n = LOGIN_FAILURES_PER_ADDRESS + 10;
    const spray = await Promise.all(
      Array.from({ length: n }, (_, i) => login(`spray_${i}`, 'Password2026', '10.6.0.1')),
    );
    const statuses = spray.map((b) => b.res.status);
    expect(count(statuses, 401)).toBe(LOGIN_FAILURES_PER_ADDRESS);
    expect(count(statuses, 429)).toBe(10);
    expect(spray.find((b) => b.res.status === 429)!.res.body.error.code).toBe('rate_limited');

    // An office behind one address: its successful sign-ins, three waves of 20 at once, do
    // not use the budget up (an attempt in flight holds one until it succeeds).
    const users = ['district_admin', 'street_admin', 'community_worker', 'member', 'lecturer'];
    for (let wave = 0; wave < 3; wave++) {
      const office = await Promise.all(
        Array.from({ length: 20 }, (_, i) => login(users[i % users.length]!, DEMO_PASSWORD, '10.6.0.2')),
      );
      expect(office.map((b) => b.res.status)).toEqual(Array(20).fill(200));
    }
    expect((await login('nobody_here', 'wrong-password', '10.6.0.2')).res.status).toBe(401);
  });
});

// ---------- session fixation ----------

describe('session fixation', () => {
  it('never adopts a cookie brought to the login: a new token, a new CSRF token, the old session ended', async () => {
    const planted = `gj_sid=${randomBytes(32).toString('base64url')}`;
    const fresh = await login('member', DEMO_PASSWORD, undefined, planted);
    expect(fresh.res.status).toBe(200);
    expect(fresh.cookie).not.toBe(planted);
    expect((await ask('GET', '/api/auth/me', { cookie: planted })).status).toBe(401);

    // Signing in again over a live session: a new token; the old one no longer works.
    const again = await login('member', DEMO_PASSWORD, undefined, fresh.cookie!);
    expect(again.res.status).toBe(403); // a write with a session needs its CSRF token…
    const res = await ask('POST', '/api/auth/login', {
      body: { username: 'member', password: DEMO_PASSWORD },
      cookie: fresh.cookie,
      csrf: fresh.csrf,
    });
    expect(res.status).toBe(200);
    const second = cookieOf(res);
    expect(second).not.toBe(fresh.cookie);
    expect(res.body.csrfToken).not.toBe(fresh.csrf);
    expect((await ask('GET', '/api/auth/me', { cookie: fresh.cookie })).status).toBe(401);
    expect((await ask('GET', '/api/auth/me', { cookie: second })).status).toBe(200);
  });

  it('ends the token at logout, and a password change issues a fresh one and ends every other', async () => {
    const a = await signedIn('street_admin');
    const b = await signedIn('street_admin');
    const change = await as(a).post('/api/auth/password', {
      currentPassword: DEMO_PASSWORD,
      newPassword: 'Lantern-木棉-5530-rb',
    });
    expect(change.status).toBe(204);
    const rotated = cookieOf(change);
    expect(rotated).toMatch(/^gj_sid=.+/);
    expect(rotated).not.toBe(a.cookie);
    expect((await as(a).get('/api/auth/me')).status).toBe(401);
    expect((await as(b).get('/api/auth/me')).status).toBe(401);
    const me = await ask('GET', '/api/auth/me', { cookie: rotated });
    expect(me.status).toBe(200);
    expect(me.body.csrfToken).not.toBe(a.csrf);
    // The old CSRF token does not pass with the new session.
    expect((await ask('POST', '/api/auth/logout', { cookie: rotated, csrf: a.csrf })).status).toBe(403);

    const out = await ask('POST', '/api/auth/logout', { cookie: rotated, csrf: me.body.csrfToken });
    expect(out.status).toBe(204);
    expect((await ask('GET', '/api/auth/me', { cookie: rotated })).status).toBe(401);

    // An administrator's reset ends the user's sessions too.
    const c = await signedIn('street_admin', 'Lantern-木棉-5530-rb');
    const admin = await signedIn('district_admin');
    const id = (await userRow('street_admin')).id;
    expect(
      (await as(admin).post(`/api/users/${id}/password`, { newPassword: 'Orchard-海棠-2209-mn' })).status,
    ).toBe(204);
    expect((await as(c).get('/api/auth/me')).status).toBe(401);
  });
});

// ---------- CSRF ----------

describe('CSRF', () => {
  it('refuses every write route with a session but without, or with a wrong, CSRF token — 403, nothing changed', async () => {
    const admin = await t.session('district_admin');
    const other = await t.session('street_admin');
    const checksum = () => tableChecksums(t.sql, ['sessions', '__drizzle_migrations']);
    const before = await checksum();
    const writes = t.app.policies.filter((p) => !['GET', 'HEAD', 'OPTIONS'].includes(p.method));
    expect(writes.length).toBeGreaterThan(50);
    const bad: string[] = [];
    const nearMiss = `${admin.csrf!.slice(0, -1)}${admin.csrf!.endsWith('A') ? 'B' : 'A'}`;
    for (const { method, url } of writes) {
      const path = url.replace(/:\w+/g, '1').replace(/\*$/, 'x');
      for (const csrf of [null, randomBytes(24).toString('base64url'), other.csrf, nearMiss]) {
        const res = await ask(method, path, { cookie: admin.cookie, csrf, body: {} });
        if (res.status !== 403 || res.body?.error?.code !== 'csrf')
          bad.push(`${method} ${url} csrf=${csrf === null ? 'none' : 'wrong'} → ${res.status}`);
      }
    }
    expect(bad).toEqual([]);
    expect(await checksum()).toEqual(before);
  });

  it('refuses a login from a foreign or opaque Origin, and takes one from its own', async () => {
    const body = { username: 'member', password: DEMO_PASSWORD };
    const host = { host: 'gongjian.example' };
    for (const origin of [
      'https://evil.example',
      'null',
      'https://gongjian.example.evil.example',
      'not a url',
    ]) {
      const res = await ask('POST', '/api/auth/login', { body, headers: { ...host, origin } });
      expect(res.status, origin).toBe(403);
      expect(res.body.error.code).toBe('csrf');
      expect(res.headers['set-cookie']).toBeUndefined();
    }
    const own = await ask('POST', '/api/auth/login', {
      body,
      headers: { ...host, origin: 'https://gongjian.example' },
    });
    expect(own.status).toBe(200);
  });
});

// ---------- cookies and headers ----------

/** A second app on the same database, with other settings (and its logs captured). */
async function otherApp(env: Record<string, string>, routes?: (app: FastifyInstance) => void) {
  const lines: string[] = [];
  const logStream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const config = loadConfig({ GONGJIAN_LOG_LEVEL: 'silent', GONGJIAN_DEMO: '1', ...env });
  const app = await buildApp({ db: t.db, config, logStream });
  routes?.(app);
  await app.ready();
  watchAnswers(app, () => undefined);
  return { app, logs: () => lines.join('') };
}

const cookieAttributes = (setCookie: string) =>
  new Map(
    setCookie
      .split(';')
      .slice(1)
      .map((a) => {
        const [k, ...v] = a.trim().split('=');
        return [k!.toLowerCase(), v.join('=')] as const;
      }),
  );

describe('cookies', () => {
  it('sets the session cookie HttpOnly, SameSite=Lax, Path=/ with a bounded lifetime; Secure and HSTS over https', async () => {
    const plain = await login('lecturer');
    const attrs = cookieAttributes(String(plain.res.headers['set-cookie']));
    expect(attrs.has('httponly')).toBe(true);
    expect(attrs.get('samesite')).toMatch(/^(Lax|Strict)$/);
    expect(attrs.get('path')).toBe('/');
    expect(attrs.has('secure')).toBe(false);
    const maxAge = Number(attrs.get('max-age'));
    expect(maxAge).toBeGreaterThan(0);
    expect(maxAge).toBeLessThanOrEqual(24 * 3600);
    expect(plain.res.headers['strict-transport-security']).toBeUndefined();

    const out = await ask('POST', '/api/auth/logout', { cookie: plain.cookie, csrf: plain.csrf });
    const cleared = cookieAttributes(String(out.headers['set-cookie']));
    expect(cleared.has('httponly')).toBe(true);
    expect(cleared.get('path')).toBe('/');
    expect(new Date(cleared.get('expires')!).getTime()).toBeLessThan(Date.now());

    const secure = await otherApp({ GONGJIAN_SECURE_COOKIES: '1' });
    try {
      const res = await ask('POST', '/api/auth/login', {
        app: secure.app,
        body: { username: 'lecturer', password: DEMO_PASSWORD },
      });
      expect(res.status).toBe(200);
      const s = cookieAttributes(String(res.headers['set-cookie']));
      expect(s.has('secure')).toBe(true);
      expect(s.has('httponly')).toBe(true);
      const hsts = String(res.headers['strict-transport-security']);
      expect(Number(/max-age=(\d+)/.exec(hsts)?.[1])).toBeGreaterThanOrEqual(180 * 24 * 3600);
    } finally {
      await secure.app.close();
    }
  });
});

const WEB_INDEX = fileURLToPath(new URL('../../../web/dist/index.html', import.meta.url));

function directives(csp: string) {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name!, values] as const;
      }),
  );
}

describe('security headers', () => {
  it('sends a CSP without inline or eval scripts, and the other headers, on API answers and the console', async () => {
    // `npm run test:api` builds the console first (scripts/build-web-if-stale.mjs): it is judged as served.
    expect(fs.existsSync(WEB_INDEX)).toBe(true);
    const urls = ['/api/health', '/api/no-such-route', '/', '/projects/12', '/api/docs/'];
    for (const url of urls) {
      const res = await ask('GET', url);
      const csp = directives(String(res.headers['content-security-policy'] ?? ''));
      const scripts = csp.get('script-src') ?? csp.get('default-src');
      expect(scripts, url).toBeDefined();
      expect(scripts, url).not.toContain("'unsafe-inline'");
      expect(scripts, url).not.toContain("'unsafe-eval'");
      expect(
        scripts!.filter((s) => s !== "'self'" && !s.startsWith("'sha256-")),
        url,
      ).toEqual([]);
      expect(csp.get('object-src'), url).toEqual(["'none'"]);
      expect(csp.get('script-src-attr'), url).toEqual(["'none'"]);
      expect(csp.get('base-uri'), url).toEqual(["'self'"]);
      expect(csp.get('frame-ancestors')?.[0], url).toMatch(/^'(none|self)'$/);
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['referrer-policy'], url).toMatch(/^(no-referrer|same-origin|strict-origin)/);
      expect(res.headers['x-powered-by'], url).toBeUndefined();
      if (url === '/') {
        expect(res.status).toBe(200);
        expect(String(res.headers['content-type'])).toMatch(/^text\/html/);
        // Every script of the built console is a file of its own: no inline code, no handlers.
        const tags = [...res.text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
        expect(tags.length).toBeGreaterThan(0);
        for (const [, attrs, code] of tags) {
          expect(attrs).toMatch(/\ssrc="\/assets\/[^"]+\.js"/);
          expect(code!.trim()).toBe('');
        }
        expect(res.text).not.toMatch(/\son[a-z]+\s*=/i);
        expect(res.text).not.toMatch(/javascript:/i);
      }
    }
  });
});

// ---------- errors and logs ----------

const SECRET = 'pg-password-Zq81xT';

describe('errors leak nothing', () => {
  it('answers a crash, a failed query and a broken constraint without a stack, SQL or the values, and keeps them out of the logs', async () => {
    const { app, logs } = await otherApp({ GONGJIAN_LOG_LEVEL: 'info' }, (a) => {
      a.get('/api/test/boom', { config: { policy: 'public' } }, () => {
        throw new Error(`connect to postgres://gongjian:${SECRET}@db failed`);
      });
      a.get('/api/test/query', { config: { policy: 'public' } }, async () => {
        await t.db.execute(sql`SELECT * FROM no_such_table WHERE secret = ${SECRET}`);
        return {};
      });
      a.get('/api/test/constraint', { config: { policy: 'public' } }, async () => {
        await t.db.execute(sql`INSERT INTO users (district_id, region_id, username, display_name, password_hash)
                               SELECT district_id, region_id, username, display_name, ${SECRET} FROM users LIMIT 1`);
        return {};
      });
    });
    try {
      for (const [url, status, code] of [
        ['/api/test/boom', 500, 'internal'],
        ['/api/test/query', 500, 'internal'],
        ['/api/test/constraint', 409, 'duplicate'],
      ] as const) {
        for (const lang of ['zh-CN', 'en']) {
          const res = await ask('GET', url, { app, lang, provoked: true });
          expect(res.status, url).toBe(status);
          expect(Object.keys(res.body.error).sort(), url).toEqual(['code', 'message']);
          expect(res.body.error.code).toBe(code);
          expect(res.text).not.toContain(SECRET);
          expect(res.text).not.toMatch(/\bat \w|stack|select |insert |no_such_table|users_username_key/i);
        }
      }
      const text = logs();
      expect(text).toContain('unhandled error'); // the crash is logged, for the operators…
      expect(text).toContain('database refused');
      expect(text).not.toContain(SECRET); // …without the values the query carried
      expect(text).not.toMatch(/\$argon2/);
    } finally {
      await app.close();
    }
  });
});

/** A valid resident ID number (its check digit computed). */
function idNumber(body17: string) {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body17].reduce((s, d, i) => s + Number(d) * weights[i]!, 0);
  return body17 + '10X98765432'[sum % 11]!;
}

describe('logs', () => {
  it('hold no password, session or CSRF token, and only masked phone and ID numbers', async () => {
    const { app, logs } = await otherApp({ GONGJIAN_LOG_LEVEL: 'info' });
    const phone = '13912345678';
    const id = idNumber('11010719850612331');
    const newPassword = 'Meadow-紫藤-6604-wd';
    try {
      const signIn = await ask('POST', '/api/auth/login', {
        app,
        body: { username: 'community_worker', password: DEMO_PASSWORD },
      });
      expect(signIn.status).toBe(200);
      const cookie = cookieOf(signIn);
      const csrf = signIn.body.csrfToken as string;
      const member = {
        name: '日志测试',
        gender: 'female',
        phone,
        idNumber: id,
        homeRegionId: community,
      };
      const created = await ask('POST', '/api/members', { app, cookie, csrf, body: member });
      expect(created.status).toBe(201);
      const again = await ask('POST', '/api/members', { app, cookie, csrf, body: member });
      expect(again.status).toBe(409); // the same ID number: the database refuses it
      expect(again.text).not.toContain(id);
      for (const q of [phone, id, '日志测试'])
        await ask('GET', `/api/members?q=${encodeURIComponent(q)}`, { app, cookie });
      const change = await ask('POST', '/api/auth/password', {
        app,
        cookie,
        csrf,
        body: { currentPassword: DEMO_PASSWORD, newPassword },
      });
      expect(change.status).toBe(204);
      const rotated = cookieOf(change);
      const bad = await ask('POST', '/api/auth/login', {
        app,
        body: { username: 'community_worker', password: 'a-wrong-password' },
      });
      expect(bad.status).toBe(401);

      const text = logs();
      expect(text).toContain('/api/members'); // requests are logged…
      for (const secret of [
        DEMO_PASSWORD,
        newPassword,
        'a-wrong-password',
        cookie.split('=')[1]!,
        rotated.split('=')[1]!,
        csrf,
        phone,
        id,
        '日志测试',
        encodeURIComponent('日志测试'),
      ])
        expect(text, secret).not.toContain(secret); // …without secrets and personal data
      expect(text).toMatch(/\/api\/members\?q=\*\*\*/); // search text is masked whole
      expect(text).not.toMatch(/\$argon2/);
    } finally {
      await app.close();
    }
  });
});
