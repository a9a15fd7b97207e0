import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AudiencePreview,
  Campaign,
  CampaignCreateBody,
  CampaignListQuery,
  CampaignReach,
  CampaignUpdateBody,
  Course,
  CourseCreateBody,
  CourseListQuery,
  CourseSession,
  CourseUpdateBody,
  EnrolBody,
  Enrolment,
  Id,
  IdParams,
  Notice,
  NoticeAttachment,
  NoticeAudience,
  NoticeCreateBody,
  NoticeListQuery,
  NoticeReads,
  NoticeUpdateBody,
  Pagination,
  page,
  SessionAttendanceBody,
} from '../../../../contract';
import type { AppDeps } from '../../deps';
import { badRequest } from '../../errors';
import { attachment, errors, fileNameHeader, noContent } from '../../http';
import { actorOf } from '../../plugins/auth';
import * as campaigns from './campaigns.service';
import { certificatePdf } from './certificate';
import * as courses from './courses.service';
import * as notices from './notices.service';

const tags = ['publicity'];

export const publicityRoutes =
  ({ db, config }: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // An attachment is the raw body (any type, plain text too), named in x-file-name.
    app.removeContentTypeParser('text/plain');
    app.addContentTypeParser(
      '*',
      { parseAs: 'buffer', bodyLimit: notices.MAX_ATTACHMENT },
      (_req, body, done) => done(null, body),
    );

    // ---------- courses and lectures ----------
    app.get(
      '/api/courses',
      {
        config: { policy: 'session' },
        schema: { tags, querystring: CourseListQuery, response: { 200: page(Course), ...errors } },
      },
      (req) => courses.listCourses(db, actorOf(req), req.query),
    );
    app.post(
      '/api/courses',
      {
        config: { policy: 'course.manage' },
        schema: {
          tags,
          summary: 'A training course with its sessions, or a lecture (one session)',
          body: CourseCreateBody,
          response: { 201: Course, ...errors },
        },
      },
      async (req, reply) => reply.status(201).send(await courses.createCourse(db, actorOf(req), req.body)),
    );
    app.get(
      '/api/courses/:id',
      {
        config: { policy: 'session' },
        schema: { tags, params: IdParams, response: { 200: Course, ...errors } },
      },
      (req) => courses.getCourse(db, actorOf(req), req.params.id),
    );
    app.patch(
      '/api/courses/:id',
      {
        config: { policy: 'course.manage' },
        schema: { tags, params: IdParams, body: CourseUpdateBody, response: { 200: Course, ...errors } },
      },
      (req) => courses.updateCourse(db, actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/api/courses/:id/enrolments',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary: 'Enrol yourself in an open course, or (organisers) nominate people',
          params: IdParams,
          body: EnrolBody,
          response: { 201: z.object({ enrolled: z.number() }), ...errors },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await courses.enrol(db, actorOf(req), req.params.id, req.body.personIds)),
    );
    app.get(
      '/api/courses/:id/enrolments',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary: 'Who is enrolled, with attendance per session (organisers and the lecturers)',
          params: IdParams,
          querystring: z.strictObject(Pagination),
          response: { 200: page(Enrolment), ...errors },
        },
      },
      (req) => courses.listEnrolments(db, actorOf(req), req.params.id, req.query),
    );
    app.post(
      '/api/enrolments/:id/withdraw',
      {
        config: { policy: 'session' },
        schema: { tags, params: IdParams, response: { 200: Enrolment, ...errors } },
      },
      (req) => courses.withdraw(db, actorOf(req), req.params.id),
    );
    app.put(
      '/api/sessions/:id/attendance',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary: 'Attendance of a session (organisers, or its lecturer); completion follows',
          params: IdParams,
          body: SessionAttendanceBody,
          response: { 200: CourseSession, ...errors },
        },
      },
      (req) => courses.recordAttendance(db, actorOf(req), req.params.id, req.body.items),
    );
    app.get(
      '/api/enrolments/:id/certificate',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary: 'The completion certificate as a PDF, in Chinese',
          params: IdParams,
          response: { 200: z.instanceof(Buffer).describe('application/pdf'), ...errors },
        },
      },
      async (req, reply) => {
        const f = await courses.certificateFacts(db, actorOf(req), req.params.id);
        const completedOn = new Intl.DateTimeFormat('zh-CN', {
          timeZone: 'Asia/Shanghai',
          year: 'numeric',
          month: 'long',
          day: 'numeric',
        }).format(new Date(f.completedAt));
        const pdf = await certificatePdf({
          name: f.name,
          courseTitle: f.course.title,
          regionName: f.course.regionName,
          sessions: f.course.minSessions,
          completedOn,
          number: `GJ-${f.course.id}-${f.enrolmentId}`,
        });
        return reply
          .type('application/pdf')
          .header('content-disposition', attachment(`结业证书-${f.name}.pdf`, 'inline'))
          .send(pdf);
      },
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
