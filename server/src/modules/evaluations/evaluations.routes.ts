import ExcelJS from 'exceljs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Criterion,
  DeductionBody,
  Evaluation,
  EvaluationCreateBody,
  EvaluationListQuery,
  HONOURS,
  Id,
  IdParams,
  page,
  Score,
  ScoreBreakdown,
  ScoreListQuery,
} from '../../../../contract';
import type { AppDeps } from '../../deps';
import { attachment, errors } from '../../http';
import { message, requestLocale } from '../../i18n';
import { actorOf } from '../../plugins/auth';
import * as evaluations from './evaluations.service';

const tags = ['evaluations'];

export const evaluationsRoutes =
  ({ db }: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/evaluations',
      {
        config: { policy: 'evaluation.read' },
        schema: { tags, querystring: EvaluationListQuery, response: { 200: page(Evaluation), ...errors } },
      },
      (req) => evaluations.listEvaluations(db, actorOf(req), req.query),
    );
    app.get(
      '/api/evaluations/templates',
      {
        config: { policy: 'evaluation.read' },
        schema: {
          tags,
          summary: 'Ready-made criteria for the three honours',
          response: {
            200: z.array(z.object({ honour: z.enum(HONOURS), criteria: z.array(Criterion) })),
            ...errors,
          },
        },
      },
      (req) => evaluations.templates(requestLocale(req)),
    );
    app.post(
      '/api/evaluations',
      {
        config: { policy: 'evaluation.manage' },
        schema: {
          tags,
          summary:
            'Open an evaluation for an honour (the template when no criteria are given); scores are computed at once',
          body: EvaluationCreateBody,
          response: { 201: Evaluation, ...errors },
        },
      },
      async (req, reply) =>
        reply
          .status(201)
          .send(await evaluations.createEvaluation(db, actorOf(req), req.body, requestLocale(req))),
    );
    app.get(
      '/api/evaluations/:id',
      {
        config: { policy: 'evaluation.read' },
        schema: { tags, params: IdParams, response: { 200: Evaluation, ...errors } },
      },
      (req) => evaluations.getEvaluation(db, actorOf(req), req.params.id),
    );
    app.post(
      '/api/evaluations/:id/compute',
      {
        config: { policy: 'evaluation.manage' },
        schema: {
          tags,
          summary: 'Recompute every candidate from the ledger (refused once closed)',
          params: IdParams,
          response: { 200: Evaluation, ...errors },
        },
      },
      (req) => evaluations.computeEvaluation(db, actorOf(req), req.params.id),
    );
    app.post(
      '/api/evaluations/:id/close',
      {
        config: { policy: 'evaluation.manage' },
        schema: {
          tags,
          summary: 'Close: the figures are frozen; later entries change nothing',
          params: IdParams,
          response: { 200: Evaluation, ...errors },
        },
      },
      (req) => evaluations.closeEvaluation(db, actorOf(req), req.params.id),
    );
    app.get(
      '/api/evaluations/:id/scores',
      {
        config: { policy: 'evaluation.read' },
        schema: {
          tags,
          summary: 'The ranking, as stored (ties share a rank)',
          params: IdParams,
          querystring: ScoreListQuery,
          response: { 200: page(Score), ...errors },
        },
      },
      (req) => evaluations.listScores(db, actorOf(req), req.params.id, req.query),
    );
    app.get(
      '/api/evaluations/:id/scores/:subjectId',
      {
        config: { policy: 'evaluation.read' },
        schema: {
          tags,
          summary: 'One score down to the ledger entries behind each criterion',
          params: z.strictObject({ id: Id, subjectId: Id }),
          response: { 200: ScoreBreakdown, ...errors },
        },
      },
      (req) => evaluations.scoreBreakdown(db, actorOf(req), req.params.id, req.params.subjectId),
    );
    app.post(
      '/api/evaluations/:id/deductions',
      {
        config: { policy: 'evaluation.manage' },
        schema: {
          tags,
          summary: "A reviewer's deduction, with a reason",
          params: IdParams,
          body: DeductionBody,
          response: { 200: ScoreBreakdown, ...errors },
        },
      },
      (req) => evaluations.deduct(db, actorOf(req), req.params.id, req.body),
    );
    app.get(
      '/api/evaluations/:id/export',
      {
        config: { policy: 'evaluation.read' },
        schema: {
          tags,
          summary: 'The ranking with every criterion, to Excel',
          params: IdParams,
          response: { 200: z.instanceof(Buffer).describe('an .xlsx file'), ...errors },
        },
      },
      async (req, reply) => {
        const actor = actorOf(req);
        const lang = requestLocale(req);
        const e = await evaluations.getEvaluation(db, actor, req.params.id);
        const ranking = await evaluations.listScores(db, actor, e.id, { page: 1, pageSize: 100_000 });
        const book = new ExcelJS.Workbook();
        const sheet = book.addWorksheet(e.title.slice(0, 31));
        sheet.addRow([
          message(lang, 'export_rank'),
          message(lang, 'export_name'),
          message(lang, 'export_region'),
          ...e.criteria.map((c) => c.label),
          message(lang, 'export_deductions'),
          message(lang, 'export_total'),
        ]).font = { bold: true };
        for (const s of ranking.items)
          sheet.addRow([
            s.rank,
            s.subject.name,
            s.regionName,
            ...e.criteria.map((c) => s.byCriterion[c.key] ?? 0),
            s.deductions,
            s.total,
          ]);
        sheet.columns.forEach((col, i) => {
          col.width = i === 1 ? 24 : 14;
        });
        const file = Buffer.from(await book.xlsx.writeBuffer());
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', attachment(`${e.title}.xlsx`))
          .send(file);
      },
    );
  };
