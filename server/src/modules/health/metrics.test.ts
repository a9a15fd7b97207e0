import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestContext } from '../../../test/harness';

const TOKEN = 'a-metrics-token-of-enough-length';
let t: TestContext;
beforeAll(async () => {
  t = await startTestApp({ GONGJIAN_METRICS_ALLOW: '127.0.0.1,10.8.0.0/16', GONGJIAN_METRICS_TOKEN: TOKEN });
});
afterAll(() => t.close());

const scrape = (remoteAddress: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url: '/api/metrics', remoteAddress, headers });

describe('/api/metrics', () => {
  it('answers a monitoring system at an allowed address in Prometheus text format', async () => {
    const worker = await t.as('community_worker');
    await worker.get('/api/members?pageSize=5');
    const res = await scrape('10.8.3.4');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = res.body;
    // Requests by the route's pattern, never its ids; durations as a histogram.
    expect(text).toMatch(
      /gongjian_http_requests_total\{method="GET",route="\/api\/members",status="200"\} [1-9]/,
    );
    expect(text).toMatch(
      /gongjian_http_request_duration_seconds_bucket\{le="0\.1",method="GET",route="\/api\/members"\}/,
    );
    expect(text).toMatch(/gongjian_db_pool_connections\{state="total"\} [1-9]/);
    expect(text).toMatch(/gongjian_jobs\{status="queued"\} \d+/);
    expect(text).toMatch(/gongjian_process_resident_memory_bytes [1-9]/);
  });

  it('counts the jobs waiting in the queue', async () => {
    const before = Number(
      /gongjian_jobs\{status="queued"\} (\d+)/.exec((await scrape('127.0.0.1')).body)![1],
    );
    await t.sql(
      `INSERT INTO jobs (kind, payload, run_at) VALUES ('notice.deliver', '{}', now() + interval '1 day')`,
    );
    const after = Number(/gongjian_jobs\{status="queued"\} (\d+)/.exec((await scrape('127.0.0.1')).body)![1]);
    expect(after).toBe(before + 1);
  });

  it('refuses an outsider: another address, a wrong token, a signed-in user', async () => {
    for (const res of [
      await scrape('203.0.113.9'),
      await scrape('203.0.113.9', { authorization: `Bearer ${TOKEN.slice(0, -1)}x` }),
      await scrape('10.9.0.1'),
      // Through a reverse proxy the server was not told to trust, the proxy's loopback address proves nothing.
      await scrape('127.0.0.1', { 'x-forwarded-for': '203.0.113.9' }),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
      expect(res.body).not.toContain('gongjian_');
    }
    const admin = await t.as('district_admin');
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/metrics',
      remoteAddress: '203.0.113.9',
      headers: { cookie: admin.cookie! },
    });
    expect(res.statusCode).toBe(403);
  });

  it('opens to the token from anywhere', async () => {
    const res = await scrape('203.0.113.9', { authorization: `Bearer ${TOKEN}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('gongjian_http_requests_total');
  });
});
