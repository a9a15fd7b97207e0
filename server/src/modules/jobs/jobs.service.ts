/**
 * A job queue on PostgreSQL. A job is taken with FOR UPDATE SKIP LOCKED (so several
 * workers, in one process or many, never take the same one), run by its kind's handler,
 * and retried with backoff when it fails. Handlers must be safe to run again: a retried
 * job finds the work it already did and does the rest.
 */
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client';
import { every, type ScheduleLog } from '../../schedule';

export type JobHandler = (
  db: Db,
  payload: Record<string, unknown>,
  job: { id: number; attempts: number },
) => Promise<void>;

const handlers = new Map<string, JobHandler>();
const MAX_ATTEMPTS = 5;

export function registerJob(kind: string, handler: JobHandler) {
  handlers.set(kind, handler);
}

export async function enqueue(tx: Tx, kind: string, payload: Record<string, unknown>) {
  const { rows } = await tx.execute<{ id: number }>(
    sql`INSERT INTO jobs (kind, payload) VALUES (${kind}, ${JSON.stringify(payload)}::jsonb) RETURNING id`,
  );
  return rows[0]!.id;
}

/** Saves a job's progress, so a retry resumes where it stopped. */
export async function saveProgress(tx: Tx, jobId: number, payload: Record<string, unknown>) {
  await tx.execute(sql`UPDATE jobs SET payload = ${JSON.stringify(payload)}::jsonb WHERE id = ${jobId}`);
}

/** Takes and runs due jobs until none is left (or `limit` ran); returns how many ran. */
export async function runDueJobs(db: Db, limit = 100): Promise<number> {
  let ran = 0;
  while (ran < limit) {
    const { rows } = await db.execute<{
      id: number;
      kind: string;
      payload: Record<string, unknown>;
      attempts: number;
    }>(sql`
      UPDATE jobs SET status = 'running', locked_at = now(), attempts = attempts + 1
       WHERE id = (SELECT id FROM jobs WHERE status = 'queued' AND run_at <= now() ORDER BY run_at, id
                    FOR UPDATE SKIP LOCKED LIMIT 1)
      RETURNING id, kind, payload, attempts`);
    const job = rows[0];
    if (!job) break;
    ran++;
    const handler = handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler(db, job.payload, job);
      await db.execute(
        sql`UPDATE jobs SET status = 'done', finished_at = now(), last_error = NULL WHERE id = ${job.id}`,
      );
    } catch (e) {
      const failed = job.attempts >= MAX_ATTEMPTS;
      await db.execute(sql`UPDATE jobs SET status = ${failed ? 'failed' : 'queued'}, last_error = ${String(e)},
          run_at = now() + make_interval(secs => ${2 ** job.attempts}) WHERE id = ${job.id}`);
    }
  }
  return ran;
}

/** Takes up again the jobs a process that died left running. */
export const requeueStale = (db: Db) =>
  db.execute(
    sql`UPDATE jobs SET status = 'queued' WHERE status = 'running' AND locked_at < now() - interval '10 minutes'`,
  );

/** Polls for due jobs every `everyMs`, and for stale ones once a minute; returns a stop function. */
export function startJobWorker(db: Db, log: ScheduleLog, everyMs = 500) {
  let sweptAt = 0;
  return every(
    everyMs,
    async () => {
      if (Date.now() - sweptAt > 60_000) {
        sweptAt = Date.now();
        await requeueStale(db);
      }
      await runDueJobs(db);
    },
    log,
  );
}
