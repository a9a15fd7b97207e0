/**
 * Meetings of joint bodies: agenda, invitees and attendance, minutes, and resolutions —
 * each resolution that needs doing becomes a follow-up task with an owner and a due date.
 */
import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  AttendanceBody,
  Meeting,
  MeetingCreateBody,
  MeetingListQuery,
  MeetingSummary,
  MeetingUpdateBody,
  ResolutionCreateBody,
} from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { inScope } from '../../auth/authorize';
import type { Tx } from '../../db/client';
import { pageOf } from '../../db/paging';
import { notFound, unprocessable } from '../../errors';
import { iso } from '../../http';
import { recordAudit } from '../audit/audit.service';
import { settle } from '../ledger/ledger.service';
import { personRow } from '../members/members.queries';
import { personFor } from '../members/members.service';
import { orgRow } from '../party-orgs/party-orgs.queries';
import { regionForRead } from '../regions/regions.queries';
import { unitRow } from '../units/units.queries';
import { meetingAttendees, meetings, resolutions } from './bodies.schema';
import { bodyFor } from './bodies.service';
import { createTask, TODAY } from './tasks.service';

type Row = {
  id: number;
  body_id: number;
  body_name: string;
  body_kind: MeetingSummary['bodyKind'];
  region_id: number;
  region_path: string;
  title: string;
  starts_at: string;
  ends_at: string | null;
  place: string;
  status: MeetingSummary['status'];
  agenda: string;
  minutes: string | null;
  invitee_count: number;
  present_count: number;
  resolution_count: number;
};

const SELECT = sql`
  SELECT m.id, m.body_id, b.name AS body_name, b.kind AS body_kind, b.region_id, r.path::text AS region_path,
         m.title, m.starts_at, m.ends_at, m.place, m.status, m.agenda, m.minutes,
         (SELECT count(*) FROM meeting_attendees a WHERE a.district_id = m.district_id AND a.meeting_id = m.id)::int AS invitee_count,
         (SELECT count(*) FROM meeting_attendees a WHERE a.district_id = m.district_id AND a.meeting_id = m.id
             AND a.attendance = 'present')::int AS present_count,
         (SELECT count(*) FROM resolutions s WHERE s.district_id = m.district_id AND s.meeting_id = m.id)::int AS resolution_count
    FROM meetings m
    JOIN bodies b ON b.district_id = m.district_id AND b.id = m.body_id
    JOIN regions r ON r.district_id = b.district_id AND r.id = b.region_id`;

const summary = (r: Row): MeetingSummary => ({
  id: r.id,
  bodyId: r.body_id,
  bodyName: r.body_name,
  bodyKind: r.body_kind,
  regionId: r.region_id,
  title: r.title,
  startsAt: iso(r.starts_at)!,
  endsAt: iso(r.ends_at),
  place: r.place,
  status: r.status,
  inviteeCount: r.invitee_count,
  presentCount: r.present_count,
  resolutionCount: r.resolution_count,
});

async function load(db: Tx, actor: Actor, id: number, manage = false): Promise<Row> {
  const { rows } = await db.execute<Row>(
    sql`${SELECT} WHERE m.district_id = ${actor.districtId} AND m.id = ${id}`,
  );
  const row = rows[0];
  if (!row) throw notFound();
  await bodyFor(db, actor, row.body_id, manage ? 'body.manage' : 'body.read');
  return row;
}

export async function getMeeting(db: Tx, actor: Actor, id: number): Promise<Meeting> {
  const row = await load(db, actor, id);
  const [invitees, res] = await Promise.all([
    db.execute<{
      person_id: number;
      name: string;
      detail: string | null;
      attendance: Meeting['invitees'][number]['attendance'];
    }>(sql`
      SELECT a.person_id, p.name, coalesce(u.name, o.name) AS detail, a.attendance
        FROM meeting_attendees a
        JOIN LATERAL (${personRow(sql`a.district_id`, sql`a.person_id`)}) p ON true
        LEFT JOIN LATERAL (${orgRow(sql`a.district_id`, sql`p.party_org_id`)}) o ON true
        LEFT JOIN LATERAL (${unitRow(sql`o.district_id`, sql`o.unit_id`)}) u ON true
       WHERE a.district_id = ${actor.districtId} AND a.meeting_id = ${id}
       ORDER BY p.name, a.person_id`),
    db.execute<{
      id: number;
      text: string;
      task_id: number | null;
      task_title: string | null;
      task_status: string | null;
      due_on: string | null;
      overdue: boolean;
    }>(sql`
      SELECT s.id, s.text, t.id AS task_id, t.title AS task_title, t.status AS task_status, t.due_on::text,
             (t.status IN ('open', 'in_progress') AND t.due_on < ${TODAY}) AS overdue
        FROM resolutions s
        LEFT JOIN tasks t ON t.district_id = s.district_id AND t.resolution_id = s.id
       WHERE s.district_id = ${actor.districtId} AND s.meeting_id = ${id}
       ORDER BY s.id`),
  ]);
  return {
    ...summary(row),
    agenda: row.agenda,
    minutes: row.minutes,
    invitees: invitees.rows.map((i) => ({
      personId: i.person_id,
      name: i.name,
      detail: i.detail,
      attendance: i.attendance,
    })),
    resolutions: res.rows.map((s) => ({
      id: s.id,
      text: s.text,
      task:
        s.task_id === null
          ? null
          : {
              id: s.task_id,
              title: s.task_title!,
              status: s.task_status as 'open',
              dueOn: s.due_on!,
              overdue: s.overdue,
            },
    })),
  };
}

export async function listMeetings(db: Tx, actor: Actor, q: z.infer<typeof MeetingListQuery>) {
  const where: SQL[] = [sql`m.district_id = ${actor.districtId}`, inScope(actor, 'body.read', sql`r.path`)];
  if (q.bodyId) where.push(sql`m.body_id = ${q.bodyId}`);
  if (q.regionId) {
    const root = await regionForRead(db, actor, q.regionId);
    where.push(sql`r.path <@ ${root.path}::ltree`);
  }
  if (q.status) where.push(sql`m.status = ${q.status}`);
  if (q.from) where.push(sql`m.starts_at >= ${q.from}`);
  if (q.to) where.push(sql`m.starts_at <= ${q.to}`);
  return pageOf(
    db,
    q,
    { select: SELECT, where: sql.join(where, sql` AND `), orderBy: sql`m.starts_at DESC, m.id DESC` },
    summary,
  );
}

export async function createMeeting(db: Tx, actor: Actor, input: z.infer<typeof MeetingCreateBody>) {
  return db.transaction(async (tx) => {
    const body = await bodyFor(tx, actor, input.bodyId, 'body.manage');
    if (body.dissolved_on) throw unprocessable('body_dissolved');
    let invitees = input.inviteePersonIds;
    if (!invitees) {
      const { rows } = await tx.execute<{ person_id: number }>(sql`SELECT person_id FROM body_members
        WHERE district_id = ${actor.districtId} AND body_id = ${body.id} AND person_id IS NOT NULL AND left_on IS NULL`);
      invitees = rows.map((r) => r.person_id);
    }
    invitees = [...new Set(invitees)];
    for (const personId of invitees) await personFor(tx, actor, personId);
    const [row] = await tx
      .insert(meetings)
      .values({
        districtId: actor.districtId,
        bodyId: body.id,
        title: input.title,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        place: input.place,
        agenda: input.agenda,
        createdBy: actor.userId,
      })
      .returning({ id: meetings.id });
    if (invitees.length) {
      await tx
        .insert(meetingAttendees)
        .values(invitees.map((personId) => ({ districtId: actor.districtId, meetingId: row!.id, personId })));
    }
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: body.region_id,
      action: 'meeting.create',
      entityType: 'meeting',
      entityId: row!.id,
      after: { bodyId: body.id, title: input.title, startsAt: input.startsAt, invitees: invitees.length },
    });
    return getMeeting(tx, actor, row!.id);
  });
}

export async function updateMeeting(
  db: Tx,
  actor: Actor,
  id: number,
  input: z.infer<typeof MeetingUpdateBody>,
) {
  return db.transaction(async (tx) => {
    const before = await load(tx, actor, id, true);
    await tx
      .update(meetings)
      .set(input)
      .where(and(eq(meetings.districtId, actor.districtId), eq(meetings.id, id)));
    const after = await load(tx, actor, id);
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: before.region_id,
      action: 'meeting.update',
      entityType: 'meeting',
      entityId: id,
      before: {
        title: before.title,
        status: before.status,
        startsAt: before.starts_at,
        hasMinutes: before.minutes !== null,
      },
      after: {
        title: after.title,
        status: after.status,
        startsAt: after.starts_at,
        hasMinutes: after.minutes !== null,
      },
    });
    return getMeeting(tx, actor, id);
  });
}

/** Records attendance of invitees; a meeting with attendance has been held. */
export async function recordAttendance(
  db: Tx,
  actor: Actor,
  id: number,
  input: z.infer<typeof AttendanceBody>,
) {
  return db.transaction(async (tx) => {
    const meeting = await load(tx, actor, id, true);
    if (meeting.status === 'cancelled') throw unprocessable('meeting_cancelled');
    for (const item of input.items) {
      const { rows } = await tx.execute(sql`UPDATE meeting_attendees SET attendance = ${item.attendance}
        WHERE district_id = ${actor.districtId} AND meeting_id = ${id} AND person_id = ${item.personId} RETURNING 1`);
      if (!rows.length) throw unprocessable('meeting_not_invited');
      // Attending counts in the ledger; a changed record corrects it rather than erasing it.
      await settle(
        tx,
        actor,
        {
          districtId: actor.districtId,
          kind: 'meeting_attended',
          sourceType: 'meeting',
          sourceId: id,
          personId: item.personId,
        },
        {
          quantity: item.attendance === 'present' ? 1 : 0,
          at: meeting.starts_at,
          regionId: meeting.region_id,
        },
        { key: 'ledger_attendance_changed', params: { attendance: `attendance.${item.attendance}` } },
      );
    }
    await tx.execute(sql`UPDATE meetings SET status = 'held', updated_at = now()
      WHERE district_id = ${actor.districtId} AND id = ${id} AND status = 'scheduled'`);
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: meeting.region_id,
      action: 'meeting.attendance',
      entityType: 'meeting',
      entityId: id,
      after: Object.fromEntries(input.items.map((i) => [i.personId, i.attendance])),
    });
    return getMeeting(tx, actor, id);
  });
}

export async function addResolution(
  db: Tx,
  actor: Actor,
  id: number,
  input: z.infer<typeof ResolutionCreateBody>,
) {
  return db.transaction(async (tx) => {
    const meeting = await load(tx, actor, id, true);
    if (meeting.status === 'cancelled') throw unprocessable('meeting_cancelled');
    const [res] = await tx
      .insert(resolutions)
      .values({ districtId: actor.districtId, meetingId: id, text: input.text })
      .returning({ id: resolutions.id });
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: meeting.region_id,
      action: 'meeting.resolution',
      entityType: 'meeting',
      entityId: id,
      after: { resolutionId: res!.id, text: input.text },
    });
    if (input.task) {
      await createTask(tx, actor, {
        regionId: meeting.region_id,
        resolutionId: res!.id,
        title: input.task.title,
        owner: input.task.owner,
        dueOn: input.task.dueOn,
      });
    }
    return getMeeting(tx, actor, id);
  });
}
