import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AudiencePreview,
  Id,
  IdParams,
  Notice,
  NoticeAttachment,
  NoticeAudience,
  NoticeCreateBody,
  NoticeListQuery,
  NoticeReads,
  NoticeUpdateBody,
  page,
} from '../../../../contract';
import type { AppDeps } from '../../deps';
import { badRequest } from '../../errors';
import { attachment, errors, fileNameHeader, noContent } from '../../http';
import { actorOf } from '../../plugins/auth';
import * as notices from './notices.service';

const tags = ['notices'];

export const noticesRoutes =
  ({ db, config }: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // An attachment is the raw body (any type, plain text too), named in x-file-name.
    app.removeContentTypeParser('text/plain');
    app.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: notices.MAX_ATTACHMENT },
      (_req, body, done) => done(null, body),
    );

    // ---------- notices and open letters ----------
    app.get(
      '/api/notices',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary: 'Notices of your area (publishers), or your inbox (inbox=true)',
          querystring: NoticeListQuery,
          response: { 200: page(Notice), ...errors },
        },
      },
      (req) => notices.listNotices(db, actorOf(req), req.query),
    );
    app.post(
      '/api/notices',
      {
        config: { policy: 'notice.publish' },
        schema: { tags, body: NoticeCreateBody, response: { 201: Notice, ...errors } },
      },
      async (req, reply) => reply.status(201).send(await notices.createNotice(db, actorOf(req), req.body)),
    );
    app.post(
      '/api/notices/preview',
      {
        config: { policy: 'notice.publish' },
        schema: {
          tags,
          summary: 'How many an audience reaches, by community',
          body: NoticeAudience,
          response: { 200: AudiencePreview, ...errors },
        },
      },
      (req) => notices.previewAudience(db, actorOf(req), req.body),
    );
    app.get(
      '/api/notices/:id',
      {
        config: { policy: 'session' },
        schema: { tags, params: IdParams, response: { 200: Notice, ...errors } },
      },
      (req) => notices.getNotice(db, actorOf(req), req.params.id),
    );
    app.patch(
      '/api/notices/:id',
      {
        config: { policy: 'notice.publish' },
        schema: { tags, params: IdParams, body: NoticeUpdateBody, response: { 200: Notice, ...errors } },
      },
      (req) => notices.updateNotice(db, actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/api/notices/:id/publish',
      {
        config: { policy: 'notice.publish' },
        schema: {
          tags,
          summary: 'Publish: a background job delivers it to every recipient; it reads "published" when done',
          params: IdParams,
          response: { 202: Notice, ...errors },
        },
      },
      async (req, reply) =>
        reply.status(202).send(await notices.publishNotice(db, actorOf(req), req.params.id)),
    );
    app.post(
      '/api/notices/:id/read',
      {
        config: { policy: 'session' },
        schema: { tags, params: IdParams, response: { 200: Notice, ...errors } },
      },
      (req) => notices.readNotice(db, actorOf(req), req.params.id),
    );
    app.get(
      '/api/notices/:id/reads',
      {
        config: { policy: 'notice.publish' },
        schema: { tags, params: IdParams, response: { 200: NoticeReads, ...errors } },
      },
      (req) => notices.noticeReads(db, actorOf(req), req.params.id),
    );
    app.post(
      '/api/notices/:id/remind',
      {
        config: { policy: 'notice.publish' },
        schema: {
          tags,
          summary: 'Remind those who have not read it (in the background)',
          params: IdParams,
          response: { 202: z.object({ reminded: z.number() }), ...errors },
        },
      },
      async (req, reply) =>
        reply.status(202).send(await notices.remindUnread(db, actorOf(req), req.params.id)),
    );
    app.post(
      '/api/notices/:id/attachments',
      {
        config: { policy: 'notice.publish' },
        bodyLimit: notices.MAX_ATTACHMENT,
        schema: {
          tags,
          summary: 'Attach a file (at most 10 MB) to a draft: the file is the body, its name in x-file-name',
          params: IdParams,
          headers: z.object({ 'x-file-name': z.string().max(400).optional() }),
          response: { 201: NoticeAttachment, ...errors },
        },
      },
      async (req, reply) => {
        const name = fileNameHeader(req.headers['x-file-name'], 'attachment');
        if (!Buffer.isBuffer(req.body)) throw badRequest('attachment_empty');
        const file = {
          name,
          contentType: String(req.headers['content-type'] ?? 'application/octet-stream'),
          bytes: req.body,
        };
        return reply
          .status(201)
          .send(await notices.attach(db, actorOf(req), req.params.id, file, config.dataDir));
      },
    );
    app.get(
      '/api/notices/:id/attachments/:attachmentId',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          params: z.strictObject({ id: Id, attachmentId: Id }),
          response: { 200: z.instanceof(Buffer), ...errors },
        },
      },
      async (req, reply) => {
        const f = await notices.attachmentFile(
          db,
          actorOf(req),
          req.params.id,
          req.params.attachmentId,
          config.dataDir,
        );
        return reply.type(f.contentType).header('content-disposition', attachment(f.name)).send(f.bytes);
      },
    );
    app.delete(
      '/api/notices/:id/attachments/:attachmentId',
      {
        config: { policy: 'notice.publish' },
        schema: {
          tags,
          params: z.strictObject({ id: Id, attachmentId: Id }),
          response: { 204: z.null(), ...errors },
        },
      },
      async (req, reply) => {
        await notices.detach(db, actorOf(req), req.params.id, req.params.attachmentId, config.dataDir);
        return noContent(reply);
      },
    );
  };
