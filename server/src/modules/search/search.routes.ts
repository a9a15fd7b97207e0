import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SearchQuery, SearchResults } from '../../../../contract';
import type { AppDeps } from '../../deps';
import { errors } from '../../http';
import { actorOf } from '../../plugins/auth';
import { search } from './search.service';

export const searchRoutes =
  ({ db }: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/search',
      {
        // Anyone signed in: each kind is searched within what its own list shows the reader.
        config: { policy: 'session' },
        schema: {
          tags: ['search'],
          summary:
            'Search people, units, projects, needs, facilities and teams by part of a name: the first few of each kind you may see',
          querystring: SearchQuery,
          response: { 200: SearchResults, ...errors },
        },
      },
      (req) => search(db, actorOf(req), req.query.q),
    );
  };
