/**
 * Who may import and watch an import. Whoever holds import.run anywhere starts an import of
 * either kind (the route's check, stated here for the service); where each row lands is the
 * kind's own domain's rule, asked row by row by its importer (members.import, units.import) —
 * a row outside the reader's area is an error of that row, not a refusal of the file. A job is
 * its starter's alone to watch: its errors quote the file, with names and ID numbers, and
 * nobody else asked for them. Reads narrow in SQL (`importPolicy.visible`), so another's job is
 * simply not found (404).
 */
import { eq, type SQL } from 'drizzle-orm';
import type { Actor } from '../../auth/actor';
import { holds } from '../../auth/authorize';
import { imports } from './imports.schema';

/** What the rule reads of a job: who started it. */
export type JobFacts = { createdBy: number };

export const importPolicy = {
  /** Starts an import of either kind: those who hold import.run anywhere — the rows are checked one by one. */
  start: (actor: Actor) => holds(actor, 'import.run'),
  /** Watches a job — its progress and its errors: the one who started it, not the organisers over them. */
  read: (actor: Actor, job: JobFacts) => job.createdBy === actor.userId,
  /** SQL: the jobs the actor may read (`read`, for a list). */
  visible: (actor: Actor): SQL => eq(imports.createdBy, actor.userId),
};
