/**
 * The time bank (人人为我，我为人人): confirmed service hours can be spent to ask for help.
 * An account is worked out, never stored: earned (confirmed service hours in the ledger)
 * + received − spent, less what open requests hold. Transfers are double entry (from one
 * account to another, once per request), under a lock on the payer so two payments can
 * never spend the same hour.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { TimeRequest, TimeRequestBody, TimeRequestListQuery } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { allow } from '../../auth/authorize';
import type { Tx } from '../../db/client';
import { pageOf } from '../../db/paging';
import { conflict, notFound, unprocessable } from '../../errors';
import { iso } from '../../http';
import { recordAudit } from '../audit/audit.service';
import { personRow } from '../members/members.queries';
import { memberPlaces } from '../members/members.service';
import { notify } from '../notifications/notifications.service';
import { timeRequestPolicy } from './time-bank.policy';

const round2 = (x: number) => Math.round(x * 100) / 100;

/** One person's account, as of now. */
export async function accountOf(db: Tx, districtId: number, personId: number) {
  const { rows } = await db.execute<{
    name: string;
    earned: number;
    received: number;
    spent: number;
    held: number;
  }>(sql`
    SELECT p.name,
           (SELECT coalesce(sum(quantity), 0) FROM ledger_entries WHERE district_id = ${districtId} AND person_id = ${personId}
              AND kind = 'service_hours')::float8 AS earned,
           (SELECT coalesce(sum(hours), 0) FROM time_transfers WHERE district_id = ${districtId} AND to_person_id = ${personId})::float8 AS received,
           (SELECT coalesce(sum(hours), 0) FROM time_transfers WHERE district_id = ${districtId} AND from_person_id = ${personId})::float8 AS spent,
           (SELECT coalesce(sum(hours), 0) FROM time_requests WHERE district_id = ${districtId} AND person_id = ${personId}
              AND status IN ('open', 'accepted'))::float8 AS held
      FROM (${personRow(sql`${districtId}`, sql`${personId}`)}) p`);
  const a = rows[0];
  if (!a) throw notFound();
  const balance = round2(a.earned + a.received - a.spent);
  return {
    person: { id: personId, name: a.name },
    earned: round2(a.earned),
    received: round2(a.received),
    spent: round2(a.spent),
    held: round2(a.held),
    balance,
    available: round2(balance - a.held),
  };
}

export async function myAccount(db: Tx, actor: Actor) {
  if (actor.personId === null) throw unprocessable('need_no_person');
  return accountOf(db, actor.districtId, actor.personId);
}

/** Serialises everything that spends from one account. */
const lockAccount = (tx: Tx, districtId: number, personId: number) =>
  tx.execute(sql`SELECT pg_advisory_xact_lock(hashtextextended(${`timebank:${districtId}:${personId}`}, 0))`);

type Row = {
  id: number;
  title: string;
  description: string;
  hours: number;
  status: TimeRequest['status'];
  person_id: number;
  asker: string;
  asker_user_id: number | null;
  helper_id: number | null;
  helper: string | null;
  helper_user_id: number | null;
  community: string;
  created_at: string;
  done_at: string | null;
};

const SELECT = sql`
  SELECT q.id, q.title, q.description, q.hours::float8 AS hours, q.status, q.person_id, a.name AS asker, a.user_id AS asker_user_id,
         q.helper_person_id AS helper_id, h.name AS helper, h.user_id AS helper_user_id, c.name AS community, q.created_at, q.done_at
    FROM time_requests q
    JOIN LATERAL (${personRow(sql`q.district_id`, sql`q.person_id`)}) a ON true
    JOIN regions ah ON ah.district_id = q.district_id AND ah.id = a.home_region_id
    JOIN regions c ON c.district_id = ah.district_id AND c.path = subpath(ah.path, 0, 3)
    LEFT JOIN LATERAL (${personRow(sql`q.district_id`, sql`q.helper_person_id`)}) h ON true`;

const present = (q: Row): TimeRequest => ({
  id: q.id,
  title: q.title,
  description: q.description,
  hours: q.hours,
  status: q.status,
  asker: { id: q.person_id, name: q.asker },
  helper: q.helper_id === null ? null : { id: q.helper_id, name: q.helper ?? '' },
  communityName: q.community,
  createdAt: iso(q.created_at)!,
  doneAt: iso(q.done_at),
});

async function load(db: Tx, actor: Actor, id: number, lock = false) {
  const { rows } =
    await db.execute<Row>(sql`${SELECT} WHERE q.district_id = ${actor.districtId} AND q.id = ${id}
    ${lock ? sql`FOR UPDATE OF q` : sql``}`);
  if (!rows[0]) throw notFound();
  return rows[0];
}

/** Mine, or the open requests of my communities. */
export async function listRequests(db: Tx, actor: Actor, q: z.infer<typeof TimeRequestListQuery>) {
  const me = actor.personId ?? 0;
  const where: SQL[] = [sql`q.district_id = ${actor.districtId}`];
  if (q.mine === 'true') where.push(sql`(q.person_id = ${me} OR q.helper_person_id = ${me})`);
  else {
    const places = await memberPlaces(db, actor);
    where.push(sql`q.status = 'open'`);
    where.push(
      places.length
        ? sql`(${sql.join(
            places.map((p) => sql`ah.path <@ ${p}::ltree`),
            sql` OR `,
          )})`
        : sql`false`,
    );
  }
  return pageOf(
    db,
    q,
    { select: SELECT, where: sql.join(where, sql` AND `), orderBy: sql`q.created_at DESC, q.id DESC` },
    present,
  );
}

/** Asking holds the hours from the account: one cannot promise what one has not earned. */
export async function ask(db: Tx, actor: Actor, input: z.infer<typeof TimeRequestBody>) {
  if (actor.personId === null) throw unprocessable('need_no_person');
  const personId = actor.personId;
  return db.transaction(async (tx) => {
    await lockAccount(tx, actor.districtId, personId);
    const account = await accountOf(tx, actor.districtId, personId);
    if (account.available < input.hours)
      throw unprocessable('timebank_insufficient', { available: account.available });
    const { rows } = await tx.execute<{ id: number }>(sql`
      INSERT INTO time_requests (district_id, person_id, title, description, hours)
      VALUES (${actor.districtId}, ${personId}, ${input.title}, ${input.description}, ${input.hours}) RETURNING id`);
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: null,
      action: 'timebank.ask',
      entityType: 'time_request',
      entityId: rows[0]!.id,
      after: { hours: input.hours, title: input.title },
    });
    return present(await load(tx, actor, rows[0]!.id));
  });
}

/** Another member offers to help: the request is theirs to fulfil. */
export async function offer(db: Tx, actor: Actor, id: number) {
  if (actor.personId === null) throw unprocessable('need_no_person');
  return db.transaction(async (tx) => {
    const q = await load(tx, actor, id, true);
    if (q.status !== 'open') throw conflict('timebank_not_open');
    if (q.person_id === actor.personId) throw unprocessable('timebank_self');
    await tx.execute(sql`UPDATE time_requests SET status = 'accepted', helper_person_id = ${actor.personId}, accepted_at = now()
      WHERE district_id = ${actor.districtId} AND id = ${id}`);
    await notify(
      tx,
      { districtId: actor.districtId, userId: q.asker_user_id },
      'notify_timebank_offer',
      { name: actor.displayName, title: q.title },
      '/me/time-bank',
    );
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: null,
      action: 'timebank.offer',
      entityType: 'time_request',
      entityId: id,
      after: { helper: actor.personId },
    });
    return present(await load(tx, actor, id));
  });
}

/** The asker confirms the help: the hours move from their account to the helper's, once. */
export async function complete(db: Tx, actor: Actor, id: number) {
  return db.transaction(async (tx) => {
    const q = await load(tx, actor, id, true);
    allow(timeRequestPolicy.complete(actor, q));
    if (q.status !== 'accepted' || q.helper_id === null) throw conflict('timebank_not_accepted');
    await lockAccount(tx, actor.districtId, q.person_id);
    const account = await accountOf(tx, actor.districtId, q.person_id);
    // The request's own hours are held in `held`; what matters is the balance.
    if (account.balance < q.hours)
      throw unprocessable('timebank_insufficient', { available: account.balance });
    await tx.execute(sql`INSERT INTO time_transfers (district_id, from_person_id, to_person_id, hours, request_id, created_by)
      VALUES (${actor.districtId}, ${q.person_id}, ${q.helper_id}, ${q.hours}, ${id}, ${actor.userId})`);
    await tx.execute(
      sql`UPDATE time_requests SET status = 'done', done_at = now() WHERE district_id = ${actor.districtId} AND id = ${id}`,
    );
    await notify(
      tx,
      { districtId: actor.districtId, userId: q.helper_user_id },
      'notify_timebank_paid',
      { hours: q.hours, title: q.title },
      '/me/time-bank',
    );
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: null,
      action: 'timebank.transfer',
      entityType: 'time_request',
      entityId: id,
      after: { from: q.person_id, to: q.helper_id, hours: q.hours },
    });
    return present(await load(tx, actor, id));
  });
}

export async function cancelRequest(db: Tx, actor: Actor, id: number) {
  return db.transaction(async (tx) => {
    const q = await load(tx, actor, id, true);
    allow(timeRequestPolicy.cancel(actor, q));
    if (q.status !== 'open' && q.status !== 'accepted') throw conflict('timebank_not_open');
    await tx.execute(
      sql`UPDATE time_requests SET status = 'cancelled' WHERE district_id = ${actor.districtId} AND id = ${id}`,
    );
    await recordAudit(tx, actor, {
      districtId: actor.districtId,
      regionId: null,
      action: 'timebank.cancel',
      entityType: 'time_request',
      entityId: id,
      before: { status: q.status },
      after: { status: 'cancelled' },
    });
    // Whoever had offered to help is not left waiting.
    if (q.status === 'accepted')
      await notify(
        tx,
        { districtId: actor.districtId, userId: q.helper_user_id },
        'notify_timebank_cancelled',
        { name: actor.displayName, title: q.title },
        '/me/time-bank',
      );
    return present(await load(tx, actor, id));
  });
}
