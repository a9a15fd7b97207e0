/**
 * The daily digest: at 08:00 in the district's time zone each person in digest mode gets one notification
 * summing, by kind, what arrived for them since their last digest, linking to the workbench
 * ('/'). Idempotent: a person is digested once a day (`digested_at`), and the items summed are
 * removed in the same statement; an advisory lock lets one instance run it while others skip.
 */
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { every, type ScheduleLog } from '../../schedule';
import { userDistrict } from '../accounts/accounts.queries';
import { zoneOf } from '../regions/regions.queries';
import { notify } from './notifications.service';

/** Today's 08:00 in the person's district (its time zone), as of `at`. */
const eightOClock = (at: string) => {
  const zone = zoneOf(userDistrict(sql`np.user_id`));
  return sql`((${at}::timestamptz AT TIME ZONE ${zone})::date + time '08:00') AT TIME ZONE ${zone}`;
};

/** Sends the digests due at `at` (now, unless a test says otherwise); answers how many were sent. */
export async function sendDigests(db: Tx, at: Date = new Date()) {
  return db.transaction(async (tx) => {
    const now = at.toISOString();
    const { rows } = await tx.execute<{ district_id: number; user_id: number; kind: string; n: number }>(sql`
      WITH due AS (
        UPDATE notification_prefs np SET digested_at = ${now}::timestamptz
         WHERE ${now}::timestamptz >= ${eightOClock(now)}
           AND (np.digested_at IS NULL OR np.digested_at < ${eightOClock(now)})
           AND (np.digest OR EXISTS (SELECT 1 FROM notification_digest_items i WHERE i.user_id = np.user_id))
        RETURNING np.user_id),
      summed AS (
        DELETE FROM notification_digest_items i USING due WHERE i.user_id = due.user_id
        RETURNING i.district_id, i.user_id, i.kind)
      SELECT district_id, user_id, kind, count(*)::int AS n FROM summed
       GROUP BY district_id, user_id, kind ORDER BY user_id, kind`);
    const byUser = new Map<number, { districtId: number; counts: Record<string, number> }>();
    for (const r of rows) {
      const u = byUser.get(r.user_id) ?? { districtId: r.district_id, counts: {} };
      u.counts[r.kind] = r.n;
      byUser.set(r.user_id, u);
    }
    for (const [userId, u] of byUser) {
      const total = Object.values(u.counts).reduce((a, b) => a + b, 0);
      await notify(tx, { districtId: u.districtId, userId }, 'notify_digest', { total, ...u.counts }, '/');
    }
    return byUser.size;
  });
}

const LOCK = 4_201_0003;

/** One pass, unless another instance holds the lock. */
export async function runDigestJob(db: Db) {
  return db.transaction(async (tx) => {
    const { rows } = await tx.execute<{ ok: boolean }>(sql`SELECT pg_try_advisory_xact_lock(${LOCK}) AS ok`);
    if (!rows[0]?.ok) return null;
    return { digests: await sendDigests(tx) };
  });
}

/** Runs the digest now and then every `everyMs` (it sends only once a day, after 08:00); returns a stop. */
export const scheduleDigests = (db: Db, log: ScheduleLog, everyMs = 10 * 60_000) =>
  every(everyMs, () => runDigestJob(db), log, { now: true });
