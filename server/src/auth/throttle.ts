/**
 * A budget of attempts per key (a client's address) in a fixed window, kept in this
 * process. `take` spends one at once, before the costly work, so a concurrent burst cannot
 * all pass a check made before any of it is counted; `refund` gives it back when the
 * attempt turned out fine. What @fastify/rate-limit cannot do: count failures only.
 */
export class AttemptBudget {
  private readonly spent = new Map<string, { n: number; until: number }>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly maxKeys = 10_000,
  ) {}

  /** Spends one attempt; false when the key has none left in its window. */
  take(key: string): boolean {
    const now = Date.now();
    let e = this.spent.get(key);
    if (!e || e.until <= now) {
      this.makeRoom(now);
      e = { n: 0, until: now + this.windowMs };
      this.spent.set(key, e);
    }
    if (e.n >= this.max) return false;
    e.n++;
    return true;
  }

  refund(key: string) {
    const e = this.spent.get(key);
    if (e && e.n > 0) e.n--;
  }

  /** Bounded memory: expired keys go first, then the oldest. */
  private makeRoom(now: number) {
    if (this.spent.size < this.maxKeys) return;
    for (const [k, e] of this.spent) if (e.until <= now) this.spent.delete(k);
    for (const k of this.spent.keys()) {
      if (this.spent.size < this.maxKeys) break;
      this.spent.delete(k);
    }
  }
}

const queues = new Map<string, Promise<void>>();

/**
 * Runs `fn` once every earlier call with the same key has settled: attempts at one account
 * are checked one at a time in this process.
 */
export function oneAtATime<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const run = (queues.get(key) ?? Promise.resolve()).then(fn);
  const tail = run.then(
    () => {},
    () => {},
  );
  queues.set(key, tail);
  void tail.then(() => {
    if (queues.get(key) === tail) queues.delete(key);
  });
  return run;
}
