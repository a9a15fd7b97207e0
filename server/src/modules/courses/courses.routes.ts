import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Course,
  CourseCreateBody,
  CourseListQuery,
  CourseSession,
  CourseUpdateBody,
  EnrolBody,
  Enrolment,
  IdParams,
  Pagination,
  page,
  SessionAttendanceBody,
} from '../../../../contract';
import type { AppDeps } from '../../deps';
import { attachment, errors } from '../../http';
import { actorOf } from '../../plugins/auth';
import { certificatePdf } from './certificate';
import * as courses from './courses.service';

const tags = ['courses'];

export const coursesRoutes =
  ({ db }: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
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
          timeZone: f.timeZone,
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
  };
