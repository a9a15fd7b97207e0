/**
 * Sessions live in the database. The cookie carries a random token; the table keeps
 * only its SHA-256, so a leaked table cannot be replayed. Each session has an idle
 * timeout and an absolute lifetime, and a CSRF token the client echoes on writes.
 *
 * A live session is remembered in this process for a few seconds, so a burst of requests
 * costs one lookup, not one each. Whatever changes what a session stands for (logout,
 * password, disabling, roles, regions, units) calls `forgetSessions` after it commits; a
 * generation counter keeps a lookup that raced such a change from being remembered. The
 * short lifetime bounds what another server process's change can leave stale.
 */
import { createHash, randomBytes } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { RoleAssignment } from '../../../contract';
import type { Config } from '../config';
import type { Tx } from '../db/client';
import { sessions } from '../modules/accounts/accounts.schema';
import type { Actor } from './actor';

export const SESSION_COOKIE = 'gj_sid';
const TOUCH_EVERY_MS = 60_000;
const REMEMBER_MS = 15_000;
const REMEMBER_MAX = 20_000;

export const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createSession(
  db: Tx,
  config: Config,
  userId: number,
  meta: { ip: string | null; userAgent: string | null },
): Promise<{ token: string; sessionId: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const sessionId = tokenHash(token);
  // The user's dead sessions go when a new one starts, so the table holds live ones only.
  await db.execute(sql`
    DELETE FROM sessions WHERE user_id = ${userId}
       AND (expires_at < now() OR last_seen_at < now() - make_interval(secs => ${config.sessionIdleMs / 1000}))`);
  await db.insert(sessions).values({
    id: sessionId,
    userId,
    csrfToken,
    expiresAt: new Date(Date.now() + config.sessionMaxMs).toISOString(),
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  });
  return { token, sessionId, csrfToken };
}

type SessionRow = {
  id: string;
  csrf_token: string;
  expired: boolean;
  stale: boolean;
  user_id: number;
  username: string;
  display_name: string;
  district_id: number;
  disabled_at: string | null;
  person_id: number | null;
  roles: RoleAssignment[];
  expires_ms: number;
  last_seen_ms: number;
};

export type LoadedSession = {
  sessionId: string;
  csrfToken: string;
  expired: boolean;
  user: { id: number; username: string; displayName: string; districtId: number; personId: number | null };
  roles: RoleAssignment[];
};

type Remembered = { session: LoadedSession; at: number; expiresMs: number; lastSeenMs: number };
const remembered = new Map<string, Remembered>();
let generation = 0;

/**
 * Drops remembered sessions — of one user, or all of them (a region moved or renamed, a
 * unit renamed: any session may carry it). Call after the change has committed.
 */
export function forgetSessions(userId?: number) {
  generation++;
  if (userId === undefined) remembered.clear();
  else for (const [id, r] of remembered) if (r.session.user.id === userId) remembered.delete(id);
}

export async function loadSession(db: Tx, config: Config, token: string): Promise<LoadedSession | null> {
  const id = tokenHash(token);
  const hit = remembered.get(id);
  const now = Date.now();
  if (
    hit &&
    now - hit.at < REMEMBER_MS &&
    now < hit.expiresMs &&
    now - hit.lastSeenMs < config.sessionIdleMs
  ) {
    if (now - hit.lastSeenMs >= TOUCH_EVERY_MS) {
      hit.lastSeenMs = now;
      await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, id));
    }
    return hit.session;
  }
  remembered.delete(id);
  const seen = generation;
  const loaded = await lookup(db, config, id);
  if (loaded && !loaded.session.expired && seen === generation) {
    if (remembered.size >= REMEMBER_MAX) remembered.clear();
    remembered.set(id, {
      session: loaded.session,
      at: now,
      expiresMs: loaded.expiresMs,
      lastSeenMs: loaded.lastSeenMs,
    });
  }
  return loaded?.session ?? null;
}

/** A session read from the database, never from memory (login shows the fresh one). */
export const loadSessionById = (db: Tx, config: Config, sessionId: string) =>
  lookup(db, config, sessionId).then((l) => l?.session ?? null);

/** The actor a live session stands for. */
export const actorOf = (s: LoadedSession, ip: string | null): Actor => ({
  userId: s.user.id,
  username: s.user.username,
  displayName: s.user.displayName,
  districtId: s.user.districtId,
  personId: s.user.personId,
  sessionId: s.sessionId,
  ip,
  roles: s.roles,
});

/** One query: the session, its user and the user's live roles with their regions. */
async function lookup(db: Tx, config: Config, sessionId: string) {
  const idleSeconds = config.sessionIdleMs / 1000;
  const { rows } = await db.execute<SessionRow>(sql`
     SELECT s.id, s.csrf_token,
            (s.expires_at < now() OR s.last_seen_at < now() - make_interval(secs => ${idleSeconds})) AS expired,
            (s.last_seen_at < now() - make_interval(secs => ${TOUCH_EVERY_MS / 1000})) AS stale,
            (extract(epoch FROM s.expires_at) * 1000)::float8 AS expires_ms,
            (extract(epoch FROM s.last_seen_at) * 1000)::float8 AS last_seen_ms,
            u.id AS user_id, u.username, u.display_name, u.district_id, u.disabled_at,
            (SELECT p.id FROM people p WHERE p.user_id = u.id) AS person_id,
            COALESCE(json_agg(json_build_object(
              'id', ra.id, 'role', ra.role, 'regionId', r.id, 'regionName', r.name,
              'regionKind', r.kind, 'regionPath', r.path::text, 'unitId', un.id, 'unitName', un.name) ORDER BY ra.id)
              FILTER (WHERE r.id IS NOT NULL), '[]') AS roles
       FROM sessions s
       JOIN users u ON u.id = s.user_id
       LEFT JOIN role_assignments ra ON ra.user_id = u.id
       LEFT JOIN regions r ON r.district_id = ra.district_id AND r.id = ra.region_id AND r.retired_at IS NULL
       LEFT JOIN units un ON un.district_id = ra.district_id AND un.id = ra.unit_id
      WHERE s.id = ${sessionId}
      GROUP BY s.id, u.id`);
  const row = rows[0];
  if (!row) return null;
  if (row.disabled_at) {
    await db.delete(sessions).where(eq(sessions.id, sessionId));
    return null;
  }
  if (row.expired) {
    await db.delete(sessions).where(eq(sessions.id, sessionId));
  } else if (row.stale) {
    await db.update(sessions).set({ lastSeenAt: sql`now()` }).where(eq(sessions.id, sessionId));
  }
  const session: LoadedSession = {
    sessionId,
    csrfToken: row.csrf_token,
    expired: row.expired,
    user: {
      id: row.user_id,
      username: row.username,
      displayName: row.display_name,
      districtId: row.district_id,
      personId: row.person_id,
    },
    roles: row.roles,
  };
  return { session, expiresMs: row.expires_ms, lastSeenMs: row.stale ? Date.now() : row.last_seen_ms };
}

export async function destroySession(db: Tx, sessionId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}
