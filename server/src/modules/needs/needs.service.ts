/** 居民需求 / 微心愿: raised by residents from a phone, decided by the community, told back. */
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  NEED_OVERDUE_DAYS,
  type Need,
  type NeedCreateBody,
  type NeedDecisionBody,
  type NeedDetail,
  type NeedEvent,
  type NeedListQuery,
  type NeedSetting,
  type NeedSettingBody,
} from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { allow } from '../../auth/authorize';
import type { Tx } from '../../db/client';
import { cappedCount, keyset, type SortKey } from '../../db/paging';
import { conflict, notFound, unprocessable } from '../../errors';
import { contains, iso } from '../../http';
import { actionHolders, userRow } from '../accounts/accounts.queries';
import { recordAudit } from '../audit/audit.service';
import { personRow } from '../members/members.queries';
import { personFor } from '../members/members.service';
import { markHandled, notify, notifyStaff } from '../notifications/notifications.service';
import { loadRegion, regionForRead, zoneOf } from '../regions/regions.queries';
import { needCan, needPolicy, needSettingCan } from './needs.policy';
import { needs } from './needs.schema';

type Row = {
  id: number;
  title: string;
  description: string;
  category: Need['category'];
  community_id: number;
  community_name: string;
  community_path: string;
  place: string | null;
  wanted_by: string | null;
  status: Need['status'];
  reason: string | null;
  person_id: number | null;
  person_name: string | null;
  person_user_id: number | null;
  merged_into_id: number | null;
  project_id: number | null;
  created_at: string;
  decided_at: string | null;
  decided_by_name: string | null;
  accepted_at: string | null;
  accepted_by_name: string | null;
  waited_days: number;
  overdue: boolean;
  overdue_days: number;
};

/** Still waiting for an answer, or accepted and not yet acted on: the needs that wait, and may be overdue. */
const PENDING = sql`n.status IN ('open', 'accepted')`;
/**
 * Whole days in the district's time zone from being raised to today while pending, or to the
 * answer after (never below 0). The street's setting (`ns`, none: the default) says how many it may wait.
 */
const WAITED = sql`GREATEST(0, ((CASE WHEN ${PENDING} THEN now() ELSE coalesce(n.decided_at, now()) END)
    AT TIME ZONE ${zoneOf(sql`n.district_id`)})::date - (n.created_at AT TIME ZONE ${zoneOf(sql`n.district_id`)})::date)`;
const OVERDUE_DAYS = sql`coalesce(ns.overdue_days, ${NEED_OVERDUE_DAYS.default})::int`;
const OVERDUE = sql`(${PENDING} AND ${WAITED} > ${OVERDUE_DAYS})`;

const COLUMNS = sql`
         n.id, n.title, n.description, n.category, n.community_id, c.name AS community_name, c.path::text AS community_path,
         n.place, n.wanted_by::text, n.status, n.reason, n.person_id, p.name AS person_name, p.user_id AS person_user_id,
         n.merged_into_id, n.project_id, n.created_at, n.decided_at, d.display_name AS decided_by_name,
         n.accepted_at, a.display_name AS accepted_by_name,
         ${WAITED} AS waited_days, ${OVERDUE} AS overdue, ${OVERDUE_DAYS} AS overdue_days`;
/** A need's (`n`) community (`c`) and its street's setting (`ns`, none: the default). */
const COMMUNITY = sql`JOIN regions c ON c.district_id = n.district_id AND c.id = n.community_id
    -- The need's street is its community's parent.
    LEFT JOIN need_settings ns ON ns.district_id = n.district_id AND ns.street_id = c.parent_id`;
/** And who raised (`p`), decided (`d`) and accepted (`a`) it. */
const JOINS = sql`${COMMUNITY}
    LEFT JOIN LATERAL (${personRow(sql`n.district_id`, sql`n.person_id`)}) p ON true
    LEFT JOIN LATERAL (${userRow(sql`n.decided_by`)}) d ON true
    LEFT JOIN LATERAL (${userRow(sql`n.accepted_by`)}) a ON true`;
const SELECT = sql`SELECT ${COLUMNS} FROM needs n ${JOINS}`;

const present = (actor: Actor, r: Row): Need => ({
  id: r.id,
  title: r.title,
  description: r.description,
  category: r.category,
  communityId: r.community_id,
  communityName: r.community_name,
  place: r.place,
  wantedBy: r.wanted_by,
  status: r.status,
  reason: r.reason,
  raisedBy: r.person_id === null ? null : { id: r.person_id, name: r.person_name ?? '' },
  mergedIntoId: r.merged_into_id,
  projectId: r.project_id,
  createdAt: iso(r.created_at)!,
  decidedAt: iso(r.decided_at),
  waitedDays: r.waited_days,
  overdue: r.overdue,
  can: needCan(actor, r),
});

/**
 * Its history from its own columns: raised, accepted (kept when a project or another answer
 * follows), then its final answer. The audit trail keeps every step too, but the needs domain
 * reads no other domain's table.
 */
function historyOf(r: Row): NeedEvent[] {
  const events: NeedEvent[] = [{ kind: 'raised', at: iso(r.created_at)!, by: r.person_name }];
  if (r.accepted_at !== null)
    events.push({ kind: 'accepted', at: iso(r.accepted_at)!, by: r.accepted_by_name });
  if (r.status !== 'open' && r.status !== 'accepted' && r.decided_at !== null)
    events.push({ kind: r.status, at: iso(r.decided_at)!, by: r.decided_by_name });
  return events;
}

/** The need, if the actor may see it (null if not, or if there is none). */
async function visibleNeed(db: Tx, actor: Actor, id: number, lock = false): Promise<Row | null> {
  const { rows } =
    await db.execute<Row>(sql`${SELECT} WHERE n.district_id = ${actor.districtId} AND n.id = ${id}
    AND ${needPolicy.visible(actor)} ${lock ? sql`FOR UPDATE OF n` : sql``}`);
  return rows[0] ?? null;
}

export async function needFor(db: Tx, actor: Actor, id: number, lock = false): Promise<Row> {
  const row = await visibleNeed(db, actor, id, lock);
  if (!row) throw notFound();
  return row;
}

/** A need with its history, for its detail page: its community's organisers, or its raiser. */
export async function getNeed(db: Tx, actor: Actor, id: number): Promise<NeedDetail> {
  const r = await needFor(db, actor, id);
  // The need it went into, where the reader may see that one too (a raiser may not: another's).
  const into = r.merged_into_id === null ? null : await visibleNeed(db, actor, r.merged_into_id);
  return {
    ...present(actor, r),
    overdueDays: r.overdue_days,
    history: historyOf(r),
    mergedInto: into && { id: into.id, name: into.title },
  };
}

/**
 * The needs the reader sees, newest first: read in that order's index (needs_created_idx, or a
 * raiser's own by needs_person_idx) from the cursor on; the community is joined for the count
 * only when a condition reads it.
 */
export async function listNeeds(db: Tx, actor: Actor, q: z.infer<typeof NeedListQuery>) {
  const own: SQL[] = [sql`n.district_id = ${actor.districtId}`];
  const inCommunity: SQL[] = needPolicy.readsAll(actor) ? [] : [needPolicy.visible(actor)];
  if (q.mine === 'true')
    own.push(actor.personId === null ? sql`false` : sql`n.person_id = ${actor.personId}`);
  if (q.regionId) {
    const root = await regionForRead(db, actor, q.regionId);
    inCommunity.push(sql`c.path <@ ${root.path}::ltree`);
  }
  if (q.status) own.push(sql`n.status = ${q.status}`);
  if (q.category) own.push(sql`n.category = ${q.category}`);
  if (q.overdue === 'true') inCommunity.push(OVERDUE);
  else if (q.overdue === 'false') inCommunity.push(sql`NOT ${OVERDUE}`);
  if (q.q) own.push(sql`n.title ILIKE ${contains(q.q)}`);
  const cond = sql.join([...own, ...inCommunity], sql` AND `);
  const from = inCommunity.length ? sql`FROM needs n ${COMMUNITY}` : sql`FROM needs n`;
  const ks = keyset(q, ORDER);
  const [page, count] = await Promise.all([
    // The page's needs first; the joins that present one run for those rows only.
    db.execute<Row & Record<string, unknown>>(sql`WITH pg AS MATERIALIZED (
        SELECT n.id, ${ks.keys} ${from} WHERE ${cond} AND ${ks.where} ORDER BY ${ks.orderBy} ${ks.limit})
      SELECT ${COLUMNS}, pg._k0, pg._k1 FROM pg JOIN needs n ON n.district_id = ${actor.districtId} AND n.id = pg.id
        ${JOINS} ORDER BY ${ks.orderBy}`),
    cappedCount(db, sql`${from} WHERE ${cond}`),
  ]);
  return { ...ks.page(page.rows, (r) => present(actor, r)), ...count };
}

/** Newest first. */
const ORDER: SortKey[] = [
  { sql: sql`n.created_at`, type: 'timestamptz', desc: true },
  { sql: sql`n.id`, type: 'bigint', desc: true },
];

export async function raiseNeed(db: Tx, actor: Actor, input: z.infer<typeof NeedCreateBody>) {
  return db.transaction(async (tx) => {
    if (actor.personId === null) throw unprocessable('need_no_person');
    const me = await personFor(tx, actor, actor.personId);
    const communityId = input.communityId ?? me.home_community_id;
    if (input.communityId) {
      const c = await regionForRead(tx, actor, input.communityId);
      if (c.kind !== 'community') throw unprocessable('registration_not_community');
    }
    const [row] = await tx
      .insert(needs)
      .values({
        districtId: actor.districtId,
        communityId,
        personId: me.id,
        raisedBy: actor.userId,
        title: input.title,
        description: input.description,
        category: input.category,
        place: input.place,
        wantedBy: input.wantedBy,
      })
      .returning({ id: needs.id });
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: communityId,
      action: 'need.raise',
      entityType: 'need',
      entityId: row!.id,
      after: { title: input.title, category: input.category },
    });
    const need = await needFor(tx, actor, row!.id);
    // Those who decide the community's needs are told one arrived (needs.workbench lists it).
    await notifyStaff(
      tx,
      actor,
      actionHolders(actor.districtId, 'need.decide', { path: sql`${need.community_path}::ltree` }),
      'notify_need_raised',
      { community: need.community_name, title: need.title },
      `/needs/${need.id}`,
      `need:${need.id}`,
    );
    return present(actor, need);
  });
}

/** Tells the resident what became of their need. */
async function tellRaiser(tx: Tx, actor: Actor, need: Row, status: Need['status'], link: string | null) {
  await notify(
    tx,
    { districtId: actor.districtId, userId: need.person_user_id },
    'notify_need_status',
    {
      title: need.title,
      status: `need.${status}`,
    },
    link,
  );
}

/** A need answered by a new project: it reads "converted", links the project, and the resident is told. */
export async function convertNeed(tx: Tx, actor: Actor, need: Row, projectId: number) {
  await tx.execute(sql`UPDATE needs SET status = 'converted', project_id = ${projectId}, decided_by = ${actor.userId},
      decided_at = now(), updated_at = now() WHERE district_id = ${actor.districtId} AND id = ${need.id}`);
  await markHandled(tx, actor.districtId, `need:${need.id}`);
  await tellRaiser(tx, actor, need, 'converted', `/projects/${projectId}`);
}

export async function decideNeed(db: Tx, actor: Actor, id: number, input: z.infer<typeof NeedDecisionBody>) {
  return db.transaction(async (tx) => {
    const need = await needFor(tx, actor, id, true);
    allow(needPolicy.decide(actor, need), 'out_of_scope');
    if (!['open', 'accepted'].includes(need.status)) throw conflict('need_not_open');
    let status: Need['status'];
    let reason: string | null = null;
    let into: number | null = null;
    if (input.decision === 'accept') status = 'accepted';
    else if (input.decision === 'decline') {
      status = 'declined';
      reason = input.reason;
    } else {
      const target = await needFor(tx, actor, input.intoId);
      if (target.id === need.id || target.status === 'merged') throw unprocessable('need_not_open');
      allow(needPolicy.decide(actor, target), 'out_of_scope');
      status = 'merged';
      into = target.id;
    }
    // The first acceptance stays in the history whatever answer follows it.
    const accepting = status === 'accepted' && need.status === 'open';
    await tx.execute(sql`UPDATE needs SET status = ${status}, reason = ${reason}, merged_into_id = ${into},
        decided_by = ${actor.userId}, decided_at = now(), updated_at = now(),
        accepted_by = CASE WHEN ${accepting} THEN ${actor.userId}::bigint ELSE accepted_by END,
        accepted_at = CASE WHEN ${accepting} THEN now() ELSE accepted_at END
      WHERE district_id = ${actor.districtId} AND id = ${id}`);
    await markHandled(tx, actor.districtId, `need:${id}`);
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: need.community_id,
      action: `need.${input.decision}`,
      entityType: 'need',
      entityId: id,
      before: { status: need.status },
      after: { status, reason, mergedIntoId: into },
    });
    await tellRaiser(tx, actor, need, status, '/me/needs');
    return present(actor, await needFor(tx, actor, id));
  });
}

// ---------- each street's setting ----------
// How many days a street's needs may wait (open or accepted) before they read as overdue. A street
// without a row has the default (NEED_OVERDUE_DAYS.default); the needs' list and detail read it in
// the same statement (OVERDUE_DAYS above).

type SettingRow = { street_id: number; street_name: string; path: string; overdue_days: number | null };

const presentSetting = (actor: Actor, r: SettingRow): NeedSetting => ({
  streetId: r.street_id,
  streetName: r.street_name,
  overdueDays: r.overdue_days ?? NEED_OVERDUE_DAYS.default,
  isDefault: r.overdue_days === null,
  can: needSettingCan(actor, r),
});

const SETTING_SELECT = sql`
  SELECT r.id AS street_id, r.name AS street_name, r.path::text AS path, ns.overdue_days
    FROM regions r
    LEFT JOIN need_settings ns ON ns.district_id = r.district_id AND ns.street_id = r.id`;

/** The streets whose setting the reader may set: theirs, or every street of the district. */
export async function listNeedSettings(db: Tx, actor: Actor): Promise<{ items: NeedSetting[] }> {
  const { rows } = await db.execute<SettingRow>(sql`${SETTING_SELECT}
    WHERE r.district_id = ${actor.districtId} AND r.kind = 'street' AND r.retired_at IS NULL
      AND ${needPolicy.configurable(actor)}
    ORDER BY r.code, r.id`);
  return { items: rows.map((r) => presentSetting(actor, r)) };
}

/** A street of the district (404 if it is none), which the reader may configure (403 if not). */
async function streetFor(db: Tx, actor: Actor, streetId: number) {
  const street = await loadRegion(db, actor, streetId);
  if (street.kind !== 'street') throw notFound();
  allow(needPolicy.configure(actor, street), 'out_of_scope');
  return street;
}

async function settingOf(db: Tx, actor: Actor, streetId: number): Promise<NeedSetting> {
  const { rows } = await db.execute<SettingRow>(sql`${SETTING_SELECT}
    WHERE r.district_id = ${actor.districtId} AND r.id = ${streetId}`);
  return presentSetting(actor, rows[0]!);
}

export async function getNeedSetting(db: Tx, actor: Actor, streetId: number) {
  await streetFor(db, actor, streetId);
  return settingOf(db, actor, streetId);
}

export async function putNeedSetting(
  db: Tx,
  actor: Actor,
  streetId: number,
  input: z.infer<typeof NeedSettingBody>,
) {
  return db.transaction(async (tx) => {
    await streetFor(tx, actor, streetId);
    const before = await settingOf(tx, actor, streetId);
    await tx.execute(sql`
      INSERT INTO need_settings (district_id, street_id, overdue_days)
      VALUES (${actor.districtId}, ${streetId}, ${input.overdueDays})
      ON CONFLICT (district_id, street_id) DO UPDATE SET overdue_days = EXCLUDED.overdue_days`);
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: streetId,
      action: 'need.settings',
      entityType: 'need_setting',
      entityId: streetId,
      before: { overdueDays: before.isDefault ? null : before.overdueDays },
      after: { overdueDays: input.overdueDays },
    });
    return settingOf(tx, actor, streetId);
  });
}
