import { asc } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  IdParams,
  Member,
  MemberCreateBody,
  MemberListQuery,
  MemberUpdateBody,
  PartyOrg,
  PartyOrgCreateBody,
  PartyOrgListQuery,
  PartyOrgUpdateBody,
  page,
  Registration,
  RegistrationCreateBody,
  RegistrationDecisionBody,
  RegistrationListQuery,
  Specialty,
  Unit,
  UnitCreateBody,
  UnitListQuery,
  UnitUpdateBody,
} from '../../../../contract';
import type { AppDeps } from '../../deps';
import { errors } from '../../http';
import { actorOf } from '../../plugins/auth';
import * as members from './members.service';
import { specialties } from './network.schema';
import * as orgs from './party-orgs.service';
import * as registrations from './registrations.service';
import * as units from './units.service';

const tags = ['network'];

export const networkRoutes =
  ({ db }: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/specialties',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary: 'The managed list of specialties',
          response: { 200: z.array(Specialty), ...errors },
        },
      },
      () =>
        db
          .select({ code: specialties.code, nameZh: specialties.nameZh, nameEn: specialties.nameEn })
          .from(specialties)
          .orderBy(asc(specialties.sort)),
    );

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

    // ---------- people ----------
    app.get(
      '/api/members',
      {
        config: { policy: 'person.read' },
        schema: {
          tags,
          summary: 'Residents and Party members you may see; phone and ID masked unless you need them',
          querystring: MemberListQuery,
          response: { 200: page(Member), ...errors },
        },
      },
      (req) => members.listMembers(db, actorOf(req), req.query),
    );
    app.get(
      '/api/members/:id',
      {
        // Anyone signed in may read their own record; others need person.read over it.
        config: { policy: 'session' },
        schema: { tags, params: IdParams, response: { 200: Member, ...errors } },
      },
      (req) => members.getMember(db, actorOf(req), req.params.id),
    );
    app.post(
      '/api/members',
      {
        config: { policy: 'person.manage' },
        schema: { tags, body: MemberCreateBody, response: { 201: Member, ...errors } },
      },
      async (req, reply) => reply.status(201).send(await members.createMember(db, actorOf(req), req.body)),
    );
    app.patch(
      '/api/members/:id',
      {
        config: { policy: 'person.manage' },
        schema: { tags, params: IdParams, body: MemberUpdateBody, response: { 200: Member, ...errors } },
      },
      (req) => members.updateMember(db, actorOf(req), req.params.id, req.body),
    );

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
