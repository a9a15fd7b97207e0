import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AttendanceBody,
  Body,
  BodyCreateBody,
  BodyListQuery,
  BodyMember,
  BodyMemberAddBody,
  BodyMemberListQuery,
  BodyUpdateBody,
  Id,
  IdParams,
  Meeting,
  MeetingCreateBody,
  MeetingListQuery,
  MeetingSummary,
  MeetingUpdateBody,
  page,
  ResolutionCreateBody,
  Task,
  TaskDetail,
  TaskListQuery,
  TaskNoteBody,
  TaskUpdateBody,
} from '../../../../contract';
import type { AppDeps } from '../../deps';
import { errors } from '../../http';
import { actorOf } from '../../plugins/auth';
import * as bodies from './bodies.service';
import * as meetings from './meetings.service';
import * as tasks from './tasks.service';

const tags = ['bodies'];

export const bodiesRoutes =
  ({ db }: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // ---------- bodies ----------
    app.get(
      '/api/bodies',
      {
        config: { policy: 'body.read' },
        schema: {
          tags,
          summary: 'Joint conferences, coordination councils and liaison groups in your scope',
          querystring: BodyListQuery,
          response: { 200: page(Body), ...errors },
        },
      },
      (req) => bodies.listBodies(db, actorOf(req), req.query),
    );
    app.get(
      '/api/bodies/:id',
      {
        config: { policy: 'body.read' },
        schema: { tags, params: IdParams, response: { 200: Body, ...errors } },
      },
      (req) => bodies.getBody(db, actorOf(req), req.params.id),
    );
    app.post(
      '/api/bodies',
      {
        config: { policy: 'body.manage' },
        schema: { tags, body: BodyCreateBody, response: { 201: Body, ...errors } },
      },
      async (req, reply) => reply.status(201).send(await bodies.createBody(db, actorOf(req), req.body)),
    );
    app.patch(
      '/api/bodies/:id',
      {
        config: { policy: 'body.manage' },
        schema: { tags, params: IdParams, body: BodyUpdateBody, response: { 200: Body, ...errors } },
      },
      (req) => bodies.updateBody(db, actorOf(req), req.params.id, req.body),
    );
    app.get(
      '/api/bodies/:id/members',
      {
        config: { policy: 'body.read' },
        schema: {
          tags,
          summary: 'Members now, or with includePast=true the whole membership history',
          params: IdParams,
          querystring: BodyMemberListQuery,
          response: { 200: z.array(BodyMember), ...errors },
        },
      },
      (req) => bodies.listBodyMembers(db, actorOf(req), req.params.id, req.query.includePast === 'true'),
    );
    app.post(
      '/api/bodies/:id/members',
      {
        config: { policy: 'body.manage' },
        schema: { tags, params: IdParams, body: BodyMemberAddBody, response: { 201: BodyMember, ...errors } },
      },
      async (req, reply) =>
        reply.status(201).send(await bodies.addBodyMember(db, actorOf(req), req.params.id, req.body)),
    );
    app.post(
      '/api/bodies/:id/members/:membershipId/leave',
      {
        config: { policy: 'body.manage' },
        schema: {
          tags,
          summary: 'End a membership (kept in the history)',
          params: z.strictObject({ id: Id, membershipId: Id }),
          response: { 200: BodyMember, ...errors },
        },
      },
      (req) => bodies.leaveBody(db, actorOf(req), req.params.id, req.params.membershipId),
    );
    // ---------- meetings ----------
    app.get(
      '/api/meetings',
      {
        config: { policy: 'body.read' },
        schema: { tags, querystring: MeetingListQuery, response: { 200: page(MeetingSummary), ...errors } },
      },
      (req) => meetings.listMeetings(db, actorOf(req), req.query),
    );
    app.get(
      '/api/meetings/:id',
      {
        config: { policy: 'body.read' },
        schema: { tags, params: IdParams, response: { 200: Meeting, ...errors } },
      },
      (req) => meetings.getMeeting(db, actorOf(req), req.params.id),
    );
    app.post(
      '/api/meetings',
      {
        config: { policy: 'body.manage' },
        schema: { tags, body: MeetingCreateBody, response: { 201: Meeting, ...errors } },
      },
      async (req, reply) => reply.status(201).send(await meetings.createMeeting(db, actorOf(req), req.body)),
    );
    app.patch(
      '/api/meetings/:id',
      {
        config: { policy: 'body.manage' },
        schema: {
          tags,
          summary: 'Edit agenda, minutes, time, place or status',
          params: IdParams,
          body: MeetingUpdateBody,
          response: { 200: Meeting, ...errors },
        },
      },
      (req) => meetings.updateMeeting(db, actorOf(req), req.params.id, req.body),
    );
    app.put(
      '/api/meetings/:id/attendance',
      {
        config: { policy: 'body.manage' },
        schema: {
          tags,
          summary: 'Record attendance of invitees (present, absent, excused)',
          params: IdParams,
          body: AttendanceBody,
          response: { 200: Meeting, ...errors },
        },
      },
      (req) => meetings.recordAttendance(db, actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/api/meetings/:id/resolutions',
      {
        config: { policy: 'body.manage' },
        schema: {
          tags,
          summary: 'Add a resolution; with a task, it becomes a tracked follow-up',
          params: IdParams,
          body: ResolutionCreateBody,
          response: { 201: Meeting, ...errors },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await meetings.addResolution(db, actorOf(req), req.params.id, req.body)),
    );
    // ---------- tasks ----------
    app.get(
      '/api/tasks',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary: 'Follow-up tasks in your scope or owned by you; overdue first',
          querystring: TaskListQuery,
          response: { 200: page(Task), ...errors },
        },
      },
      (req) => tasks.listTasks(db, actorOf(req), req.query),
    );
    app.get(
      '/api/tasks/:id',
      {
        config: { policy: 'session' },
        schema: { tags, params: IdParams, response: { 200: TaskDetail, ...errors } },
      },
      (req) => tasks.getTask(db, actorOf(req), req.params.id),
    );
    app.patch(
      '/api/tasks/:id',
      {
        config: { policy: 'session' },
        schema: { tags, params: IdParams, body: TaskUpdateBody, response: { 200: TaskDetail, ...errors } },
      },
      (req) => tasks.updateTask(db, actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/api/tasks/:id/notes',
      {
        config: { policy: 'session' },
        schema: { tags, params: IdParams, body: TaskNoteBody, response: { 201: TaskDetail, ...errors } },
      },
      async (req, reply) =>
        reply.status(201).send(await tasks.addTaskNote(db, actorOf(req), req.params.id, req.body)),
    );
  };
