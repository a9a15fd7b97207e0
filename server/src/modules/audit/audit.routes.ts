import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditEntry, AuditListQuery, page } from '../../../../contract';
import type { AppDeps } from '../../deps';
import { errors } from '../../http';
import { actorOf } from '../../plugins/auth';
import { listAudit } from './audit.service';

export const auditRoutes =
  ({ db }: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/audit',
      {
        config: { policy: 'audit.read' },
        schema: {
          tags: ['ops'],
          summary: 'The audit trail of writes within your scope, newest first',
          querystring: AuditListQuery,
          response: { 200: page(AuditEntry), ...errors },
        },
      },
      (req) => listAudit(db, actorOf(req), req.query),
    );
  };
