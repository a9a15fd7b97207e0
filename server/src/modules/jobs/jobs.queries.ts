/**
 * What other domains read of the job queue (the model is regions.queries): how many jobs
 * wait, run or failed, for monitoring. Taking and finishing jobs stays in jobs.service.
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';

/** Jobs not yet done, counted by status (only statuses that have any). */
export async function jobCountsByStatus(db: Tx): Promise<{ status: string; n: number }[]> {
  const { rows } = await db.execute<{ status: string; n: number }>(
    sql`SELECT status, count(*)::int AS n FROM jobs WHERE status <> 'done' GROUP BY status`,
  );
  return rows;
}
