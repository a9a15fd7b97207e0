/**
 * Benchmark: claims at full speed from many concurrent clients against the running
 * server (a separate process, over loopback), every client contending for the same role
 * rows; prints claims per second and latency percentiles next to this machine's pgbench
 * TPC-B figure measured in the same run, and checks that no role is over-claimed.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../server/src/config';
import { openDatabase } from '../server/src/db/open';
import { seedDemo } from '../server/src/modules/demo/demo.seed';

const MEMBERS = 1000;
const ROLES = 40;
const CLIENTS = 64;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gj-bench-'));
const database = await openDatabase(loadConfig({ GONGJIAN_DATA_DIR: dataDir }), {
  info: () => {},
  warn: console.warn,
});
const { db, url } = database;
let server: ChildProcess | undefined;
try {
  await seedDemo(db);
  const q = (text: string, params: unknown[] = []) => db.$client.query(text, params);
  const community = (await q("SELECT id FROM regions WHERE code = '110107003001'")).rows[0].id as number;
  await q(
    `WITH p AS (
       INSERT INTO people (district_id, name, gender, home_region_id, party_org_id, party_status, party_since)
       SELECT 1, '压测党员' || g, 'male', $1, (SELECT id FROM party_orgs WHERE name = '八角北路社区党委'), 'retired', date '1990-07-01'
         FROM generate_series(1, ${MEMBERS}) g RETURNING id, name),
     u AS (INSERT INTO users (district_id, region_id, username, display_name, password_hash)
           SELECT 1, $1, 'bench' || substr(p.name, 5), p.name, (SELECT password_hash FROM users WHERE username = 'member') FROM p
           RETURNING id, display_name)
     INSERT INTO role_assignments (district_id, user_id, role, region_id) SELECT 1, u.id, 'party_member', $1 FROM u`,
    [community],
  );
  await q(
    `UPDATE people p SET user_id = u.id FROM users u WHERE u.display_name = p.name AND p.name LIKE '压测党员%'`,
  );
  // Sessions written directly: the benchmark measures claims, not password hashing.
  const sessions: { cookie: string; csrf: string }[] = [];
  for (let i = 1; i <= MEMBERS; i++) {
    const token = randomBytes(24).toString('base64url');
    const csrf = randomBytes(12).toString('base64url');
    sessions.push({ cookie: `gj_sid=${token}`, csrf });
    await q(
      `INSERT INTO sessions (id, user_id, csrf_token, expires_at)
       SELECT encode(sha256($1::bytea), 'hex'), id, $2, now() + interval '1 hour' FROM users WHERE username = $3`,
      [token, csrf, `bench${i}`],
    );
  }
  const project = (
    await q(
      `INSERT INTO projects (district_id, region_id, title, status, starts_at, ends_at)
       VALUES (1, $1, '压测项目', 'published', now() + interval '3 days', now() + interval '4 days') RETURNING id`,
      [community],
    )
  ).rows[0].id as number;
  const roles = (
    await q(
      `INSERT INTO project_roles (district_id, project_id, kind, slots, starts_at, ends_at)
       SELECT 1, $1, 'security_patrol', ${MEMBERS}, now() + interval '3 days', now() + interval '4 days'
         FROM generate_series(1, ${ROLES}) RETURNING id`,
      [project],
    )
  ).rows.map((r) => r.id as number);
  await q('VACUUM ANALYZE');

  // The server as npm start runs it, on the same database.
  server = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    env: { ...process.env, DATABASE_URL: url, PORT: '0', GONGJIAN_LOG_LEVEL: 'info', GONGJIAN_DEMO: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const base = await new Promise<string>((resolve, reject) => {
    let out = '';
    server!.stdout!.on('data', (d: Buffer) => {
      out += d;
      const m = /running at (http:\/\/localhost:\d+)/.exec(out);
      if (m) resolve(m[1]!.replace('localhost', '127.0.0.1'));
    });
    server!.on('exit', (c) => reject(new Error(`server exited ${c}: ${out}`)));
  });

  /**
   * Claims at full speed over `work`, `CLIENTS` at a time, for `SECONDS`; each item is one
   * member claiming one role.
   */
  async function run(label: string, work: [number, number][]) {
    let next = 0;
    const latencies: number[] = [];
    let ok = 0;
    let errors = 0;
    const deadline = Date.now() + SECONDS * 1000;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (Date.now() < deadline && next < work.length) {
          const [m, role] = work[next++]!;
          const s = sessions[m]!;
          const t = performance.now();
          const res = await fetch(`${base}/api/projects/${project}/roles/${role}/claims`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie: s.cookie, 'x-csrf-token': s.csrf },
            body: '{}',
          });
          await res.arrayBuffer();
          latencies.push(performance.now() - t);
          if (res.status === 201) ok++;
          else errors++;
        }
      }),
    );
    const elapsed = (performance.now() - t0) / 1000;
    latencies.sort((a, b) => a - b);
    const p = (x: number) =>
      latencies[Math.min(latencies.length - 1, Math.floor(x * latencies.length))]!.toFixed(1);
    const perSecond = ok / elapsed;
    console.log(
      `claims, ${label}: ${ok} in ${elapsed.toFixed(1)} s from ${CLIENTS} clients = ${perSecond.toFixed(0)} claims/s; ` +
        `latency p50 ${p(0.5)} ms, p95 ${p(0.95)} ms, p99 ${p(0.99)} ms; errors ${errors}`,
    );
    return perSecond;
  }

  // Every client on the same role at once: one row takes every claim, one commit at a time.
  const hotWork: [number, number][] = [];
  for (const role of roles.slice(0, ROLES / 2)) for (let m = 0; m < MEMBERS; m++) hotWork.push([m, role]);
  const hot = await run('all clients on one role', hotWork);
  // Spread over ten roles at once, as pgbench's TPC-B spreads its writes over ten branches.
  const spreadWork: [number, number][] = [];
  for (let m = 0; m < MEMBERS; m++)
    for (const role of roles.slice(ROLES / 2, ROLES / 2 + 10)) spreadWork.push([m, role]);
  const spread = await run('spread over 10 roles', spreadWork);

  const over = (await q('SELECT count(*)::int AS n FROM project_roles WHERE claimed > slots')).rows[0].n;
  const counted = (
    await q(
      `SELECT count(*)::int AS n FROM project_roles ro WHERE ro.project_id = $1
              AND ro.claimed <> (SELECT count(*) FROM claims c WHERE c.role_id = ro.id AND c.status = 'active')`,
      [project],
    )
  ).rows[0].n;
  console.log(`roles over-claimed ${over}; counters off their claims ${counted}`);

  // The machine's own write ceiling, in the same run: pgbench's TPC-B on the same server.
  const pgbench = ['/usr/bin/pgbench', '/usr/lib/postgresql/15/bin/pgbench'].find((f) => fs.existsSync(f));
  if (pgbench) {
    const u = new URL(url);
    await q('CREATE DATABASE pgbench');
    const env = { ...process.env, PGPASSWORD: decodeURIComponent(u.password) };
    const conn = ['-h', u.hostname, '-p', u.port, '-U', decodeURIComponent(u.username)];
    execFileSync(pgbench, [...conn, '-i', '-s', '10', '-q', 'pgbench'], { env, stdio: 'ignore' });
    const out = execFileSync(pgbench, [...conn, '-c', '16', '-j', '2', '-T', String(SECONDS), 'pgbench'], {
      env,
      encoding: 'utf8',
    });
    const tps = Number(/tps = ([\d.]+)/.exec(out)?.[1] ?? 0);
    console.log(
      `pgbench TPC-B (scale 10, 16 clients): ${tps.toFixed(0)} tps; claims/s : TPC-B tps = ` +
        `${(spread / tps).toFixed(2)} spread over 10 roles (target ≥ 0.5), ${(hot / tps).toFixed(2)} all on one role`,
    );
  } else {
    console.log('pgbench not found: no TPC-B ceiling measured in this run');
  }
} finally {
  server?.kill('SIGTERM');
  await new Promise((r) => (server && server.exitCode === null ? server.once('exit', r) : r(null)));
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
