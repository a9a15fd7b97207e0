/**
 * The benchmark's bare routes (GONGJIAN_BENCH_ROUTES=1 only): each list and detail the bench
 * loads, answered by the same service call its API route makes, behind a plain node:http
 * server — no Fastify, hooks, per-request session, response schema or compression — so the
 * bench can print what the framework adds over the query (`1 − api/bare`).
 *
 * The query is parsed by the route's own zod schema (page, pageSize and after mean the same).
 * The actor is the one the API would see for the request's session cookie, loaded once per
 * cookie and then kept: the bench sends the district admin's (the street admin's for needs).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import {
  FacilityListQuery,
  IdParams,
  LedgerListQuery,
  MemberListQuery,
  NeedListQuery,
  NoticeListQuery,
  ProjectListQuery,
  SuggestionQuery,
  UnitListQuery,
} from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { actorOf, loadSession, SESSION_COOKIE } from '../../auth/session';
import type { Config } from '../../config';
import type { Db } from '../../db/client';
import { AppError } from '../../errors';
import { type Locale, requestLocale } from '../../i18n';
import * as facilities from '../facilities/facilities.service';
import { listEntries } from '../ledger/ledger.service';
import * as members from '../members/members.service';
import * as needs from '../needs/needs.service';
import * as notices from '../notices/notices.service';
import * as projects from '../projects/projects.service';
import { suggest } from '../teams/suggest.service';
import * as units from '../units/units.service';

type Query = Record<string, string | string[]>;
type Route = (actor: Actor, query: Query, id: string, locale: Locale) => Promise<unknown>;

const list =
  <S extends z.ZodType>(
    schema: S,
    run: (actor: Actor, q: z.output<S>, locale: Locale) => Promise<unknown>,
  ): Route =>
  (actor, query, _id, locale) =>
    run(actor, schema.parse(query), locale);
const detail =
  (run: (actor: Actor, id: number) => Promise<unknown>): Route =>
  (actor, _query, id) =>
    run(actor, IdParams.parse({ id }).id);

/** Path pattern → the API route's service call. */
function routes(db: Db): Record<string, Route> {
  return {
    '/api/members': list(MemberListQuery, (a, q) => members.listMembers(db, a, q)),
    '/api/members/:id': detail((a, id) => members.getMember(db, a, id)),
    '/api/units': list(UnitListQuery, (a, q) => units.listUnits(db, a, q)),
    '/api/units/:id': detail((a, id) => units.getUnit(db, a, id)),
    '/api/projects': list(ProjectListQuery, (a, q) => projects.listProjects(db, a, q)),
    '/api/projects/:id': detail((a, id) => projects.getProject(db, a, id)),
    '/api/facilities': list(FacilityListQuery, (a, q) => facilities.listFacilities(db, a, q)),
    '/api/facilities/:id': detail((a, id) => facilities.getFacility(db, a, id)),
    '/api/notices': list(NoticeListQuery, (a, q) => notices.listNotices(db, a, q)),
    '/api/needs': list(NeedListQuery, (a, q) => needs.listNeeds(db, a, q)),
    '/api/ledger': list(LedgerListQuery, (a, q, locale) => listEntries(db, a, q, locale)),
    '/api/teams/suggestions': list(SuggestionQuery, (a, q, locale) => suggest(db, a, q, locale)),
  };
}

/** Starts the bare server; resolves once it listens, with its port and a close. */
export async function serveBare(db: Db, config: Config) {
  const table = routes(db);
  const actors = new Map<string, Actor>();
  const cookiePattern = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([^;]+)`);
  const actorFor = async (req: http.IncomingMessage) => {
    const token = cookiePattern.exec(req.headers.cookie ?? '')?.[1];
    if (!token) return null;
    let actor = actors.get(token);
    if (!actor) {
      const s = await loadSession(db, config, token);
      if (!s || s.expired) return null;
      actor = actorOf(s, req.socket.remoteAddress ?? null);
      actors.set(token, actor);
    }
    return actor;
  };

  const server = http.createServer(async (req, res) => {
    const send = (status: number, body: unknown) => {
      const text = JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(text);
    };
    try {
      const url = new URL(req.url ?? '/', 'http://bare');
      const id = /\/(\d+)$/.exec(url.pathname)?.[1] ?? '';
      const route =
        req.method === 'GET' ? table[id ? url.pathname.replace(/\d+$/, ':id') : url.pathname] : undefined;
      if (!route) return send(404, { error: { code: 'not_found' } });
      const actor = await actorFor(req);
      if (!actor) return send(401, { error: { code: 'unauthorized' } });
      // As Fastify's parser: a key given twice becomes a list.
      const query: Query = {};
      for (const [k, v] of url.searchParams) {
        const had = query[k];
        query[k] = had === undefined ? v : [had, v].flat();
      }
      send(200, await route(actor, query, id, requestLocale(req)));
    } catch (e) {
      if (e instanceof AppError) send(e.status, { error: { code: e.code } });
      else if (e instanceof z.ZodError) send(400, { error: { code: 'bad_request' } });
      else send(500, { error: { code: 'internal', message: String(e) } });
    }
  });
  await new Promise<void>((resolve) => server.listen(config.benchBarePort, config.host, resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
