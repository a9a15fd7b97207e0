import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, page, Unit, UnitCreateBody, UnitListQuery, UnitUpdateBody } from '../../../../contract';
import type { AppDeps } from '../../deps';
import { errors } from '../../http';
import { actorOf } from '../../plugins/auth';
import * as units from './units.service';

const tags = ['units'];

export const unitsRoutes =
  ({ db }: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // ---------- units ----------
    app.get(
      '/api/units',
      {
        config: { policy: 'unit.read' },
        schema: {
          tags,
          summary: 'Units in your scope',
          querystring: UnitListQuery,
          response: { 200: page(Unit), ...errors },
        },
      },
      (req) => units.listUnits(db, actorOf(req), req.query),
    );
    app.get(
      '/api/units/:id',
      {
        config: { policy: 'unit.read' },
        schema: { tags, params: IdParams, response: { 200: Unit, ...errors } },
      },
      (req) => units.getUnit(db, actorOf(req), req.params.id),
    );
    app.post(
      '/api/units',
      {
        config: { policy: 'unit.manage' },
        schema: {
          tags,
          summary: 'Register a unit',
          body: UnitCreateBody,
          response: { 201: Unit, ...errors },
        },
      },
      async (req, reply) => reply.status(201).send(await units.createUnit(db, actorOf(req), req.body)),
    );
    app.patch(
      '/api/units/:id',
      {
        config: { policy: 'unit.manage' },
        schema: { tags, params: IdParams, body: UnitUpdateBody, response: { 200: Unit, ...errors } },
      },
      (req) => units.updateUnit(db, actorOf(req), req.params.id, req.body),
    );
  };
