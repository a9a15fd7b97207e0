/**
 * What other domains read of courses — through here, so the tables stay this domain's:
 * a campaign counts the courses it grouped, their enrolments and the presences at their
 * sessions. Each is an SQL fragment, not a function that runs: the campaign list counts per
 * row and the campaign's reach per day, each in one statement.
 */
import { type SQL, sql } from 'drizzle-orm';

/** How many courses a campaign grouped, as a scalar subquery (correlated to a campaign's columns). */
export const campaignCourseCount = (districtId: SQL, campaignId: SQL) =>
  sql`(SELECT count(*)::int FROM courses co WHERE co.district_id = ${districtId} AND co.campaign_id = ${campaignId})`;

/** The enrolments standing in a campaign's courses: person_id, one row each. */
export const campaignEnrolments = (districtId: number, campaignId: number) => sql`
  SELECT e.person_id FROM enrolments e JOIN courses co ON co.district_id = e.district_id AND co.id = e.course_id
   WHERE co.district_id = ${districtId} AND co.campaign_id = ${campaignId} AND e.status = 'enrolled'`;

/** The presences at a campaign's course sessions: person_id and the session's starts_at. */
export const campaignAttendance = (districtId: number, campaignId: number) => sql`
  SELECT a.person_id, s.starts_at FROM session_attendance a
    JOIN course_sessions s ON s.district_id = a.district_id AND s.id = a.session_id
    JOIN courses co ON co.district_id = s.district_id AND co.id = s.course_id
   WHERE co.district_id = ${districtId} AND co.campaign_id = ${campaignId} AND a.present`;

/** SQL: a course's title, as a scalar subquery (`districtId`, `id`: the caller's columns). */
export const courseTitle = (districtId: SQL, id: SQL): SQL =>
  sql`(SELECT course_row.title FROM courses course_row WHERE course_row.district_id = ${districtId} AND course_row.id = ${id})`;

/** SQL: a session as "course · session", as a scalar subquery (`districtId`, `id`: the caller's columns). */
export const courseSessionLabel = (districtId: SQL, id: SQL): SQL => sql`(
    SELECT course_row.title || ' · ' || course_session_row.title FROM course_sessions course_session_row
      JOIN courses course_row ON course_row.district_id = course_session_row.district_id AND course_row.id = course_session_row.course_id
     WHERE course_session_row.district_id = ${districtId} AND course_session_row.id = ${id})`;

/** SQL: the title of an enrolment's course, as a scalar subquery (`districtId`, `id`: the caller's columns). */
export const enrolmentLabel = (districtId: SQL, id: SQL): SQL => sql`(
    SELECT course_row.title FROM enrolments enrolment_row
      JOIN courses course_row ON course_row.district_id = enrolment_row.district_id AND course_row.id = enrolment_row.course_id
     WHERE enrolment_row.district_id = ${districtId} AND enrolment_row.id = ${id})`;
