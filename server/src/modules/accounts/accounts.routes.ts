import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AuthSession,
  ChangePasswordBody,
  DEFAULT_TIME_ZONE,
  Id,
  IdParams,
  LoginBody,
  Me,
  PasswordResetBody,
  page,
  ResetCode,
  ResetCodeUseBody,
  RoleAssignment,
  RoleGrantBody,
  User,
  UserCreateBody,
  UserListQuery,
  UserUpdateBody,
} from '../../../../contract';
import { SESSION_COOKIE } from '../../auth/session';
import { AttemptBudget } from '../../auth/throttle';
import type { AppDeps } from '../../deps';
import { AppError } from '../../errors';
import { errors, noContent } from '../../http';
import { actorOf } from '../../plugins/auth';
import * as accounts from './accounts.service';
import * as resetCodes from './reset-codes.service';

/**
 * Failed logins one address may make across all accounts in LOGIN_FAILURE_WINDOW_MS: stops
 * password spraying (one common password tried on every account, which neither the
 * per-account lockout nor the per-address-and-account limit sees). Successful sign-ins do
 * not count, so an office behind one address is not held up.
 */
export const LOGIN_FAILURES_PER_ADDRESS = 50;
const LOGIN_FAILURE_WINDOW_MS = 15 * 60_000;

const authTags = ['session'];
const userTags = ['users'];
const Empty = z.null().describe('No content');

export const accountsRoutes =
  ({ db, config }: AppDeps): FastifyPluginAsyncZod =>
  async (app) => {
    const failures = new AttemptBudget(LOGIN_FAILURES_PER_ADDRESS, LOGIN_FAILURE_WINDOW_MS);
    const cookieOptions = {
      path: '/',
      httpOnly: true,
      sameSite: 'lax' as const,
      secure: config.secureCookies,
    };
    const setSessionCookie = (reply: FastifyReply, token: string) =>
      reply.setCookie(SESSION_COOKIE, token, {
        ...cookieOptions,
        maxAge: Math.floor(config.sessionMaxMs / 1000),
      });

    app.post(
      '/api/auth/login',
      {
        config: {
          policy: 'public',
          // Per address and account: slows guessing without letting one client lock out a whole office.
          rateLimit: {
            max: 20,
            timeWindow: '1 minute',
            // Lower-cased as the login does: "Member" and "MEMBER" are the same account, and
            // were 20 attempts a minute each.
            keyGenerator: (req) =>
              `${req.ip}|${String((req.body as { username?: unknown })?.username ?? '').toLowerCase()}`,
          },
        },
        schema: {
          tags: authTags,
          summary: 'Sign in; sets the session cookie',
          security: [],
          body: LoginBody,
          response: { 200: Me, 423: errors[401], 429: errors[401], ...errors },
        },
      },
      async (req, reply) => {
        // Spent before the password is checked (a concurrent burst is counted in full), given
        // back unless the attempt failed.
        if (!failures.take(req.ip)) throw new AppError(429, 'rate_limited');
        const meta = { ip: req.ip, userAgent: req.headers['user-agent'] ?? null };
        try {
          const s = await accounts.login(db, config, req.body.username, req.body.password, meta, req.actor);
          failures.refund(req.ip);
          setSessionCookie(reply, s.token);
          return s.me;
        } catch (e) {
          if (!(e instanceof AppError && (e.status === 401 || e.status === 423))) failures.refund(req.ip);
          throw e;
        }
      },
    );

    app.post(
      '/api/auth/logout',
      {
        config: { policy: 'session' },
        schema: { tags: authTags, summary: 'Sign out', response: { 204: Empty, ...errors } },
      },
      async (req, reply) => {
        await accounts.logout(db, actorOf(req));
        reply.clearCookie(SESSION_COOKIE, cookieOptions);
        return noContent(reply);
      },
    );

    app.get(
      '/api/auth/me',
      {
        config: { policy: 'session' },
        schema: {
          tags: authTags,
          summary: 'The signed-in user, roles with their region scope, and the CSRF token for writes',
          response: { 200: Me, ...errors },
        },
      },
      (req) => accounts.me(db, actorOf(req), req.csrfToken!, config.demo),
    );

    app.get(
      '/api/auth/session',
      {
        // Public: the console asks this on every load, the login page's too, and a signed-out
        // browser gets a 200 — GET /api/auth/me's 401 was logged in the browser's console.
        config: { policy: 'public' },
        schema: {
          tags: authTags,
          summary: 'Whether this browser is signed in, and if so as /api/auth/me answers; never a 401',
          security: [],
          response: { 200: AuthSession, ...errors },
        },
      },
      async (req) => {
        if (!req.actor) return { signedIn: false, me: null, timeZone: DEFAULT_TIME_ZONE };
        const me = await accounts.me(db, req.actor, req.csrfToken!, config.demo);
        return { signedIn: true, me, timeZone: me.timeZone };
      },
    );

    app.post(
      '/api/auth/reset-code',
      {
        config: {
          policy: 'public',
          // As the login: per address and account, and the failures count in the address's budget.
          rateLimit: {
            max: 20,
            timeWindow: '1 minute',
            keyGenerator: (req) =>
              `${req.ip}|${String((req.body as { username?: unknown })?.username ?? '').toLowerCase()}`,
          },
        },
        schema: {
          tags: authTags,
          summary:
            'Set a new password with a one-time reset code from whoever manages the account; every session of the account ends',
          security: [],
          body: ResetCodeUseBody,
          response: { 204: Empty, 429: errors[401], ...errors },
        },
      },
      async (req, reply) => {
        if (!failures.take(req.ip)) throw new AppError(429, 'rate_limited');
        const meta = { ip: req.ip, userAgent: req.headers['user-agent'] ?? null };
        try {
          await resetCodes.redeemResetCode(db, req.body, meta);
        } catch (e) {
          if (!(e instanceof AppError && e.code === 'reset_code_invalid')) failures.refund(req.ip);
          throw e;
        }
        failures.refund(req.ip);
        return noContent(reply);
      },
    );

    app.post(
      '/api/auth/password',
      {
        config: { policy: 'session' },
        schema: {
          tags: authTags,
          summary: 'Change your own password; every session ends and this one gets a new cookie',
          body: ChangePasswordBody,
          response: { 204: Empty, ...errors },
        },
      },
      async (req, reply) => {
        const meta = { ip: req.ip, userAgent: req.headers['user-agent'] ?? null };
        const { currentPassword, newPassword } = req.body;
        const s = await accounts.changeOwnPassword(
          db,
          config,
          actorOf(req),
          currentPassword,
          newPassword,
          meta,
        );
        setSessionCookie(reply, s.token); // a fresh session: GET /api/auth/me gives its CSRF token
        return noContent(reply);
      },
    );

    app.get(
      '/api/users',
      {
        config: { policy: 'user.read' },
        schema: {
          tags: userTags,
          summary: 'Users whose home lies in your scope',
          querystring: UserListQuery,
          response: { 200: page(User), ...errors },
        },
      },
      (req) => accounts.listUsers(db, actorOf(req), req.query),
    );
    app.get(
      '/api/users/:id',
      {
        config: { policy: 'user.read' },
        schema: { tags: userTags, params: IdParams, response: { 200: User, ...errors } },
      },
      (req) => accounts.getUser(db, actorOf(req), req.params.id),
    );
    app.post(
      '/api/users',
      {
        config: { policy: 'user.manage' },
        schema: {
          tags: userTags,
          summary: 'Create a user',
          body: UserCreateBody,
          response: { 201: User, ...errors },
        },
      },
      async (req, reply) => reply.status(201).send(await accounts.createUser(db, actorOf(req), req.body)),
    );
    app.patch(
      '/api/users/:id',
      {
        config: { policy: 'user.manage' },
        schema: {
          tags: userTags,
          summary: 'Rename, move home, disable or enable a user',
          params: IdParams,
          body: UserUpdateBody,
          response: { 200: User, ...errors },
        },
      },
      (req) => accounts.updateUser(db, actorOf(req), req.params.id, req.body),
    );
    app.post(
      '/api/users/:id/roles',
      {
        config: { policy: 'user.manage' },
        schema: {
          tags: userTags,
          summary: 'Grant a role at a node of your subtree',
          params: IdParams,
          body: RoleGrantBody,
          response: { 201: RoleAssignment, ...errors },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await accounts.grantRole(db, actorOf(req), req.params.id, req.body)),
    );
    app.delete(
      '/api/users/:id/roles/:assignmentId',
      {
        config: { policy: 'user.manage' },
        schema: {
          tags: userTags,
          summary: 'Revoke a role',
          params: z.strictObject({ id: Id, assignmentId: Id }),
          response: { 204: Empty, ...errors },
        },
      },
      async (req, reply) => {
        await accounts.revokeRole(db, actorOf(req), req.params.id, req.params.assignmentId);
        return noContent(reply);
      },
    );
    app.post(
      '/api/users/:id/unlock',
      {
        config: { policy: 'user.manage' },
        schema: {
          tags: userTags,
          summary: 'Lift a login lockout',
          params: IdParams,
          response: { 204: Empty, ...errors },
        },
      },
      async (req, reply) => {
        await accounts.unlockUser(db, actorOf(req), req.params.id);
        return noContent(reply);
      },
    );
    app.post(
      '/api/users/:id/reset-code',
      {
        config: { policy: 'user.manage' },
        schema: {
          tags: userTags,
          summary:
            'Issue a one-time reset code (shown once, valid 24 hours) for a user you manage; replaces an earlier one',
          params: IdParams,
          response: { 201: ResetCode, ...errors },
        },
      },
      async (req, reply) =>
        reply.status(201).send(await resetCodes.issueResetCode(db, actorOf(req), req.params.id)),
    );
    app.post(
      '/api/users/:id/password',
      {
        config: { policy: 'user.manage' },
        schema: {
          tags: userTags,
          summary: "Set a user's password; their sessions end",
          params: IdParams,
          body: PasswordResetBody,
          response: { 204: Empty, ...errors },
        },
      },
      async (req, reply) => {
        await accounts.resetPassword(db, actorOf(req), req.params.id, req.body.newPassword);
        return noContent(reply);
      },
    );
  };
