/**
 * What other domains read of the party organisations: SQL fragments they embed in their
 * own set-based statements (a list joined, filtered, ordered and paginated in SQL), so the
 * `party_orgs` table is named only inside this domain. A whole organisation, checked
 * against the reader's scope, comes from party-orgs.service's orgFor.
 */
import { type SQL, sql } from 'drizzle-orm';

// The fragments name their table `org_row`, never a short alias: a caller's columns passed
// in (`o.party_org_id`) must not be shadowed by the fragment's own alias.

/**
 * SQL: one organisation (district_id, id, name, region_id, unit_id), for
 * `[LEFT] JOIN LATERAL (…) o ON true`; `districtId` and `orgId` are the caller's columns.
 */
export const orgRow = (districtId: SQL, orgId: SQL): SQL =>
  sql`SELECT org_row.district_id, org_row.id, org_row.name, org_row.region_id, org_row.unit_id FROM party_orgs org_row
       WHERE org_row.district_id = ${districtId} AND org_row.id = ${orgId}`;

/** SQL: the ids of a unit's organisations, as a subquery (`p.party_org_id IN (…)`). */
export const unitOrgIds = (districtId: SQL | number, unitId: SQL | number): SQL =>
  sql`SELECT org_row.id FROM party_orgs org_row WHERE org_row.district_id = ${districtId} AND org_row.unit_id = ${unitId}`;

/** SQL: the ids of the organisations of any of these units, as a subquery. */
export const unitsOrgIds = (districtId: number, unitIds: number[]): SQL =>
  sql`SELECT org_row.id FROM party_orgs org_row
       WHERE org_row.district_id = ${districtId} AND org_row.unit_id = ANY(${`{${unitIds.join(',')}}`}::bigint[])`;

/**
 * SQL: the id or name of a unit's own Party organisation (the first if several), as a
 * scalar subquery: in a list's columns it runs only for the rows of the page.
 */
export const unitPartyOrg = (districtId: SQL, unitId: SQL, field: 'id' | 'name'): SQL =>
  sql`(SELECT org_row.${sql.raw(field)} FROM party_orgs org_row
       WHERE org_row.district_id = ${districtId} AND org_row.unit_id = ${unitId} AND org_row.kind = 'unit_party_org'
       ORDER BY org_row.id LIMIT 1)`;

/** SQL: every organisation of a district (id, name, region_id, unit_id), for resolving names typed in an import. */
export const districtOrgs = (districtId: number): SQL =>
  sql`SELECT org_row.district_id, org_row.id, org_row.name, org_row.region_id, org_row.unit_id FROM party_orgs org_row WHERE org_row.district_id = ${districtId}`;
