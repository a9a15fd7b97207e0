import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Booking,
  BookingCreateBody,
  BookingDecisionBody,
  BookingListQuery,
  BookingSeriesResult,
  BookingUseBody,
  IdParams,
  page,
} from '../../../../contract';
import type { AppDeps } from '../../deps';
import { errors } from '../../http';
import { requestLocale } from '../../i18n';
import { actorOf } from '../../plugins/auth';
import * as bookings from './bookings.service';

const tags = ['bookings'];

export const bookingsRoutes =
  ({ db }: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // ---------- bookings ----------
    app.get(
      '/api/bookings',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary: 'Your bookings, or those of facilities you decide (inbox: waiting for you)',
          querystring: BookingListQuery,
          response: { 200: page(Booking), ...errors },
        },
      },
      (req) => bookings.listBookings(db, actorOf(req), req.query, requestLocale(req)),
    );
    app.post(
      '/api/bookings',
      {
        config: { policy: 'booking.make' },
        schema: {
          tags,
          summary: 'Book a slot, or the same hours every week (the clashing weeks are listed)',
          body: BookingCreateBody,
          response: { 201: BookingSeriesResult, ...errors },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await bookings.createBooking(db, actorOf(req), req.body, requestLocale(req))),
    );
    app.post(
      '/api/bookings/:id/decide',
      {
        config: { policy: 'facility.manage' },
        schema: {
          tags,
          summary: 'The owner confirms, or declines with a reason',
          params: IdParams,
          body: BookingDecisionBody,
          response: { 200: Booking, ...errors },
        },
      },
      (req) => bookings.decideBooking(db, actorOf(req), req.params.id, req.body, requestLocale(req)),
    );
    app.post(
      '/api/bookings/:id/cancel',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary: 'Cancel before the start (the owner gives a reason)',
          params: IdParams,
          body: z.strictObject({ reason: z.string().trim().min(2).max(200).optional() }),
          response: { 200: Booking, ...errors },
        },
      },
      (req) => bookings.cancelBooking(db, actorOf(req), req.params.id, req.body.reason, requestLocale(req)),
    );
    app.post(
      '/api/bookings/:id/use',
      {
        config: { policy: 'facility.manage' },
        schema: {
          tags,
          summary: "Record the hours actually used, or a no-show; a unit's shared hours go to its record",
          params: IdParams,
          body: BookingUseBody,
          response: { 200: Booking, ...errors },
        },
      },
      (req) => bookings.recordUse(db, actorOf(req), req.params.id, req.body, requestLocale(req)),
    );
  };
