/**
 * Background work on a timer: at most one run at a time, errors logged, and a stop that
 * waits for the run in flight — so a shutdown never closes the database under a transaction.
 * While the database is away (restarting after a crash) a run fails every tick: that is
 * said once, not logged with a stack each time.
 */
import { databaseAway } from './errors';

export type Stop = () => Promise<void>;
export type ScheduleLog = {
  error: (e: unknown) => void;
  warn?: (m: string) => void;
  info?: (m: string) => void;
};

export function every(
  ms: number,
  /** `stopping()` turns true once a stop is asked: a long run may end early at a safe point. */
  run: (stopping: () => boolean) => Promise<unknown>,
  log: ScheduleLog,
  { now = false } = {},
): Stop {
  let current: Promise<unknown> | null = null;
  let stopped = false;
  let away = false;
  const tick = () => {
    if (current || stopped) return;
    current = run(() => stopped)
      .then(() => {
        if (away) log.info?.('The database is back: background work goes on.');
        away = false;
      })
      .catch((e) => {
        if (!databaseAway(e)) return log.error(e);
        if (!away) log.warn?.('The database is unavailable: background work waits for it.');
        away = true;
      })
      .finally(() => {
        current = null;
      });
  };
  if (now) tick();
  const timer = setInterval(tick, ms);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await current;
  };
}
