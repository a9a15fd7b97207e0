import { hash, verify } from '@node-rs/argon2';

// argon2id is the library's default algorithm (its enum is a const enum, unusable here).
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, OPTIONS);

let dummy: Promise<string> | undefined;

/** Verifies; for an unknown user it still spends the same time, so timing tells nothing. */
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    dummy ??= hashPassword('not-a-real-password');
    await verify(await dummy, password).catch(() => false);
    return false;
  }
  return verify(passwordHash, password).catch(() => false);
}

// ---------- the policy for a new password ----------

/** The contract's minimum too (UserCreateBody, PasswordResetBody, ChangePasswordBody). */
export const MIN_PASSWORD_LENGTH = 10;

export type PasswordProblem = 'password_too_short' | 'password_common' | 'password_contains_username';

/** Words of this service: the first an attacker tries here (the demo password is one). */
const CONTEXT_WORDS = ['gongjian', '共建', 'wodemima'];

let common: Promise<Set<string>> | undefined;

/**
 * ~49,000 passwords most often found in breaches (zxcvbn-ts's list), lower-cased; loaded
 * once, on the first password set, so start-up does not pay for it.
 */
const commonPasswords = () =>
  (common ??= import('@zxcvbn-ts/language-common').then(
    ({ dictionary }) => new Set(dictionary['passwords-common'].map((p) => p.toLowerCase())),
  ));

/**
 * Why a password may not be set, or null. Length; not a common password, nor one with
 * digits and signs added to a common one ("Zhang1990!!"), nor of under four different
 * characters, nor digits only (a phone or ID number); not containing the username or the
 * service's name. Applies wherever a password is set (not at login, so existing passwords
 * — the demo's among them — keep working).
 */
export async function passwordProblem(password: string, username: string): Promise<PasswordProblem | null> {
  if (password.length < MIN_PASSWORD_LENGTH) return 'password_too_short';
  const lower = password.toLowerCase();
  if (username.length >= 3 && lower.includes(username.toLowerCase())) return 'password_contains_username';
  if (new Set(lower).size < 4 || CONTEXT_WORDS.some((w) => lower.includes(w))) return 'password_common';
  // Digits only: a phone, ID-card or other personal number, or a date — guessed by anyone who knows the person.
  if (/^[\dx]+$/.test(lower)) return 'password_common';
  const list = await commonPasswords();
  const base = lower.replace(/[\d\p{P}\p{S}\s]+$/u, '');
  if (list.has(lower) || list.has(lower.trim()) || (base.length >= 4 && list.has(base)))
    return 'password_common';
  return null;
}
