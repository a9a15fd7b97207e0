/**
 * Metrics for monitoring, in Prometheus's text format (prom-client): requests by route,
 * method and status with their durations, the database pool, the job queue, and the
 * process (memory, CPU, event-loop lag). One registry per app, so several apps in one
 * process (the tests) never share or double-register a metric.
 */

import { timingSafeEqual } from 'node:crypto';
import { BlockList, isIPv6 } from 'node:net';
import { sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Config } from '../../config';
import type { Db } from '../../db/client';

export type Metrics = ReturnType<typeof createMetrics>;

export function createMetrics(db: Db) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'gongjian_' });

  const requests = new Counter({
    name: 'gongjian_http_requests_total',
    help: 'HTTP requests answered, by route, method and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const durations = new Histogram({
    name: 'gongjian_http_request_duration_seconds',
    help: 'Time from request to answer, by route and method',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const pool = db.$client;
  new Gauge({
    name: 'gongjian_db_pool_connections',
    help: 'Database pool connections: total open, idle, and requests waiting for one',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      this.set({ state: 'total' }, pool.totalCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
    },
  });
  new Gauge({
    name: 'gongjian_jobs',
    help: 'Background jobs not yet done, by status (queued, running, failed)',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      const { rows } = await db.execute<{ status: string; n: number }>(
        sql`SELECT status, count(*)::int AS n FROM jobs WHERE status <> 'done' GROUP BY status`,
      );
      this.reset();
      for (const s of ['queued', 'running', 'failed']) this.set({ status: s }, 0);
      for (const r of rows) this.set({ status: r.status }, r.n);
    },
  });

  return {
    registry,
    /** onResponse: one count and one duration per answer, labelled by the route's pattern (never its ids). */
    observe(req: FastifyRequest, reply: FastifyReply) {
      const route = req.routeOptions.url ?? 'unmatched';
      requests.inc({ method: req.method, route, status: String(reply.statusCode) });
      durations.observe({ method: req.method, route }, reply.elapsedTime / 1000);
    },
  };
}

/**
 * May this request read the metrics? From an allowed address (loopback by default), or
 * with the configured bearer token from anywhere.
 */
export function metricsReader(config: Config) {
  const allowed = new BlockList();
  for (const entry of config.metricsAllow) {
    const [address, bits] = entry.split('/') as [string, string | undefined];
    const family = isIPv6(address) ? 'ipv6' : 'ipv4';
    if (bits === undefined) allowed.addAddress(address, family);
    else allowed.addSubnet(address, Number(bits), family);
  }
  const token = config.metricsToken ? Buffer.from(`Bearer ${config.metricsToken}`) : null;
  return (req: FastifyRequest): boolean => {
    const given = Buffer.from(String(req.headers.authorization ?? ''));
    if (token && given.length === token.length && timingSafeEqual(given, token)) return true;
    // Through a proxy we do not trust, every client has the proxy's address: only the token opens.
    if (!config.trustProxy && req.headers['x-forwarded-for'] !== undefined) return false;
    // An IPv4 client of a server listening on "::" arrives as ::ffff:a.b.c.d.
    const ip = req.ip.startsWith('::ffff:') ? req.ip.slice(7) : req.ip;
    return allowed.check(ip, isIPv6(ip) ? 'ipv6' : 'ipv4');
  };
}
