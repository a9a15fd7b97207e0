/**
 * Metrics for monitoring, in Prometheus's text format (prom-client): requests by route,
 * method and status with their durations, the database pool, the job queue, and the
 * process (memory, CPU, event-loop lag). One registry per app, so several apps in one
 * process (the tests) never share or double-register a metric.
 */

import type { FastifyReply, FastifyRequest } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Db } from '../../db/client';
import { jobCountsByStatus } from '../jobs/jobs.queries';

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
      const rows = await jobCountsByStatus(db);
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
