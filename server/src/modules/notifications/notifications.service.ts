/** In-app notifications: written with the change that causes them, put into words when read. */
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Actor } from '../../auth/actor';
import type { Tx } from '../../db/client';
import { notFound } from '../../errors';
import { iso } from '../../http';
import { type Locale, type MessageKey, message } from '../../i18n';
import { notifications } from './notifications.schema';

export async function notify(
  tx: Tx,
  to: { districtId: number; userId: number | null },
  kind: MessageKey,
  params: Record<string, string | number>,
  link: string | null,
) {
  if (to.userId === null) return;
  await tx.insert(notifications).values({ districtId: to.districtId, userId: to.userId, kind, params, link });
}

export async function listNotifications(
  db: Tx,
  actor: Actor,
  q: { page: number; pageSize: number; unread?: 'true' | 'false' },
  locale: Locale,
) {
  const where = and(
    eq(notifications.userId, actor.userId),
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
    .where(and(eq(notifications.userId, actor.userId), eq(notifications.id, id)))
    .returning({ id: notifications.id });
  if (!rows.length) throw notFound();
}
