/**
 * Personal data shows only to those who need it; everyone else sees it masked. Who needs it is
 * each domain's policy (members.policy `seePrivate`, units.policy `seeContactPhone`).
 */

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
