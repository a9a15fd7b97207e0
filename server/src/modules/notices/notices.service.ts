/**
 * Notices, open letters (《致社区共产党员的一封信》) and policy explainers. A notice's
 * audience is a subtree of the region tree narrowed by filters; publishing queues a job
 * that delivers it in batches to each recipient's inbox (and bell), exactly once however
 * often the job runs. Reading it is a participation entry in the ledger.
 *
 * Other domains' rows are reached through their owners: the people (members.queries), a
 * unit's contacts (accounts.queries, units.queries), a team's members and place
 * (teams.queries), a campaign (campaigns.queries), the bell (notifications.service, whose
 * notifyAll is an SQL fragment so that each fan-out batch stays one statement).
 */

import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { type SQL, sql } from 'drizzle-orm';
import sanitizeHtml from 'sanitize-html';
import type { z } from 'zod';
import type {
  Notice,
  NoticeAudience,
  NoticeCreateBody,
  NoticeListQuery,
  NoticeUpdateBody,
} from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { allow, can, isWithin } from '../../auth/authorize';
import type { Db, Tx } from '../../db/client';
import { cappedCount, keyset, type SortKey } from '../../db/paging';
import { conflict, notFound, unprocessable } from '../../errors';
import { contains, iso } from '../../http';
import { unitContactRoles, userRow } from '../accounts/accounts.queries';
import { recordAudit } from '../audit/audit.service';
import { campaignExists } from '../campaigns/campaigns.queries';
import { enqueue, registerJob, saveProgress } from '../jobs/jobs.service';
import { settle } from '../ledger/ledger.service';
import { districtPeople } from '../members/members.queries';
import { markReadByLink, notifyAll } from '../notifications/notifications.service';
import { loadRegion, regionForRead } from '../regions/regions.queries';
import { activeTeamMembers, teamRegionId } from '../teams/teams.queries';
import { unitRow } from '../units/units.queries';
import { noticeCan, noticePolicy } from './notices.policy';

/** What a notice's rich text may hold. */
export const cleanBody = (html: string) =>
  sanitizeHtml(html, {
    allowedTags: ['p', 'br', 'strong', 'b', 'em', 'i', 'u', 'h3', 'h4', 'ul', 'ol', 'li', 'a', 'blockquote'],
    allowedAttributes: { a: ['href'] },
    allowedSchemes: ['http', 'https', 'mailto'],
  });

/** SQL: the people `p` (with home `h`) an audience reaches, within `rootPath`. */
function audienceWhere(districtId: number, a: NoticeAudience, rootPath: string): SQL {
  const parts: SQL[] = [sql`p.district_id = ${districtId}`, sql`h.path <@ ${rootPath}::ltree`];
  const filters: SQL[] = [];
  if (a.partyOnly) filters.push(sql`p.party_org_id IS NOT NULL`);
  if (a.partyOnly && a.partyStatus) filters.push(sql`p.party_status = ${a.partyStatus}`);
  if (a.teamId) filters.push(sql`p.id IN (${activeTeamMembers(districtId, a.teamId)})`);
  const core = filters.length ? sql.join(filters, sql` AND `) : sql`true`;
  // Units' contacts in the area: people whose account holds a unit-contact role for a unit there.
  const contacts = a.unitContacts
    ? sql` OR EXISTS (SELECT 1 FROM (${unitContactRoles()}) ra
                        JOIN LATERAL (${unitRow(sql`ra.district_id`, sql`ra.unit_id`)}) u ON true
                        JOIN regions ur ON ur.district_id = ra.district_id AND ur.id = u.region_id
                       WHERE ra.user_id = p.user_id AND ur.path <@ ${rootPath}::ltree)`
    : sql``;
  parts.push(sql`((${core})${contacts})`);
  return sql.join(parts, sql` AND `);
}

const recipientsFrom = (districtId: number, a: NoticeAudience, rootPath: string) => sql`
  FROM (${districtPeople(districtId)}) p
  JOIN regions h ON h.district_id = p.district_id AND h.id = p.home_region_id
  JOIN regions c ON c.district_id = h.district_id AND c.path = subpath(h.path, 0, least(3, nlevel(h.path)))
  WHERE ${audienceWhere(districtId, a, rootPath)}`;

/** The audience's root: a region the actor may publish to. */
async function rootFor(db: Tx, actor: Actor, a: NoticeAudience) {
  const region = await regionForRead(db, actor, a.regionId, 'notice.publish');
  if (a.teamId) {
    const teamRegion = await teamRegionId(db, actor.districtId, a.teamId);
    const place = teamRegion === null ? null : await loadRegion(db, actor, teamRegion);
    if (!place || !isWithin(place.path, region.path)) throw unprocessable('notice_team_outside');
  }
  return region;
}

/** How many a notice would reach, and where they live. */
export async function previewAudience(db: Tx, actor: Actor, a: NoticeAudience) {
  const root = await rootFor(db, actor, a);
  const { rows } = await db.execute<{ id: number; name: string; n: number }>(sql`
    SELECT c.id, c.name, count(*)::int AS n ${recipientsFrom(actor.districtId, a, root.path)}
     GROUP BY c.id, c.name ORDER BY n DESC, c.name`);
  return {
    count: rows.reduce((s, r) => s + r.n, 0),
    byCommunity: rows.map((r) => ({ regionId: r.id, name: r.name, count: r.n })),
  };
}

type Row = {
  id: number;
  kind: Notice['kind'];
  title: string;
  body: string;
  audience: NoticeAudience;
  region_id: number;
  region_name: string;
  region_path: string;
  status: Notice['status'];
  recipients: number;
  reads: number;
  campaign_id: number | null;
  author: string | null;
  published_at: string | null;
  created_at: string;
  read_at: string | null;
  attachments: { id: number; name: string; size: number }[];
};

const columns = (actor: Actor) => sql`
         n.id, n.kind, n.title, n.body, n.audience, n.region_id, r.name AS region_name, r.path::text AS region_path,
         n.status, n.recipients, n.reads,
         n.campaign_id, u.display_name AS author, n.published_at, n.created_at,
         (SELECT x.read_at FROM notice_recipients x WHERE x.district_id = n.district_id AND x.notice_id = n.id
             AND x.person_id = ${actor.personId ?? 0}) AS read_at,
         coalesce((SELECT json_agg(json_build_object('id', f.id, 'name', f.name, 'size', f.size) ORDER BY f.id)
                     FROM notice_attachments f WHERE f.district_id = n.district_id AND f.notice_id = n.id), '[]') AS attachments`;
/** A notice's (`n`) area (`r`); and its author (`u`). */
const AREA = sql`JOIN regions r ON r.district_id = n.district_id AND r.id = n.region_id`;
const JOINS = sql`${AREA} LEFT JOIN LATERAL (${userRow(sql`n.created_by`)}) u ON true`;
const select = (actor: Actor) => sql`SELECT ${columns(actor)} FROM notices n ${JOINS}`;

const present =
  (actor: Actor) =>
  (n: Row): Notice => ({
    id: n.id,
    kind: n.kind,
    title: n.title,
    body: n.body,
    audience: n.audience,
    regionName: n.region_name,
    status: n.status,
    recipients: n.recipients,
    reads: n.reads,
    readRate: n.recipients ? Math.round((n.reads / n.recipients) * 1000) / 1000 : 0,
    campaignId: n.campaign_id,
    author: n.author ?? '',
    publishedAt: iso(n.published_at),
    createdAt: iso(n.created_at)!,
    readAt: iso(n.read_at),
    can: noticeCan(actor, n),
    attachments: n.attachments,
  });

/** A notice the actor may see: one they publish over, or one sent to them. */
async function load(db: Tx, actor: Actor, id: number, lock = false): Promise<Row> {
  const { rows } =
    await db.execute<Row>(sql`${select(actor)} WHERE n.district_id = ${actor.districtId} AND n.id = ${id}
    ${lock ? sql`FOR UPDATE OF n` : sql``}`);
  const n = rows[0];
  if (!n) throw notFound();
  if (!can(actor, 'notice.publish', n.region_path)) {
    const { rows: mine } =
      await db.execute(sql`SELECT 1 FROM notice_recipients WHERE district_id = ${actor.districtId}
      AND notice_id = ${id} AND person_id = ${actor.personId ?? 0}`);
    if (!mine.length) throw notFound();
  }
  return n;
}

export const getNotice = async (db: Tx, actor: Actor, id: number) =>
  present(actor)(await load(db, actor, id));

/**
 * The notices of the reader's area (newest first), or those sent to them (their inbox, latest
 * published first): read in the order's index from the cursor on; the area is joined for the
 * count only when a condition reads it.
 */
export async function listNotices(db: Tx, actor: Actor, q: z.infer<typeof NoticeListQuery>) {
  const own: SQL[] = [sql`n.district_id = ${actor.districtId}`];
  const inArea: SQL[] = [];
  const inbox = q.inbox === 'true';
  if (inbox) {
    own.push(sql`EXISTS (SELECT 1 FROM notice_recipients x WHERE x.district_id = n.district_id AND x.notice_id = n.id
      AND x.person_id = ${actor.personId ?? 0} ${q.unread === 'true' ? sql`AND x.read_at IS NULL` : sql``})`);
  } else {
    const listed = noticePolicy.listed(actor);
    if (listed) inArea.push(listed);
  }
  if (q.regionId) {
    const root = await regionForRead(db, actor, q.regionId);
    inArea.push(sql`r.path <@ ${root.path}::ltree`);
  }
  if (q.q) own.push(sql`n.title ILIKE ${contains(q.q)}`);
  if (q.kind) own.push(sql`n.kind = ${q.kind}`);
  if (q.status) own.push(sql`n.status = ${q.status}`);
  if (q.campaignId) own.push(sql`n.campaign_id = ${q.campaignId}`);
  const cond = sql.join([...own, ...inArea], sql` AND `);
  const from = inArea.length ? sql`FROM notices n ${AREA}` : sql`FROM notices n`;
  const ks = keyset(q, inbox ? BY_PUBLISHED : BY_CREATED);
  const [page, count] = await Promise.all([
    // The page's notices first; the joins and lookups that present one run for those rows only.
    db.execute<Row & Record<string, unknown>>(sql`WITH pg AS MATERIALIZED (
        SELECT n.id, ${ks.keys} ${from} WHERE ${cond} AND ${ks.where} ORDER BY ${ks.orderBy} ${ks.limit})
      SELECT ${columns(actor)}, pg._k0, pg._k1 FROM pg JOIN notices n ON n.district_id = ${actor.districtId} AND n.id = pg.id
        ${JOINS} ORDER BY ${ks.orderBy}`),
    cappedCount(db, sql`${from} WHERE ${cond}`),
  ]);
  return { ...ks.page(page.rows, present(actor)), ...count };
}

/** Newest first (notices_created_idx). */
const BY_CREATED: SortKey[] = [
  { sql: sql`n.created_at`, type: 'timestamptz', desc: true },
  { sql: sql`n.id`, type: 'bigint', desc: true },
];
/** Latest published first; a notice reaches an inbox only once published (a draft would come last). */
const BY_PUBLISHED: SortKey[] = [
  { sql: sql`coalesce(n.published_at, 'epoch')`, type: 'timestamptz', desc: true },
  { sql: sql`n.id`, type: 'bigint', desc: true },
];

async function campaignIn(tx: Tx, actor: Actor, campaignId: number | null | undefined) {
  if (campaignId === undefined || campaignId === null) return null;
  if (!(await campaignExists(tx, actor.districtId, campaignId)))
    throw unprocessable('reference_broken', { constraint: 'campaign' });
  return campaignId;
}

export async function createNotice(db: Tx, actor: Actor, input: z.infer<typeof NoticeCreateBody>) {
  return db.transaction(async (tx) => {
    const root = await rootFor(tx, actor, input.audience);
    const { rows } = await tx.execute<{ id: number }>(sql`
      INSERT INTO notices (district_id, region_id, kind, title, body, audience, campaign_id, created_by)
      VALUES (${actor.districtId}, ${root.id}, ${input.kind}, ${input.title}, ${cleanBody(input.body)},
              ${JSON.stringify(input.audience)}::jsonb, ${await campaignIn(tx, actor, input.campaignId)}, ${actor.userId})
      RETURNING id`);
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: root.id,
      action: 'notice.create',
      entityType: 'notice',
      entityId: rows[0]!.id,
      after: { kind: input.kind, title: input.title, audience: input.audience },
    });
    return present(actor)(await load(tx, actor, rows[0]!.id));
  });
}

export async function updateNotice(
  db: Tx,
  actor: Actor,
  id: number,
  input: z.infer<typeof NoticeUpdateBody>,
) {
  return db.transaction(async (tx) => {
    const n = await load(tx, actor, id, true);
    allow(noticePolicy.publish(actor, n), 'out_of_scope');
    if (n.status !== 'draft') throw conflict('notice_not_draft');
    const audience = input.audience ?? n.audience;
    const root = input.audience ? await rootFor(tx, actor, audience) : { id: n.region_id };
    await tx.execute(sql`
      UPDATE notices SET kind = ${input.kind ?? n.kind}, title = ${input.title ?? n.title},
             body = ${input.body !== undefined ? cleanBody(input.body) : n.body}, audience = ${JSON.stringify(audience)}::jsonb,
             region_id = ${root.id},
             campaign_id = ${input.campaignId !== undefined ? await campaignIn(tx, actor, input.campaignId) : n.campaign_id},
             updated_at = now()
       WHERE district_id = ${actor.districtId} AND id = ${id}`);
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: n.region_id,
      action: 'notice.update',
      entityType: 'notice',
      entityId: id,
      before: { title: n.title, audience: n.audience },
      after: { title: input.title ?? n.title, audience },
    });
    return present(actor)(await load(tx, actor, id));
  });
}

/** Publishing answers at once: a job delivers the notice in the background. */
export async function publishNotice(db: Tx, actor: Actor, id: number) {
  return db.transaction(async (tx) => {
    const n = await load(tx, actor, id, true);
    allow(noticePolicy.publish(actor, n), 'out_of_scope');
    if (n.status !== 'draft') throw conflict('notice_not_draft');
    await tx.execute(sql`UPDATE notices SET status = 'publishing', published_at = now(), updated_at = now()
      WHERE district_id = ${actor.districtId} AND id = ${id}`);
    await enqueue(tx, 'notice.fanout', { districtId: actor.districtId, noticeId: id, after: 0 });
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: n.region_id,
      action: 'notice.publish',
      entityType: 'notice',
      entityId: id,
      before: { status: 'draft' },
      after: { status: 'publishing' },
    });
    return present(actor)(await load(tx, actor, id));
  });
}

const BATCH = 5000;

/**
 * The fan-out: recipients in batches by person id, each batch one transaction that adds
 * the inbox items (a key per notice and person), the bell for those with accounts who have
 * not muted notices, and the job's progress — so a retried job resumes and never doubles.
 */
export async function fanOut(db: Db, payload: Record<string, unknown>, job: { id: number }) {
  const districtId = Number(payload.districtId);
  const noticeId = Number(payload.noticeId);
  let after = Number(payload.after ?? 0);
  const { rows } = await db.execute<{ audience: NoticeAudience; path: string; title: string }>(sql`
    SELECT n.audience, r.path::text AS path, n.title FROM notices n JOIN regions r ON r.district_id = n.district_id AND r.id = n.region_id
     WHERE n.district_id = ${districtId} AND n.id = ${noticeId}`);
  const n = rows[0];
  if (!n) return;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const { rows: batch } = await tx.execute<{ last: number | null; n: number }>(sql`
        WITH batch AS (
          SELECT p.id, c.id AS community_id, p.user_id ${recipientsFrom(districtId, n.audience, n.path)} AND p.id > ${after}
           ORDER BY p.id LIMIT ${BATCH}),
        delivered AS (
          INSERT INTO notice_recipients (district_id, notice_id, person_id, community_id)
          SELECT ${districtId}, ${noticeId}, id, community_id FROM batch
          ON CONFLICT DO NOTHING RETURNING person_id),
        bell AS (${notifyAll(
          districtId,
          sql`SELECT b.user_id FROM delivered d JOIN batch b ON b.id = d.person_id`,
          'notify_notice',
          sql`jsonb_build_object('title', ${n.title}::text)`,
          `/me/inbox/${noticeId}`,
        )})
        SELECT max(id) AS last, count(*)::int AS n FROM batch`);
      const last = batch[0]?.last ?? null;
      if (last === null) return true;
      after = Number(last);
      await saveProgress(tx, job.id, { ...payload, after });
      return batch[0]!.n < BATCH;
    });
    if (done) break;
  }
  await db.execute(sql`
    UPDATE notices SET status = 'published', updated_at = now(),
           recipients = (SELECT count(*) FROM notice_recipients WHERE district_id = ${districtId} AND notice_id = ${noticeId})
     WHERE district_id = ${districtId} AND id = ${noticeId}`);
}

/** Reminds those who have not read it yet, once per reminder. */
export async function remindJob(db: Db, payload: Record<string, unknown>) {
  const districtId = Number(payload.districtId);
  const noticeId = Number(payload.noticeId);
  await db.execute(sql`
    WITH due AS (
      UPDATE notice_recipients x SET reminded_at = now()
        FROM (${districtPeople(districtId)}) p
       WHERE x.district_id = ${districtId} AND x.notice_id = ${noticeId} AND x.read_at IS NULL
         AND (x.reminded_at IS NULL OR x.reminded_at < ${String(payload.at)}::timestamptz)
         AND p.district_id = x.district_id AND p.id = x.person_id
      RETURNING p.user_id)
    ${notifyAll(
      districtId,
      sql`SELECT user_id FROM due`,
      'notify_notice_reminder',
      sql`jsonb_build_object('title', (SELECT title FROM notices WHERE district_id = ${districtId} AND id = ${noticeId}))`,
      `/me/inbox/${noticeId}`,
      // As it always has, the reminder goes out whatever the mutes say (behaviour kept as found).
      { evenIfMuted: true },
    )}`);
}

registerJob('notice.fanout', fanOut);
registerJob('notice.remind', remindJob);

export async function remindUnread(db: Tx, actor: Actor, id: number) {
  return db.transaction(async (tx) => {
    const n = await load(tx, actor, id);
    allow(noticePolicy.publish(actor, n), 'out_of_scope');
    if (n.status !== 'published') throw conflict('notice_not_published');
    const { rows } = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM notice_recipients
      WHERE district_id = ${actor.districtId} AND notice_id = ${id} AND read_at IS NULL`);
    await enqueue(tx, 'notice.remind', {
      districtId: actor.districtId,
      noticeId: id,
      at: new Date().toISOString(),
    });
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: n.region_id,
      action: 'notice.remind',
      entityType: 'notice',
      entityId: id,
      after: { unread: rows[0]!.n },
    });
    return { reminded: rows[0]!.n };
  });
}

/** A recipient reads it: the first time is a participation entry. */
export async function readNotice(db: Tx, actor: Actor, id: number) {
  return db.transaction(async (tx) => {
    await load(tx, actor, id); // 404 unless it was sent to the reader (or they publish here)
    const { rows } = await tx.execute<{ community_id: number }>(sql`
      UPDATE notice_recipients SET read_at = now()
       WHERE district_id = ${actor.districtId} AND notice_id = ${id} AND person_id = ${actor.personId ?? 0} AND read_at IS NULL
      RETURNING community_id`);
    // The bell's note of it is read too.
    await markReadByLink(tx, actor.userId, `/me/inbox/${id}`);
    if (rows[0]) {
      await settle(
        tx,
        actor,
        {
          districtId: actor.districtId,
          kind: 'notice_read',
          sourceType: 'notice',
          sourceId: id,
          personId: actor.personId,
        },
        { quantity: 1, at: new Date().toISOString(), regionId: rows[0].community_id },
        { key: 'ledger_hours_adjusted' },
      );
    }
    return present(actor)(await load(tx, actor, id));
  });
}

/** Read receipts: overall and per community. */
export async function noticeReads(db: Tx, actor: Actor, id: number) {
  const n = await load(db, actor, id);
  allow(noticePolicy.publish(actor, n), 'out_of_scope');
  const { rows } = await db.execute<{ id: number; name: string; recipients: number; reads: number }>(sql`
    SELECT c.id, c.name, count(*)::int AS recipients, count(x.read_at)::int AS reads
      FROM notice_recipients x JOIN regions c ON c.district_id = x.district_id AND c.id = x.community_id
     WHERE x.district_id = ${actor.districtId} AND x.notice_id = ${id}
     GROUP BY c.id, c.name ORDER BY c.name`);
  const rate = (reads: number, of: number) => (of ? Math.round((reads / of) * 1000) / 1000 : 0);
  const recipients = rows.reduce((s, r) => s + r.recipients, 0);
  const reads = rows.reduce((s, r) => s + r.reads, 0);
  return {
    recipients,
    reads,
    readRate: rate(reads, recipients),
    byCommunity: rows.map((r) => ({
      regionId: r.id,
      name: r.name,
      recipients: r.recipients,
      reads: r.reads,
      readRate: rate(r.reads, r.recipients),
    })),
  };
}

// ---------- attachments ----------

export const MAX_ATTACHMENT = 10 * 1024 * 1024;
const uploadsOf = (dataDir: string) => path.join(dataDir, 'uploads', 'notices');

/** A draft's attachment: the bytes go to the data directory, the row names them. */
export async function attach(
  db: Tx,
  actor: Actor,
  id: number,
  file: { name: string; contentType: string; bytes: Buffer },
  dataDir: string,
) {
  if (!file.bytes.length) throw unprocessable('attachment_empty');
  return db.transaction(async (tx) => {
    const n = await load(tx, actor, id, true);
    allow(noticePolicy.publish(actor, n), 'out_of_scope');
    if (n.status !== 'draft') throw conflict('notice_not_draft');
    const storedAs = `${actor.districtId}-${randomUUID()}`;
    const dir = uploadsOf(dataDir);
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, storedAs), file.bytes);
    const { rows } = await tx.execute<{ id: number }>(sql`
      INSERT INTO notice_attachments (district_id, notice_id, name, content_type, size, stored_as)
      VALUES (${actor.districtId}, ${id}, ${file.name.slice(0, 200)}, ${file.contentType}, ${file.bytes.length}, ${storedAs})
      RETURNING id`);
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: n.region_id,
      action: 'notice.attach',
      entityType: 'notice',
      entityId: id,
      after: { name: file.name, size: file.bytes.length },
    });
    return { id: rows[0]!.id, name: file.name.slice(0, 200), size: file.bytes.length };
  });
}

async function attachmentRow(db: Tx, actor: Actor, id: number, attachmentId: number) {
  const { rows } = await db.execute<{ name: string; content_type: string; stored_as: string }>(sql`
    SELECT name, content_type, stored_as FROM notice_attachments
     WHERE district_id = ${actor.districtId} AND notice_id = ${id} AND id = ${attachmentId}`);
  if (!rows[0]) throw notFound();
  return rows[0];
}

/** Recipients and publishers download what is attached. */
export async function attachmentFile(
  db: Tx,
  actor: Actor,
  id: number,
  attachmentId: number,
  dataDir: string,
) {
  await load(db, actor, id);
  const a = await attachmentRow(db, actor, id, attachmentId);
  const bytes = await fs.readFile(path.join(uploadsOf(dataDir), a.stored_as)).catch(() => {
    throw notFound();
  });
  return { name: a.name, contentType: a.content_type, bytes };
}

export async function detach(db: Tx, actor: Actor, id: number, attachmentId: number, dataDir: string) {
  return db.transaction(async (tx) => {
    const n = await load(tx, actor, id, true);
    allow(noticePolicy.publish(actor, n), 'out_of_scope');
    if (n.status !== 'draft') throw conflict('notice_not_draft');
    const a = await attachmentRow(tx, actor, id, attachmentId);
    await tx.execute(
      sql`DELETE FROM notice_attachments WHERE district_id = ${actor.districtId} AND id = ${attachmentId}`,
    );
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: n.region_id,
      action: 'notice.detach',
      entityType: 'notice',
      entityId: id,
      before: { name: a.name },
    });
    await fs.rm(path.join(uploadsOf(dataDir), a.stored_as), { force: true });
  });
}
