/**
 * The bodies' daily work: after 08:00 (the default district time zone's), tell the owners of follow-up tasks falling
 * due tomorrow, and the owners and organisers of overdue ones (tasks.service `tellDueTasks`,
 * once per state). An advisory lock lets one instance run it while others skip.
 */
import { sql } from 'drizzle-orm';
import { DEFAULT_TIME_ZONE } from '../../../../contract';
import type { Db } from '../../db/client';
import { every, type ScheduleLog } from '../../schedule';
import { tellDueTasks } from './tasks.service';

const LOCK = 4_201_0002;

/**
 * One pass, unless another instance holds the lock or it is before 08:00. One pass serves every
 * district: the morning is the default zone's (each task's "tomorrow" is its district's).
 */
export async function runTaskJobs(db: Db) {
  return db.transaction(async (tx) => {
    const { rows } = await tx.execute<{ ok: boolean; morning: boolean }>(sql`
      SELECT pg_try_advisory_xact_lock(${LOCK}) AS ok,
             (now() AT TIME ZONE ${DEFAULT_TIME_ZONE})::time >= time '08:00' AS morning`);
    if (!rows[0]?.ok || !rows[0].morning) return null;
    return { told: await tellDueTasks(tx) };
  });
}

/** Runs the pass now and then every `everyMs`; returns a stop function. */
export const scheduleTaskJobs = (db: Db, log: ScheduleLog, everyMs = 10 * 60_000) =>
  every(everyMs, () => runTaskJobs(db), log, { now: true });
