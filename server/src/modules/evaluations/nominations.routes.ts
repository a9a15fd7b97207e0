import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Evaluation,
  HonourList,
  HonourListQuery,
  HonourSummary,
  Id,
  IdParams,
  Nomination,
  NominationBody,
  NominationListQuery,
  NominationReviewBody,
  NoticeBody,
  Objection,
  ObjectionBody,
  ObjectionHandleBody,
  ObjectionListQuery,
  page,
  Quota,
  QuotaBody,
} from '../../../../contract';
import type { AppDeps } from '../../deps';
import { notFound } from '../../errors';
import { attachment, errors } from '../../http';
import { requestLocale } from '../../i18n';
import { actorOf } from '../../plugins/auth';
import { districtTimeZone } from '../regions/regions.queries';
import { honourListPdf } from './honours.pdf';
import * as steps from './nominations.service';

const tags = ['evaluations'];
const SubjectParams = z.strictObject({ id: Id, subjectId: Id });

export const nominationsRoutes =
  ({ db }: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/evaluations/:id/quotas',
      {
        config: { policy: 'evaluation.read' },
        schema: {
          tags,
          summary: "Each street's nomination quota and how much of it is used",
          params: IdParams,
          response: { 200: z.array(Quota), ...errors },
        },
      },
      (req) => steps.listQuotas(db, actorOf(req), req.params.id),
    );
    app.put(
      '/api/evaluations/:id/quotas/:regionId',
      {
        config: { policy: 'evaluation.manage' },
        schema: {
          tags,
          summary: "Change a street's quota (not below what it has used)",
          params: z.strictObject({ id: Id, regionId: Id }),
          body: QuotaBody,
          response: { 200: z.array(Quota), ...errors },
        },
      },
      (req) => steps.setQuota(db, actorOf(req), req.params.id, req.params.regionId, req.body.quota),
    );
    app.get(
      '/api/evaluations/:id/nominations',
      {
        config: { policy: 'evaluation.read' },
        schema: {
          tags,
          params: IdParams,
          querystring: NominationListQuery,
          response: { 200: page(Nomination), ...errors },
        },
      },
      (req) => steps.listNominations(db, actorOf(req), req.params.id, req.query),
    );
    app.post(
      '/api/evaluations/:id/nominations',
      {
        config: { policy: 'evaluation.nominate' },
        schema: {
          tags,
          summary: "A street nominates one of its candidates, within the street's quota",
          params: IdParams,
          body: NominationBody,
          response: { 201: Nomination, ...errors },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await steps.nominate(db, actorOf(req), req.params.id, req.body)),
    );
    app.post(
      '/api/evaluations/:id/nominations/:subjectId/withdraw',
      {
        config: { policy: 'evaluation.nominate' },
        schema: { tags, params: SubjectParams, response: { 200: Nomination, ...errors } },
      },
      (req) => steps.withdraw(db, actorOf(req), req.params.id, req.params.subjectId),
    );
    app.post(
      '/api/evaluations/:id/nominations/:subjectId/review',
      {
        config: { policy: 'evaluation.manage' },
        schema: {
          tags,
          summary: "The district's review of a nomination, with its comment",
          params: SubjectParams,
          body: NominationReviewBody,
          response: { 200: Nomination, ...errors },
        },
      },
      (req) => steps.review(db, actorOf(req), req.params.id, req.params.subjectId, req.body),
    );
    app.post(
      '/api/evaluations/:id/notice',
      {
        config: { policy: 'evaluation.manage' },
        schema: {
          tags,
          summary: 'Put the approved nominations on public notice (公示) for whole days',
          params: IdParams,
          body: NoticeBody,
          response: { 200: Evaluation, ...errors },
        },
      },
      (req) => steps.startNotice(db, actorOf(req), req.params.id, req.body),
    );
    app.get(
      '/api/evaluations/:id/objections',
      {
        config: { policy: 'evaluation.manage' },
        schema: {
          tags,
          summary: 'Objections raised during the notice, with who raised them (reviewers only)',
          params: IdParams,
          querystring: ObjectionListQuery,
          response: { 200: page(Objection), ...errors },
        },
      },
      (req) => steps.listObjections(db, actorOf(req), req.params.id, req.query),
    );
    app.post(
      '/api/evaluations/:id/objections/:objectionId/handle',
      {
        config: { policy: 'evaluation.manage' },
        schema: {
          tags,
          summary: 'Answer an objection: upheld takes the nominee off the shortlist',
          params: z.strictObject({ id: Id, objectionId: Id }),
          body: ObjectionHandleBody,
          response: { 200: Objection, ...errors },
        },
      },
      (req) => steps.handleObjection(db, actorOf(req), req.params.id, req.params.objectionId, req.body),
    );
    app.post(
      '/api/evaluations/:id/decide',
      {
        config: { policy: 'evaluation.manage' },
        schema: {
          tags,
          summary: 'After the notice, with every objection answered: the honour list is final',
          params: IdParams,
          response: { 200: Evaluation, ...errors },
        },
      },
      (req) => steps.decide(db, actorOf(req), req.params.id),
    );
    app.post(
      '/api/evaluations/:id/publish',
      {
        config: { policy: 'evaluation.manage' },
        schema: { tags, params: IdParams, response: { 200: Evaluation, ...errors } },
      },
      (req) => steps.publish(db, actorOf(req), req.params.id),
    );

    // What everyone in the district may read and answer: shortlists on notice, honour lists.
    app.get(
      '/api/honours',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary: 'Shortlists on public notice and published honour lists',
          querystring: HonourListQuery,
          response: { 200: page(HonourSummary), ...errors },
        },
      },
      (req) => steps.listHonours(db, actorOf(req), req.query),
    );
    app.get(
      '/api/honours/:id',
      {
        config: { policy: 'session' },
        schema: { tags, params: IdParams, response: { 200: HonourList, ...errors } },
      },
      (req) => steps.honourList(db, actorOf(req), req.params.id),
    );
    app.post(
      '/api/honours/:id/objections',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary: 'Object to a nominee on the shortlist while the notice runs',
          params: IdParams,
          body: ObjectionBody,
          response: { 201: Objection, ...errors },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await steps.object(db, actorOf(req), req.params.id, req.body)),
    );
    app.get(
      '/api/honours/:id/pdf',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary: 'The published honour list as a PDF',
          params: IdParams,
          response: { 200: z.instanceof(Buffer).describe('a PDF file'), ...errors },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const list = await steps.honourList(db, actor, req.params.id);
        if (list.evaluation.status !== 'published') throw notFound();
        const zone = await districtTimeZone(db, actor.districtId);
        const file = await honourListPdf(list, requestLocale(req), zone);
        return reply
          .type('application/pdf')
          .header('content-disposition', attachment(`${list.evaluation.title}.pdf`))
          .send(file);
      },
    );
  };
