/**
 * Actors for the policy tables: a person (or none) holding roles at nodes given by their
 * paths ('1.2.3': district 1, street 2, community 3), unit contacts with their unit.
 */
import type { Role } from '../../contract';
import type { Actor } from '../src/auth/actor';

export const actor = (personId: number | null, roles: [Role, string, number?][] = [], userId = 1): Actor => ({
  userId,
  username: 'u',
  displayName: 'u',
  districtId: 1,
  personId,
  sessionId: 's',
  ip: null,
  roles: roles.map(([role, regionPath, unitId], i) => ({
    id: i + 1,
    role,
    regionId: Number(regionPath.split('.').at(-1)),
    regionName: '',
    regionKind: 'community',
    regionPath,
    unitId: unitId ?? null,
    unitName: null,
  })),
});

/** Every actor's answer, as a table to compare with who should be allowed. */
export const answers = <A extends Record<string, Actor>>(actors: A, allowed: (a: Actor) => boolean) =>
  Object.fromEntries(Object.entries(actors).map(([name, a]) => [name, allowed(a)]));
export const only = <A extends Record<string, Actor>>(actors: A, who: (keyof A)[]) =>
  Object.fromEntries(Object.keys(actors).map((name) => [name, who.includes(name)]));
