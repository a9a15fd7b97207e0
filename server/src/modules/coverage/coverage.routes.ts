import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Coverage, CoverageQuery } from '../../../../contract';
import type { AppDeps } from '../../deps';
import { errors } from '../../http';
import { actorOf } from '../../plugins/auth';
import { coverage } from './coverage.service';

const tags = ['coverage'];

export const coverageRoutes =
  ({ db }: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // ---------- coverage ----------
    app.get(
      '/api/coverage',
      {
        config: { policy: 'coverage.read' },
        schema: {
          tags,
          summary: 'Which streets, communities and buildings lack their body, for a subtree',
          querystring: CoverageQuery,
          response: { 200: Coverage, ...errors },
        },
      },
      (req) => coverage(db, actorOf(req), req.query.regionId),
    );
  };
