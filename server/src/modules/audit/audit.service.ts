import { and, desc, eq, gte, lte, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditEntry, AuditListQuery } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { allow } from '../../auth/authorize';
import type { Tx } from '../../db/client';
import { iso } from '../../http';
import { userRow } from '../accounts/accounts.queries';
import { loadRegion } from '../regions/regions.queries';
import { regions } from '../regions/regions.schema';
import { auditPolicy } from './audit.policy';
import { auditLog } from './audit.schema';

export type AuditRecord = {
  districtId: number;
  regionId: number | null;
  action: string;
  entityType: string;
  entityId: string | number;
  before?: unknown;
  after?: unknown;
};

/** Records one write, in the same transaction as the write itself. */
export async function recordAudit(tx: Tx, who: { userId: number | null; ip: string | null }, r: AuditRecord) {
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
      regionId: r.regionId,
      regionName: r.regionName,
      before: r.before,
      after: r.after,
      ip: r.ip,
    })),
  };
}
