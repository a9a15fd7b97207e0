/**
 * In-app notifications: written with the change that causes them, put into words when read.
 * The notifications tables are this domain's: others ring the bell through notify (one
 * user), notifyAll (a set of users, as one INSERT … SELECT) and markReadByLink.
 */
import { and, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../auth/actor';
import type { Tx } from '../../db/client';
import { notFound } from '../../errors';
import { iso } from '../../http';
import { type Locale, type MessageKey, message } from '../../i18n';
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
  const { rows } = await tx.execute<{ muted: string[]; channels: string[] }>(
    sql`SELECT muted, channels FROM notification_prefs WHERE user_id = ${to.userId}`,
  );
  const prefs = rows[0];
  if (!prefs?.muted.includes(kind))
    await tx
      .insert(notifications)
      .values({ districtId: to.districtId, userId: to.userId, kind, params, link });
  if (prefs?.channels.length) {
    const text = message('zh-CN', kind, params);
    for (const channel of prefs.channels)
      await tx.execute(
        sql`INSERT INTO outbox (user_id, channel, text) VALUES (${to.userId}, ${channel}, ${text})`,
      );
    await enqueue(tx, 'outbox.deliver', {});
  }
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

/** The user's unread notes that point at `link` are read (they opened what it points at). */
export async function markReadByLink(tx: Tx, userId: number, link: string) {
  await tx
    .update(notifications)
    .set({ readAt: sql`now()` })
    .where(and(eq(notifications.userId, userId), eq(notifications.link, link), isNull(notifications.readAt)));
}

export async function getPrefs(db: Tx, actor: Actor) {
  const { rows } = await db.execute<{ muted: string[]; channels: ('sms' | 'wechat')[] }>(
    sql`SELECT muted, channels FROM notification_prefs WHERE user_id = ${actor.userId}`,
  );
  return rows[0] ?? { muted: [], channels: [] };
}

export async function putPrefs(
  db: Tx,
  actor: Actor,
  prefs: { muted: string[]; channels: ('sms' | 'wechat')[] },
) {
  await db.execute(sql`
    INSERT INTO notification_prefs (user_id, muted, channels)
    VALUES (${actor.userId}, ${`{${prefs.muted.join(',')}}`}::text[], ${`{${prefs.channels.join(',')}}`}::text[])
    ON CONFLICT (user_id) DO UPDATE SET muted = EXCLUDED.muted, channels = EXCLUDED.channels, updated_at = now()`);
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
      text: message(locale, n.kind as MessageKey, n.params as Record<string, string | number>),
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
