import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody } from '../../../../contract';
import { allow } from '../../auth/authorize';
import { statementsSent } from '../../db/client';
import type { AppDeps } from '../../deps';
import { serveBare } from './bench.bare';
import { metricsPolicy } from './health.policy';
import type { Metrics } from './metrics';

export const healthRoutes =
  ({ db, config }: AppDeps, metrics: Metrics): FastifyPluginAsyncZod =>
  async (app) => {
    const metricsAccess = metricsPolicy(config);
    app.get(
      '/api/health',
      {
        config: { policy: 'public' },
        schema: {
          tags: ['health'],
          summary: 'Liveness and database reachability',
          response: { 200: z.object({ status: z.literal('ok'), demo: z.boolean() }) },
        },
      },
      async () => {
        await db.execute(sql`SELECT 1`);
        return { status: 'ok' as const, demo: config.demo };
      },
    );
    app.get(
      '/api/metrics',
      {
        // Not a person's session: a monitoring system, by its address or its token.
        config: { policy: 'public' },
        schema: {
          tags: ['health'],
          summary:
            'Metrics for monitoring (Prometheus text format), from allowed addresses or with the token',
          response: { 200: z.string().describe('text/plain; version=0.0.4'), 403: ErrorBody },
        },
      },
      async (req, reply) => {
        allow(metricsAccess.read(req));
        return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics());
      },
    );
    if (!config.benchRoutes) return;
    // The benchmark's ceiling: the least a route can do — one primary-key SELECT through the
    // same pool and the same Fastify — so every endpoint is measured against this machine.
    app.get(
      '/api/bench/pk/:id',
      {
        config: { policy: 'public' },
        schema: {
          tags: ['health'],
          params: z.strictObject({ id: z.coerce.number().int().positive() }),
          response: { 200: z.object({ id: z.number(), name: z.string() }) },
        },
      },
      async (req) => {
        const { rows } = await db.$client.query<{ id: number; name: string }>(
          'SELECT id, name FROM regions WHERE district_id = 1 AND id = $1',
          [req.params.id],
        );
        return rows[0] ?? { id: 0, name: '' };
      },
    );
    // The lists and details again without Fastify (bench.bare.ts), on a port of their own.
    const bare = await serveBare(db, config);
    app.addHook('onClose', bare.close);
    // Read by the bench before and after each load: statements sent per request, and where the bare routes are.
    app.get(
      '/api/bench/stats',
      {
        config: { policy: 'public' },
        schema: {
          tags: ['health'],
          response: { 200: z.object({ statements: z.number(), barePort: z.number() }) },
        },
      },
      async () => ({ statements: statementsSent(), barePort: bare.port }),
    );
  };
