/**
 * An organiser invites one person — often a suggested one — to take a project role or a
 * dedication-day task. Accepting claims the role (or signs up for the task) as the person
 * would themselves; the invitation only records that they were asked and answered.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Invitation, InvitationBody, InvitationListQuery } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { allow, can, inScope } from '../../auth/authorize';
import type { Tx } from '../../db/client';
import { pageOf } from '../../db/paging';
import { conflict, notFound, unprocessable } from '../../errors';
import { iso } from '../../http';
import { type Locale, labelOf } from '../../i18n';
import { userRow } from '../accounts/accounts.queries';
import { recordAudit } from '../audit/audit.service';
import { dedicationPolicy } from '../dedication-days/dedication-days.policy';
import { taskTargets } from '../dedication-days/dedication-days.queries';
import { signUp } from '../dedication-days/signups.service';
import { personRow } from '../members/members.queries';
import { notify } from '../notifications/notifications.service';
import { claimRole } from '../projects/claims.service';
import { projectPolicy } from '../projects/projects.policy';
import { roleTargets } from '../projects/projects.queries';
import { invitationPolicy } from './teams.policy';

type Row = {
  id: number;
  role_id: number | null;
  task_id: number | null;
  title: string;
  role_kind: string | null;
  role_name: string | null;
  link: string;
  project_id: number | null;
  region_id: number;
  region_path: string;
  person_id: number;
  person_name: string;
  person_user_id: number | null;
  status: Invitation['status'];
  invited_by: string | null;
  created_at: string;
};

const SELECT = sql`
  SELECT i.id, i.role_id, i.task_id,
         coalesce(ro.title, t.title) AS title, ro.role_kind, ro.role_name,
         CASE WHEN i.role_id IS NOT NULL THEN '/projects/' || ro.project_id ELSE '/occurrences/' || t.occurrence_id END AS link,
         ro.project_id, r.id AS region_id, r.path::text AS region_path,
         i.person_id, p.name AS person_name, p.user_id AS person_user_id, i.status, u.display_name AS invited_by, i.created_at
    FROM invitations i
    JOIN LATERAL (${personRow(sql`i.district_id`, sql`i.person_id`)}) p ON true
    LEFT JOIN LATERAL (${userRow(sql`i.invited_by`)}) u ON true
    LEFT JOIN (${roleTargets()}) ro ON ro.district_id = i.district_id AND ro.id = i.role_id
    LEFT JOIN (${taskTargets()}) t ON t.district_id = i.district_id AND t.id = i.task_id
    JOIN regions r ON r.district_id = i.district_id AND r.id = coalesce(ro.region_id, t.region_id)`;

/** A role reads as the project and the role: its own name, or its kind's in the reader's language. */
const present =
  (locale: Locale) =>
  (i: Row): Invitation => ({
    id: i.id,
    kind: i.role_id !== null ? 'role' : 'task',
    targetId: (i.role_id ?? i.task_id)!,
    title:
      i.role_id !== null ? `${i.title} · ${i.role_name || labelOf(locale, `role.${i.role_kind}`)}` : i.title,
    link: i.link,
    person: { id: i.person_id, name: i.person_name },
    status: i.status,
    invitedBy: i.invited_by ?? '',
    createdAt: iso(i.created_at)!,
  });

const organised = (actor: Actor) =>
  sql`((i.role_id IS NOT NULL AND ${inScope(actor, 'project.manage', sql`r.path`)})
    OR (i.task_id IS NOT NULL AND ${inScope(actor, 'dedication.manage', sql`r.path`)}))`;

async function load(db: Tx, actor: Actor, id: number, lock = false) {
  const { rows } =
    await db.execute<Row>(sql`${SELECT} WHERE i.district_id = ${actor.districtId} AND i.id = ${id}
    ${lock ? sql`FOR UPDATE OF i` : sql``}`);
  const i = rows[0];
  if (!i || (i.person_id !== actor.personId && !canOrganise(actor, i))) throw notFound();
  return i;
}

const canOrganise = (actor: Actor, i: Pick<Row, 'role_id' | 'region_path'>) =>
  can(actor, i.role_id !== null ? 'project.manage' : 'dedication.manage', i.region_path);

export async function invite(db: Tx, actor: Actor, input: z.infer<typeof InvitationBody>, locale: Locale) {
  if ((input.roleId === undefined) === (input.taskId === undefined))
    throw unprocessable('suggest_one_target');
  return db.transaction(async (tx) => {
    // The role's project, or the task's occurrence, gives the place (the owners' derived tables).
    const target = await tx.execute<{ path: string; region_id: number }>(sql`
      SELECT r.path::text AS path, r.id AS region_id FROM (${input.roleId ? roleTargets() : taskTargets()}) x
        JOIN regions r ON r.district_id = x.district_id AND r.id = x.region_id
       WHERE x.district_id = ${actor.districtId} AND x.id = ${input.roleId ?? input.taskId!}`);
    const place = target.rows[0];
    if (!place) throw notFound();
    allow(
      input.roleId
        ? projectPolicy.manage(actor, { region_path: place.path })
        : dedicationPolicy.organise(actor, { region_path: place.path }),
      'out_of_scope',
    );
    const { rows: person } = await tx.execute<{ id: number }>(
      personRow(sql`${actor.districtId}`, sql`${input.personId}`),
    );
    if (!person[0]) throw unprocessable('reference_broken', { constraint: 'person' });
    const { rows } = await tx.execute<{ id: number }>(sql`
      INSERT INTO invitations (district_id, role_id, task_id, person_id, invited_by)
      VALUES (${actor.districtId}, ${input.roleId ?? null}, ${input.taskId ?? null}, ${input.personId}, ${actor.userId})
      ON CONFLICT DO NOTHING RETURNING id`);
    if (!rows[0]) throw conflict('duplicate');
    const i = await load(tx, actor, rows[0].id);
    await notify(
      tx,
      { districtId: actor.districtId, userId: i.person_user_id },
      'notify_invitation',
      { by: actor.displayName, title: present(locale)(i).title },
      `/me/invitations`,
    );
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: place.region_id,
      action: 'invitation.create',
      entityType: 'invitation',
      entityId: i.id,
      after: { roleId: input.roleId ?? null, taskId: input.taskId ?? null, personId: input.personId },
    });
    return present(locale)(i);
  });
}

export async function listInvitations(
  db: Tx,
  actor: Actor,
  q: z.infer<typeof InvitationListQuery>,
  locale: Locale,
) {
  const where: SQL[] = [sql`i.district_id = ${actor.districtId}`];
  const own = sql`i.person_id = ${actor.personId ?? 0}`;
  where.push(q.mine === 'true' ? own : sql`(${own} OR ${organised(actor)})`);
  if (q.roleId) where.push(sql`i.role_id = ${q.roleId}`);
  if (q.taskId) where.push(sql`i.task_id = ${q.taskId}`);
  return pageOf(
    db,
    q,
    {
      select: SELECT,
      where: sql.join(where, sql` AND `),
      orderBy: sql`i.status = 'pending' DESC, i.created_at DESC, i.id DESC`,
    },
    present(locale),
  );
}

/** The person answers. Accepting takes the role (or the task) as they would themselves. */
export async function answer(db: Tx, actor: Actor, id: number, accept: boolean, locale: Locale) {
  const i = await load(db, actor, id);
  allow(invitationPolicy.answer(actor, i));
  if (i.status !== 'pending') throw conflict('invitation_not_pending');
  if (accept) {
    if (i.role_id !== null)
      await claimRole(db, actor, i.project_id!, i.role_id, { forUnit: false, slots: 1 });
    else await signUp(db, actor, i.task_id!);
  }
  return db.transaction(async (tx) => {
    await tx.execute(sql`UPDATE invitations SET status = ${accept ? 'accepted' : 'declined'}, updated_at = now()
      WHERE district_id = ${actor.districtId} AND id = ${id} AND status = 'pending'`);
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: i.region_id,
      action: `invitation.${accept ? 'accept' : 'decline'}`,
      entityType: 'invitation',
      entityId: id,
      before: { status: 'pending' },
      after: { status: accept ? 'accepted' : 'declined' },
    });
    return present(locale)(await load(tx, actor, id));
  });
}
