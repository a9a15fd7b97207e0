import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Workbench } from '../../../../contract';
import type { AppDeps } from '../../deps';
import { errors } from '../../http';
import { actorOf } from '../../plugins/auth';
import { workbench } from './workbench.service';

export const workbenchRoutes =
  ({ db }: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/workbench',
      {
        config: { policy: 'session' },
        schema: {
          tags: ['workbench'],
          summary:
            'Your workbench: what waits for you (oldest first), what comes next (soonest first) and, for staff, what moved last week (概况)',
          response: { 200: Workbench, ...errors },
        },
      },
      (req) => workbench(db, actorOf(req)),
    );
  };
