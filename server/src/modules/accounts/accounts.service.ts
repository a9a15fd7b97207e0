/**
 * Accounts: login with lockout, sessions, password changes, users and their roles.
 * An actor manages a user only when the user's home lies in its scope and it could
 * grant every role the user holds — nobody manages someone who outranks them.
 */
import { and, eq, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Me,
  RoleAssignment,
  RoleGrantBody,
  User,
  UserCreateBody,
  UserListQuery,
  UserUpdateBody,
} from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { allow, inScope } from '../../auth/authorize';
import { hashPassword, MIN_PASSWORD_LENGTH, passwordProblem, verifyPassword } from '../../auth/password';
import { ROLE_ACTIONS, ROLE_NODE_KINDS } from '../../auth/permissions';
import { actorOf, createSession, destroySession, forgetSessions, loadSessionById } from '../../auth/session';
import { oneAtATime } from '../../auth/throttle';
import type { Config } from '../../config';
import type { Tx } from '../../db/client';
import { AppError, invalidField, notFound, unauthorized, unprocessable } from '../../errors';
import { contains, iso } from '../../http';
import { recordAudit } from '../audit/audit.service';
import { districtTimeZone, regionForRead } from '../regions/regions.queries';
import { regions } from '../regions/regions.schema';
import { unitRow } from '../units/units.queries';
import { unitFor } from '../units/units.service';
import { accountPolicy } from './accounts.policy';
import { roleAssignments, sessions, users } from './accounts.schema';

export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

export type RequestMeta = { ip: string | null; userAgent: string | null };

// ---------- session ----------

/**
 * Signs in. Attempts at one account are checked one at a time, and each is counted (the
 * account locked at the fifth) before its password is checked, in one statement; a success
 * resets the count. Reading the lock first and counting after the check let a concurrent
 * burst all pass the lock (of 50 wrong passwords at once, 31 were checked) and a right one
 * racing in after the fifth failure. Counting first alone would lock out five concurrent
 * right ones; the queue keeps them apart (several server processes: each adds at most
 * one attempt in flight, and the count in the database stays exact).
 */
export function login(
  db: Tx,
  config: Config,
  username: string,
  password: string,
  meta: RequestMeta,
  previous: Actor | null = null,
) {
  const name = username.toLowerCase();
  return oneAtATime(`login:${name}`, () => attempt(db, config, name, password, meta, previous));
}

async function attempt(
  db: Tx,
  config: Config,
  name: string,
  password: string,
  meta: RequestMeta,
  previous: Actor | null,
) {
  const [user] = await db
    .update(users)
    .set({
      failedLogins: sql`${users.failedLogins} + 1`,
      lockedUntil: sql`CASE WHEN ${users.failedLogins} + 1 >= ${MAX_FAILED_LOGINS}
                        THEN now() + make_interval(mins => ${LOCKOUT_MINUTES}) END`,
    })
    .where(and(eq(users.username, name), or(isNull(users.lockedUntil), lte(users.lockedUntil, sql`now()`))))
    .returning();
  if (!user) {
    const [locked] = await db
      .select({ lockedUntil: users.lockedUntil })
      .from(users)
      .where(eq(users.username, name));
    if (locked?.lockedUntil) {
      const ms = new Date(locked.lockedUntil).getTime() - Date.now();
      throw new AppError(423, 'account_locked', { minutes: Math.max(1, Math.ceil(ms / 60_000)) });
    }
    await verifyPassword(null, password); // an unknown user costs the same time
    throw unauthorized('bad_credentials');
  }
  const ok = await verifyPassword(user.passwordHash, password);
  const home = { districtId: user.districtId, regionId: user.regionId };
  if (!ok) {
    if (user.lockedUntil) {
      await recordAudit(
        db,
        { userId: null, ip: meta.ip },
        {
          ...home,
          action: 'session.lockout',
          entityType: 'user',
          entityId: user.id,
          after: { failedLogins: user.failedLogins, lockedUntil: user.lockedUntil },
        },
      );
      throw new AppError(423, 'account_locked', { minutes: LOCKOUT_MINUTES });
    }
    throw unauthorized('bad_credentials');
  }
  const open = accountPolicy.signIn(user);
  // The right password still clears the count: a disabled account is refused, not locked.
  if (!open) await db.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
  allow(open, 'account_disabled');
  return db
    .transaction(async (tx) => {
      await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, user.id));
      // A session the client brought along ends: a login never continues an earlier token.
      if (previous) await destroySession(tx, previous.sessionId);
      const session = await createSession(tx, config, user.id, meta);
      await recordAudit(
        tx,
        { userId: user.id, ip: meta.ip },
        {
          ...home,
          action: 'session.login',
          entityType: 'session',
          entityId: user.id,
          after: { userAgent: meta.userAgent?.slice(0, 120) ?? null },
        },
      );
      return session;
    })
    .then(async (session) => {
      if (previous) forgetSessions(previous.userId);
      const loaded = await loadSessionById(db, config, session.sessionId);
      return {
        token: session.token,
        me: await me(db, actorOf(loaded!, meta.ip), session.csrfToken, config.demo),
      };
    });
}

export async function logout(db: Tx, actor: Actor) {
  await db.transaction(async (tx) => {
    await destroySession(tx, actor.sessionId);
    await recordAudit(tx, actor, {
      ...(await homeOf(tx, actor.userId)),
      action: 'session.logout',
      entityType: 'session',
      entityId: actor.userId,
    });
  });
  forgetSessions(actor.userId);
}

async function homeOf(db: Tx, userId: number) {
  const [u] = await db
    .select({ districtId: users.districtId, regionId: users.regionId })
    .from(users)
    .where(eq(users.id, userId));
  if (!u) throw notFound();
  return u;
}

export async function me(db: Tx, actor: Actor, csrfToken: string, demo: boolean): Promise<Me> {
  const actions = [...new Set(actor.roles.flatMap((r) => ROLE_ACTIONS[r.role]))];
  return {
    user: {
      id: actor.userId,
      username: actor.username,
      displayName: actor.displayName,
      districtId: actor.districtId,
      personId: actor.personId,
    },
    roles: actor.roles,
    actions,
    csrfToken,
    demo,
    timeZone: await districtTimeZone(db, actor.districtId),
  };
}

/** Sets a new password; the own session is replaced by a fresh one (its token is returned), the others end. */
export async function changeOwnPassword(
  db: Tx,
  config: Config,
  actor: Actor,
  current: string,
  next: string,
  meta: RequestMeta,
) {
  const [user] = await db.select().from(users).where(eq(users.id, actor.userId));
  if (!user || !(await verifyPassword(user.passwordHash, current)))
    throw invalidField('currentPassword', 'wrong_password');
  await checkNewPassword(next, user.username, 'newPassword');
  const hash = await hashPassword(next);
  const session = await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash: hash, passwordChangedAt: sql`now()` })
      .where(eq(users.id, user.id));
    // Every session ends, this one too: a changed password locks out whoever else had it,
    // and a token from before the change (a stolen or planted one) is worth nothing.
    await tx.delete(sessions).where(eq(sessions.userId, user.id));
    const fresh = await createSession(tx, config, user.id, meta);
    await recordAudit(tx, actor, {
      districtId: user.districtId,
      regionId: user.regionId,
      action: 'user.password_change',
      entityType: 'user',
      entityId: user.id,
    });
    return fresh;
  });
  forgetSessions(user.id);
  return { token: session.token };
}

/** The password policy (auth/password.ts), as a 422 under the field that carried the password. */
export async function checkNewPassword(password: string, username: string, field: string) {
  const problem = await passwordProblem(password, username);
  if (problem) throw invalidField(field, problem, { min: MIN_PASSWORD_LENGTH });
}

// ---------- users ----------

const roleList = sql<RoleAssignment[]>`COALESCE((
  SELECT json_agg(json_build_object('id', ra.id, 'role', ra.role, 'regionId', rr.id, 'regionName', rr.name,
                                    'regionKind', rr.kind, 'regionPath', rr.path::text,
                                    'unitId', un.id, 'unitName', un.name) ORDER BY ra.id)
    FROM role_assignments ra
    JOIN regions rr ON rr.district_id = ra.district_id AND rr.id = ra.region_id
    LEFT JOIN LATERAL (${unitRow(sql`ra.district_id`, sql`ra.unit_id`)}) un ON true
   WHERE ra.user_id = ${users.id}), '[]'::json)`;

const userColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  regionId: users.regionId,
  regionName: regions.name,
  regionPath: regions.path,
  districtId: users.districtId,
  disabledAt: users.disabledAt,
  lockedUntil: users.lockedUntil,
  createdAt: users.createdAt,
  roles: roleList,
};
export type UserRow = {
  id: number;
  username: string;
  displayName: string;
  regionId: number;
  regionName: string;
  regionPath: string;
  districtId: number;
  disabledAt: string | null;
  lockedUntil: string | null;
  createdAt: string;
  roles: RoleAssignment[];
};

const presentUser = (actor: Actor, u: UserRow): User => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  regionId: u.regionId,
  regionName: u.regionName,
  disabled: u.disabledAt !== null,
  lockedUntil: u.lockedUntil && new Date(u.lockedUntil) > new Date() ? iso(u.lockedUntil) : null,
  createdAt: iso(u.createdAt)!,
  roles: u.roles,
  can: { issueReset: accountPolicy.issueReset(actor, u) },
});

const homeJoin = and(eq(regions.districtId, users.districtId), eq(regions.id, users.regionId));

export async function loadUser(db: Tx, actor: Actor, id: number): Promise<UserRow> {
  const [u] = await db
    .select(userColumns)
    .from(users)
    .innerJoin(regions, homeJoin)
    .where(
      and(
        eq(users.id, id),
        eq(users.districtId, actor.districtId),
        inScope(actor, 'user.read', regions.path),
      ),
    );
  // Whether a person has an account outside your scope is not yours to know: 404.
  if (!u) throw notFound();
  return u as UserRow;
}

/** accountPolicy.manage, asked rule by rule so each refusal keeps its own reason. */
export function authorizeManage(actor: Actor, u: UserRow) {
  allow(accountPolicy.reach(actor, u), 'out_of_scope');
  allow(accountPolicy.actOn(actor, u));
  allow(accountPolicy.outrank(actor, u), 'role_too_high');
}

export async function getUser(db: Tx, actor: Actor, id: number) {
  return presentUser(actor, await loadUser(db, actor, id));
}

export async function listUsers(db: Tx, actor: Actor, q: z.infer<typeof UserListQuery>) {
  const where: (SQL | undefined)[] = [
    eq(users.districtId, actor.districtId),
    inScope(actor, 'user.read', regions.path),
  ];
  if (q.regionId) {
    const root = await regionForRead(db, actor, q.regionId, 'user.read');
    where.push(sql`${regions.path} <@ ${root.path}::ltree`);
  }
  if (q.q)
    where.push(
      sql`(${users.displayName} ILIKE ${contains(q.q)} OR ${users.username} ILIKE ${contains(q.q)})`,
    );
  if (q.role) {
    where.push(
      sql`EXISTS (SELECT 1 FROM role_assignments ra WHERE ra.user_id = ${users.id} AND ra.role = ${q.role})`,
    );
  }
  const cond = and(...where);
  const [rows, [count]] = await Promise.all([
    db
      .select(userColumns)
      .from(users)
      .innerJoin(regions, homeJoin)
      .where(cond)
      .orderBy(regions.path, users.displayName, users.id)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)` }).from(users).innerJoin(regions, homeJoin).where(cond),
  ]);
  return { items: (rows as UserRow[]).map((u) => presentUser(actor, u)), total: count?.n ?? 0 };
}

/** Checks a grant: the actor may grant this role there, and the role is held at that kind of node. */
async function checkGrant(tx: Tx, actor: Actor, grant: RoleGrantBody) {
  let unit: { id: number; name: string } | null = null;
  let regionId: number;
  if (grant.role === 'unit_contact') {
    const u = await unitFor(tx, actor, grant.unitId);
    unit = { id: u.id, name: u.name };
    regionId = u.regionId;
  } else {
    regionId = grant.regionId;
  }
  const node = await regionForRead(tx, actor, regionId, 'user.manage');
  if (node.retiredAt) throw unprocessable('region_retired');
  allow(accountPolicy.grant(actor, { role: grant.role, regionPath: node.path }), 'role_too_high');
  if (!ROLE_NODE_KINDS[grant.role].includes(node.kind)) {
    throw unprocessable('role_region_kind', { role: grant.role, kind: node.kind });
  }
  return { node, unit };
}

export async function createUser(db: Tx, actor: Actor, input: z.infer<typeof UserCreateBody>) {
  const home = await regionForRead(db, actor, input.regionId, 'user.manage');
  if (home.retiredAt) throw unprocessable('region_retired');
  await checkNewPassword(input.password, input.username, 'password');
  const hash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const grants = [];
    for (const g of input.roles) grants.push({ role: g.role, ...(await checkGrant(tx, actor, g)) });
    const [u] = await tx
      .insert(users)
      .values({
        districtId: actor.districtId,
        regionId: home.id,
        username: input.username,
        displayName: input.displayName,
        passwordHash: hash,
      })
      .returning({ id: users.id });
    if (input.roles.length) {
      await tx.insert(roleAssignments).values(
        grants.map((g) => ({
          districtId: actor.districtId,
          userId: u!.id,
          role: g.role,
          regionId: g.node.id,
          unitId: g.unit?.id ?? null,
          createdBy: actor.userId,
        })),
      );
    }
    const created = await loadUser(tx, actor, u!.id);
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: home.id,
      action: 'user.create',
      entityType: 'user',
      entityId: u!.id,
      after: auditView(created),
    });
    return presentUser(actor, created);
  });
}

const auditView = (u: UserRow) => ({
  username: u.username,
  displayName: u.displayName,
  regionId: u.regionId,
  disabled: u.disabledAt !== null,
  roles: u.roles.map((r) => `${r.role}@${r.regionId}${r.unitId ? `/unit:${r.unitId}` : ''}`),
});

export async function updateUser(db: Tx, actor: Actor, id: number, input: z.infer<typeof UserUpdateBody>) {
  const updated = await db.transaction(async (tx) => {
    const before = await loadUser(tx, actor, id);
    authorizeManage(actor, before);
    if (input.regionId !== undefined && input.regionId !== before.regionId) {
      const home = await regionForRead(tx, actor, input.regionId, 'user.manage');
      if (home.retiredAt) throw unprocessable('region_retired');
    }
    await tx
      .update(users)
      .set({
        displayName: input.displayName ?? before.displayName,
        regionId: input.regionId ?? before.regionId,
        disabledAt:
          input.disabled === undefined
            ? before.disabledAt
            : input.disabled
              ? (before.disabledAt ?? sql`now()`)
              : null,
      })
      .where(eq(users.id, id));
    if (input.disabled) await tx.delete(sessions).where(eq(sessions.userId, id));
    const after = await loadUser(tx, actor, id);
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: after.regionId,
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      before: auditView(before),
      after: auditView(after),
    });
    return presentUser(actor, after);
  });
  forgetSessions(id);
  return updated;
}

export async function grantRole(db: Tx, actor: Actor, userId: number, grant: z.infer<typeof RoleGrantBody>) {
  const granted = await db.transaction(async (tx) => {
    const user = await loadUser(tx, actor, userId);
    allow(accountPolicy.actOn(actor, user));
    const { node, unit } = await checkGrant(tx, actor, grant);
    const [ra] = await tx
      .insert(roleAssignments)
      .values({
        districtId: actor.districtId,
        userId,
        role: grant.role,
        regionId: node.id,
        unitId: unit?.id ?? null,
        createdBy: actor.userId,
      })
      .returning({ id: roleAssignments.id });
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: node.id,
      action: 'role.grant',
      entityType: 'role_assignment',
      entityId: ra!.id,
      after: { userId, role: grant.role, regionId: node.id, unitId: unit?.id ?? null },
    });
    return {
      id: ra!.id,
      role: grant.role,
      regionId: node.id,
      regionName: node.name,
      regionKind: node.kind,
      regionPath: node.path,
      unitId: unit?.id ?? null,
      unitName: unit?.name ?? null,
    };
  });
  forgetSessions(userId);
  return granted;
}

export async function revokeRole(db: Tx, actor: Actor, userId: number, assignmentId: number) {
  await db.transaction(async (tx) => {
    const user = await loadUser(tx, actor, userId);
    allow(accountPolicy.actOn(actor, user));
    const ra = user.roles.find((r) => r.id === assignmentId);
    if (!ra) throw notFound();
    allow(accountPolicy.revoke(actor, ra), 'role_too_high');
    await tx
      .delete(roleAssignments)
      .where(and(eq(roleAssignments.districtId, actor.districtId), eq(roleAssignments.id, assignmentId)));
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: ra.regionId,
      action: 'role.revoke',
      entityType: 'role_assignment',
      entityId: assignmentId,
      before: { userId, role: ra.role, regionId: ra.regionId },
    });
  });
  forgetSessions(userId);
}

export async function unlockUser(db: Tx, actor: Actor, id: number) {
  await db.transaction(async (tx) => {
    const u = await loadUser(tx, actor, id);
    authorizeManage(actor, u);
    await tx.update(users).set({ failedLogins: 0, lockedUntil: null }).where(eq(users.id, id));
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: u.regionId,
      action: 'user.unlock',
      entityType: 'user',
      entityId: id,
      before: { lockedUntil: u.lockedUntil },
    });
  });
}

export async function resetPassword(db: Tx, actor: Actor, id: number, newPassword: string) {
  const u = await loadUser(db, actor, id);
  authorizeManage(actor, u);
  await checkNewPassword(newPassword, u.username, 'newPassword');
  const hash = await hashPassword(newPassword);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash: hash, passwordChangedAt: sql`now()`, failedLogins: 0, lockedUntil: null })
      .where(eq(users.id, id));
    await tx.delete(sessions).where(eq(sessions.userId, id));
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: u.regionId,
      action: 'user.password_reset',
      entityType: 'user',
      entityId: id,
    });
  });
  forgetSessions(id);
}
