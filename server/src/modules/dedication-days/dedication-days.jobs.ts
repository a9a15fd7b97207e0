/**
 * The dedication day's background work: keep each rolling window of occurrences filled,
 * and remind those signed up the day before. Each run is idempotent, and an advisory
 * lock lets one instance run it while others skip.
 */
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { every, type ScheduleLog } from '../../schedule';
import { personRow } from '../members/members.queries';
import { notify } from '../notifications/notifications.service';
import { zoneOf } from '../regions/regions.queries';
import { materialiseAll } from './dedication-days.service';
import { clockIn } from './recurrence';

/** Reminds everyone signed up for a day starting within the next 24 hours, once. */
export async function remindTomorrow(db: Tx) {
  return db.transaction(async (tx) => {
    const { rows } = await tx.execute<{
      id: number;
      district_id: number;
      title: string;
      starts_at: string;
      timezone: string;
    }>(sql`
      UPDATE dedication_occurrences o SET reminded_at = now()
        FROM dedication_days d
       WHERE o.status = 'scheduled' AND o.reminded_at IS NULL AND o.starts_at > now() AND o.starts_at <= now() + interval '24 hours'
         AND d.district_id = o.district_id AND d.id = o.dedication_day_id
      RETURNING o.id, o.district_id, d.title, o.starts_at, ${zoneOf(sql`o.district_id`)} AS timezone`);
    let told = 0;
    for (const o of rows) {
      const { rows: people } = await tx.execute<{ user_id: number | null; task: string; place: string }>(sql`
        SELECT p.user_id, t.title AS task, t.place FROM signups s
          JOIN dedication_tasks t ON t.district_id = s.district_id AND t.id = s.task_id
          JOIN LATERAL (${personRow(sql`s.district_id`, sql`s.person_id`)}) p ON true
         WHERE s.district_id = ${o.district_id} AND s.occurrence_id = ${o.id} AND s.status = 'signed'`);
      for (const p of people) {
        await notify(
          tx,
          { districtId: o.district_id, userId: p.user_id },
          'notify_dedication_reminder',
          // The time as the district reads it everywhere else (its zone), not the rule's own.
          { title: o.title, time: clockIn(o.starts_at, o.timezone), task: p.task, place: p.place },
          `/occurrences/${o.id}`,
        );
        told++;
      }
    }
    return told;
  });
}

const LOCK = 4_201_0001;

/** One pass of the jobs, unless another instance holds the lock. */
export async function runDedicationJobs(db: Db) {
  return db.transaction(async (tx) => {
    const { rows } = await tx.execute<{ ok: boolean }>(sql`SELECT pg_try_advisory_xact_lock(${LOCK}) AS ok`);
    if (!rows[0]?.ok) return null;
    return { materialised: await materialiseAll(tx), reminded: await remindTomorrow(tx) };
  });
}

/** Runs the jobs now and then every `everyMs`; returns a stop function. */
export const scheduleDedicationJobs = (db: Db, log: ScheduleLog, everyMs = 10 * 60_000) =>
  every(everyMs, () => runDedicationJobs(db), log, { now: true });
