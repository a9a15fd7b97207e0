import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Claim,
  ClaimCreateBody,
  ClaimHoursBody,
  ClaimListQuery,
  ClaimMembersBody,
  ClaimRemoveBody,
  Id,
  IdParams,
  Project,
  ProjectClaimsQuery,
  ProjectCreateBody,
  ProjectDetail,
  ProjectListQuery,
  ProjectTransitionBody,
  page,
  ReviewBody,
} from '../../../../contract';
import type { AppDeps } from '../../deps';
import { errors } from '../../http';
import { actorOf } from '../../plugins/auth';
import * as claims from './claims.service';
import * as projects from './projects.service';

const tags = ['projects'];

export const projectsRoutes =
  ({ db }: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // ---------- projects ----------
    app.get(
      '/api/projects',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary: 'Public-welfare projects; claimable=true: those you may claim, nearest home first',
          querystring: ProjectListQuery,
          response: { 200: page(Project), ...errors },
        },
      },
      (req) => projects.listProjects(db, actorOf(req), req.query),
    );
    app.get(
      '/api/projects/:id',
      {
        config: { policy: 'session' },
        schema: { tags, params: IdParams, response: { 200: ProjectDetail, ...errors } },
      },
      (req) => projects.getProject(db, actorOf(req), req.params.id),
    );
    app.get(
      '/api/projects/:id/roles',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          params: IdParams,
          response: { 200: z.array(Project.shape.roles.element), ...errors },
        },
      },
      (req) => projects.getProjectRoles(db, actorOf(req), req.params.id),
    );
    app.get(
      '/api/projects/:id/claims',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary:
            "A project's claims a page at a time, role by role, oldest first (its detail embeds the first page); others' people masked but to its organisers",
          params: IdParams,
          querystring: ProjectClaimsQuery,
          response: { 200: page(Claim), ...errors },
        },
      },
      (req) => projects.listProjectClaims(db, actorOf(req), req.params.id, req.query),
    );
    app.post(
      '/api/projects',
      {
        config: { policy: 'project.manage' },
        schema: {
          tags,
          summary: 'Create a project (a draft) with its roles; with needId it answers a need',
          body: ProjectCreateBody,
          response: { 201: ProjectDetail, ...errors },
        },
      },
      async (req, reply) => reply.status(201).send(await projects.createProject(db, actorOf(req), req.body)),
    );
    app.post(
      '/api/projects/:id/transition',
      {
        config: { policy: 'project.manage' },
        schema: {
          tags,
          summary: 'Publish, start, finish, close after review, or cancel',
          params: IdParams,
          body: ProjectTransitionBody,
          response: { 200: ProjectDetail, ...errors },
        },
      },
      (req) => projects.transitionProject(db, actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/api/projects/:id/reviews',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary: 'Rate a done project (residents of its community)',
          params: IdParams,
          body: ReviewBody,
          response: { 201: ProjectDetail, ...errors },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await projects.reviewProject(db, actorOf(req), req.params.id, req.body)),
    );
    app.post(
      '/api/projects/:id/roles/:roleId/claims',
      {
        config: { policy: 'claim.make' },
        schema: {
          tags,
          summary: 'Claim a slot of a role (or, as a unit contact, slots for the unit); 409 when full',
          params: z.strictObject({ id: Id, roleId: Id }),
          body: ClaimCreateBody,
          response: { 201: Claim, ...errors },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await claims.claimRole(db, actorOf(req), req.params.id, req.params.roleId, req.body)),
    );
    app.post(
      '/api/projects/:id/claims',
      {
        config: { policy: 'claim.make' },
        schema: {
          tags,
          summary: "A unit's contact claims every free slot of the project for the unit",
          params: IdParams,
          body: z.strictObject({ forUnit: z.literal(true) }),
          response: { 201: ProjectDetail, ...errors },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await claims.claimWholeProject(db, actorOf(req), req.params.id)),
    );
    // ---------- claims ----------
    app.get(
      '/api/claims',
      {
        config: { policy: 'session' },
        schema: { tags, querystring: ClaimListQuery, response: { 200: page(Claim), ...errors } },
      },
      (req) => claims.listClaims(db, actorOf(req), req.query),
    );
    app.post(
      '/api/claims/:id/withdraw',
      {
        config: { policy: 'claim.make' },
        schema: {
          tags,
          summary: 'Withdraw your claim before the role starts',
          params: IdParams,
          response: { 200: Claim, ...errors },
        },
      },
      (req) => claims.withdrawClaim(db, actorOf(req), req.params.id),
    );
    app.post(
      '/api/claims/:id/remove',
      {
        config: { policy: 'project.manage' },
        schema: {
          tags,
          summary: 'Remove a claim, with a reason',
          params: IdParams,
          body: ClaimRemoveBody,
          response: { 200: Claim, ...errors },
        },
      },
      (req) => claims.removeClaim(db, actorOf(req), req.params.id, req.body.reason),
    );
    app.post(
      '/api/claims/:id/hours',
      {
        config: { policy: 'project.manage' },
        schema: {
          tags,
          summary: "Confirm a claimant's hours: written to the ledger once; a new figure corrects it",
          params: IdParams,
          body: ClaimHoursBody,
          response: { 200: Claim, ...errors },
        },
      },
      (req) => claims.confirmHours(db, actorOf(req), req.params.id, req.body),
    );
    app.put(
      '/api/claims/:id/members',
      {
        config: { policy: 'claim.make' },
        schema: {
          tags,
          summary: "A unit's contact names the members who fill the unit's claimed slots",
          params: IdParams,
          body: ClaimMembersBody,
          response: { 200: Claim, ...errors },
        },
      },
      (req) => claims.nameClaimMembers(db, actorOf(req), req.params.id, req.body),
    );
  };
