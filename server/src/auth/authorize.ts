/**
 * The one authorisation check: may this actor do this action on something in the
 * region with this path? A role at a node reaches that node's subtree, nothing else.
 */
import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';
import type { Action, Role } from '../../../contract';
import { forbidden } from '../errors';
import type { Actor } from './actor';
import { GRANTABLE, ROLE_ACTIONS } from './permissions';

/** Is `path` the node `root` or below it? Paths are ltree strings like `1.4.27`. */
export const isWithin = (path: string, root: string) => path === root || path.startsWith(`${root}.`);

/** The roots of the subtrees where the actor may take `action`, none nested in another. */
export function scopes(actor: Actor, action: Action): string[] {
  const roots = actor.roles.filter((r) => ROLE_ACTIONS[r.role].includes(action)).map((r) => r.regionPath);
  return roots.filter((p, i) => !roots.some((q, j) => (j < i && q === p) || (q !== p && isWithin(p, q))));
}

export function can(actor: Actor, action: Action, path: string): boolean {
  return scopes(actor, action).some((root) => isWithin(path, root));
}

/** Throws 403 unless the actor may take `action` on something at `path`. */
export function authorize(actor: Actor, action: Action, path: string): void {
  if (!can(actor, action, path)) throw forbidden('out_of_scope');
}

/**
 * An SQL condition keeping rows whose ltree `column` lies in the actor's scope for
 * `action` — lists narrow in the database, never after loading. False when none.
 */
export function inScope(actor: Actor, action: Action, column: SQLWrapper): SQL {
  const roots = scopes(actor, action);
  if (roots.length === 0) return sql`false`;
  const parts = roots.map((root) => sql`${column} <@ ${root}::ltree`);
  return sql`(${sql.join(parts, sql` OR `)})`;
}

/** May the actor grant `role` at a node with this path? (Its own rank bounds what it grants.) */
export function canGrant(actor: Actor, role: Role, path: string): boolean {
  return actor.roles.some((r) => GRANTABLE[r.role].includes(role) && isWithin(path, r.regionPath));
}
