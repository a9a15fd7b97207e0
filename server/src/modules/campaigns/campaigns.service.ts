/**
 * Campaigns such as 社区党建宣传周: a scope, dates and a theme that group courses and
 * notices; their reach counts what they grouped and what happened in their area during
 * their dates (projects, dedication days, hours served).
 */
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type {
  Campaign,
  CampaignCreateBody,
  CampaignListQuery,
  CampaignUpdateBody,
} from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { allow } from '../../auth/authorize';
import type { Tx } from '../../db/client';
import { pageOf } from '../../db/paging';
import { notFound, unprocessable } from '../../errors';
import { contains, iso } from '../../http';
import { recordAudit } from '../audit/audit.service';
import { campaignAttendance, campaignCourseCount, campaignEnrolments } from '../courses/courses.queries';
import { occurrencesHeld } from '../dedication-days/dedication-days.queries';
import { addDays, instant } from '../dedication-days/recurrence';
import { campaignNoticeCount, campaignRecipients } from '../notices/notices.queries';
import { projectsUnderWay } from '../projects/projects.queries';
import { districtTimeZone, regionForRead } from '../regions/regions.queries';
import { campaignCan, campaignPolicy } from './campaigns.policy';

type Row = {
  id: number;
  kind: Campaign['kind'];
  title: string;
  theme: string;
  region_id: number;
  region_name: string;
  region_path: string;
  starts_on: string;
  ends_on: string;
  courses: number;
  notices: number;
  created_at: string;
};

const SELECT = sql`
  SELECT ca.id, ca.kind, ca.title, ca.theme, ca.region_id, r.name AS region_name, r.path::text AS region_path,
         ca.starts_on::text AS starts_on, ca.ends_on::text AS ends_on,
         ${campaignCourseCount(sql`ca.district_id`, sql`ca.id`)} AS courses,
         ${campaignNoticeCount(sql`ca.district_id`, sql`ca.id`)} AS notices,
         ca.created_at
    FROM campaigns ca JOIN regions r ON r.district_id = ca.district_id AND r.id = ca.region_id`;

/** A campaign as its reader sees it, with what they may do to it. */
const present =
  (actor: Actor) =>
  (c: Row): Campaign => ({
    id: c.id,
    kind: c.kind,
    title: c.title,
    theme: c.theme,
    regionId: c.region_id,
    regionName: c.region_name,
    startsOn: c.starts_on,
    endsOn: c.ends_on,
    courses: c.courses,
    notices: c.notices,
    createdAt: iso(c.created_at)!,
    can: campaignCan(actor, c),
  });

async function load(db: Tx, actor: Actor, id: number): Promise<Row> {
  const { rows } = await db.execute<Row>(
    sql`${SELECT} WHERE ca.district_id = ${actor.districtId} AND ca.id = ${id}`,
  );
  if (!rows[0]) throw notFound();
  return rows[0];
}

/** Campaigns are public in the district. */
export const getCampaign = async (db: Tx, actor: Actor, id: number) =>
  present(actor)(await load(db, actor, id));

export async function listCampaigns(db: Tx, actor: Actor, q: z.infer<typeof CampaignListQuery>) {
  const where: SQL[] = [sql`ca.district_id = ${actor.districtId}`];
  if (q.regionId) {
    const root = await regionForRead(db, actor, q.regionId);
    where.push(sql`r.path <@ ${root.path}::ltree`);
  }
  if (q.q) where.push(sql`ca.title ILIKE ${contains(q.q)}`);
  return pageOf(
    db,
    q,
    { select: SELECT, where: sql.join(where, sql` AND `), orderBy: sql`ca.starts_on DESC, ca.id DESC` },
    present(actor),
  );
}

export async function createCampaign(db: Tx, actor: Actor, input: z.infer<typeof CampaignCreateBody>) {
  if (input.endsOn < input.startsOn) throw unprocessable('rule_broken', { constraint: 'ends_after_start' });
  return db.transaction(async (tx) => {
    const region = await regionForRead(tx, actor, input.regionId, 'campaign.manage');
    const { rows } = await tx.execute<{ id: number }>(sql`
      INSERT INTO campaigns (district_id, region_id, kind, title, theme, starts_on, ends_on, created_by)
      VALUES (${actor.districtId}, ${region.id}, ${input.kind}, ${input.title}, ${input.theme}, ${input.startsOn}, ${input.endsOn}, ${actor.userId})
      RETURNING id`);
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: region.id,
      action: 'campaign.create',
      entityType: 'campaign',
      entityId: rows[0]!.id,
      after: { title: input.title, startsOn: input.startsOn, endsOn: input.endsOn },
    });
    return present(actor)(await load(tx, actor, rows[0]!.id));
  });
}

export async function updateCampaign(
  db: Tx,
  actor: Actor,
  id: number,
  input: z.infer<typeof CampaignUpdateBody>,
) {
  return db.transaction(async (tx) => {
    const c = await load(tx, actor, id);
    allow(campaignPolicy.manage(actor, c), 'out_of_scope');
    const startsOn = input.startsOn ?? c.starts_on;
    const endsOn = input.endsOn ?? c.ends_on;
    if (endsOn < startsOn) throw unprocessable('rule_broken', { constraint: 'ends_after_start' });
    await tx.execute(sql`UPDATE campaigns SET kind = ${input.kind ?? c.kind}, title = ${input.title ?? c.title},
        theme = ${input.theme ?? c.theme}, starts_on = ${startsOn}, ends_on = ${endsOn}, updated_at = now()
      WHERE district_id = ${actor.districtId} AND id = ${id}`);
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: c.region_id,
      action: 'campaign.update',
      entityType: 'campaign',
      entityId: id,
      before: { title: c.title, startsOn: c.starts_on, endsOn: c.ends_on },
      after: { title: input.title ?? c.title, startsOn, endsOn },
    });
    return present(actor)(await load(tx, actor, id));
  });
}

/** The campaign's reach, in its area and during its dates (days in the district's time zone). */
export async function campaignReach(db: Tx, actor: Actor, id: number) {
  const c = await load(db, actor, id);
  const zone = await districtTimeZone(db, actor.districtId);
  const from = instant(c.starts_on, '00:00', zone);
  const to = instant(addDays(c.ends_on, 1), '00:00', zone);
  const { rows } = await db.execute<{
    recipients: number;
    reads: number;
    enrolments: number;
    attendance: number;
    projects: number;
    occurrences: number;
    hours: number;
    people: number;
  }>(sql`
    WITH n AS (${campaignRecipients(actor.districtId, id)}),
         e AS (${campaignEnrolments(actor.districtId, id)}),
         a AS (${campaignAttendance(actor.districtId, id)}),
         served AS (SELECT e.person_id, e.quantity FROM ledger_entries e JOIN regions r ON r.district_id = e.district_id AND r.id = e.region_id
                     WHERE e.district_id = ${actor.districtId} AND e.kind = 'service_hours' AND e.at >= ${from} AND e.at < ${to}
                       AND r.path <@ ${c.region_path}::ltree)
    SELECT (SELECT count(*)::int FROM n) AS recipients, (SELECT count(read_at)::int FROM n) AS reads,
           (SELECT count(*)::int FROM e) AS enrolments, (SELECT count(*)::int FROM a) AS attendance,
           (SELECT count(*)::int FROM (${projectsUnderWay(actor.districtId, from, to)}) p
              JOIN regions r ON r.district_id = p.district_id AND r.id = p.region_id
             WHERE r.path <@ ${c.region_path}::ltree) AS projects,
           (SELECT count(*)::int FROM (${occurrencesHeld(actor.districtId, from, to)}) o
              JOIN regions r ON r.district_id = o.district_id AND r.id = o.region_id
             WHERE r.path <@ ${c.region_path}::ltree) AS occurrences,
           (SELECT coalesce(sum(quantity), 0)::float8 FROM served) AS hours,
           (SELECT count(*)::int FROM (SELECT person_id FROM n WHERE read_at IS NOT NULL UNION SELECT person_id FROM e
                                       UNION SELECT person_id FROM served WHERE person_id IS NOT NULL) u) AS people`);
  const { rows: days } = await db.execute<{
    date: string;
    hours: number;
    reads: number;
    attendance: number;
  }>(sql`
    SELECT d::date::text AS date,
           (SELECT coalesce(sum(e.quantity), 0)::float8 FROM ledger_entries e JOIN regions r ON r.district_id = e.district_id AND r.id = e.region_id
             WHERE e.district_id = ${actor.districtId} AND e.kind = 'service_hours' AND r.path <@ ${c.region_path}::ltree
               AND (e.at AT TIME ZONE ${zone})::date = d::date) AS hours,
           (SELECT count(*)::int FROM (${campaignRecipients(actor.districtId, id)}) x
             WHERE (x.read_at AT TIME ZONE ${zone})::date = d::date) AS reads,
           (SELECT count(*)::int FROM (${campaignAttendance(actor.districtId, id)}) a
             WHERE (a.starts_at AT TIME ZONE ${zone})::date = d::date) AS attendance
      FROM generate_series(${c.starts_on}::date, ${c.ends_on}::date, interval '1 day') d`);
  const r = rows[0]!;
  return {
    peopleReached: r.people,
    noticeRecipients: r.recipients,
    noticeReads: r.reads,
    readRate: r.recipients ? Math.round((r.reads / r.recipients) * 1000) / 1000 : 0,
    courseEnrolments: r.enrolments,
    sessionAttendance: r.attendance,
    projects: r.projects,
    occurrences: r.occurrences,
    hoursServed: Math.round(r.hours * 10) / 10,
    byDay: days.map((d) => ({ ...d, hours: Math.round(d.hours * 10) / 10 })),
  };
}
