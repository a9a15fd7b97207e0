import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, UnitReport, UnitReportQuery } from '../../../../contract';
import type { AppDeps } from '../../deps';
import { attachment, errors } from '../../http';
import { requestLocale } from '../../i18n';
import { actorOf } from '../../plugins/auth';
import { reportFileName, reportPdf, reportXlsx } from './reports.files';
import { unitReport } from './reports.service';

const tags = ['reports'];

export const reportsRoutes =
  ({ db }: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/units/:id/reports',
      {
        config: { policy: 'unit.read' },
        schema: {
          tags,
          summary: "A quarter of the unit's Party members' participation in their home communities",
          params: IdParams,
          querystring: UnitReportQuery,
          response: { 200: UnitReport, ...errors },
        },
      },
      (req) => unitReport(db, actorOf(req), req.params.id, req.query),
    );
    app.get(
      '/api/units/:id/reports/export',
      {
        config: { policy: 'unit.read' },
        schema: {
          tags,
          summary: 'The quarterly report to Excel',
          params: IdParams,
          querystring: UnitReportQuery,
          response: { 200: z.instanceof(Buffer).describe('an .xlsx file'), ...errors },
        },
      },
      async (req, reply) => {
        const r = await unitReport(db, actorOf(req), req.params.id, req.query);
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', attachment(reportFileName(r, 'xlsx')))
          .send(await reportXlsx(r, requestLocale(req)));
      },
    );
    app.get(
      '/api/units/:id/reports/pdf',
      {
        config: { policy: 'unit.read' },
        schema: {
          tags,
          summary: 'The quarterly report as a PDF',
          params: IdParams,
          querystring: UnitReportQuery,
          response: { 200: z.instanceof(Buffer).describe('a PDF file'), ...errors },
        },
      },
      async (req, reply) => {
        const r = await unitReport(db, actorOf(req), req.params.id, req.query);
        return reply
          .type('application/pdf')
          .header('content-disposition', attachment(reportFileName(r, 'pdf')))
          .send(await reportPdf(r, requestLocale(req)));
      },
    );
  };
