import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  IdParams,
  PartyOrg,
  PartyOrgCreateBody,
  PartyOrgListQuery,
  PartyOrgUpdateBody,
  page,
} from '../../../../contract';
import type { AppDeps } from '../../deps';
import { errors } from '../../http';
import { actorOf } from '../../plugins/auth';
import * as orgs from './party-orgs.service';

const tags = ['party-orgs'];

export const partyOrgsRoutes =
  ({ db }: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // ---------- Party organisations ----------
    app.get(
      '/api/party-orgs',
      {
        config: { policy: 'org.read' },
        schema: {
          tags,
          summary: 'Party organisations in your scope',
          querystring: PartyOrgListQuery,
          response: { 200: page(PartyOrg), ...errors },
        },
      },
      (req) => orgs.listOrgs(db, actorOf(req), req.query),
    );
    app.get(
      '/api/party-orgs/:id',
      {
        config: { policy: 'org.read' },
        schema: { tags, params: IdParams, response: { 200: PartyOrg, ...errors } },
      },
      (req) => orgs.getOrg(db, actorOf(req), req.params.id),
    );
    app.post(
      '/api/party-orgs',
      {
        config: { policy: 'org.manage' },
        schema: { tags, body: PartyOrgCreateBody, response: { 201: PartyOrg, ...errors } },
      },
      async (req, reply) => reply.status(201).send(await orgs.createOrg(db, actorOf(req), req.body)),
    );
    app.patch(
      '/api/party-orgs/:id',
      {
        config: { policy: 'org.manage' },
        schema: { tags, params: IdParams, body: PartyOrgUpdateBody, response: { 200: PartyOrg, ...errors } },
      },
      (req) => orgs.updateOrg(db, actorOf(req), req.params.id, req.body),
    );
  };
