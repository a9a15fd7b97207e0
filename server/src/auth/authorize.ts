/**
 * The one authorisation check: may this actor do this action on something in the
 * region with this path (and, for unit contacts, belonging to this unit)? A role at a
 * node reaches that node's subtree, nothing else; a unit contact's unit actions reach
 * its unit.
 */
import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { Action, Role } from '../../../contract';
import { forbidden } from '../errors';
import type { MessageKey } from '../i18n';
import type { Actor } from './actor';
import { GRANTABLE, ROLE_ACTIONS, UNIT_SCOPED_ACTIONS } from './permissions';

/** Where a thing sits: its region's path, and its unit when it belongs to one. */
export type Target = { path: string; unitId?: number | null };

/** Is `path` the node `root` or below it? Paths are ltree strings like `1.4.27`. */
export const isWithin = (path: string, root: string) => path === root || path.startsWith(`${root}.`);

const holders = (actor: Actor, action: Action) =>
  actor.roles.filter((r) => ROLE_ACTIONS[r.role].includes(action));
const byUnit = (r: Actor['roles'][number], action: Action) =>
  r.unitId !== null && UNIT_SCOPED_ACTIONS.has(action);

/** The roots of the subtrees where the actor may take `action`, none nested in another. */
export function scopes(actor: Actor, action: Action): string[] {
  const roots = holders(actor, action)
    .filter((r) => !byUnit(r, action))
    .map((r) => r.regionPath);
  return roots.filter((p, i) => !roots.some((q, j) => (j < i && q === p) || (q !== p && isWithin(p, q))));
}

/** The units whose things the actor may take `action` on as their contact. */
export function unitScopes(actor: Actor, action: Action): number[] {
  return [...new Set(holders(actor, action).flatMap((r) => (byUnit(r, action) ? [r.unitId!] : [])))];
}

/** Does the actor hold `action` anywhere at all? (The route-level check.) */
export const holds = (actor: Actor, action: Action) => holders(actor, action).length > 0;

export function can(actor: Actor, action: Action, target: Target | string): boolean {
  const t = typeof target === 'string' ? { path: target } : target;
  return (
    scopes(actor, action).some((root) => isWithin(t.path, root)) ||
    (t.unitId != null && unitScopes(actor, action).includes(t.unitId))
  );
}

/**
 * Throws 403 (with this reason) unless a policy allowed it. Services call it with a domain
 * policy's answer — `allow(teamPolicy.run(actor, team))` — so the rule itself lives in the policy.
 */
export function allow(allowed: boolean, code: MessageKey = 'forbidden'): asserts allowed {
  if (!allowed) throw forbidden(code);
}

/** Throws 403 unless the actor may take `action` on the target. */
export function authorize(actor: Actor, action: Action, target: Target | string): void {
  if (!can(actor, action, target)) throw forbidden('out_of_scope');
}

/**
 * An SQL condition keeping rows in the actor's scope for `action` — lists narrow in the
 * database, never after loading. `path` is the row's region path (ltree); `unit`, when
 * the row can belong to a unit, its unit id. False when the actor reaches nothing.
 */
export function inScope(actor: Actor, action: Action, path: SQLWrapper, unit?: SQLWrapper): SQL {
  const parts = scopes(actor, action).map((root) => sql`${path} <@ ${root}::ltree`);
  const units = unitScopes(actor, action);
  if (unit && units.length)
    parts.push(
      sql`${unit} IN (${sql.join(
        units.map((u) => sql`${u}`),
        sql`, `,
      )})`,
    );
  if (parts.length === 0) return sql`false`;
  return sql`(${sql.join(parts, sql` OR `)})`;
}

/** Does the actor take `action` over the whole district (a role at its root)? */
export const overDistrict = (actor: Actor, action: Action) =>
  scopes(actor, action).some((root) => !root.includes('.'));

/**
 * `inScope` for rows already narrowed to the actor's district (`district_id = …`): `true` when
 * the actor takes `action` over the whole district. A prepared statement's generic plan guesses
 * that `path <@ $root` keeps 0.1 % of the rows, and would plan a district-wide list for a handful.
 */
export const inDistrictScope = (actor: Actor, action: Action, path: SQLWrapper, unit?: SQLWrapper): SQL =>
  overDistrict(actor, action) ? sql`true` : inScope(actor, action, path, unit);

/** SQL: the row's unit is one the actor acts for as its contact (path scopes do not count). */
export function inUnits(actor: Actor, action: Action, unit: SQLWrapper): SQL {
  const units = unitScopes(actor, action);
  return units.length
    ? sql`${unit} IN (${sql.join(
        units.map((u) => sql`${u}`),
        sql`, `,
      )})`
    : sql`false`;
}

/** Does the actor act for this unit as its contact, for `action`? */
export const actsForUnit = (actor: Actor, action: Action, unitId: number | null) =>
  unitId !== null && unitScopes(actor, action).includes(unitId);

/** May the actor grant `role` at a node with this path? (Its own rank bounds what it grants.) */
export function canGrant(actor: Actor, role: Role, path: string): boolean {
  return actor.roles.some(
    (r) => r.unitId === null && GRANTABLE[r.role].includes(role) && isWithin(path, r.regionPath),
  );
}

/** The highest node where the actor holds `action`: where their dashboards and overviews open. */
export function topScope(actor: Actor, action: Action): number {
  const [top] = scopes(actor, action).sort((a, b) => a.length - b.length);
  if (!top) throw forbidden();
  return Number(top.split('.').at(-1));
}
