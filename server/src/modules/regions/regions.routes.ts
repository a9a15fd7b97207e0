import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  DistrictSettings,
  DistrictSettingsBody,
  IdParams,
  page,
  Region,
  RegionCreateBody,
  RegionListQuery,
  RegionMoveBody,
  RegionTreeQuery,
  RegionUpdateBody,
  RegionWithAncestors,
} from '../../../../contract';
import type { AppDeps } from '../../deps';
import { errors } from '../../http';
import { actorOf } from '../../plugins/auth';
import { getDistrictSettings, putDistrictSettings } from './district-settings.service';
import {
  createRegion,
  getRegion,
  listRegions,
  moveRegion,
  type RegionTreeNode,
  regionTree,
  setRetired,
  updateRegion,
} from './regions.service';

// Recursive: registered by id so the OpenAPI document can reference it.
const RegionTree: z.ZodType<RegionTreeNode> = Region.extend({
  get children() {
    return z.array(RegionTree);
  },
}).meta({ id: 'RegionTreeNode' });
const tags = ['network'];

export const regionsRoutes =
  ({ db }: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/district/settings',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary: "Your district's settings: the time zone every date and time is shown in",
          response: { 200: DistrictSettings, ...errors },
        },
      },
      (req) => getDistrictSettings(db, actorOf(req)),
    );
    app.put(
      '/api/district/settings',
      {
        config: { policy: 'region.manage' },
        schema: {
          tags,
          summary: "Change your district's settings (its admins): an unknown time zone is a 422",
          body: DistrictSettingsBody,
          response: { 200: DistrictSettings, ...errors },
        },
      },
      (req) => putDistrictSettings(db, actorOf(req), req.body),
    );
    app.get(
      '/api/regions',
      {
        config: { policy: 'region.read' },
        schema: {
          tags,
          summary: 'Regions in your scope: filter by subtree, parent, kind, or a substring of name or code',
          querystring: RegionListQuery,
          response: { 200: page(Region), ...errors },
        },
      },
      (req) => listRegions(db, actorOf(req), req.query),
    );
    app.get(
      '/api/regions/:id',
      {
        config: { policy: 'region.read' },
        schema: { tags, params: IdParams, response: { 200: RegionWithAncestors, ...errors } },
      },
      (req) => getRegion(db, actorOf(req), req.params.id),
    );
    app.get(
      '/api/regions/:id/tree',
      {
        config: { policy: 'region.read' },
        schema: {
          tags,
          summary: 'A node with its descendants down to `depth` levels, in one query',
          params: IdParams,
          querystring: RegionTreeQuery,
          response: { 200: RegionTree, ...errors },
        },
      },
      (req) =>
        regionTree(db, actorOf(req), req.params.id, req.query.depth, req.query.includeRetired === 'true'),
    );
    app.post(
      '/api/regions',
      {
        config: { policy: 'region.manage' },
        schema: {
          tags,
          summary: 'Add a child node; its kind follows from the parent',
          body: RegionCreateBody,
          response: { 201: Region, ...errors },
        },
      },
      async (req, reply) => reply.status(201).send(await createRegion(db, actorOf(req), req.body)),
    );
    app.patch(
      '/api/regions/:id',
      {
        config: { policy: 'region.manage' },
        schema: {
          tags,
          summary: 'Rename a node or change its code',
          params: IdParams,
          body: RegionUpdateBody,
          response: { 200: RegionWithAncestors, ...errors },
        },
      },
      (req) => updateRegion(db, actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/api/regions/:id/move',
      {
        config: { policy: 'region.manage' },
        schema: {
          tags,
          summary: 'Move a node (with its subtree) under another parent of the right kind',
          params: IdParams,
          body: RegionMoveBody,
          response: { 200: RegionWithAncestors, ...errors },
        },
      },
      (req) => moveRegion(db, actorOf(req), req.params.id, req.body),
    );
    for (const [verb, retired] of [
      ['retire', true],
      ['restore', false],
    ] as const) {
      app.post(
        `/api/regions/:id/${verb}`,
        {
          config: { policy: 'region.manage' },
          schema: {
            tags,
            summary: retired
              ? 'Retire a node and its subtree'
              : 'Restore a retired node and what was retired with it',
            params: IdParams,
            response: { 200: RegionWithAncestors, ...errors },
          },
        },
        (req) => setRetired(db, actorOf(req), req.params.id, retired),
      );
    }
  };
