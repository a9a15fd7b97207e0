/**
 * Dashboard answers kept in memory per figures version. The pre-aggregated figures change only
 * when the refresh folds (figures_state: folded_at, records_at, weeks_from), so a question asked
 * again between two folds is a memory read instead of a dozen reads of the figures. Bounded:
 * at most MAX answers, each for at most a minute (the names of places may change without a fold).
 * What depends on the reader (their `can` flags) is added after, never kept.
 */
import { sql } from 'drizzle-orm';
import { LRUCache } from 'lru-cache';
import type { Tx } from '../../db/client';

const MAX = 1000;
const answers = new LRUCache<string, object>({ max: MAX, ttl: 60_000 });

/** Which fold of the figures an answer was computed from. */
async function figuresVersion(db: Tx): Promise<string> {
  const { rows } = await db.execute<{ v: string }>(sql`
    SELECT concat_ws('|', folded_at, records_at, weeks_from) AS v FROM figures_state WHERE id = 1`);
  return rows[0]?.v ?? 'none';
}

/** The answer to `key` at the current figures version: kept, or computed and kept. */
export async function byFiguresVersion<T extends object>(
  db: Tx,
  key: string,
  compute: () => Promise<T>,
): Promise<T> {
  const k = `${await figuresVersion(db)}#${key}`;
  const kept = answers.get(k);
  if (kept) return kept as T;
  const value = await compute();
  answers.set(k, value);
  return value;
}
