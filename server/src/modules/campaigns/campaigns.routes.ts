import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  Campaign,
  CampaignCreateBody,
  CampaignListQuery,
  CampaignReach,
  CampaignUpdateBody,
  IdParams,
  page,
} from '../../../../contract';
import type { AppDeps } from '../../deps';
import { errors } from '../../http';
import { actorOf } from '../../plugins/auth';
import * as campaigns from './campaigns.service';

const tags = ['campaigns'];

export const campaignsRoutes =
  ({ db }: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // ---------- campaigns ----------
    app.get(
      '/api/campaigns',
      {
        config: { policy: 'session' },
        schema: { tags, querystring: CampaignListQuery, response: { 200: page(Campaign), ...errors } },
      },
      (req) => campaigns.listCampaigns(db, actorOf(req), req.query),
    );
    app.post(
      '/api/campaigns',
      {
        config: { policy: 'campaign.manage' },
        schema: { tags, body: CampaignCreateBody, response: { 201: Campaign, ...errors } },
      },
      async (req, reply) =>
        reply.status(201).send(await campaigns.createCampaign(db, actorOf(req), req.body)),
    );
    app.get(
      '/api/campaigns/:id',
      {
        config: { policy: 'session' },
        schema: { tags, params: IdParams, response: { 200: Campaign, ...errors } },
      },
      (req) => campaigns.getCampaign(db, actorOf(req), req.params.id),
    );
    app.patch(
      '/api/campaigns/:id',
      {
        config: { policy: 'campaign.manage' },
        schema: { tags, params: IdParams, body: CampaignUpdateBody, response: { 200: Campaign, ...errors } },
      },
      (req) => campaigns.updateCampaign(db, actorOf(req), req.params.id, req.body),
    );
    app.get(
      '/api/campaigns/:id/reach',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary: 'People reached, read rate, attendance and hours served during the campaign',
          params: IdParams,
          response: { 200: CampaignReach, ...errors },
        },
      },
      (req) => campaigns.campaignReach(db, actorOf(req), req.params.id),
    );
  };
