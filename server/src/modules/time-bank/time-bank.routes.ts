import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  IdParams,
  page,
  TimeAccount,
  TimeRequest,
  TimeRequestBody,
  TimeRequestListQuery,
} from '../../../../contract';
import type { AppDeps } from '../../deps';
import { errors } from '../../http';
import { actorOf } from '../../plugins/auth';
import * as bank from './time-bank.service';

const tags = ['time bank'];

export const timeBankRoutes =
  ({ db }: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/time-bank',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary: 'Your account: hours earned by confirmed service, received, spent, held and available',
          response: { 200: TimeAccount, ...errors },
        },
      },
      (req) => bank.myAccount(db, actorOf(req)),
    );
    app.get(
      '/api/time-bank/requests',
      {
        config: { policy: 'session' },
        schema: { tags, querystring: TimeRequestListQuery, response: { 200: page(TimeRequest), ...errors } },
      },
      (req) => bank.listRequests(db, actorOf(req), req.query),
    );
    app.post(
      '/api/time-bank/requests',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary: 'Ask for help, offering hours from your account (held until paid or cancelled)',
          body: TimeRequestBody,
          response: { 201: TimeRequest, ...errors },
        },
      },
      async (req, reply) => reply.status(201).send(await bank.ask(db, actorOf(req), req.body)),
    );
    app.post(
      '/api/time-bank/requests/:id/offer',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary: 'Offer to help',
          params: IdParams,
          response: { 200: TimeRequest, ...errors },
        },
      },
      (req) => bank.offer(db, actorOf(req), req.params.id),
    );
    app.post(
      '/api/time-bank/requests/:id/complete',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary: 'Confirm the help: the hours move to the helper, once',
          params: IdParams,
          response: { 200: TimeRequest, ...errors },
        },
      },
      (req) => bank.complete(db, actorOf(req), req.params.id),
    );
    app.post(
      '/api/time-bank/requests/:id/cancel',
      {
        config: { policy: 'session' },
        schema: { tags, params: IdParams, response: { 200: TimeRequest, ...errors } },
      },
      (req) => bank.cancelRequest(db, actorOf(req), req.params.id),
    );
  };
