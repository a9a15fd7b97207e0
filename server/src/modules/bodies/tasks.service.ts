/**
 * Follow-up tasks from resolutions: an owner (organisation, unit or person), a due date,
 * status and progress notes. Overdue is judged by the calendar day in the district's time zone.
 */

import { and, eq, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Task, TaskListQuery, TaskNoteBody, TaskOwnerInput, TaskUpdateBody } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { allow, inScope, inUnits } from '../../auth/authorize';
import type { Tx } from '../../db/client';
import { pageOf } from '../../db/paging';
import { notFound } from '../../errors';
import { contains, iso } from '../../http';
import { actionHolders, userRow } from '../accounts/accounts.queries';
import { recordAudit } from '../audit/audit.service';
import { personRow } from '../members/members.queries';
import { personFor } from '../members/members.service';
import { markHandled, notifyStaff } from '../notifications/notifications.service';
import { orgRow } from '../party-orgs/party-orgs.queries';
import { orgFor } from '../party-orgs/party-orgs.service';
import { regionForRead, zoneOf } from '../regions/regions.queries';
import { unitRow } from '../units/units.queries';
import { unitFor } from '../units/units.service';
import { taskCan, taskPolicy } from './bodies.policy';
import { taskNotes, tasks } from './bodies.schema';

/** Today in the district's time zone: a task due today is not overdue until tomorrow. */
export const TODAY = sql`(now() AT TIME ZONE ${zoneOf(sql`t.district_id`)})::date`;

type Row = {
  id: number;
  title: string;
  region_id: number;
  region_name: string;
  region_path: string;
  resolution_id: number | null;
  meeting_id: number | null;
  meeting_title: string | null;
  owner_kind: Task['owner']['kind'];
  owner_id: number;
  owner_name: string;
  owner_person_user: number | null;
  due_on: string;
  status: Task['status'];
  overdue: boolean;
  progress: number;
  created_at: string;
  updated_at: string;
};

const SELECT = sql`
  SELECT t.id, t.title, t.region_id, r.name AS region_name, r.path::text AS region_path,
         t.resolution_id, s.meeting_id, m.title AS meeting_title,
         t.owner_kind, coalesce(t.owner_party_org_id, t.owner_unit_id, t.owner_person_id) AS owner_id,
         coalesce(o.name, u.name, p.name) AS owner_name, p.user_id AS owner_person_user,
         t.due_on::text, t.status, (t.status IN ('open', 'in_progress') AND t.due_on < ${TODAY}) AS overdue,
         t.progress, t.created_at, t.updated_at
    FROM tasks t
    JOIN regions r ON r.district_id = t.district_id AND r.id = t.region_id
    LEFT JOIN resolutions s ON s.district_id = t.district_id AND s.id = t.resolution_id
    LEFT JOIN meetings m ON m.district_id = s.district_id AND m.id = s.meeting_id
    LEFT JOIN LATERAL (${orgRow(sql`t.district_id`, sql`t.owner_party_org_id`)}) o ON true
    LEFT JOIN LATERAL (${unitRow(sql`t.district_id`, sql`t.owner_unit_id`)}) u ON true
    LEFT JOIN LATERAL (${personRow(sql`t.district_id`, sql`t.owner_person_id`)}) p ON true`;

/** A task as its reader sees it, with what they may do to it. */
const present =
  (actor: Actor) =>
  (r: Row): Task => ({
    id: r.id,
    title: r.title,
    regionId: r.region_id,
    regionName: r.region_name,
    source:
      r.resolution_id === null
        ? null
        : { meetingId: r.meeting_id!, meetingTitle: r.meeting_title!, resolutionId: r.resolution_id },
    owner: { kind: r.owner_kind, id: r.owner_id, name: r.owner_name },
    dueOn: r.due_on,
    status: r.status,
    overdue: r.overdue,
    progress: r.progress,
    createdAt: iso(r.created_at)!,
    updatedAt: iso(r.updated_at)!,
    can: taskCan(actor, r),
  });

/** Those over the body's region see its tasks; an owner sees and works on its own. */
function visible(actor: Actor): SQL {
  return sql`(${inScope(actor, 'body.read', sql`r.path`)}
    OR ${inUnits(actor, 'unit.read', sql`t.owner_unit_id`)}
    OR p.user_id = ${actor.userId})`;
}

async function load(db: Tx, actor: Actor, id: number): Promise<Row> {
  const { rows } = await db.execute<Row>(
    sql`${SELECT} WHERE t.district_id = ${actor.districtId} AND t.id = ${id} AND ${visible(actor)}`,
  );
  if (!rows[0]) throw notFound();
  return rows[0];
}

export async function getTask(db: Tx, actor: Actor, id: number) {
  const row = await load(db, actor, id);
  const { rows } = await db.execute<{
    id: number;
    text: string;
    progress: number | null;
    at: string;
    author: string | null;
  }>(sql`
    SELECT n.id, n.text, n.progress, n.at, u.display_name AS author FROM task_notes n
      LEFT JOIN LATERAL (${userRow(sql`n.author_id`)}) u ON true
     WHERE n.district_id = ${actor.districtId} AND n.task_id = ${id} ORDER BY n.at, n.id`);
  return {
    ...present(actor)(row),
    notes: rows.map((n) => ({
      id: n.id,
      text: n.text,
      progress: n.progress,
      at: iso(n.at)!,
      authorName: n.author,
    })),
  };
}

export async function listTasks(db: Tx, actor: Actor, q: z.infer<typeof TaskListQuery>) {
  const where: SQL[] = [sql`t.district_id = ${actor.districtId}`, visible(actor)];
  if (q.regionId) {
    const root = await regionForRead(db, actor, q.regionId);
    where.push(sql`r.path <@ ${root.path}::ltree`);
  }
  if (q.status) where.push(sql`t.status = ${q.status}`);
  if (q.overdue === 'true') where.push(sql`t.status IN ('open', 'in_progress') AND t.due_on < ${TODAY}`);
  if (q.overdue === 'false')
    where.push(sql`NOT (t.status IN ('open', 'in_progress') AND t.due_on < ${TODAY})`);
  if (q.ownerKind) where.push(sql`t.owner_kind = ${q.ownerKind}`);
  if (q.ownerId)
    where.push(sql`coalesce(t.owner_party_org_id, t.owner_unit_id, t.owner_person_id) = ${q.ownerId}`);
  if (q.q) where.push(sql`t.title ILIKE ${contains(q.q)}`);
  const overdue = sql`(t.status IN ('open', 'in_progress') AND t.due_on < ${TODAY})`;
  return pageOf(
    db,
    q,
    {
      select: SELECT,
      where: sql.join(where, sql` AND `),
      orderBy: sql`${overdue} DESC, t.status IN ('done', 'cancelled'), t.due_on, t.id`,
    },
    present(actor),
  );
}

/** The owner's columns, after checking the actor can see that owner. */
async function ownerColumns(tx: Tx, actor: Actor, owner: z.infer<typeof TaskOwnerInput>) {
  if (owner.kind === 'person')
    return { ownerKind: owner.kind, ownerPersonId: (await personFor(tx, actor, owner.id)).id };
  if (owner.kind === 'unit')
    return { ownerKind: owner.kind, ownerUnitId: (await unitFor(tx, actor, owner.id)).id };
  return { ownerKind: owner.kind, ownerPartyOrgId: (await orgFor(tx, actor, owner.id)).id };
}

const noOwner = { ownerPartyOrgId: null, ownerUnitId: null, ownerPersonId: null };

export async function createTask(
  tx: Tx,
  actor: Actor,
  input: {
    regionId: number;
    resolutionId: number | null;
    title: string;
    owner: z.infer<typeof TaskOwnerInput>;
    dueOn: string;
  },
) {
  const owner = await ownerColumns(tx, actor, input.owner);
  const [row] = await tx
    .insert(tasks)
    .values({
      districtId: actor.districtId,
      regionId: input.regionId,
      resolutionId: input.resolutionId,
      title: input.title,
      dueOn: input.dueOn,
      createdBy: actor.userId,
      ...noOwner,
      ...owner,
    })
    .returning({ id: tasks.id });
  await recordAudit(tx, actor, {
    districtId: actor.districtId,
    regionId: input.regionId,
    action: 'task.create',
    entityType: 'task',
    entityId: row!.id,
    after: { title: input.title, owner: input.owner, dueOn: input.dueOn, resolutionId: input.resolutionId },
  });
  return row!.id;
}

const snapshot = (r: Row) => ({
  title: r.title,
  status: r.status,
  dueOn: r.due_on,
  owner: `${r.owner_kind}:${r.owner_id}`,
  progress: r.progress,
});

export async function updateTask(db: Tx, actor: Actor, id: number, input: z.infer<typeof TaskUpdateBody>) {
  return db.transaction(async (tx) => {
    const before = await load(tx, actor, id);
    allow(taskPolicy.work(actor, before));
    // Reassigning or rescheduling is the body's business, not the owner's.
    if (input.owner || input.dueOn || input.title) allow(taskPolicy.manage(actor, before));
    const owner = input.owner ? { ...noOwner, ...(await ownerColumns(tx, actor, input.owner)) } : {};
    const status = input.status ?? before.status;
    await tx
      .update(tasks)
      .set({
        title: input.title ?? before.title,
        dueOn: input.dueOn ?? before.due_on,
        status,
        progress: status === 'done' ? 100 : before.progress,
        doneAt: status === 'done' ? sql`coalesce(${tasks.doneAt}, now())` : null,
        // A new due date is told about afresh.
        ...(input.dueOn && input.dueOn !== before.due_on
          ? { notifiedDueAt: null, notifiedOverdueAt: null }
          : {}),
        ...owner,
      })
      .where(and(eq(tasks.districtId, actor.districtId), eq(tasks.id, id)));
    // Done or cancelled, it no longer waits: the bells about it being due are settled.
    if (status === 'done' || status === 'cancelled') await markHandled(tx, actor.districtId, `task:${id}`);
    const after = await load(tx, actor, id);
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: before.region_id,
      action: 'task.update',
      entityType: 'task',
      entityId: id,
      before: snapshot(before),
      after: snapshot(after),
    });
    return getTask(tx, actor, id);
  });
}

export async function addTaskNote(db: Tx, actor: Actor, id: number, input: z.infer<typeof TaskNoteBody>) {
  return db.transaction(async (tx) => {
    const task = await load(tx, actor, id);
    allow(taskPolicy.work(actor, task));
    await tx.insert(taskNotes).values({
      districtId: actor.districtId,
      taskId: id,
      text: input.text,
      progress: input.progress,
      authorId: actor.userId,
    });
    if (input.progress !== undefined) {
      await tx.execute(sql`UPDATE tasks SET progress = ${input.progress},
          status = CASE WHEN status = 'open' AND ${input.progress} > 0 THEN 'in_progress'::task_status ELSE status END,
          updated_at = now()
        WHERE district_id = ${actor.districtId} AND id = ${id}`);
    }
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: task.region_id,
      action: 'task.note',
      entityType: 'task',
      entityId: id,
      after: { text: input.text, progress: input.progress ?? null },
    });
    return getTask(tx, actor, id);
  });
}

/**
 * The daily reminder: each open task falling due tomorrow is told to its owner (the person, or the
 * owning unit's contacts); each overdue one to its owner and the organisers of its body's area
 * (`task.manage`). Once per state (`notified_due_at`, `notified_overdue_at`); a new due date resets them.
 */
export async function tellDueTasks(tx: Tx) {
  const { rows } = await tx.execute<{
    id: number;
    district_id: number;
    title: string;
    due_on: string;
    path: string;
    owner_unit_id: number | null;
    owner_person_id: number | null;
    overdue: boolean;
  }>(sql`
    UPDATE tasks t
       SET notified_due_at = CASE WHEN t.due_on = ${TODAY} + 1 THEN now() ELSE t.notified_due_at END,
           notified_overdue_at = CASE WHEN t.due_on < ${TODAY} THEN now() ELSE t.notified_overdue_at END
      FROM regions r
     WHERE r.district_id = t.district_id AND r.id = t.region_id AND t.status IN ('open', 'in_progress')
       AND ((t.due_on = ${TODAY} + 1 AND t.notified_due_at IS NULL) OR (t.due_on < ${TODAY} AND t.notified_overdue_at IS NULL))
    RETURNING t.id, t.district_id, t.title, t.due_on::text AS due_on, r.path::text AS path, t.owner_unit_id,
              t.owner_person_id, t.due_on < ${TODAY} AS overdue`);
  for (const t of rows) {
    const d = t.district_id;
    const told = [
      sql`SELECT p.user_id FROM (${personRow(sql`${d}::bigint`, sql`${t.owner_person_id}::bigint`)}) p`,
      actionHolders(d, 'unit.manage', { unitId: sql`${t.owner_unit_id}::bigint` }),
    ];
    if (t.overdue) told.push(actionHolders(d, 'task.manage', { path: sql`${t.path}::ltree` }));
    await notifyStaff(
      tx,
      { districtId: d, userId: 0 },
      sql.join(told, sql` UNION `),
      t.overdue ? 'notify_task_overdue' : 'notify_task_due',
      { title: t.title, due: t.due_on },
      `/tasks?task=${t.id}`,
      `task:${t.id}`,
    );
  }
  return rows.length;
}
