/**
 * In-app notifications: written with the change that causes them, put into words when read.
 * The notifications tables are this domain's: others ring the bell through notify (one
 * user), notifyAll (a set of users, as one INSERT … SELECT) and markReadByLink.
 */
import { and, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { STAFF_NOTIFICATION_KINDS, type StaffNotificationKind } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { holds, unitScopes } from '../../auth/authorize';
import type { Tx } from '../../db/client';
import { notFound } from '../../errors';
import { iso } from '../../http';
import { type Locale, labelOf, type MessageKey, message } from '../../i18n';
import { enqueue } from '../jobs/jobs.service';
import { notificationPolicy } from './notifications.policy';
import { notifications } from './notifications.schema';

/**
 * Tells a user something, in the bell unless they muted that kind; the channels they
 * chose besides (SMS, WeChat) get it through the outbox, which the operator's senders
 * deliver in the background.
 */
export async function notify(
  tx: Tx,
  to: { districtId: number; userId: number | null },
  kind: MessageKey,
  params: Record<string, string | number>,
  link: string | null,
) {
  if (to.userId === null) return;
  // The preferences, the bell and the outbox's messages in one statement; the sender's job,
  // when there are messages, in a second.
  const { rows } = await tx.execute<{ queued: number }>(sql`
    WITH prefs AS (SELECT muted, channels FROM notification_prefs WHERE user_id = ${to.userId}),
    bell AS (
      INSERT INTO notifications (district_id, user_id, kind, params, link)
      SELECT ${to.districtId}, ${to.userId}, ${kind}, ${JSON.stringify(params)}::jsonb, ${link}
       WHERE NOT EXISTS (SELECT 1 FROM prefs WHERE ${kind}::text = ANY(prefs.muted))),
    queued AS (
      INSERT INTO outbox (user_id, channel, text)
      SELECT ${to.userId}, channel, ${textOf('zh-CN', kind, params)} FROM prefs, unnest(prefs.channels) channel
      RETURNING 1)
    SELECT count(*)::int AS queued FROM queued`);
  if (rows[0]!.queued > 0) await enqueue(tx, 'outbox.deliver', {});
}

/**
 * The bell for a set of users at once, as one INSERT … SELECT so a fan-out to tens of
 * thousands stays one statement. `users` is a query giving a `user_id` column (null ones
 * are skipped); it may name the caller's CTEs, and the result may itself be a caller's
 * data-modifying CTE (the notice fan-out adds inbox items and bells in one statement).
 * Those who muted `kind` are skipped unless `evenIfMuted`. Bell only: no outbox here.
 */
export function notifyAll(
  districtId: number,
  users: SQL,
  kind: MessageKey,
  params: SQL,
  link: string | null,
  opts: { evenIfMuted?: boolean } = {},
): SQL {
  const unmuted = opts.evenIfMuted
    ? sql``
    : sql` AND NOT EXISTS (SELECT 1 FROM notification_prefs np
                 WHERE np.user_id = t.user_id AND ${kind}::text = ANY(np.muted))`;
  return sql`INSERT INTO notifications (district_id, user_id, kind, params, link)
    SELECT ${districtId}, t.user_id, ${kind}, ${params}, ${link}
      FROM (${users}) t WHERE t.user_id IS NOT NULL${unmuted}`;
}

/**
 * Tells staff that something arrived for them to handle (a need to decide, a booking to approve…),
 * in the same transaction as the event. `users` is a query giving a `user_id` column (accounts'
 * `actionHolders`); the actor themself is left out, and so is anyone who muted the kind. Those in
 * digest mode get no bell now: the arrival waits for their next daily digest (notifications.jobs).
 */
export async function notifyStaff(
  tx: Tx,
  actor: { districtId: number; userId: number },
  users: SQL,
  kind: StaffNotificationKind,
  params: Record<string, string | number>,
  link: string,
  subject: string,
) {
  await tx.execute(sql`WITH ${staffBells(actor, users, kind, params, link, sql`${subject}`)} SELECT 1`);
}

/**
 * notifyStaff as CTEs (`staff_to`, `staff_bell`, `staff_digest`) of the caller's own statement,
 * so an event and the word of it cost one trip. `subject` may read the caller's CTEs (the id a
 * write returned); when it is null the event did not happen and nobody is told.
 */
export function staffBells(
  actor: { districtId: number; userId: number },
  users: SQL,
  kind: StaffNotificationKind,
  params: Record<string, string | number>,
  link: string,
  subject: SQL,
): SQL {
  return sql`staff_to AS (
      SELECT DISTINCT u.user_id, coalesce(np.digest, false) AS digest, (${subject})::text AS subject FROM (${users}) u
        LEFT JOIN notification_prefs np ON np.user_id = u.user_id
       WHERE u.user_id IS NOT NULL AND u.user_id <> ${actor.userId}
         AND NOT (${kind}::text = ANY(coalesce(np.muted, '{}'::text[])))),
    staff_bell AS (
      INSERT INTO notifications (district_id, user_id, kind, params, link, subject)
      SELECT ${actor.districtId}, t.user_id, ${kind}, ${JSON.stringify(params)}::jsonb, ${link}, t.subject
        FROM staff_to t WHERE NOT t.digest AND t.subject IS NOT NULL),
    staff_digest AS (
      INSERT INTO notification_digest_items (district_id, user_id, kind)
      SELECT ${actor.districtId}, t.user_id, ${kind} FROM staff_to t WHERE t.digest AND t.subject IS NOT NULL)`;
}

/**
 * The thing staff were told about has been handled (a need answered, a booking decided, a task
 * done): every unread bell about it reads as read, for all who were told, not only the one who
 * acted — it no longer waits on anyone.
 */
export async function markHandled(tx: Tx, districtId: number, ...subjects: string[]) {
  if (!subjects.length) return;
  await tx.execute(sql`UPDATE notifications SET read_at = now()
    WHERE district_id = ${districtId} AND subject = ANY(${`{${subjects.join(',')}}`}::text[]) AND read_at IS NULL`);
}

/** The user's unread notes that point at `link` are read (they opened what it points at). */
export async function markReadByLink(tx: Tx, userId: number, link: string) {
  await tx
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, userId), eq(notifications.link, link), isNull(notifications.readAt)));
}

/**
 * A notification in words. The daily digest's parameters are counts by kind (and the total):
 * it reads "N waiting since the last digest: new needs 2, bookings to approve 1".
 */
export function textOf(locale: Locale, kind: string, params: Record<string, string | number>): string {
  const text = message(locale, kind as MessageKey, params);
  if (kind !== 'notify_digest') return text;
  const parts = STAFF_NOTIFICATION_KINDS.filter((k) => Number(params[k]) > 0).map(
    (k) => `${labelOf(locale, k)} ${params[k]}`,
  );
  return `${text}${parts.join(locale === 'en' ? ', ' : '，')}`;
}

/** Who may receive each staff kind: those the events' rules reach at all (the console shows only these). */
const RECEIVES: Record<StaffNotificationKind, (actor: Actor) => boolean> = {
  notify_need_raised: (a) => holds(a, 'need.decide'),
  notify_registration_requested: (a) => holds(a, 'registration.decide'),
  notify_booking_pending: (a) => holds(a, 'facility.manage'),
  notify_objection_raised: (a) => holds(a, 'evaluation.manage'),
  // A task's owner is a person or a unit (its contact); its organisers hear when it is overdue.
  notify_task_due: (a) => holds(a, 'body.read') || unitScopes(a, 'unit.manage').length > 0,
  notify_task_overdue: (a) =>
    holds(a, 'body.read') || unitScopes(a, 'unit.manage').length > 0 || holds(a, 'task.manage'),
};

export const receivableKinds = (actor: Actor) => STAFF_NOTIFICATION_KINDS.filter((k) => RECEIVES[k](actor));

export async function getPrefs(db: Tx, actor: Actor) {
  const { rows } = await db.execute<{ muted: string[]; channels: ('sms' | 'wechat')[]; digest: boolean }>(
    sql`SELECT muted, channels, digest FROM notification_prefs WHERE user_id = ${actor.userId}`,
  );
  return { ...(rows[0] ?? { muted: [], channels: [], digest: false }), receivable: receivableKinds(actor) };
}

export async function putPrefs(
  db: Tx,
  actor: Actor,
  prefs: { muted: string[]; channels: ('sms' | 'wechat')[]; digest: boolean },
) {
  await db.execute(sql`
    INSERT INTO notification_prefs (user_id, muted, channels, digest)
    VALUES (${actor.userId}, ${`{${prefs.muted.join(',')}}`}::text[], ${`{${prefs.channels.join(',')}}`}::text[], ${prefs.digest})
    ON CONFLICT (user_id) DO UPDATE SET muted = EXCLUDED.muted, channels = EXCLUDED.channels, digest = EXCLUDED.digest,
      updated_at = now()`);
  return getPrefs(db, actor);
}

export async function markAllRead(db: Tx, actor: Actor) {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(notificationPolicy.own(actor), isNull(notifications.readAt)))
    .returning({ id: notifications.id });
  return { marked: rows.length };
}

export async function listNotifications(
  db: Tx,
  actor: Actor,
  q: { page: number; pageSize: number; unread?: 'true' | 'false' },
  locale: Locale,
) {
  const where = and(
    notificationPolicy.own(actor),
    q.unread === 'true' ? isNull(notifications.readAt) : undefined,
  );
  const [rows, [count]] = await Promise.all([
    db
      .select()
      .from(notifications)
      .where(where)
      .orderBy(desc(notifications.createdAt), desc(notifications.id))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: sql<number>`count(*)` }).from(notifications).where(where),
  ]);
  return {
    total: count?.n ?? 0,
    items: rows.map((n) => ({
      id: n.id,
      kind: n.kind,
      text: textOf(locale, n.kind, n.params as Record<string, string | number>),
      link: n.link,
      createdAt: iso(n.createdAt)!,
      readAt: iso(n.readAt),
    })),
  };
}

export async function markRead(db: Tx, actor: Actor, id: number) {
  const rows = await db
    .update(notifications)
    .set({ readAt: sql`coalesce(${notifications.readAt}, now())` })
    .where(and(notificationPolicy.own(actor), eq(notifications.id, id)))
    .returning({ id: notifications.id });
  if (!rows.length) throw notFound();
}
