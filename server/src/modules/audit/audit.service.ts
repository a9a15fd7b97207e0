import { and, desc, eq, gte, is, lte, SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditAction, AuditEntityType, AuditEntry, AuditListQuery } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { allow } from '../../auth/authorize';
import type { Tx } from '../../db/client';
import { iso } from '../../http';
import { roleAssignmentLabel, userRow } from '../accounts/accounts.queries';
import { bodyName, meetingTitle, taskTitle } from '../bodies/bodies.queries';
import { campaignTitle } from '../campaigns/campaigns.queries';
import { courseSessionLabel, courseTitle, enrolmentLabel } from '../courses/courses.queries';
import {
  dedicationDayTitle,
  dedicationTaskLabel,
  occurrenceLabel,
  signupLabel,
} from '../dedication-days/dedication-days.queries';
import { evaluationTitle } from '../evaluations/evaluations.queries';
import { bookingLabel, facilityName } from '../facilities/facilities.queries';
import { importFileName } from '../imports/imports.queries';
import { personRow } from '../members/members.queries';
import { needTitle } from '../needs/needs.queries';
import { noticeTitle } from '../notices/notices.queries';
import { orgRow } from '../party-orgs/party-orgs.queries';
import { claimLabel, projectTitle } from '../projects/projects.queries';
import { loadRegion } from '../regions/regions.queries';
import { regions } from '../regions/regions.schema';
import { registrationLabel } from '../registrations/registrations.queries';
import { invitationLabel, teamMemberLabel, teamRow } from '../teams/teams.queries';
import { unitRow } from '../units/units.queries';
import { auditPolicy } from './audit.policy';
import { auditLog } from './audit.schema';

/**
 * A literal the console names: one of `known`. A value only known at run time as a string
 * passes (the evaluations' helper); a template literal is checked for each value it may take.
 */
type Named<A extends string, Known extends string> = A &
  (string extends A
    ? unknown
    : Known | { 'name it in contract/audit.ts and label it in both locales': true });

export type AuditRecord<A extends string = string, E extends string = string> = {
  districtId: number;
  regionId: number | null;
  action: Named<A, AuditAction>;
  entityType: Named<E, AuditEntityType>;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
};

/** Records one write, in the same transaction as the write itself. */
export async function recordAudit<const A extends string, const E extends string>(
  tx: Tx,
  who: { userId: number | null; ip: string | null },
  r: AuditRecord<A, E>,
) {
  await tx.insert(auditLog).values({
    districtId: r.districtId,
    regionId: r.regionId,
    actorId: who.userId,
    action: r.action,
    entityType: r.entityType,
    entityId: String(r.entityId),
    before: r.before ?? null,
    after: r.after ?? null,
    ip: who.ip,
  });
}

/** A state as jsonb: a value (written as recordAudit writes it), or SQL reading the caller's row. */
const state = (v: unknown) =>
  is(v, SQL) ? sql`(${v})::jsonb` : sql`${v === undefined || v === null ? null : JSON.stringify(v)}::jsonb`;

/**
 * The same entry as `recordAudit`, written by the caller's own statement: an INSERT … SELECT
 * to use as one of its CTEs, one entry per row of `from` (the write's RETURNING), whose id
 * `entityId` reads (and `before`/`after` may, as jsonb SQL). A write and its entry then cost
 * one trip, and the entry exists exactly when the write happened.
 */
export function auditFrom<const A extends string, const E extends string>(
  who: { userId: number | null; ip: string | null },
  r: Omit<AuditRecord<A, E>, 'entityId'> & { entityId: SQL },
  from: SQL,
): SQL {
  return sql`INSERT INTO audit_log (district_id, region_id, actor_id, action, entity_type, entity_id, before, after, ip)
    SELECT ${r.districtId}::bigint, ${r.regionId}::bigint, ${who.userId}::bigint, ${r.action}::text, ${r.entityType}::text,
           (${r.entityId})::text, ${state(r.before)}, ${state(r.after)}, ${who.ip}::text
      FROM ${from}`;
}

const entityDistrict = sql`${auditLog.districtId}`;
const entityId = sql`${auditLog.entityId}::bigint`;
/** The column `column` of a one-row fragment (`personRow`, …), as a scalar subquery. */
const field = (row: SQL, column = 'name') =>
  sql`(SELECT entity_row.${sql.raw(column)} FROM (${row}) entity_row)`;

/**
 * What each kind of entity is called, through its owner's queries (a scalar subquery each,
 * run for the rows of the page only). Entries about a place are recorded at it, so the
 * place's name is the row's own region's. Ledger entries and time-bank requests have no name.
 */
const LABELS: Partial<Record<AuditEntityType, SQL>> = {
  region: sql`${regions.name}`,
  need_setting: sql`${regions.name}`,
  district_settings: sql`${regions.name}`,
  user: field(userRow(entityId), 'display_name'),
  session: field(userRow(entityId), 'display_name'),
  role_assignment: roleAssignmentLabel(entityDistrict, entityId),
  unit: field(unitRow(entityDistrict, entityId)),
  party_org: field(orgRow(entityDistrict, entityId)),
  person: field(personRow(entityDistrict, entityId)),
  registration: registrationLabel(entityDistrict, entityId),
  body: bodyName(entityDistrict, entityId),
  meeting: meetingTitle(entityDistrict, entityId),
  task: taskTitle(entityDistrict, entityId),
  import: importFileName(entityDistrict, entityId),
  need: needTitle(entityDistrict, entityId),
  project: projectTitle(entityDistrict, entityId),
  claim: claimLabel(entityDistrict, entityId),
  dedication_day: dedicationDayTitle(entityDistrict, entityId),
  occurrence: occurrenceLabel(entityDistrict, entityId),
  dedication_task: dedicationTaskLabel(entityDistrict, entityId),
  signup: signupLabel(entityDistrict, entityId),
  facility: facilityName(entityDistrict, entityId),
  booking: bookingLabel(entityDistrict, entityId),
  team: field(teamRow(entityDistrict, entityId)),
  team_member: teamMemberLabel(entityDistrict, entityId),
  invitation: invitationLabel(entityDistrict, entityId),
  course: courseTitle(entityDistrict, entityId),
  course_session: courseSessionLabel(entityDistrict, entityId),
  enrolment: enrolmentLabel(entityDistrict, entityId),
  notice: noticeTitle(entityDistrict, entityId),
  campaign: campaignTitle(entityDistrict, entityId),
  evaluation: evaluationTitle(entityDistrict, entityId),
};
// Every entity id recorded is a number; anything else has no name rather than a failed cast.
const ENTITY_LABEL = sql<
  string | null
>`CASE WHEN ${auditLog.entityId} ~ '^[0-9]+$' THEN CASE ${auditLog.entityType}
  ${sql.join(
    Object.entries(LABELS).map(([type, label]) => sql`WHEN ${sql.raw(`'${type}'`)} THEN ${label}`),
    sql`\n  `,
  )} END END`;

/** The title or name an entry recorded, for an entity that is gone or that its owner does not name. */
function recordedName(...states: unknown[]): string | null {
  for (const s of states) {
    if (typeof s !== 'object' || s === null) continue;
    const { title, name } = s as { title?: unknown; name?: unknown };
    if (typeof title === 'string' && title) return title;
    if (typeof name === 'string' && name) return name;
  }
  return null;
}

export async function listAudit(
  db: Tx,
  actor: Actor,
  q: z.infer<typeof AuditListQuery>,
): Promise<{ items: AuditEntry[]; total: number }> {
  const where: (SQL | undefined)[] = [
    eq(auditLog.districtId, actor.districtId),
    auditPolicy.visible(actor, regions.path),
  ];
  if (q.regionId) {
    const root = await loadRegion(db, actor, q.regionId);
    allow(auditPolicy.readAt(actor, root), 'out_of_scope');
    where.push(sql`${regions.path} <@ ${root.path}::ltree`);
  }
  if (q.entityType) where.push(eq(auditLog.entityType, q.entityType));
  if (q.action) where.push(eq(auditLog.action, q.action));
  if (q.actorId) where.push(eq(auditLog.actorId, q.actorId));
  if (q.from) where.push(gte(auditLog.at, q.from));
  if (q.to) where.push(lte(auditLog.at, q.to));
  const cond = and(...where);
  const join = and(eq(regions.districtId, auditLog.districtId), eq(regions.id, auditLog.regionId));
  const [rows, [count]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        action: auditLog.action,
        entityType: auditLog.entityType,
        entityId: auditLog.entityId,
        entityLabel: ENTITY_LABEL,
        regionId: auditLog.regionId,
        regionName: regions.name,
        before: auditLog.before,
        after: auditLog.after,
        ip: auditLog.ip,
        actorId: sql<number | null>`u.id`,
        actorUsername: sql<string | null>`u.username`,
        actorName: sql<string | null>`u.display_name`,
      })
      .from(auditLog)
      .innerJoin(regions, join)
      .leftJoinLateral(sql`(${userRow(sql`${auditLog.actorId}`)}) u`, sql`true`)
      .where(cond)
      .orderBy(desc(auditLog.at), desc(auditLog.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)` }).from(auditLog).innerJoin(regions, join).where(cond),
  ]);
  return {
    total: count?.n ?? 0,
    items: rows.map((r) => ({
      id: r.id,
      at: iso(r.at)!,
      actor:
        r.actorId === null ? null : { id: r.actorId, username: r.actorUsername!, displayName: r.actorName! },
      action: r.action,
      entityType: r.entityType,
      entityId: r.entityId,
      entityLabel: r.entityLabel ?? recordedName(r.after, r.before),
      regionId: r.regionId,
      regionName: r.regionName,
      before: r.before,
      after: r.after,
      ip: r.ip,
    })),
  };
}
