/**
 * Background work on a timer: at most one run at a time, errors logged, and a stop that
 * waits for the run in flight — so a shutdown never closes the database under a transaction.
 */
export type Stop = () => Promise<void>;

export function every(
  ms: number,
  /** `stopping()` turns true once a stop is asked: a long run may end early at a safe point. */
  run: (stopping: () => boolean) => Promise<unknown>,
  log: { error: (e: unknown) => void },
  { now = false } = {},
): Stop {
  let current: Promise<unknown> | null = null;
  let stopped = false;
  const tick = () => {
    if (current || stopped) return;
    current = run(() => stopped)
      .catch((e) => log.error(e))
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
