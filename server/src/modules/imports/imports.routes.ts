import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, ImportJob, ImportKindParams, ImportListQuery, page } from '../../../../contract';
import type { AppDeps } from '../../deps';
import { badRequest } from '../../errors';
import { attachment, errors, fileNameHeader } from '../../http';
import { requestLocale } from '../../i18n';
import { actorOf } from '../../plugins/auth';
import { getImport, importTemplate, listImports, startImport } from './imports.service';

const tags = ['ops'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_UPLOAD = 40 * 1024 * 1024;

export const importsRoutes =
  ({ db }: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // The file itself is the body: .xlsx or .csv, kept as bytes.
    app.addContentTypeParser(
      [XLSX, 'text/csv', 'application/octet-stream'],
      { parseAs: 'buffer', bodyLimit: MAX_UPLOAD },
      (_req, body, done) => done(null, body),
    );

    app.get(
      '/api/imports/templates/:kind',
      {
        config: { policy: 'import.run' },
        schema: {
          tags,
          summary: 'The Excel template for an import, with notes and drop-down lists, in your language',
          params: ImportKindParams,
          response: { 200: z.instanceof(Buffer).describe('an .xlsx file'), ...errors },
        },
      },
      async (req, reply) => {
        const locale = requestLocale(req);
        const file = await importTemplate(req.params.kind, locale);
        const name = `${locale === 'en' ? `${req.params.kind}-template` : req.params.kind === 'members' ? '人员导入模板' : '单位导入模板'}.xlsx`;
        return reply.type(XLSX).header('content-disposition', attachment(name)).send(file);
      },
    );

    app.post(
      '/api/imports/:kind',
      {
        config: { policy: 'import.run' },
        bodyLimit: MAX_UPLOAD,
        schema: {
          tags,
          summary:
            'Upload an .xlsx or .csv (the body is the file; x-file-name names it). Answers 202 with the job: ' +
            'every row is checked first; only a file without errors is written, in one transaction.',
          params: ImportKindParams,
          headers: z.object({ 'x-file-name': z.string().max(400).optional() }),
          response: { 202: ImportJob, ...errors },
        },
      },
      async (req, reply) => {
        const name = fileNameHeader(req.headers['x-file-name'], 'upload');
        const data = req.body as unknown;
        if (!Buffer.isBuffer(data) || data.length === 0) throw badRequest('import_unreadable');
        // An .xlsx is a zip archive: it starts with "PK".
        const csv = !(data[0] === 0x50 && data[1] === 0x4b);
        const job = await startImport(db, actorOf(req), req.params.kind, { name, data, csv }, req.log);
        return reply.status(202).send(job);
      },
    );

    app.get(
      '/api/imports',
      {
        config: { policy: 'import.run' },
        schema: {
          tags,
          summary: 'Your imports, newest first',
          querystring: ImportListQuery,
          response: { 200: page(ImportJob), ...errors },
        },
      },
      (req) => listImports(db, actorOf(req), req.query.page, req.query.pageSize, requestLocale(req)),
    );

    app.get(
      '/api/imports/:id',
      {
        config: { policy: 'import.run' },
        schema: {
          tags,
          summary: 'A job: its progress, and its errors by row and column',
          params: IdParams,
          response: { 200: ImportJob, ...errors },
        },
      },
      (req) => getImport(db, actorOf(req), req.params.id, requestLocale(req)),
    );
  };
