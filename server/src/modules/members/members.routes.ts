import { asc } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  IdParams,
  Member,
  MemberCreateBody,
  MemberListQuery,
  MemberUpdateBody,
  page,
  Specialty,
} from '../../../../contract';
import type { AppDeps } from '../../deps';
import { errors } from '../../http';
import { actorOf } from '../../plugins/auth';
import { specialties } from './members.schema';
import * as members from './members.service';

const tags = ['members'];

export const membersRoutes =
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
  };
