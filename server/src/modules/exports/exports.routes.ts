import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { EXPORT_RESOURCES } from '../../../../contract';
import type { AppDeps } from '../../deps';
import { attachment, errors } from '../../http';
import { requestLocale } from '../../i18n';
import { actorOf } from '../../plugins/auth';
import { exportList } from './exports.service';

export const exportsRoutes =
  ({ db }: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/exports/:resource',
      {
        // Each resource checks the same right its list does.
        config: { policy: 'session' },
        schema: {
          tags: ['ops'],
          summary: "Any list to Excel, with the list's own filters (query) and scope, at most 100,000 rows",
          params: z.strictObject({ resource: z.enum(EXPORT_RESOURCES) }),
          querystring: z.record(z.string(), z.string().max(200)),
          response: { 200: z.instanceof(Buffer).describe('an .xlsx file'), ...errors },
        },
      },
      async (req, reply) => {
        const locale = requestLocale(req);
        const { file, name } = await exportList(db, actorOf(req), req.params.resource, req.query, locale);
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', attachment(name))
          .send(file);
      },
    );
  };
