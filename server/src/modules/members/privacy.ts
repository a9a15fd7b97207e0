/** Personal data shows only to those who need it; everyone else sees it masked. */
import type { Actor } from '../../auth/actor';
import { can, type Target } from '../../auth/authorize';

/** 13812341234 → 138****1234; a landline keeps its last four digits. */
export function maskPhoneNumber(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : `****${phone.slice(-4)}`;
}

/** 110107199001011234 → 1101**********1234 */
export const maskIdNumber = (id: string) => `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;

/**
 * 张宏伟 → 张*伟, 张丽 → 张*: how a person shows on a public page to those outside the
 * place or activity they belong to — recognisable to those who know them, no more.
 */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`;
}

export const seesPrivate = (actor: Actor, target: Target, self = false) =>
  self || can(actor, 'person.private', target);

export function maskPhone(actor: Actor, phone: string | null, target: Target, self = false): string | null {
  if (phone === null) return null;
  return seesPrivate(actor, target, self) ? phone : maskPhoneNumber(phone);
}
