/**
 * Reads the session cookie into `req.actor`, enforces each route's declared policy and
 * the CSRF token on writes. Every /api route must declare `config.policy`: 'public',
 * 'session' (any signed-in user) or the action it needs somewhere in the tree; the
 * service then checks the exact region with `authorize`.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Action } from '../../../contract';
import type { Actor } from '../auth/actor';
import { holds } from '../auth/authorize';
import { loadSession, SESSION_COOKIE, actorOf as sessionActor } from '../auth/session';
import type { Config } from '../config';
import type { Db } from '../db/client';
import { AppError, forbidden, unauthorized } from '../errors';

export type Policy = 'public' | 'session' | Action;

declare module 'fastify' {
  interface FastifyContextConfig {
    policy?: Policy;
  }
  interface FastifyInstance {
    /** Every API route and the policy it declared: what the permission tests walk through. */
    policies: { method: string; url: string; policy: Policy }[];
  }
  interface FastifyRequest {
    actor: Actor | null;
    sessionExpired: boolean;
    csrfToken: string | null;
  }
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The actor of a route whose policy demands a session (the onRequest hook has checked it). */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthorized();
  return req.actor;
}

export function registerAuth(app: FastifyInstance, db: Db, config: Config) {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionExpired', false);
  app.decorateRequest('csrfToken', null);

  app.decorate('policies', []);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const policy = route.config?.policy;
    if (!policy) throw new Error(`Route ${route.method} ${route.url} declares no policy (config.policy)`);
    for (const method of [route.method].flat())
      if (method !== 'HEAD') app.policies.push({ method, url: route.url, policy });
  });

  app.addHook('onRequest', async (req) => {
    const policy = req.routeOptions.config.policy;
    if (!policy) return;
    const token = req.cookies[SESSION_COOKIE];
    if (token && token.length <= 100) {
      const s = await loadSession(db, config, token);
      if (s?.expired) req.sessionExpired = true;
      else if (s) {
        req.csrfToken = s.csrfToken;
        req.actor = sessionActor(s, req.ip);
      }
    }
    if (!SAFE.has(req.method)) checkCsrf(req);
    if (policy === 'public') return;
    if (!req.actor) throw req.sessionExpired ? new AppError(401, 'session_expired') : unauthorized();
    if (policy !== 'session' && !holds(req.actor, policy)) throw forbidden();
  });
}

/** Compared in constant time: how long a refusal takes tells nothing about the token. */
function sameSecret(given: unknown, expected: string | null): boolean {
  if (typeof given !== 'string' || expected === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Writes need proof they come from our own pages: with a session, the CSRF token the
 * session was given; without one (login), an Origin, when sent, naming this host. An
 * opaque Origin ("null": a sandboxed frame, a data: page) names no host and is refused.
 */
function checkCsrf(req: FastifyRequest) {
  if (req.actor) {
    if (!sameSecret(req.headers['x-csrf-token'], req.csrfToken)) throw new AppError(403, 'csrf');
    return;
  }
  const origin = req.headers.origin;
  if (origin) {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      throw new AppError(403, 'csrf');
    }
    if (host !== req.headers.host) throw new AppError(403, 'csrf');
  }
}
