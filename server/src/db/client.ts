import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema';

// COUNT(*) and bigint ids come back as numbers: every id stays below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export type Db = NodePgDatabase<typeof schema> & { $client: pg.Pool };
/** A transaction or the database: services accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

/**
 * `waitMs`: how long a request waits for a connection (a PostgreSQL that hangs rather than
 * dies, or a pool long exhausted) before it answers 503 "try again" instead of waiting for ever.
 */
export function createDb(url: string, max = 10, waitMs = 15_000, prepare = true): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    // A connection keeps its prepared statements: closing it after a short idle made the next
    // request after a pause pay for new connections and their plans (the workbench: 464 ms).
    idleTimeoutMillis: 300_000,
    connectionTimeoutMillis: waitMs,
  });
  // A client losing its server (PostgreSQL restarting, or stopping at shutdown) must not
  // crash the process: idle ones are the pool's, checked-out ones fail their next query,
  // which the caller sees as an error.
  pool.on('error', () => {});
  pool.on('connect', (client) => {
    client.on('error', () => {});
    giveBackWhenLost(client);
    countAndPrepare(client, prepare);
  });
  return drizzle(pool, { schema, casing: 'snake_case' }) as Db;
}

/**
 * drizzle-orm 0.45 runs a transaction's BEGIN before the try/finally that releases its
 * pooled client (drizzle-orm#6023, still open): when PostgreSQL went away under a client
 * just checked out, that client was never given back. The fault suite (issue #12) saw it:
 * after PostgreSQL was killed under load a few clients were gone for good, the shutdown
 * waited for them forever, and ten would have left every request waiting on an empty pool.
 * So a client whose connection ends while checked out goes back to the pool at once (which
 * drops it); its holder's own release() afterwards does nothing.
 */
function giveBackWhenLost(client: pg.PoolClient) {
  type Release = (err?: Error | boolean) => void;
  let release: Release | null = null; // the pool's, while the client is checked out
  let lost = false;
  Object.defineProperty(client, 'release', {
    configurable: true,
    set: (fn: Release) => {
      release = fn;
    },
    get: (): Release => (err) => {
      const r = release;
      release = null;
      if (r) r(err);
      else if (!lost)
        throw new Error('Release called on client which has already been released to the pool.');
    },
  });
  client.once('end', () => {
    const r = release;
    if (!r) return; // idle: the pool drops it itself
    release = null;
    lost = true;
    r(new Error('The connection to PostgreSQL was lost'));
  });
}

/** Statements sent through any pool of this process: the benchmark reads it per request. */
let sent = 0;
export const statementsSent = () => sent;
const PREPARED_MAX = 200;

/**
 * Every parameterised statement is sent as a named prepared statement (its name is a hash
 * of its text), so a connection parses and plans it once: the lists' joins cost PostgreSQL
 * more to plan (~5 ms) than to run (~1.5 ms). After five runs PostgreSQL keeps a generic
 * plan only if it costs no more than the custom ones. A connection prepares at most
 * PREPARED_MAX texts (lists built from filters make many); beyond that, statements go unnamed.
 * A statement that starts with CUSTOM_PLAN goes unnamed too: its best plan depends on its
 * values (a name search: a rare name through its index, a common one in the list's order).
 */
export const CUSTOM_PLAN = sql.raw('/* custom plan */ ');
function countAndPrepare(client: pg.PoolClient, prepare: boolean) {
  const names = new Set<string>();
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (config: unknown, ...rest: unknown[]) => {
    sent++;
    const c = config as { text?: unknown; name?: unknown; values?: unknown[]; submit?: unknown } | null;
    const values = Array.isArray(rest[0]) ? rest[0] : c?.values;
    if (
      prepare &&
      c &&
      typeof c === 'object' &&
      typeof c.text === 'string' &&
      !c.text.startsWith('/* custom plan */') &&
      !c.name &&
      !c.submit &&
      values?.length
    ) {
      const name = `gj_${createHash('sha1').update(c.text).digest('base64url').slice(0, 20)}`;
      if (names.has(name) || names.size < PREPARED_MAX) {
        names.add(name);
        return query({ ...c, name }, ...rest);
      }
    }
    return query(config, ...rest);
  };
}
