/**
 * What other domains read of projects, their roles and claims — through here, so the tables
 * stay this domain's:
 *  - invitations name the role they offer (the project's title, the role's kind) and place it;
 *  - a team's page lists the roles the team claimed, with the hours confirmed;
 *  - a campaign counts the projects under way in its area during its dates.
 * Each is an SQL fragment, not a function that runs: the reader keeps one set-based statement
 * (joined, filtered by scope and paginated in SQL), and the planner flattens the subquery.
 * The one function that runs is the header's search (`searchProjects`).
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../auth/actor';
import { firstOf } from '../../db/paging';
import { limitOf, type SearchPart, textContains } from '../../db/text';
import { regionRow } from '../regions/regions.queries';
import { projectPolicy } from './projects.policy';

/**
 * Each role with its project, as a derived table to join on (district_id, id):
 * district_id, id (the role), project_id, title (the project's), region_id, role_kind, role_name.
 */
export const roleTargets = () => sql`
  SELECT ro.district_id, ro.id, pr.id AS project_id, pr.title, pr.region_id,
         ro.kind::text AS role_kind, ro.custom_name AS role_name
    FROM project_roles ro JOIN projects pr ON pr.district_id = ro.district_id AND pr.id = ro.project_id`;

/**
 * The roles a team holds (its active claims) as activity rows: kind, id, title, at, link,
 * people, hours — the columns of dedication-days' `teamSignupActivity`, to UNION with it.
 */
export const teamClaimActivity = (districtId: number, teamId: number) => sql`
  SELECT 'claim' AS kind, c.id, pr.title, ro.starts_at AS at, '/projects/' || pr.id AS link, c.slots AS people,
         coalesce((SELECT sum(m.hours_confirmed) FROM claim_members m WHERE m.district_id = c.district_id AND m.claim_id = c.id), 0)::float8 AS hours
    FROM claims c JOIN projects pr ON pr.district_id = c.district_id AND pr.id = c.project_id
    JOIN project_roles ro ON ro.district_id = c.district_id AND ro.id = c.role_id
   WHERE c.district_id = ${districtId} AND c.team_id = ${teamId} AND c.status = 'active'`;

/**
 * The projects under way in [from, to) — published, not cancelled — with their place
 * (district_id, region_id), for the reader to count within an area of the region tree.
 */
export const projectsUnderWay = (districtId: number, from: string, to: string) => sql`
  SELECT p.district_id, p.region_id FROM projects p
   WHERE p.district_id = ${districtId} AND p.starts_at < ${to} AND p.ends_at >= ${from}
     AND p.status NOT IN ('draft', 'cancelled')`;

/**
 * Residents' average rating (one decimal), among reviews made in [from, to), of the projects
 * a person served on — their own claims or a claim they were named on; a scalar subquery.
 * `districtId` and `personId` are the caller's columns (a unit's report, member by member).
 */
export const servedProjectsRating = (districtId: SQL, personId: SQL, from: string, to: string): SQL => sql`
  SELECT round(avg(rv.rating), 1)::float8 FROM project_reviews rv
   WHERE rv.district_id = ${districtId}
     AND rv.created_at >= ${from}::timestamptz AND rv.created_at < ${to}::timestamptz
     AND rv.project_id IN (
       SELECT cl.project_id FROM claims cl WHERE cl.district_id = ${districtId} AND cl.person_id = ${personId}
       UNION
       SELECT cl.project_id FROM claim_members cm JOIN claims cl ON cl.district_id = cm.district_id AND cl.id = cm.claim_id
        WHERE cm.district_id = ${districtId} AND cm.person_id = ${personId})`;

/** SQL: a project's title, as a scalar subquery (`districtId`, `id`: the caller's columns). */
export const projectTitle = (districtId: SQL, id: SQL): SQL =>
  sql`(SELECT project_row.title FROM projects project_row WHERE project_row.district_id = ${districtId} AND project_row.id = ${id})`;

/** SQL: the title of a claim's project, as a scalar subquery (`districtId`, `id`: the caller's columns). */
export const claimLabel = (districtId: SQL, id: SQL): SQL => sql`(
    SELECT project_row.title FROM claims claim_row
      JOIN projects project_row ON project_row.district_id = claim_row.district_id AND project_row.id = claim_row.project_id
     WHERE claim_row.district_id = ${districtId} AND claim_row.id = ${id})`;

/**
 * The projects a search finds (the header's search): those the list of projects shows the
 * reader (`projectPolicy.visible`: published ones, and drafts to their organisers) whose
 * title contains `q`; what is still to come or under way first, then the latest. Each leads
 * to its own page.
 */
export function searchProjects(actor: Actor, q: string, limit: number): SearchPart {
  return {
    // projectPolicy.visible reads the project as `pr` and its place as `r`.
    sql: sql`
      SELECT pr.id, pr.title, r.name AS subtitle FROM projects pr
        JOIN LATERAL (${regionRow(sql`pr.district_id`, sql`pr.region_id`)}) r ON true
       WHERE pr.district_id = ${actor.districtId} AND ${textContains(sql`pr.title`, q)} AND ${projectPolicy.visible(actor)}
       ORDER BY (pr.ends_at < now()), pr.starts_at DESC, pr.id DESC ${limitOf(limit + 1)}`,
    present: (rows) => ({
      ...firstOf(rows, limit, (r) => ({
        id: r.id,
        title: r.title,
        subtitle: r.subtitle,
        link: `/projects/${r.id}`,
      })),
      link: `/projects?q=${encodeURIComponent(q)}`,
    }),
  };
}
