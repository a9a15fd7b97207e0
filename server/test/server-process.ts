/**
 * The server as `npm start` runs it — the compiled JavaScript in one node process, with its
 * embedded PostgreSQL in a data directory of its own — for the tests that kill it
 * (restart.test.ts, the fault suite of issue #12) and for the browser tests. Sign-in goes over
 * real HTTP, as a browser's would.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

export type Server = {
  proc: ChildProcess;
  url: string;
  /** What it has printed so far, except the log line of each answer below 500 once it is running. */
  output: () => string;
  /** Its log lines of errors and of 5xx answers other than 503 (most recent 200). */
  errors: () => string[];
  /** How many 503 "try again" answers it gave (no database connection in time, or the database away). */
  unavailable: () => number;
  /** Resolves with its exit code (or signal) once it has exited. */
  exited: Promise<number | string | null>;
};

export type Session = { cookie: string; csrf: string };

/** A fresh data directory, and a cleanup that kills whatever is left in it. */
export function dataDirectory(prefix: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const children: ChildProcess[] = [];
  return {
    dir,
    start: async (env: Record<string, string> = {}) => {
      const s = await startServer(dir, env);
      children.push(s.proc);
      return s;
    },
    cleanup: async () => {
      for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
      const pid = postmasterPid(dir);
      if (pid !== null) {
        try {
          process.kill(pid, 'SIGINT');
          for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
        } catch {}
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

let built = false;
/** The production build, made once per test process from the sources as they are now. */
function buildOnce() {
  if (built) return;
  execFileSync(process.execPath, ['scripts/build-server.mjs'], { stdio: 'inherit' });
  built = true;
}

export function startServer(dataDir: string, env: Record<string, string> = {}): Promise<Server> {
  buildOnce();
  const proc = spawn(process.execPath, ['--enable-source-maps', 'server/dist/main.js'], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      GONGJIAN_DATA_DIR: dataDir,
      GONGJIAN_DEMO: '1',
      PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | string | null>((r) => proc.once('exit', (code, sig) => r(code ?? sig)));
  let out = '';
  let partial = '';
  let running = false;
  const errors: string[] = [];
  let unavailable = 0;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 90_000);
    const onData = (d: Buffer) => {
      // Once running, it logs every answer: those lines are dropped (the pipe is still drained),
      // but not an error or a 5xx.
      const lines = (partial + d.toString()).split('\n');
      partial = lines.pop()!;
      for (const line of lines) {
        const failed = /"level":(50|60)|"statusCode":5\d\d/.test(line);
        if (line.includes('"statusCode":503')) unavailable++;
        else if (failed) errors.push(line.slice(0, 2000));
        if (errors.length > 200) errors.shift();
        if (!running || failed || !line.includes('"msg":"request completed"')) out += `${line}\n`;
      }
      if (out.length > 1_000_000) out = out.slice(-500_000);
      const m = running ? null : /running at (http:\/\/localhost:\d+)/.exec(out);
      if (m) {
        running = true;
        clearTimeout(timer);
        resolve({
          proc,
          url: m[1]!,
          output: () => out,
          errors: () => [...errors],
          unavailable: () => unavailable,
          exited,
        });
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
}

/** `npm run cli -- <args>` as an operator runs it: its exit code and what it printed. */
export function cli(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; out: string }> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout.on('data', (d) => (out += d));
  proc.stderr.on('data', (d) => (out += d));
  return new Promise((r) => proc.on('exit', (code) => r({ code, out })));
}

/** SIGKILL, and wait for the process to be gone. */
export async function kill9(server: Server) {
  server.proc.kill('SIGKILL');
  await server.exited;
}

export async function login(url: string, username = 'district_admin'): Promise<Session> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'gongjian-demo' }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const me = (await res.json()) as { csrfToken: string };
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: me.csrfToken };
}

/** Headers for a request in this session (the CSRF token on writes). */
export const headers = (s: Session, write = false): Record<string, string> => ({
  cookie: s.cookie,
  ...(write ? { 'content-type': 'application/json', 'x-csrf-token': s.csrf } : {}),
});

/** The embedded PostgreSQL's postmaster, from its lock file (null when none). */
export function postmasterPid(dataDir: string): number | null {
  const file = path.join(dataDir, 'pg', 'postmaster.pid');
  if (!fs.existsSync(file)) return null;
  const pid = Number(fs.readFileSync(file, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The server's database, found as the server finds it: the port in the lock file (its
 * fourth line), the password in `pg-password`.
 */
export function databaseUrl(dataDir: string): string {
  const lock = fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n');
  const password = fs.readFileSync(path.join(dataDir, 'pg-password'), 'utf8').trim();
  return `postgres://gongjian:${encodeURIComponent(password)}@127.0.0.1:${Number(lock[3])}/gongjian`;
}

export async function connect(dataDir: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl(dataDir) });
  client.on('error', () => {});
  await client.connect();
  return client;
}
