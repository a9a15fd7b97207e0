/**
 * What courses put on a workbench: the sessions whose attendance waits to be recorded, for
 * those `coursePolicy.recordAttendance` lets record it (the course's organisers —
 * `course.manage` over its area — and the session's lecturer); and the sessions coming up for
 * those enrolled in the course or teaching them.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../auth/actor';
import { inScope } from '../../auth/authorize';
import type { Tx } from '../../db/client';
import { iso } from '../../http';
import { livingRegions } from '../regions/regions.queries';
import type { TodoSource, UpcomingSource } from '../workbench/workbench.types';

/** At most this many coming sessions (the workbench shows fewer, merged with the other kinds). */
const UPCOMING_MAX = 20;

/** A session's name (`s` of course `co`): the course, and the session when it has its own title. */
const title = sql`CASE WHEN s.title = co.title THEN co.title ELSE co.title || ' · ' || s.title END`;
/**
 * The session's course `co` and its area `r` (none once retired: out of every organiser's scope,
 * while its lecturer and those enrolled still see their sessions).
 */
const course = (
  db: Tx,
  actor: Actor,
): SQL => sql`JOIN courses co ON co.district_id = s.district_id AND co.id = s.course_id
  LEFT JOIN (${livingRegions(db, actor.districtId)}) r ON r.id = co.region_id`;

/**
 * Sessions `s` (course `co`, area `r`) over, with nobody's attendance recorded, that the reader
 * may record: organisers of the course's area, or the session's lecturer. A course nobody is
 * enrolled in has no attendance to record.
 */
const unrecorded = (actor: Actor): SQL => sql`
  s.district_id = ${actor.districtId} AND s.ends_at <= now()
  AND (s.lecturer_user_id = ${actor.userId} OR ${inScope(actor, 'course.manage', sql`r.path`)})
  AND NOT EXISTS (SELECT 1 FROM session_attendance a WHERE a.district_id = s.district_id AND a.session_id = s.id)
  AND EXISTS (SELECT 1 FROM enrolments e WHERE e.district_id = co.district_id AND e.course_id = co.id AND e.status = 'enrolled')`;

export const attendanceTodos: TodoSource = {
  kind: 'attendance.record',
  link: '/courses',
  // A session's lecturer records it whatever roles they hold now; the lecturer's index answers.
  applies: () => true,
  async list(db: Tx, actor: Actor, limit: number) {
    const [items, count] = await Promise.all([
      db.execute<{ id: number; course_id: number; title: string; place: string; ends_at: string }>(sql`
        SELECT s.id, s.course_id, ${title} AS title, coalesce(nullif(s.place, ''), r.name) AS place, s.ends_at
          FROM course_sessions s ${course(db, actor)}
         WHERE ${unrecorded(actor)} ORDER BY s.ends_at, s.id LIMIT ${limit}`),
      db.execute<{ n: number }>(sql`
        SELECT count(*)::int AS n FROM course_sessions s ${course(db, actor)} WHERE ${unrecorded(actor)}`),
    ]);
    return {
      count: count.rows[0]?.n ?? 0,
      items: items.rows.map((r) => ({
        id: r.id,
        title: r.title,
        place: r.place,
        since: iso(r.ends_at)!,
        dueAt: iso(r.ends_at),
        // The course page opens the attendance of this session, not its latest one.
        link: `/courses/${r.course_id}?session=${r.id}`,
      })),
    };
  },
};

/** Sessions between `from` and `to` (under way or to come) of the courses the reader is enrolled in or teaches. */
export const courseUpcoming: UpcomingSource = async (db, actor, from, to) => {
  const during = sql`s.ends_at > ${from.toISOString()} AND s.starts_at < ${to.toISOString()}`;
  const enrolled =
    actor.personId === null
      ? sql``
      : sql`UNION
        SELECT s.id FROM enrolments e
          JOIN course_sessions s ON s.district_id = e.district_id AND s.course_id = e.course_id
         WHERE e.district_id = ${actor.districtId} AND e.person_id = ${actor.personId} AND e.status = 'enrolled' AND ${during}`;
  const { rows } = await db.execute<{
    id: number;
    course_id: number;
    title: string;
    place: string;
    starts_at: string;
    ends_at: string;
  }>(sql`
    WITH mine AS (
      SELECT s.id FROM course_sessions s
       WHERE s.lecturer_user_id = ${actor.userId} AND s.district_id = ${actor.districtId} AND ${during}
      ${enrolled})
    SELECT s.id, s.course_id, ${title} AS title, coalesce(nullif(s.place, ''), r.name) AS place, s.starts_at, s.ends_at
      FROM mine JOIN course_sessions s ON s.district_id = ${actor.districtId} AND s.id = mine.id ${course(db, actor)}
     ORDER BY s.starts_at, s.id LIMIT ${UPCOMING_MAX}`);
  return rows.map((r) => ({
    kind: 'course_session' as const,
    id: r.id,
    title: r.title,
    place: r.place,
    startsAt: iso(r.starts_at)!,
    endsAt: iso(r.ends_at)!,
    link: `/courses/${r.course_id}`,
  }));
};
