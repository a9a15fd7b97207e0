import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FigureQuery, IdParams, Leaders, MyFigures, Overview, UnitFigures } from '../../../../contract';
import type { AppDeps } from '../../deps';
import { attachment, errors } from '../../http';
import { requestLocale } from '../../i18n';
import { actorOf } from '../../plugins/auth';
import * as dashboards from './dashboards.service';
import { overviewXlsx } from './figures.xlsx';

const tags = ['dashboards'];

export const dashboardsRoutes =
  ({ db }: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/dashboards/overview',
      {
        config: { policy: 'dashboard.read' },
        schema: {
          tags,
          summary: "A node's figures for a period, its children's, the trend and a period to compare with",
          querystring: FigureQuery,
          response: { 200: Overview, ...errors },
        },
      },
      (req) => dashboards.overview(db, actorOf(req), req.query),
    );
    app.get(
      '/api/dashboards/leaders',
      {
        config: { policy: 'dashboard.read' },
        schema: {
          tags,
          summary: 'Top and bottom communities by engagement; the teams and units that served most',
          querystring: FigureQuery,
          response: { 200: Leaders, ...errors },
        },
      },
      (req) => dashboards.leaders(db, actorOf(req), req.query),
    );
    app.get(
      '/api/dashboards/export',
      {
        config: { policy: 'dashboard.read' },
        schema: {
          tags,
          summary: 'The overview to Excel: the node and its children, and the trend',
          querystring: FigureQuery,
          response: { 200: z.instanceof(Buffer).describe('an .xlsx file'), ...errors },
        },
      },
      async (req, reply) => {
        const o = await dashboards.overview(db, actorOf(req), req.query);
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', attachment(`${o.region.name}-${o.period.start}.xlsx`))
          .send(await overviewXlsx(o, requestLocale(req)));
      },
    );
    app.get(
      '/api/dashboards/me',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary: 'Your own year, next to your community',
          response: { 200: MyFigures, ...errors },
        },
      },
      (req) => dashboards.myFigures(db, actorOf(req)),
    );
    app.get(
      '/api/dashboards/units/:id',
      {
        config: { policy: 'unit.read' },
        schema: {
          tags,
          summary: "A unit's own year, and where it stands among the district's units",
          params: IdParams,
          response: { 200: UnitFigures, ...errors },
        },
      },
      (req) => dashboards.unitFigures(db, actorOf(req), req.params.id),
    );
  };
