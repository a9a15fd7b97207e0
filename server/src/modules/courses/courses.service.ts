/**
 * Training courses for community cadres (社区干部培训班) and themed lectures (专题讲座, a
 * course of one session). Enrolment is open or by nomination, held within capacity by a
 * guarded counter; attendance is recorded per session by organisers or the session's
 * lecturer; attending enough sessions completes the course — a ledger entry, and a
 * certificate.
 */

import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Course,
  CourseCreateBody,
  CourseListQuery,
  CourseUpdateBody,
  Enrolment,
} from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { allow, can } from '../../auth/authorize';
import type { Tx } from '../../db/client';
import { pageOf } from '../../db/paging';
import { conflict, notFound, unprocessable } from '../../errors';
import { contains, iso } from '../../http';
import { userRow, usersWithRole } from '../accounts/accounts.queries';
import { recordAudit } from '../audit/audit.service';
import { settle } from '../ledger/ledger.service';
import { districtPeople, personRow } from '../members/members.queries';
import { notify } from '../notifications/notifications.service';
import { districtTimeZone, regionForRead } from '../regions/regions.queries';
import { courseCan, coursePolicy } from './courses.policy';

type SessionRow = {
  id: number;
  title: string;
  lecturer_id: number | null;
  lecturer_name: string | null;
  starts_at: string;
  ends_at: string;
  place: string;
  present: number;
};

type Row = {
  id: number;
  kind: Course['kind'];
  title: string;
  description: string;
  audience: string;
  region_id: number;
  region_name: string;
  region_path: string;
  capacity: number;
  enrolment: Course['enrolment'];
  min_sessions: number;
  enrolled: number;
  completed: number;
  campaign_id: number | null;
  sessions: SessionRow[];
  my_enrolment: number | null;
  my_attended: number;
  my_completed_at: string | null;
  created_at: string;
};

const select = (actor: Actor) => sql`
  SELECT co.id, co.kind, co.title, co.description, co.audience, co.region_id, r.name AS region_name, r.path::text AS region_path,
         co.capacity, co.enrolment, co.min_sessions, co.enrolled,
         (SELECT count(*)::int FROM enrolments e WHERE e.district_id = co.district_id AND e.course_id = co.id AND e.completed_at IS NOT NULL) AS completed,
         co.campaign_id,
         coalesce((SELECT json_agg(json_build_object('id', s.id, 'title', s.title, 'lecturer_id', s.lecturer_user_id,
                     'lecturer_name', lu.display_name, 'starts_at', s.starts_at, 'ends_at', s.ends_at, 'place', s.place,
                     'present', (SELECT count(*) FROM session_attendance a WHERE a.district_id = s.district_id AND a.session_id = s.id AND a.present))
                     ORDER BY s.starts_at, s.id)
                     FROM course_sessions s LEFT JOIN LATERAL (${userRow(sql`s.lecturer_user_id`)}) lu ON true
                    WHERE s.district_id = co.district_id AND s.course_id = co.id), '[]') AS sessions,
         me.id AS my_enrolment, me.completed_at AS my_completed_at,
         (SELECT count(*)::int FROM session_attendance a JOIN course_sessions s ON s.district_id = a.district_id AND s.id = a.session_id
           WHERE a.district_id = co.district_id AND s.course_id = co.id AND a.person_id = ${actor.personId ?? 0} AND a.present) AS my_attended,
         co.created_at
    FROM courses co
    JOIN regions r ON r.district_id = co.district_id AND r.id = co.region_id
    LEFT JOIN enrolments me ON me.district_id = co.district_id AND me.course_id = co.id
                           AND me.person_id = ${actor.personId ?? 0} AND me.status = 'enrolled'`;

const present =
  (actor: Actor) =>
  (c: Row): Course => {
    const sessions = c.sessions.map((s) => ({
      id: s.id,
      title: s.title,
      lecturer: s.lecturer_id === null ? null : { id: s.lecturer_id, name: s.lecturer_name ?? '' },
      startsAt: iso(s.starts_at)!,
      endsAt: iso(s.ends_at)!,
      place: s.place,
      present: Number(s.present),
      mine: s.lecturer_id === actor.userId,
    }));
    return {
      id: c.id,
      kind: c.kind,
      title: c.title,
      description: c.description,
      audience: c.audience,
      regionId: c.region_id,
      regionName: c.region_name,
      capacity: c.capacity,
      enrolment: c.enrolment,
      minSessions: c.min_sessions,
      enrolled: c.enrolled,
      completed: c.completed,
      campaignId: c.campaign_id,
      startsAt: sessions[0]?.startsAt ?? null,
      endsAt: sessions.at(-1)?.endsAt ?? null,
      sessions,
      mine:
        c.my_enrolment === null
          ? null
          : { enrolmentId: c.my_enrolment, attended: c.my_attended, completedAt: iso(c.my_completed_at) },
      can: courseCan(actor, c),
      createdAt: iso(c.created_at)!,
    };
  };

/** Courses are public in the district: anyone may see what is taught and enrol in open ones. */
async function load(db: Tx, actor: Actor, id: number, lock = false): Promise<Row> {
  const { rows } =
    await db.execute<Row>(sql`${select(actor)} WHERE co.district_id = ${actor.districtId} AND co.id = ${id}
    ${lock ? sql`FOR UPDATE OF co` : sql``}`);
  if (!rows[0]) throw notFound();
  return rows[0];
}

export const getCourse = async (db: Tx, actor: Actor, id: number) =>
  present(actor)(await load(db, actor, id));

export async function listCourses(db: Tx, actor: Actor, q: z.infer<typeof CourseListQuery>) {
  const where: SQL[] = [sql`co.district_id = ${actor.districtId}`];
  if (q.regionId) {
    const root = await regionForRead(db, actor, q.regionId);
    where.push(sql`r.path <@ ${root.path}::ltree`);
  }
  if (q.q) where.push(sql`co.title ILIKE ${contains(q.q)}`);
  if (q.kind) where.push(sql`co.kind = ${q.kind}`);
  if (q.campaignId) where.push(sql`co.campaign_id = ${q.campaignId}`);
  if (q.mine === 'true') where.push(sql`me.id IS NOT NULL`);
  if (q.teaching === 'true')
    where.push(sql`EXISTS (SELECT 1 FROM course_sessions s WHERE s.district_id = co.district_id AND s.course_id = co.id
      AND s.lecturer_user_id = ${actor.userId})`);
  const first = sql`(SELECT min(s.starts_at) FROM course_sessions s WHERE s.district_id = co.district_id AND s.course_id = co.id)`;
  return pageOf(
    db,
    q,
    {
      select: select(actor),
      where: sql.join(where, sql` AND `),
      orderBy: sql`${first} DESC NULLS LAST, co.id DESC`,
    },
    present(actor),
  );
}

/** Lecturers are users holding the lecturer role in the district. */
async function checkLecturers(tx: Tx, actor: Actor, ids: number[]) {
  const wanted = [...new Set(ids)];
  if (!wanted.length) return;
  const lecturers = await usersWithRole(tx, actor.districtId, 'lecturer', wanted);
  if (lecturers.length !== wanted.length) throw unprocessable('course_lecturer_not');
}

export async function createCourse(db: Tx, actor: Actor, input: z.infer<typeof CourseCreateBody>) {
  return db.transaction(async (tx) => {
    const region = await regionForRead(tx, actor, input.regionId, 'course.manage');
    const sessions = input.kind === 'lecture' ? input.sessions.slice(0, 1) : input.sessions;
    for (const s of sessions)
      if (Date.parse(s.endsAt) <= Date.parse(s.startsAt))
        throw unprocessable('rule_broken', { constraint: 'ends_after_start' });
    if (input.minSessions > sessions.length)
      throw unprocessable('rule_broken', { constraint: 'min_sessions' });
    await checkLecturers(
      tx,
      actor,
      sessions.flatMap((s) => (s.lecturerUserId ? [s.lecturerUserId] : [])),
    );
    const { rows } = await tx.execute<{ id: number }>(sql`
      INSERT INTO courses (district_id, region_id, kind, title, description, audience, capacity, enrolment, min_sessions, campaign_id, created_by)
      VALUES (${actor.districtId}, ${region.id}, ${input.kind}, ${input.title}, ${input.description}, ${input.audience},
              ${input.capacity}, ${input.enrolment}, ${input.kind === 'lecture' ? 1 : input.minSessions},
              ${input.campaignId ?? null}, ${actor.userId})
      RETURNING id`);
    const id = rows[0]!.id;
    await tx.execute(sql`
      INSERT INTO course_sessions (district_id, course_id, title, lecturer_user_id, starts_at, ends_at, place)
      VALUES ${sql.join(
        sessions.map(
          (s) =>
            sql`(${actor.districtId}, ${id}, ${s.title}, ${s.lecturerUserId ?? null}, ${s.startsAt}, ${s.endsAt}, ${s.place})`,
        ),
        sql`, `,
      )}`);
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: region.id,
      action: 'course.create',
      entityType: 'course',
      entityId: id,
      after: { kind: input.kind, title: input.title, sessions: sessions.length },
    });
    return present(actor)(await load(tx, actor, id));
  });
}

export async function updateCourse(
  db: Tx,
  actor: Actor,
  id: number,
  input: z.infer<typeof CourseUpdateBody>,
) {
  return db.transaction(async (tx) => {
    const c = await load(tx, actor, id, true);
    allow(coursePolicy.manage(actor, c), 'out_of_scope');
    if (input.capacity !== undefined && input.capacity < c.enrolled)
      throw unprocessable('rule_broken', { constraint: 'capacity' });
    if (input.minSessions !== undefined && input.minSessions > c.sessions.length)
      throw unprocessable('rule_broken', { constraint: 'min_sessions' });
    await tx.execute(sql`
      UPDATE courses SET title = ${input.title ?? c.title}, description = ${input.description ?? c.description},
             audience = ${input.audience ?? c.audience}, capacity = ${input.capacity ?? c.capacity},
             enrolment = ${input.enrolment ?? c.enrolment}, min_sessions = ${input.minSessions ?? c.min_sessions},
             campaign_id = ${input.campaignId !== undefined ? input.campaignId : c.campaign_id}, updated_at = now()
       WHERE district_id = ${actor.districtId} AND id = ${id}`);
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: c.region_id,
      action: 'course.update',
      entityType: 'course',
      entityId: id,
      before: { title: c.title, capacity: c.capacity },
      after: { title: input.title ?? c.title, capacity: input.capacity ?? c.capacity },
    });
    return present(actor)(await load(tx, actor, id));
  });
}

/** One enrols oneself in an open course; organisers nominate. Places are held by a guarded counter. */
export async function enrol(db: Tx, actor: Actor, id: number, personIds: number[] | undefined) {
  return db.transaction(async (tx) => {
    const c = await load(tx, actor, id);
    let who: number[];
    if (personIds?.length) {
      allow(coursePolicy.manage(actor, c));
      who = [...new Set(personIds)];
    } else {
      allow(coursePolicy.enrolSelf(actor, c), 'course_not_open');
      if (actor.personId === null) throw unprocessable('need_no_person');
      who = [actor.personId];
    }
    const nominated = Boolean(personIds?.length);
    const { rows } = await tx.execute<{ person_id: number; user_id: number | null }>(sql`
      WITH added AS (
        INSERT INTO enrolments (district_id, course_id, person_id, nominated_by)
        SELECT ${actor.districtId}, ${id}, p.id, ${nominated ? actor.userId : null} FROM (${districtPeople(actor.districtId)}) p
         WHERE p.id = ANY(${`{${who.join(',')}}`}::bigint[])
        ON CONFLICT (district_id, course_id, person_id) DO UPDATE SET status = 'enrolled', updated_at = now()
          WHERE enrolments.status = 'withdrawn'
        RETURNING person_id)
      SELECT a.person_id, p.user_id FROM added a JOIN LATERAL (${personRow(sql`${actor.districtId}`, sql`a.person_id`)}) p ON true`);
    if (!rows.length) throw conflict('duplicate');
    const { rows: room } = await tx.execute(sql`UPDATE courses SET enrolled = enrolled + ${rows.length}
      WHERE district_id = ${actor.districtId} AND id = ${id} AND enrolled + ${rows.length} <= capacity RETURNING id`);
    if (!room.length) throw conflict('course_full');
    if (nominated) {
      for (const r of rows)
        await notify(
          tx,
          { districtId: actor.districtId, userId: r.user_id },
          'notify_course_nominated',
          { title: c.title },
          `/courses/${id}`,
        );
    }
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: c.region_id,
      action: nominated ? 'course.nominate' : 'course.enrol',
      entityType: 'course',
      entityId: id,
      after: { personIds: rows.map((r) => r.person_id) },
    });
    return { enrolled: rows.length };
  });
}

type EnrolmentRow = {
  id: number;
  course_id: number;
  person_id: number;
  name: string;
  user_id: number | null;
  status: Enrolment['status'];
  nominated: boolean;
  attended: number;
  attendance: { session_id: number; present: boolean | null }[];
  completed_at: string | null;
  created_at: string;
  region_path: string;
};

const ENROLMENTS = sql`
  SELECT e.id, e.course_id, e.person_id, p.name, p.user_id, e.status, e.nominated_by IS NOT NULL AS nominated,
         (SELECT count(*)::int FROM session_attendance a JOIN course_sessions s ON s.district_id = a.district_id AND s.id = a.session_id
           WHERE a.district_id = e.district_id AND s.course_id = e.course_id AND a.person_id = e.person_id AND a.present) AS attended,
         coalesce((SELECT json_agg(json_build_object('session_id', s.id, 'present', a.present) ORDER BY s.starts_at, s.id)
                     FROM course_sessions s LEFT JOIN session_attendance a
                       ON a.district_id = s.district_id AND a.session_id = s.id AND a.person_id = e.person_id
                    WHERE s.district_id = e.district_id AND s.course_id = e.course_id), '[]') AS attendance,
         e.completed_at, e.created_at, r.path::text AS region_path
    FROM enrolments e
    JOIN LATERAL (${personRow(sql`e.district_id`, sql`e.person_id`)}) p ON true
    JOIN courses co ON co.district_id = e.district_id AND co.id = e.course_id
    JOIN regions r ON r.district_id = co.district_id AND r.id = co.region_id`;

const presentEnrolment = (e: EnrolmentRow): Enrolment => ({
  id: e.id,
  courseId: e.course_id,
  person: { id: e.person_id, name: e.name },
  status: e.status,
  nominated: e.nominated,
  attended: e.attended,
  attendance: e.attendance.map((a) => ({ sessionId: a.session_id, present: a.present })),
  completedAt: iso(e.completed_at),
  createdAt: iso(e.created_at)!,
});

export async function listEnrolments(
  db: Tx,
  actor: Actor,
  id: number,
  q: { page: number; pageSize: number },
) {
  const c = await load(db, actor, id);
  allow(coursePolicy.seeEnrolments(actor, c));
  return pageOf(
    db,
    q,
    {
      select: ENROLMENTS,
      where: sql`e.district_id = ${actor.districtId} AND e.course_id = ${id} AND e.status = 'enrolled'`,
      orderBy: sql`p.name, e.id`,
    },
    presentEnrolment,
  );
}

async function enrolmentFor(db: Tx, actor: Actor, id: number, lock = false) {
  const { rows } =
    await db.execute<EnrolmentRow>(sql`${ENROLMENTS} WHERE e.district_id = ${actor.districtId} AND e.id = ${id}
    ${lock ? sql`FOR UPDATE OF e` : sql``}`);
  const e = rows[0];
  if (!e || (e.person_id !== actor.personId && !can(actor, 'course.manage', e.region_path))) throw notFound();
  return e;
}

export async function withdraw(db: Tx, actor: Actor, id: number) {
  return db.transaction(async (tx) => {
    const e = await enrolmentFor(tx, actor, id, true);
    if (e.status !== 'enrolled') throw conflict('duplicate');
    if (e.completed_at) throw conflict('course_completed_stays');
    await tx.execute(
      sql`UPDATE enrolments SET status = 'withdrawn', updated_at = now() WHERE district_id = ${actor.districtId} AND id = ${id}`,
    );
    await tx.execute(
      sql`UPDATE courses SET enrolled = enrolled - 1 WHERE district_id = ${actor.districtId} AND id = ${e.course_id}`,
    );
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: null,
      action: 'course.withdraw',
      entityType: 'enrolment',
      entityId: id,
      before: { status: 'enrolled' },
      after: { status: 'withdrawn' },
    });
    return presentEnrolment(await enrolmentFor(tx, actor, id));
  });
}

/**
 * Attendance of one session, by organisers or its lecturer; then each person's completion
 * follows: attending enough sessions completes the course (a ledger entry, once), and a
 * corrected record can take it back (a correction entry).
 */
export async function recordAttendance(
  db: Tx,
  actor: Actor,
  sessionId: number,
  items: { personId: number; present: boolean }[],
) {
  return db.transaction(async (tx) => {
    const { rows: found } = await tx.execute<{ course_id: number; lecturer: number | null }>(sql`
      SELECT course_id, lecturer_user_id AS lecturer FROM course_sessions WHERE district_id = ${actor.districtId} AND id = ${sessionId}`);
    if (!found[0]) throw notFound();
    const c = await load(tx, actor, found[0].course_id, true);
    allow(coursePolicy.recordAttendance(actor, c, found[0].lecturer));
    const ids = items.map((i) => i.personId);
    const { rows: enrolled } = await tx.execute<{ person_id: number; name: string }>(sql`
      SELECT e.person_id, p.name FROM enrolments e JOIN LATERAL (${personRow(sql`e.district_id`, sql`e.person_id`)}) p ON true
       WHERE e.district_id = ${actor.districtId} AND e.course_id = ${c.id} AND e.status = 'enrolled'
         AND e.person_id = ANY(${`{${ids.join(',')}}`}::bigint[])`);
    const stranger = ids.find((i) => !enrolled.some((e) => e.person_id === i));
    if (stranger !== undefined) {
      const { rows } = await tx.execute<{ name: string }>(
        personRow(sql`${actor.districtId}`, sql`${stranger}`),
      );
      throw unprocessable('course_not_enrolled', { name: rows[0]?.name ?? String(stranger) });
    }
    await tx.execute(sql`
      INSERT INTO session_attendance (district_id, session_id, person_id, present, recorded_by)
      VALUES ${sql.join(
        items.map(
          (i) => sql`(${actor.districtId}, ${sessionId}, ${i.personId}, ${i.present}, ${actor.userId})`,
        ),
        sql`, `,
      )}
      ON CONFLICT (district_id, session_id, person_id) DO UPDATE SET present = EXCLUDED.present,
        recorded_by = EXCLUDED.recorded_by, recorded_at = now()`);
    // Completion follows attendance.
    const { rows: changed } = await tx.execute<{
      id: number;
      person_id: number;
      user_id: number | null;
      done: boolean;
      was: boolean;
    }>(sql`
      WITH counts AS (
        SELECT e.id, e.person_id, e.completed_at IS NOT NULL AS was,
               (SELECT count(*) FROM session_attendance a JOIN course_sessions s ON s.district_id = a.district_id AND s.id = a.session_id
                 WHERE a.district_id = e.district_id AND s.course_id = e.course_id AND a.person_id = e.person_id AND a.present) >= ${c.min_sessions} AS done
          FROM enrolments e WHERE e.district_id = ${actor.districtId} AND e.course_id = ${c.id}
           AND e.person_id = ANY(${`{${ids.join(',')}}`}::bigint[]) AND e.status = 'enrolled')
      UPDATE enrolments e SET completed_at = CASE WHEN counts.done THEN now() END, updated_at = now()
        FROM counts, LATERAL (${personRow(sql`${actor.districtId}`, sql`counts.person_id`)}) p
       WHERE e.district_id = ${actor.districtId} AND e.id = counts.id AND counts.done <> counts.was
      RETURNING e.id, e.person_id, p.user_id, counts.done, counts.was`);
    for (const e of changed) {
      await settle(
        tx,
        actor,
        {
          districtId: actor.districtId,
          kind: 'course_completed',
          sourceType: 'enrolment',
          sourceId: e.id,
          personId: e.person_id,
        },
        { quantity: e.done ? 1 : 0, at: new Date().toISOString(), regionId: c.region_id },
        {
          key: 'ledger_attendance_changed',
          params: { attendance: e.done ? 'attendance.present' : 'attendance.absent' },
        },
      );
      if (e.done)
        await notify(
          tx,
          { districtId: actor.districtId, userId: e.user_id },
          'notify_course_completed',
          { title: c.title },
          `/courses/${c.id}`,
        );
    }
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: c.region_id,
      action: 'course.attendance',
      entityType: 'course_session',
      entityId: sessionId,
      after: {
        present: items.filter((i) => i.present).length,
        absent: items.filter((i) => !i.present).length,
      },
    });
    const course = present(actor)(await load(tx, actor, c.id));
    return course.sessions.find((s) => s.id === sessionId)!;
  });
}

/** What the certificate states: whose, which course, from the organiser's region, when. */
export async function certificateFacts(db: Tx, actor: Actor, enrolmentId: number) {
  const e = await enrolmentFor(db, actor, enrolmentId);
  if (!e.completed_at) throw unprocessable('course_not_completed');
  const c = await load(db, actor, e.course_id);
  const timeZone = await districtTimeZone(db, actor.districtId);
  return { name: e.name, course: present(actor)(c), completedAt: e.completed_at, enrolmentId, timeZone };
}
