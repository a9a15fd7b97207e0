/**
 * One-time reset codes: account recovery without e-mail. A person who forgot their password
 * asks their community worker (or whoever manages their account: accountPolicy.issueReset),
 * who issues a code from the person's page or the user list and hands it over; the person
 * sets a new password with it on the login page. The code is random (60 bits), shown once,
 * kept only as its SHA-256, expires after RESET_CODE_HOURS, is spent by its use and dies at its
 * RESET_CODE_TRIES-th wrong try. One per account: a new code replaces the old. Issue and use are
 * audited; using one ends every session of the account.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { ResetCode, ResetCodeUseBody } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { allow } from '../../auth/authorize';
import { hashPassword } from '../../auth/password';
import { forgetSessions } from '../../auth/session';
import { oneAtATime } from '../../auth/throttle';
import type { Tx } from '../../db/client';
import { invalidField } from '../../errors';
import { iso } from '../../http';
import { recordAudit } from '../audit/audit.service';
import { accountPolicy } from './accounts.policy';
import { passwordResetCodes, sessions, users } from './accounts.schema';
import { authorizeManage, checkNewPassword, loadUser, type RequestMeta } from './accounts.service';

export const RESET_CODE_HOURS = 24;
/** Wrong tries a code survives: at this many it stops working (each counted before it is checked). */
export const RESET_CODE_TRIES = 5;
/** Crockford's base 32: digits and capitals without I, L, O and U — nothing to misread aloud. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CODE_LENGTH = 12;

/** A fresh code, `XXXX-XXXX-XXXX`, each character drawn uniformly by the system's CSPRNG. */
function newCode(): string {
  let raw = '';
  for (let i = 0; i < CODE_LENGTH; i++) raw += ALPHABET[randomInt(ALPHABET.length)];
  return raw.replace(/(.{4})(?=.)/g, '$1-');
}

/** A code as typed, read as issued: case, spaces and dashes ignored, O as 0, I and L as 1. */
export const normalizeCode = (typed: string) =>
  typed
    .toUpperCase()
    .replace(/[\s-]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');

/** What is kept of a code: its SHA-256, salted with its account (one code, one account). */
const codeHash = (userId: number, code: string) =>
  createHash('sha256')
    .update(`${userId}:${normalizeCode(code)}`)
    .digest();

/** Issues a code for a user the actor manages, replacing any earlier one; the code is in this answer only. */
export async function issueResetCode(db: Tx, actor: Actor, id: number): Promise<ResetCode> {
  const code = newCode();
  const hash = codeHash(id, code).toString('hex');
  return db.transaction(async (tx) => {
    const u = await loadUser(tx, actor, id);
    authorizeManage(actor, u);
    allow(accountPolicy.issueReset(actor, u), 'account_disabled');
    const fresh = {
      codeHash: hash,
      expiresAt: sql`now() + make_interval(hours => ${RESET_CODE_HOURS})`,
      usedAt: null,
      failedAttempts: 0,
      createdBy: actor.userId,
      createdAt: sql`now()`,
    };
    const [row] = await tx
      .insert(passwordResetCodes)
      .values({ userId: id, ...fresh })
      .onConflictDoUpdate({ target: passwordResetCodes.userId, set: fresh })
      .returning({ expiresAt: passwordResetCodes.expiresAt });
    const expiresAt = iso(row!.expiresAt)!;
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: u.regionId,
      action: 'user.reset_code_issue',
      entityType: 'user',
      entityId: id,
      after: { expiresAt },
    });
    return { code, expiresAt };
  });
}

type Live = {
  user_id: number;
  code_hash: string;
  district_id: number;
  region_id: number;
  created_by: number | null;
};

/**
 * Sets a new password with a code. Tries at one account are checked one at a time; each is
 * counted before its code is checked. An unknown user, a wrong, used, expired or worn-out code
 * and a disabled account all get the same answer. The password's own rules come first, so a
 * refused password spends no try.
 */
export async function redeemResetCode(db: Tx, input: ResetCodeUseBody, meta: RequestMeta) {
  const name = input.username.toLowerCase();
  await checkNewPassword(input.newPassword, name, 'newPassword');
  const userId = await oneAtATime(`reset:${name}`, async () => {
    const { rows } = await db.execute<Live>(sql`
      UPDATE password_reset_codes c SET failed_attempts = c.failed_attempts + 1
        FROM users u
       WHERE u.username = ${name} AND c.user_id = u.id AND u.disabled_at IS NULL
         AND c.used_at IS NULL AND c.expires_at > now() AND c.failed_attempts < ${RESET_CODE_TRIES}
      RETURNING c.user_id, c.code_hash, u.district_id, u.region_id, c.created_by`);
    const live = rows[0];
    const given = codeHash(live?.user_id ?? 0, input.code);
    if (!live || !timingSafeEqual(Buffer.from(live.code_hash, 'hex'), given))
      throw invalidField('code', 'reset_code_invalid');
    const hash = await hashPassword(input.newPassword);
    await db.transaction(async (tx) => {
      // Spent here, guarded: of two servers racing with the same code, one sets the password.
      const spent = await tx
        .update(passwordResetCodes)
        .set({ usedAt: sql`now()` })
        .where(and(eq(passwordResetCodes.userId, live.user_id), isNull(passwordResetCodes.usedAt)))
        .returning({ userId: passwordResetCodes.userId });
      if (!spent.length) throw invalidField('code', 'reset_code_invalid');
      await tx
        .update(users)
        .set({ passwordHash: hash, passwordChangedAt: sql`now()`, failedLogins: 0, lockedUntil: null })
        .where(eq(users.id, live.user_id));
      // Every session ends: whoever had the old password is out.
      await tx.delete(sessions).where(eq(sessions.userId, live.user_id));
      await recordAudit(
        tx,
        { userId: live.user_id, ip: meta.ip },
        {
          districtId: live.district_id,
          regionId: live.region_id,
          action: 'user.reset_code_use',
          entityType: 'user',
          entityId: live.user_id,
          after: { issuedBy: live.created_by, userAgent: meta.userAgent?.slice(0, 120) ?? null },
        },
      );
    });
    return live.user_id;
  });
  forgetSessions(userId);
}
