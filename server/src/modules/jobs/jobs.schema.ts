import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { id } from '../../db/columns';

/**
 * Background work on PostgreSQL: a row per job, taken by a worker with FOR UPDATE SKIP
 * LOCKED, retried with backoff. Jobs are global (a job names its district in its payload).
 */
export const jobs = pgTable(
  'jobs',
  {
    id: id().primaryKey().generatedByDefaultAsIdentity(),
    kind: text().notNull(),
    payload: jsonb().notNull().default({}),
    status: text().notNull().default('queued'),
    attempts: integer().notNull().default(0),
    runAt: timestamp('run_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    lockedAt: timestamp('locked_at', { withTimezone: true, mode: 'string' }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [
    index('jobs_ready_idx').on(t.runAt).where(sql`${t.status} = 'queued'`),
    check('jobs_status', sql`${t.status} IN ('queued', 'running', 'done', 'failed')`),
  ],
);
