import { sql } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../app';

export const healthRoutes =
  ({ db, config }: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
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
  };
