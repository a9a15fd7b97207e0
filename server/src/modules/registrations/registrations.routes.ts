import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  IdParams,
  page,
  Registration,
  RegistrationCreateBody,
  RegistrationDecisionBody,
  RegistrationListQuery,
} from '../../../../contract';
import type { AppDeps } from '../../deps';
import { errors } from '../../http';
import { actorOf } from '../../plugins/auth';
import * as registrations from './registrations.service';

const tags = ['registrations'];

export const registrationsRoutes =
  ({ db }: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // ---------- registrations ----------
    app.get(
      '/api/registrations',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary: 'Registrations with home communities: your community’s, your unit’s, or your own',
          querystring: RegistrationListQuery,
          response: { 200: page(Registration), ...errors },
        },
      },
      (req) => registrations.listRegistrations(db, actorOf(req), req.query),
    );
    app.get(
      '/api/registrations/:id',
      {
        config: { policy: 'session' },
        schema: { tags, params: IdParams, response: { 200: Registration, ...errors } },
      },
      (req) => registrations.getRegistration(db, actorOf(req), req.params.id),
    );
    app.post(
      '/api/registrations',
      {
        config: { policy: 'registration.request' },
        schema: {
          tags,
          summary: 'Ask to register (yourself, or a member of your unit) with a home community',
          body: RegistrationCreateBody,
          response: { 201: Registration, ...errors },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await registrations.requestRegistration(db, actorOf(req), req.body)),
    );
    app.post(
      '/api/registrations/:id/decision',
      {
        config: { policy: 'registration.decide' },
        schema: {
          tags,
          summary: 'Approve, or decline with a reason',
          params: IdParams,
          body: RegistrationDecisionBody,
          response: { 200: Registration, ...errors },
        },
      },
      (req) => registrations.decideRegistration(db, actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/api/registrations/:id/withdraw',
      {
        config: { policy: 'registration.request' },
        schema: { tags, params: IdParams, response: { 200: Registration, ...errors } },
      },
      (req) => registrations.withdrawRegistration(db, actorOf(req), req.params.id),
    );
  };
