import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
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
import { actorOf } from '../../plugins/auth';
import * as facilities from './facilities.service';
import { utilization } from './utilization.service';

const tags = ['facilities'];

export const facilitiesRoutes =
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
      (req) => utilization(db, actorOf(req), req.query),
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
  };
