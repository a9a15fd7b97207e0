import zlib from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../test/harness';
import { buildApp } from './app';
import { loadConfig } from './config';
import { createDb } from './db/client';
import { registerAuth } from './plugins/auth';

let t: TestContext;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('the HTTP surface', () => {
  it('answers health without a login', async () => {
    const res = await t.anonymous().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', demo: true });
  });

  it('describes itself in OpenAPI, with readable docs', async () => {
    const res = await t.anonymous().get('/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/auth/login',
        '/api/regions',
        '/api/regions/{id}/tree',
        '/api/users',
        '/api/audit',
      ]),
    );
    expect(res.body.paths['/api/regions'].post.requestBody).toBeDefined();
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toMatch(/swagger/i);
  });

  it('answers 503 "try again" when no database connection comes in time, and recovers', async () => {
    const db = createDb(String(t.db.$client.options.connectionString), 1, 300);
    const app = await buildApp({ db, config: loadConfig({ GONGJIAN_LOG_LEVEL: 'silent' }) });
    try {
      const held = await db.$client.connect(); // the pool's only connection, taken
      const res = await app.inject({
        method: 'GET',
        url: '/api/health',
        headers: { 'accept-language': 'en' },
      });
      expect(res.statusCode).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.json()).toEqual({
        error: {
          code: 'unavailable',
          message: 'The service is briefly unavailable; please try again in a moment',
        },
      });
      held.release();
      expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    } finally {
      await app.close();
      await db.$client.end();
    }
  });

  it('sends security headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
  });

  it('sends the console compressed as built, hashed files kept a year, the page itself revalidated', async () => {
    const get = (url: string, encoding?: string) =>
      t.app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });
    const decoded = (res: Awaited<ReturnType<typeof get>>) =>
      res.headers['content-encoding'] === 'br'
        ? zlib.brotliDecompressSync(res.rawPayload)
        : res.headers['content-encoding'] === 'gzip'
          ? zlib.gunzipSync(res.rawPayload)
          : res.rawPayload;

    const page = await get('/', 'gzip, deflate, br');
    expect(page.statusCode).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    // A deep link is the console too, asked again each time.
    expect((await get('/projects', 'br')).headers['cache-control']).toBe('no-cache');
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(decoded(page).toString('utf8'))?.[1];
    expect(script).toBeDefined();

    const plain = await get(script!);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const br = await get(script!, 'gzip, deflate, br');
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.rawPayload.length).toBeLessThan(plain.rawPayload.length / 2);
    expect(decoded(br).equals(plain.rawPayload)).toBe(true);
    const gz = await get(script!, 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(decoded(gz).equals(plain.rawPayload)).toBe(true);

    // The API's larger answers are compressed on the way out; small ones are not worth it.
    const doc = await get('/api/openapi.json', 'gzip');
    expect(doc.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(decoded(doc).toString('utf8')).openapi).toMatch(/^3\./);
    expect((await get('/api/health', 'gzip')).headers['content-encoding']).toBeUndefined();
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await t.anonymous().get('/api/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('route_not_found');
  });

  it('requires a session on every route but the public ones', async () => {
    const spec = (await t.anonymous().get('/api/openapi.json')).body;
    // The metrics have their own gate, by address or token (health/metrics.test.ts).
    const publicRoutes = new Set([
      'get /api/health',
      'post /api/auth/login',
      'get /api/metrics',
      // Whether one is signed in (200 either way), and a new password with a one-time code.
      'get /api/auth/session',
      'post /api/auth/reset-code',
    ]);
    let checked = 0;
    for (const [route, methods] of Object.entries<Record<string, unknown>>(spec.paths)) {
      for (const method of Object.keys(methods)) {
        if (publicRoutes.has(`${method} ${route}`)) continue;
        const url = route.replace(/\{[^}]+\}/g, '1');
        const res = await t.anonymous().request(method.toUpperCase(), url, method === 'get' ? undefined : {});
        expect(res.status, `${method} ${route}`).toBe(401);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(15);
  });

  it('rate-limits repeated logins for one account from one address', async () => {
    const c = t.anonymous();
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++) statuses.push((await c.login('nobody_at_all', 'x-wrong-password')).status);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    // Another account from the same address is not held up.
    expect((await c.login('street_admin')).status).toBe(200);
  });

  it('refuses at start-up an API route that declares no policy', async () => {
    const app = Fastify();
    registerAuth(app, t.db, loadConfig({}));
    expect(() => app.get('/api/forgotten', () => 'x')).toThrow(/declares no policy/);
    expect(() => app.get('/api/remembered', { config: { policy: 'public' } }, () => 'x')).not.toThrow();
  });
});
