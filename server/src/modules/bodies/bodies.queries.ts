/**
 * What other domains read of bodies (the model is regions.queries). Coverage and the
 * dashboards' figures count, in one set-based statement over a whole subtree, which nodes
 * have their body; so this file gives an SQL fragment the caller embeds, and the bodies
 * table stays named here only.
 */
import { type SQL, sql } from 'drizzle-orm';

/**
 * SQL: whether the street, community or building `r` (a regions row's alias) has its
 * living body — a joint conference, a coordination council, a liaison group; for a
 * building, at it or at one of `entrances` (a subquery of region ids, the caller's).
 */
export const hasLivingBody = (r: SQL, entrances: SQL): SQL => sql`EXISTS (
  SELECT 1 FROM bodies b
   WHERE b.district_id = ${r}.district_id AND b.dissolved_on IS NULL
     AND b.kind = CASE ${r}.kind WHEN 'street' THEN 'joint_conference'::body_kind
                              WHEN 'community' THEN 'coordination_council'::body_kind
                              ELSE 'liaison_group'::body_kind END
     AND (b.region_id = ${r}.id OR (${r}.kind = 'building' AND b.region_id IN (${entrances}))))`;

/** SQL: a body's name, as a scalar subquery (`districtId`, `id`: the caller's columns). */
export const bodyName = (districtId: SQL, id: SQL): SQL =>
  sql`(SELECT body_row.name FROM bodies body_row WHERE body_row.district_id = ${districtId} AND body_row.id = ${id})`;

/** SQL: a meeting's title, as a scalar subquery (`districtId`, `id`: the caller's columns). */
export const meetingTitle = (districtId: SQL, id: SQL): SQL =>
  sql`(SELECT meeting_row.title FROM meetings meeting_row WHERE meeting_row.district_id = ${districtId} AND meeting_row.id = ${id})`;

/** SQL: a follow-up task's title, as a scalar subquery (`districtId`, `id`: the caller's columns). */
export const taskTitle = (districtId: SQL, id: SQL): SQL =>
  sql`(SELECT task_row.title FROM tasks task_row WHERE task_row.district_id = ${districtId} AND task_row.id = ${id})`;
