/**
 * What other domains read of bodies (the model is regions.queries). Coverage and the
 * dashboards' figures count, in one set-based statement over a whole subtree, which nodes
 * have their body; so this file gives an SQL fragment the caller embeds, and the bodies
 * table stays named here only.
 */
import { type SQL, sql } from 'drizzle-orm';
import { regionRow } from '../regions/regions.queries';

/**
 * SQL: the streets, communities and buildings that have their living body — a joint
 * conference, a coordination council, a liaison group (for a building, at it or at one of its
 * entrances) — as `(district_id, region id)` rows, for `(r.district_id, r.id) IN (…)`. One pass
 * over the bodies (a few hundred): asking node by node read them once per node, 0.4 s for a
 * district's 2,600.
 */
export const nodesWithLivingBody = (): SQL => sql`
  SELECT b.district_id, CASE WHEN at_region.kind = 'entrance' THEN subpath(at_region.path, -2, 1)::text::bigint
                             ELSE at_region.id END
    FROM bodies b JOIN LATERAL (${regionRow(sql`b.district_id`, sql`b.region_id`)}) at_region ON true
   WHERE b.dissolved_on IS NULL
     AND b.kind = CASE at_region.kind WHEN 'street' THEN 'joint_conference'::body_kind
                                      WHEN 'community' THEN 'coordination_council'::body_kind
                                      ELSE 'liaison_group'::body_kind END`;

/** SQL: a body's name, as a scalar subquery (`districtId`, `id`: the caller's columns). */
export const bodyName = (districtId: SQL, id: SQL): SQL =>
  sql`(SELECT body_row.name FROM bodies body_row WHERE body_row.district_id = ${districtId} AND body_row.id = ${id})`;

/** SQL: a meeting's title, as a scalar subquery (`districtId`, `id`: the caller's columns). */
export const meetingTitle = (districtId: SQL, id: SQL): SQL =>
  sql`(SELECT meeting_row.title FROM meetings meeting_row WHERE meeting_row.district_id = ${districtId} AND meeting_row.id = ${id})`;

/** SQL: a follow-up task's title, as a scalar subquery (`districtId`, `id`: the caller's columns). */
export const taskTitle = (districtId: SQL, id: SQL): SQL =>
  sql`(SELECT task_row.title FROM tasks task_row WHERE task_row.district_id = ${districtId} AND task_row.id = ${id})`;
