import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  Booking,
  BookingCreateBody,
  BookingDecisionBody,
  BookingListQuery,
  BookingSeriesResult,
  BookingUseBody,
  Facility,
  FacilityCalendar,
  FacilityCalendarQuery,
  FacilityCreateBody,
  FacilityListQuery,
  FacilityUpdateBody,
  IdParams,
  page,
  Utilization,
  UtilizationQuery,
} from '../../../../contract';
import type { AppDeps } from '../../deps';
import { errors } from '../../http';
import { requestLocale } from '../../i18n';
import { actorOf } from '../../plugins/auth';
import * as bookings from './bookings.service';
import * as facilities from './facilities.service';

const tags = ['resource sharing'];

export const sharingRoutes =
  ({ db }: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    // ---------- facilities ----------
    app.get(
      '/api/facilities',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary: 'The catalogue of shared facilities: by kind, place, capacity, or free for a slot',
          querystring: FacilityListQuery,
          response: { 200: page(Facility), ...errors },
        },
      },
      (req) => facilities.listFacilities(db, actorOf(req), req.query),
    );
    app.post(
      '/api/facilities',
      {
        config: { policy: 'facility.manage' },
        schema: {
          tags,
          summary: "Open a unit's (or the community's) facility for booking",
          body: FacilityCreateBody,
          response: { 201: Facility, ...errors },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await facilities.createFacility(db, actorOf(req), req.body)),
    );
    app.get(
      '/api/facilities/utilization',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary: 'Open, booked and used hours of a facility, a unit or a region',
          querystring: UtilizationQuery,
          response: { 200: Utilization, ...errors },
        },
      },
      (req) => facilities.utilization(db, actorOf(req), req.query),
    );
    app.get(
      '/api/facilities/:id',
      {
        config: { policy: 'session' },
        schema: { tags, params: IdParams, response: { 200: Facility, ...errors } },
      },
      (req) => facilities.getFacility(db, actorOf(req), req.params.id),
    );
    app.patch(
      '/api/facilities/:id',
      {
        config: { policy: 'facility.manage' },
        schema: {
          tags,
          params: IdParams,
          body: FacilityUpdateBody,
          response: { 200: Facility, ...errors },
        },
      },
      (req) => facilities.updateFacility(db, actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/api/facilities/:id/retire',
      {
        config: { policy: 'facility.manage' },
        schema: {
          tags,
          summary: 'Take a facility out of the catalogue; its coming bookings are cancelled',
          params: IdParams,
          response: { 200: Facility, ...errors },
        },
      },
      (req) => facilities.retireFacility(db, actorOf(req), req.params.id),
    );
    app.get(
      '/api/facilities/:id/calendar',
      {
        config: { policy: 'session' },
        schema: {
          tags,
          summary: 'When a facility is open, closed and taken, for up to 31 days',
          params: IdParams,
          querystring: FacilityCalendarQuery,
          response: { 200: FacilityCalendar, ...errors },
        },
      },
      (req) => facilities.facilityCalendar(db, actorOf(req), req.params.id, req.query),
    );

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
