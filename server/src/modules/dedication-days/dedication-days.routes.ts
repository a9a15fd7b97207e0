import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  CheckinBody,
  CheckinCode,
  CheckinResult,
  DedicationDay,
  DedicationDayCreateBody,
  DedicationDayListQuery,
  DedicationDayUpdateBody,
  HandCheckBody,
  HoursDecisionBody,
  Id,
  IdParams,
  Occurrence,
  OccurrenceCancelBody,
  OccurrenceListQuery,
  OccurrenceTaskBody,
  OccurrenceTaskUpdateBody,
  page,
  RecurrencePreviewBody,
  Signup,
  SignupCreateBody,
  SignupListQuery,
  SignupRemoveBody,
} from '../../../../contract';
import type { AppDeps } from '../../deps';
import { attachment, errors } from '../../http';
import { requestLocale } from '../../i18n';
import { actorOf } from '../../plugins/auth';
import * as days from './dedication-days.service';
import { toICalendar } from './ical';
import * as occurrences from './occurrences.service';
import * as signups from './signups.service';

const tags = ['dedication day'];

export const dedicationRoutes =
  ({ db }: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // ---------- dedication days (the schedules) ----------
    app.get(
      '/api/dedication-days',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary: 'Dedication days in the district, or in a region',
          querystring: DedicationDayListQuery,
          response: { 200: page(DedicationDay), ...errors },
        },
      },
      (req) => days.listDays(db, actorOf(req), req.query),
    );
    app.post(
      '/api/dedication-days',
      {
        config: { policy: 'dedication.manage' },
        schema: {
          tags,
          summary: 'Set a community’s (or street’s) dedication day: an RFC 5545 rule, hours, tasks',
          body: DedicationDayCreateBody,
          response: { 201: DedicationDay, ...errors },
        },
      },
      async (req, reply) => reply.status(201).send(await days.createDay(db, actorOf(req), req.body)),
    );
    app.post(
      '/api/dedication-days/preview',
      {
        config: { policy: 'dedication.manage' },
        schema: {
          tags,
          summary: 'The dates a rule gives from today, exceptions applied',
          body: RecurrencePreviewBody,
          response: { 200: z.object({ dates: z.array(z.string()) }), ...errors },
        },
      },
      (req) => days.previewRule(db, actorOf(req), req.body),
    );
    app.get(
      '/api/dedication-days/:id',
      {
        config: { policy: 'session' },
        schema: { tags, params: IdParams, response: { 200: DedicationDay, ...errors } },
      },
      (req) => days.getDay(db, actorOf(req), req.params.id),
    );
    app.patch(
      '/api/dedication-days/:id',
      {
        config: { policy: 'dedication.manage' },
        schema: {
          tags,
          summary: 'Change a dedication day; future days follow it',
          params: IdParams,
          body: DedicationDayUpdateBody,
          response: { 200: DedicationDay, ...errors },
        },
      },
      (req) => days.updateDay(db, actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/api/dedication-days/:id/retire',
      {
        config: { policy: 'dedication.manage' },
        schema: {
          tags,
          summary: 'Stop a dedication day: its future days are cancelled and those signed up told',
          params: IdParams,
          response: { 200: DedicationDay, ...errors },
        },
      },
      (req) => days.retireDay(db, actorOf(req), req.params.id),
    );
    app.get(
      '/api/dedication-days/:id/ical',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary: 'The dedication day as an iCalendar file',
          params: IdParams,
          response: { 200: z.string().describe('text/calendar'), ...errors },
        },
      },
      async (req, reply) => {
        const day = await days.getDay(db, actorOf(req), req.params.id);
        return reply
          .type('text/calendar; charset=utf-8')
          .header('content-disposition', attachment(`${day.regionName}-${day.title}.ics`))
          .send(toICalendar(day, req.hostname));
      },
    );
    app.get(
      '/api/dedication-days/:id/occurrences',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary: 'The days a dedication day gives in a date range, with their tasks',
          params: IdParams,
          querystring: OccurrenceListQuery.omit({ dedicationDayId: true, regionId: true }),
          response: { 200: page(Occurrence), ...errors },
        },
      },
      (req) =>
        occurrences.listOccurrences(
          db,
          actorOf(req),
          { ...req.query, dedicationDayId: req.params.id },
          requestLocale(req),
        ),
    );

    // ---------- occurrences ----------
    app.get(
      '/api/occurrences',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary: 'A calendar: occurrences in a date range (a region’s, your own, or what concerns you)',
          querystring: OccurrenceListQuery,
          response: { 200: page(Occurrence), ...errors },
        },
      },
      (req) => occurrences.listOccurrences(db, actorOf(req), req.query, requestLocale(req)),
    );
    app.get(
      '/api/occurrences/:id',
      {
        config: { policy: 'session' },
        schema: { tags, params: IdParams, response: { 200: Occurrence, ...errors } },
      },
      (req) => occurrences.getOccurrence(db, actorOf(req), req.params.id, requestLocale(req)),
    );
    app.post(
      '/api/occurrences/:id/cancel',
      {
        config: { policy: 'dedication.manage' },
        schema: {
          tags,
          summary: 'Cancel one day, with a reason; those signed up are told',
          params: IdParams,
          body: OccurrenceCancelBody,
          response: { 200: Occurrence, ...errors },
        },
      },
      (req) =>
        occurrences.cancelOccurrence(db, actorOf(req), req.params.id, req.body.reason, requestLocale(req)),
    );
    app.post(
      '/api/occurrences/:id/tasks',
      {
        config: { policy: 'dedication.manage' },
        schema: {
          tags,
          summary: 'Add a task to one day',
          params: IdParams,
          body: OccurrenceTaskBody,
          response: { 200: Occurrence, ...errors },
        },
      },
      (req) => occurrences.addTask(db, actorOf(req), req.params.id, req.body, requestLocale(req)),
    );
    app.patch(
      '/api/occurrences/:id/tasks/:taskId',
      {
        config: { policy: 'dedication.manage' },
        schema: {
          tags,
          summary: 'Change one day’s task; more places promote those waiting',
          params: z.strictObject({ id: Id, taskId: Id }),
          body: OccurrenceTaskUpdateBody,
          response: { 200: Occurrence, ...errors },
        },
      },
      (req) =>
        occurrences.updateTask(
          db,
          actorOf(req),
          req.params.id,
          req.params.taskId,
          req.body,
          requestLocale(req),
        ),
    );
    app.get(
      '/api/occurrences/:id/checkin-code',
      {
        config: { policy: 'dedication.manage' },
        schema: {
          tags,
          summary: 'The rotating check-in code the organiser shows as a QR code',
          params: IdParams,
          response: { 200: CheckinCode, ...errors },
        },
      },
      (req) =>
        signups.checkinCode(
          db,
          actorOf(req),
          req.params.id,
          `${req.protocol}://${req.headers.host ?? req.hostname}`,
        ),
    );

    // ---------- sign-ups and check-ins ----------
    app.get(
      '/api/signups',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary: 'Your sign-ups, or those of the days you organise',
          querystring: SignupListQuery,
          response: { 200: page(Signup), ...errors },
        },
      },
      (req) => signups.listSignups(db, actorOf(req), req.query),
    );
    app.post(
      '/api/signups',
      {
        config: { policy: 'signup.make' },
        schema: {
          tags,
          summary: 'Sign up for a task: a place while one is free, else the waiting list',
          body: SignupCreateBody,
          response: { 201: Signup, ...errors },
        },
      },
      async (req, reply) => reply.status(201).send(await signups.signUp(db, actorOf(req), req.body.taskId)),
    );
    app.post(
      '/api/signups/:id/withdraw',
      {
        config: { policy: 'signup.make' },
        schema: {
          tags,
          summary: 'Withdraw before the day starts; the first waiting moves up',
          params: IdParams,
          response: { 200: Signup, ...errors },
        },
      },
      (req) => signups.withdrawSignup(db, actorOf(req), req.params.id),
    );
    app.post(
      '/api/signups/:id/remove',
      {
        config: { policy: 'dedication.manage' },
        schema: {
          tags,
          summary: 'Remove a sign-up, with a reason',
          params: IdParams,
          body: SignupRemoveBody,
          response: { 200: Signup, ...errors },
        },
      },
      (req) => signups.removeSignup(db, actorOf(req), req.params.id, req.body.reason),
    );
    app.post(
      '/api/signups/:id/check',
      {
        config: { policy: 'dedication.manage' },
        schema: {
          tags,
          summary: 'Check someone in or out by hand',
          params: IdParams,
          body: HandCheckBody,
          response: { 200: Signup, ...errors },
        },
      },
      (req) => signups.checkByHand(db, actorOf(req), req.params.id, req.body.action),
    );
    app.post(
      '/api/signups/:id/hours',
      {
        config: { policy: 'dedication.manage' },
        schema: {
          tags,
          summary:
            'Confirm (or adjust, with a reason) or reject the hours; confirmed hours go to the ledger once',
          params: IdParams,
          body: HoursDecisionBody,
          response: { 200: Signup, ...errors },
        },
      },
      (req) => signups.decideHours(db, actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/api/checkins',
      {
        config: { policy: 'signup.make' },
        schema: {
          tags,
          summary:
            'Check in (or out) with the code scanned from the organiser’s screen; a second scan changes nothing',
          body: CheckinBody,
          response: { 200: CheckinResult, ...errors },
        },
      },
      (req) => signups.checkIn(db, actorOf(req), req.body),
    );
  };
