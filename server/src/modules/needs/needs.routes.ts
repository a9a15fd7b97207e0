import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  IdParams,
  Need,
  NeedCreateBody,
  NeedDecisionBody,
  NeedDetail,
  NeedListQuery,
  NeedSetting,
  NeedSettingBody,
  NeedSettingList,
  NeedSettingParams,
  page,
} from '../../../../contract';
import type { AppDeps } from '../../deps';
import { errors } from '../../http';
import { actorOf } from '../../plugins/auth';
import * as needs from './needs.service';

const tags = ['needs'];

export const needsRoutes =
  ({ db }: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // ---------- needs ----------
    app.get(
      '/api/needs',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary: "Your needs, or your community's",
          querystring: NeedListQuery,
          response: { 200: page(Need), ...errors },
        },
      },
      (req) => needs.listNeeds(db, actorOf(req), req.query),
    );
    app.get(
      '/api/needs/:id',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary: 'A need with its history and how long it has waited (its organisers, or its raiser)',
          params: IdParams,
          response: { 200: NeedDetail, ...errors },
        },
      },
      (req) => needs.getNeed(db, actorOf(req), req.params.id),
    );
    app.post(
      '/api/needs',
      {
        config: { policy: 'need.raise' },
        schema: {
          tags,
          summary: 'Raise a need (微心愿) in your community',
          body: NeedCreateBody,
          response: { 201: Need, ...errors },
        },
      },
      async (req, reply) => reply.status(201).send(await needs.raiseNeed(db, actorOf(req), req.body)),
    );
    app.post(
      '/api/needs/:id/decision',
      {
        config: { policy: 'need.decide' },
        schema: {
          tags,
          summary: 'Accept, decline with a reason, or merge into another need',
          params: IdParams,
          body: NeedDecisionBody,
          response: { 200: Need, ...errors },
        },
      },
      (req) => needs.decideNeed(db, actorOf(req), req.params.id, req.body),
    );

    // ---------- each street's setting: days before a need is overdue ----------
    app.get(
      '/api/needs/settings',
      {
        config: { policy: 'need.decide' },
        schema: {
          tags,
          summary: 'The streets whose overdue setting you may set, with their settings',
          response: { 200: NeedSettingList, ...errors },
        },
      },
      (req) => needs.listNeedSettings(db, actorOf(req)),
    );
    app.get(
      '/api/needs/settings/:streetId',
      {
        config: { policy: 'need.decide' },
        schema: {
          tags,
          summary: "A street's days before its needs are overdue (its admins and the district's)",
          params: NeedSettingParams,
          response: { 200: NeedSetting, ...errors },
        },
      },
      (req) => needs.getNeedSetting(db, actorOf(req), req.params.streetId),
    );
    app.put(
      '/api/needs/settings/:streetId',
      {
        config: { policy: 'need.decide' },
        schema: {
          tags,
          summary: "Set a street's days before its needs are overdue (1–365)",
          params: NeedSettingParams,
          body: NeedSettingBody,
          response: { 200: NeedSetting, ...errors },
        },
      },
      (req) => needs.putNeedSetting(db, actorOf(req), req.params.streetId, req.body),
    );
  };
