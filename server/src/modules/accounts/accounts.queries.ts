/**
 * What other domains read of accounts (users, role_assignments) — the model is
 * registrations.queries. Callers list and filter in one set-based statement (joined, scoped
 * and paginated in SQL), so this file gives SQL fragments they embed; the account tables
 * stay named here only. Changes to accounts stay in accounts.service.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Action, Role } from '../../../../contract';
import { ROLE_ACTIONS, UNIT_SCOPED_ACTIONS } from '../../auth/permissions';
import type { Tx } from '../../db/client';

/**
 * SQL: one account (id, username, display_name), for `LEFT JOIN LATERAL (…) u ON true`;
 * `userId` is the caller's column (users are district-wide: the id alone finds one). The table's
 * alias is long so that it never shadows a caller's alias (`u.created_by` passed in).
 */
export const userRow = (userId: SQL): SQL => sql`
    SELECT user_row.id, user_row.username, user_row.display_name FROM users user_row WHERE user_row.id = ${userId}`;

/** SQL: the district of one account (`userId` is the caller's column), a scalar. */
export const userDistrict = (userId: SQL): SQL => sql`
    (SELECT user_row.district_id FROM users user_row WHERE user_row.id = ${userId})`;

/**
 * SQL: every unit-contact role (user_id, district_id, unit_id), as a derived table. The caller
 * correlates on `ra.user_id` in its own WHERE, so that an `EXISTS (…)` over it stays hashable
 * (one pass, not one per outer row).
 */
export const unitContactRoles = (): SQL => sql`
    SELECT ra.user_id, ra.district_id, ra.unit_id FROM role_assignments ra WHERE ra.role = 'unit_contact'`;

/** The home region of an account (where its own writes are placed), or null if there is none. */
export async function userHomeRegion(db: Tx, userId: number): Promise<number | null> {
  const { rows } = await db.execute<{ region_id: number }>(
    sql`SELECT region_id FROM users WHERE id = ${userId}`,
  );
  return rows[0]?.region_id ?? null;
}

/** Which of `userIds` hold `role` somewhere in the district (each once). */
export async function usersWithRole(db: Tx, districtId: number, role: Role, userIds: number[]) {
  const { rows } = await db.execute<{ user_id: number }>(sql`
    SELECT DISTINCT ra.user_id FROM role_assignments ra
     WHERE ra.district_id = ${districtId} AND ra.role = ${role} AND ra.user_id = ANY(${`{${userIds.join(',')}}`}::bigint[])`);
  return rows.map((r) => r.user_id);
}

/** SQL: the name of the account a role assignment was granted to, as a scalar subquery (`districtId`, `id`: the caller's columns). */
export const roleAssignmentLabel = (districtId: SQL, id: SQL): SQL => sql`(
    SELECT user_row.display_name FROM role_assignments role_assignment_row JOIN users user_row ON user_row.id = role_assignment_row.user_id
     WHERE role_assignment_row.district_id = ${districtId} AND role_assignment_row.id = ${id})`;

/**
 * SQL: the accounts (`user_id`, each once, disabled ones left out) holding `action` over a place —
 * a role whose actions include it, held at the place (`path`, the caller's ltree) or an ancestor,
 * the way authorize.ts reaches a subtree; or, for a unit contact's unit-scoped action, a contact
 * of `unitId`. Either side may be left out. For `notifyStaff`: who is told something waits on them.
 */
export function actionHolders(districtId: number, action: Action, at: { path?: SQL; unitId?: SQL }): SQL {
  const roles = (Object.keys(ROLE_ACTIONS) as Role[]).filter((r) => ROLE_ACTIONS[r].includes(action));
  const unitScoped = UNIT_SCOPED_ACTIONS.has(action);
  const reach: SQL[] = [];
  if (at.path)
    reach.push(
      sql`(${unitScoped ? sql`ra.unit_id IS NULL AND ` : sql``}ra.region_id = ANY(string_to_array(${at.path}::text, '.')::bigint[]))`,
    );
  if (at.unitId && unitScoped && roles.includes('unit_contact'))
    reach.push(sql`(ra.role = 'unit_contact' AND ra.unit_id = ${at.unitId})`);
  if (!roles.length || !reach.length) return sql`SELECT NULL::bigint AS user_id WHERE false`;
  return sql`
    SELECT DISTINCT ra.user_id FROM role_assignments ra JOIN users user_row ON user_row.id = ra.user_id
     WHERE ra.district_id = ${districtId} AND user_row.disabled_at IS NULL
       AND ra.role::text = ANY(${`{${roles.join(',')}}`}::text[]) AND (${sql.join(reach, sql` OR `)})`;
}
