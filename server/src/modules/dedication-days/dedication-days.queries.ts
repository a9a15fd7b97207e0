/**
 * What other domains read of dedication days, their occurrences, tasks and sign-ups — through
 * here, so the tables stay this domain's:
 *  - invitations name the task they offer (the day, the date, the task) and place it;
 *  - a team's page lists the tasks the team staffed, with the hours confirmed;
 *  - a campaign counts the occurrences held in its area during its dates.
 * Each is an SQL fragment, not a function that runs: the reader keeps one set-based statement
 * (joined, filtered by scope and paginated in SQL), and the planner flattens the subquery.
 */
import { type SQL, sql } from 'drizzle-orm';

/**
 * Each task with its occurrence, as a derived table to join on (district_id, id):
 * district_id, id (the task), occurrence_id, region_id, title ("day date · task").
 */
export const taskTargets = () => sql`
  SELECT t.district_id, t.id, o.id AS occurrence_id, o.region_id,
         d.title || ' ' || o.on_date::text || ' · ' || t.title AS title
    FROM dedication_tasks t
    JOIN dedication_occurrences o ON o.district_id = t.district_id AND o.id = t.occurrence_id
    JOIN dedication_days d ON d.district_id = o.district_id AND d.id = o.dedication_day_id`;

/**
 * The tasks a team staffed (its members signed up as the team), one row per task: kind, id,
 * title, at, link, people, hours — the columns of projects' `teamClaimActivity`, to UNION with it.
 */
export const teamSignupActivity = (districtId: number, teamId: number) => sql`
  SELECT 'signup' AS kind, min(s.task_id) AS id, min(d.title) || ' ' || min(o.on_date)::text || ' · ' || min(t.title) AS title,
         min(t.starts_at) AS at, '/occurrences/' || min(o.id) AS link, count(*)::int AS people,
         coalesce(sum(s.hours) FILTER (WHERE s.hours_status = 'confirmed'), 0)::float8 AS hours
    FROM signups s JOIN dedication_tasks t ON t.district_id = s.district_id AND t.id = s.task_id
    JOIN dedication_occurrences o ON o.district_id = s.district_id AND o.id = s.occurrence_id
    JOIN dedication_days d ON d.district_id = o.district_id AND d.id = o.dedication_day_id
   WHERE s.district_id = ${districtId} AND s.team_id = ${teamId} AND s.status = 'signed'
   GROUP BY s.task_id`;

/**
 * The occurrences held (still scheduled) starting in [from, to), with their place
 * (district_id, region_id), for the reader to count within an area of the region tree.
 */
export const occurrencesHeld = (districtId: number, from: string, to: string) => sql`
  SELECT o.district_id, o.region_id FROM dedication_occurrences o
   WHERE o.district_id = ${districtId} AND o.starts_at >= ${from} AND o.starts_at < ${to}
     AND o.status = 'scheduled'`;

/** SQL: a dedication day's title, as a scalar subquery (`districtId`, `id`: the caller's columns). */
export const dedicationDayTitle = (districtId: SQL, id: SQL): SQL => sql`(
    SELECT dedication_day_row.title FROM dedication_days dedication_day_row
     WHERE dedication_day_row.district_id = ${districtId} AND dedication_day_row.id = ${id})`;

/** SQL: an occurrence as "day date", as a scalar subquery (`districtId`, `id`: the caller's columns). */
export const occurrenceLabel = (districtId: SQL, id: SQL): SQL => sql`(
    SELECT dedication_day_row.title || ' ' || occurrence_row.on_date::text FROM dedication_occurrences occurrence_row
      JOIN dedication_days dedication_day_row ON dedication_day_row.district_id = occurrence_row.district_id
       AND dedication_day_row.id = occurrence_row.dedication_day_id
     WHERE occurrence_row.district_id = ${districtId} AND occurrence_row.id = ${id})`;

/** SQL: a task as "day date · task", as a scalar subquery (`districtId`, `id`: the caller's columns). */
export const dedicationTaskLabel = (districtId: SQL, id: SQL): SQL =>
  sql`(SELECT task_row.title FROM (${taskTargets()}) task_row WHERE task_row.district_id = ${districtId} AND task_row.id = ${id})`;

/** SQL: a sign-up as its task's "day date · task", as a scalar subquery (`districtId`, `id`: the caller's columns). */
export const signupLabel = (districtId: SQL, id: SQL): SQL => sql`(
    SELECT task_row.title FROM signups signup_row
      JOIN (${taskTargets()}) task_row ON task_row.district_id = signup_row.district_id AND task_row.id = signup_row.task_id
     WHERE signup_row.district_id = ${districtId} AND signup_row.id = ${id})`;
