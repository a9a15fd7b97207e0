/**
 * `npm run bench`: the product measured against this machine's own ceiling, in one run.
 *
 * 1. The district-scale data set (bench/dataset.ts), generated once and reused.
 * 2. The server as `npm start` runs it, in its own process, on that data.
 * 3. The ceiling, in the same run: a bare route doing one primary-key SELECT through the
 *    same pool (reads), and pgbench's TPC-B on the same PostgreSQL (writes).
 * 4. Every endpoint under load from autocannon in a separate process, bounded in time;
 *    each figure printed next to its ratio to the ceiling and its target.
 * 5. A table on stdout and the same as JSON in bench/results/.
 *
 * BENCH_SECONDS (default 10) bounds each load; BENCH_PEOPLE shrinks the data set for a
 * quick look (the targets are for the full one).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { addMembers, addSession } from '../server/test/fixtures';
import { openDataset } from './dataset';
import type { LoadPlan, LoadResult } from './load';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 32;
const log = (line: string) => console.log(line);

type Row = {
  name: string;
  group: 'ceiling' | 'read' | 'write' | 'dashboard' | 'job';
  result?: LoadResult;
  /** For jobs: seconds, and what was done. */
  seconds?: number;
  note?: string;
  ratio?: number;
  target: string;
  met: boolean | null;
};
const rows: Row[] = [];

const started = performance.now();
const dataset = await openDataset(log);
const pool = dataset.db.$client;
const q = <T extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
  pool.query<T>(text, params).then((r) => r.rows);

// ---------- the server ----------
// As `npm start` runs it, logging at warn (a request log on a pipe would cost it CPU):
// readiness is read from /api/health on a port chosen here.
const port = await new Promise<number>((resolve) => {
  const probe = net.createServer().listen(0, '127.0.0.1', () => {
    const p = (probe.address() as net.AddressInfo).port;
    probe.close(() => resolve(p));
  });
});
const base = `http://127.0.0.1:${port}`;
// The server as production runs it: the compiled JavaScript (`npm start` does the same).
execFileSync(process.execPath, ['scripts/build-server.mjs'], { stdio: 'inherit' });
const server: ChildProcess = spawn(process.execPath, ['--enable-source-maps', 'server/dist/main.js'], {
  env: {
    ...process.env,
    DATABASE_URL: dataset.url,
    PORT: String(port),
    GONGJIAN_LOG_LEVEL: 'warn',
    GONGJIAN_DEMO: '0',
    GONGJIAN_BENCH_ROUTES: '1',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});
for (let i = 0; ; i++) {
  if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
  const ok = await fetch(`${base}/api/health`).then(
    (r) => r.ok,
    () => false,
  );
  if (ok) break;
  if (i > 600) throw new Error('the server did not start in 60 s');
  await new Promise((r) => setTimeout(r, 100));
}
const rss = () => {
  const status = fs.readFileSync(`/proc/${server.pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024);
};

function load(plan: Omit<LoadPlan, 'url' | 'connections' | 'seconds'> & Partial<LoadPlan>): LoadResult {
  const full: LoadPlan = { url: base, connections: CONNECTIONS, seconds: SECONDS, ...plan };
  // The plan can be large (one request per act): it goes by file, not on the command line.
  const file = path.join(os.tmpdir(), `gj-load-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify(full));
  const out = execFileSync(process.execPath, ['--import', 'tsx', 'bench/load.ts', file], {
    maxBuffer: 1 << 26,
  });
  fs.rmSync(file, { force: true });
  return JSON.parse(out.toString()) as LoadResult;
}

const session = async (username: string) => {
  const s = await addSession(pool, username);
  return { cookie: s.cookie, 'x-csrf-token': s.csrf };
};

try {
  // ---------- the ceiling ----------
  const regionIds = (await q<{ id: number }>('SELECT id FROM regions ORDER BY id LIMIT 2000')).map(
    (r) => r.id,
  );
  const pk = load({ requests: regionIds.map((id) => ({ method: 'GET', path: `/api/bench/pk/${id}` })) });
  rows.push({
    name: 'ceiling: primary-key SELECT route',
    group: 'ceiling',
    result: pk,
    target: '—',
    met: null,
  });
  // pgbench in a scratch database of the same PostgreSQL.
  await pool
    .query('DROP DATABASE IF EXISTS bench_pgbench')
    .then(() => pool.query('CREATE DATABASE bench_pgbench'));
  const scratch = Object.assign(new URL(dataset.url), { pathname: '/bench_pgbench' }).toString();
  execFileSync('pgbench', ['-i', '-q', '-s', '10', scratch], { stdio: 'ignore' });
  const pgbench = execFileSync('pgbench', ['-c', '16', '-j', '2', '-T', String(SECONDS), '-n', scratch], {
    encoding: 'utf8',
  });
  const tps = Number(/tps = ([\d.]+)/.exec(pgbench)![1]);
  rows.push({
    name: 'ceiling: pgbench TPC-B (16 clients)',
    group: 'ceiling',
    result: {
      requests: 0,
      rps: tps,
      p50: 0,
      p95: 0,
      p99: 0,
      non2xx: 0,
      errors: 0,
      timeouts: 0,
      statusCodes: {},
    },
    target: '—',
    met: null,
  });
  const read = (
    name: string,
    paths: string[],
    headers: Record<string, string>,
    group: Row['group'] = 'read',
  ) => {
    const result = load({ requests: paths.map((p) => ({ method: 'GET', path: p, headers })) });
    const ratio = result.rps / pk.rps;
    const met =
      group === 'dashboard' ? result.p95 < 100 && result.non2xx === 0 : ratio >= 0.7 && result.non2xx === 0;
    rows.push({
      name,
      group,
      result,
      ratio,
      target: group === 'dashboard' ? 'p95 < 100 ms' : '≥ 0.7× ceiling',
      met,
    });
  };

  // ---------- reads ----------
  const admin = await session('district_admin');
  const street = await session('street_admin');
  const pick = async (sql: string) => (await q<{ id: number }>(sql)).map((r) => r.id);
  const members = await pick(
    'SELECT id FROM people WHERE party_org_id IS NOT NULL ORDER BY id DESC LIMIT 500',
  );
  const units = await pick('SELECT id FROM units ORDER BY id DESC LIMIT 500');
  const projects = await pick('SELECT id FROM projects ORDER BY id DESC LIMIT 500');
  const facilities = await pick('SELECT id FROM facilities ORDER BY id DESC LIMIT 500');
  const streets = await pick("SELECT id FROM regions WHERE kind = 'street' ORDER BY id");
  const communities = await pick("SELECT id FROM regions WHERE kind = 'community' ORDER BY id");
  const pages = (p: string) => [1, 2, 3, 4, 5].map((n) => `${p}${p.includes('?') ? '&' : '?'}page=${n}`);
  read('members: list (district)', pages('/api/members'), admin);
  read(
    'members: search by name',
    ['王建国', '秀英', '李志强1', '张丽'].map((n) => `/api/members?q=${encodeURIComponent(n)}`),
    admin,
  );
  read(
    'members: detail',
    members.map((id) => `/api/members/${id}`),
    admin,
  );
  read('units: list', pages('/api/units'), admin);
  read(
    'units: detail',
    units.map((id) => `/api/units/${id}`),
    admin,
  );
  read('projects: list', pages('/api/projects'), admin);
  read(
    'projects: detail',
    projects.map((id) => `/api/projects/${id}`),
    admin,
  );
  read('facilities: list', pages('/api/facilities'), admin);
  read(
    'facilities: detail',
    facilities.map((id) => `/api/facilities/${id}`),
    admin,
  );
  read('notices: list', pages('/api/notices'), admin);
  read('needs: list (street)', pages('/api/needs'), street);
  read(
    'ledger: a member’s entries',
    members.slice(0, 100).map((id) => `/api/ledger?personId=${id}`),
    admin,
  );
  const roles = await pick(
    `SELECT r.id FROM project_roles r JOIN projects p ON p.id = r.project_id ORDER BY r.id DESC LIMIT 100`,
  );
  read(
    'suggestions for a role',
    roles.map((id) => `/api/teams/suggestions?roleId=${id}`),
    admin,
  );

  // ---------- dashboards ----------
  read('dashboard: district, year', ['/api/dashboards/overview?kind=year'], admin, 'dashboard');
  read(
    'dashboard: a street, month',
    streets.map((id) => `/api/dashboards/overview?kind=month&regionId=${id}`),
    admin,
    'dashboard',
  );
  read(
    'dashboard: a community, quarter',
    communities.map((id) => `/api/dashboards/overview?kind=quarter&regionId=${id}`),
    admin,
    'dashboard',
  );
  read('dashboard: leaders, year', ['/api/dashboards/leaders?kind=year'], admin, 'dashboard');

  // ---------- writes under contention ----------
  const home = (await q<{ id: number }>("SELECT id FROM regions WHERE code = '110107003001'"))[0]!.id;
  const writers = await addMembers(pool, 'benchw', 400, home);
  const writerSessions = await Promise.all(writers.map((u) => session(u)));
  // ---------- login (argon2id: costly by design) ----------
  // Many accounts, so the per-account limit (20 a minute) is not what is measured.
  const login = load({
    connections: 8,
    requests: writers.map((username) => ({
      method: 'POST' as const,
      path: '/api/auth/login',
      body: JSON.stringify({ username, password: 'gongjian-demo' }),
    })),
  });
  rows.push({
    name: 'login (an argon2id verification each)',
    group: 'read',
    result: login,
    ratio: login.rps / pk.rps,
    target: 'no errors; argon2 is slow on purpose',
    met: login.non2xx === 0 && login.errors === 0,
  });

  const write = (name: string, requests: LoadPlan['requests'], accepted: number[], note: string) => {
    const result = load({ requests, amount: requests.length });
    const bad = Object.entries(result.statusCodes)
      .filter(([code]) => !accepted.includes(Number(code)))
      .reduce((s, [, n]) => s + n, 0);
    const ratio = result.rps / tps;
    rows.push({
      name,
      group: 'write',
      result,
      ratio,
      note,
      target: '≥ 0.5× pgbench',
      met: ratio >= 0.5 && bad === 0 && result.errors === 0,
    });
  };
  // Claims: ten roles, every writer claiming each — ten hot rows.
  const project = (
    await q<{ id: number }>(
      `INSERT INTO projects (district_id, region_id, title, status, starts_at, ends_at)
       VALUES (1, $1, '压测认领项目', 'published', now() + interval '3 days', now() + interval '4 days') RETURNING id`,
      [home],
    )
  )[0]!.id;
  const hot = await pick(`
    INSERT INTO project_roles (district_id, project_id, kind, slots, starts_at, ends_at)
    SELECT 1, ${project}, 'security_patrol', 100000, now() + interval '3 days', now() + interval '4 days'
      FROM generate_series(1, 10) RETURNING id`);
  write(
    'claims: 10 hot roles',
    writerSessions.flatMap((h) =>
      hot.map((role) => ({
        method: 'POST' as const,
        path: `/api/projects/${project}/roles/${role}/claims`,
        headers: h,
        body: '{}',
      })),
    ),
    [201],
    'each member claims each role once',
  );
  // Bookings: ten facilities, one-hour slots over a fortnight: many ask for the same slot.
  const venues = await pick(`
    SELECT f.id FROM facilities f JOIN regions r ON r.id = f.region_id
     WHERE f.retired_at IS NULL AND r.path <@ (SELECT s.path FROM regions s WHERE s.code = '110107003')
     ORDER BY f.id LIMIT 10`);
  const day0 = Date.parse(new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10)) - 8 * 3_600_000;
  const slots = Array.from({ length: 4000 }, (_, i) => {
    const start = day0 + ((i * 7) % 14) * 86_400_000 + (10 + ((i * 3) % 8)) * 3_600_000;
    return {
      method: 'POST' as const,
      path: '/api/bookings',
      headers: writerSessions[i % writerSessions.length]!,
      body: JSON.stringify({
        facilityId: venues[i % venues.length],
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(start + 3_600_000).toISOString(),
        purpose: '压测预约',
        people: 4,
      }),
    };
  });
  write(
    'bookings: 10 venues, colliding slots',
    slots,
    [201, 409, 422],
    '409 = slot taken, 422 = a rule refused',
  );
  // Sign-ups: the next dedication day's tasks at home, far more people than places.
  const tasks = await pick(`
    SELECT t.id FROM dedication_tasks t JOIN dedication_occurrences o ON o.id = t.occurrence_id
     WHERE o.region_id = ${home} AND o.starts_at > now() + interval '1 day' AND o.status = 'scheduled'
     ORDER BY o.starts_at, t.id LIMIT 3`);
  if (tasks.length)
    write(
      'sign-ups: one day’s tasks, a waiting list',
      writerSessions.map((h, i) => ({
        method: 'POST' as const,
        path: '/api/signups',
        headers: h,
        body: JSON.stringify({ taskId: tasks[i % tasks.length] }),
      })),
      [201],
      'beyond capacity people wait in line',
    );

  // ---------- jobs ----------
  // Memory after every request-serving load, before the jobs (the import parses its file in memory).
  const memoryAfterLoads = rss();
  const district = (await q<{ id: number }>("SELECT id FROM regions WHERE kind = 'district'"))[0]!.id;
  const notice = await fetch(`${base}/api/notices`, {
    method: 'POST',
    headers: { ...admin, 'content-type': 'application/json' },
    body: JSON.stringify({
      kind: 'open_letter',
      title: '致全区共产党员的一封信（压测）',
      body: '<p>各位党员同志……</p>',
      audience: { regionId: district, partyOnly: true },
    }),
  }).then((r) => r.json() as Promise<{ id: number }>);
  let t = performance.now();
  await fetch(`${base}/api/notices/${notice.id}/publish`, { method: 'POST', headers: admin });
  for (;;) {
    const [n] = await q<{ status: string; recipients: number }>(
      'SELECT status, recipients FROM notices WHERE id = $1',
      [notice.id],
    );
    if (n?.status === 'published') {
      const seconds = (performance.now() - t) / 1000;
      rows.push({
        name: 'notice fan-out to every Party member',
        group: 'job',
        seconds,
        note: `${n.recipients.toLocaleString()} recipients, ${Math.round(n.recipients / seconds).toLocaleString()}/s`,
        target: '—',
        met: null,
      });
      break;
    }
    if (performance.now() - t > 600_000) throw new Error('fan-out did not finish in 10 minutes');
    await new Promise((r) => setTimeout(r, 200));
  }
  const file = path.join(os.tmpdir(), `gj-bench-import-${process.pid}.xlsx`);
  const names = await q<{ name: string; street: string }>(
    "SELECT c.name, s.name AS street FROM regions c JOIN regions s ON s.id = c.parent_id WHERE c.kind = 'community'",
  );
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: false,
    useStyles: false,
  });
  const ws = wb.addWorksheet('data');
  ws.addRow(['姓名', '性别', '出生年份', '手机号', '街道', '社区', '特长']).commit();
  for (let i = 0; i < 100_000; i++) {
    const c = names[i % names.length]!;
    ws.addRow([
      `导入居民${i}`,
      i % 2 ? '男' : '女',
      1940 + (i % 60),
      `15${String(100000000 + i)}`,
      c.street,
      c.name,
      '',
    ]).commit();
  }
  await wb.commit();
  t = performance.now();
  const job = await fetch(`${base}/api/imports/members`, {
    method: 'POST',
    headers: {
      ...admin,
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'x-file-name': 'bench.xlsx',
    },
    body: fs.readFileSync(file),
  }).then((r) => r.json() as Promise<{ id: number }>);
  for (;;) {
    const state = (await fetch(`${base}/api/imports/${job.id}`, { headers: admin }).then((r) =>
      r.json(),
    )) as {
      status: string;
      written: number;
    };
    if (state.status === 'done' || state.status === 'failed') {
      const seconds = (performance.now() - t) / 1000;
      rows.push({
        name: 'import of 100,000 members (.xlsx)',
        group: 'job',
        seconds,
        note: `${state.status}, ${state.written.toLocaleString()} written`,
        target: '< 30 s',
        met: seconds < 30 && state.status === 'done',
      });
      break;
    }
    if (performance.now() - t > 600_000) throw new Error('import did not finish in 10 minutes');
    await new Promise((r) => setTimeout(r, 500));
  }
  fs.rmSync(file, { force: true });

  // ---------- the report ----------
  const memory = rss();
  const fmt = (x: number | undefined, d = 1) => (x === undefined ? '' : x.toFixed(d));
  console.log(
    `\n${'endpoint'.padEnd(44)}${'req/s'.padStart(9)}${'p50'.padStart(8)}${'p95'.padStart(8)}${'p99'.padStart(8)}${'ratio'.padStart(7)}  target`,
  );
  for (const r of rows) {
    const res = r.result;
    const main = res
      ? `${fmt(res.rps).padStart(9)}${fmt(res.p50).padStart(8)}${fmt(res.p95).padStart(8)}${fmt(res.p99).padStart(8)}`
      : `${`${fmt(r.seconds)} s`.padStart(9)}${''.padStart(24)}`;
    const verdict = r.met === null ? '' : r.met ? ' ✓' : ' ✗ MISSED';
    const errors = res && (res.errors || res.timeouts) ? `  errors ${res.errors + res.timeouts}` : '';
    console.log(
      `${r.name.padEnd(44)}${main}${(r.ratio === undefined ? '' : r.ratio.toFixed(2)).padStart(7)}  ${r.target}${verdict}${errors}${r.note ? `  (${r.note})` : ''}`,
    );
  }
  console.log(
    `server RSS after the loads: ${memoryAfterLoads} MB; after the run: ${memory} MB (target < 250 MB)${memory < 250 ? ' ✓' : ' ✗ MISSED'}`,
  );
  const totalErrors = rows.reduce((s, r) => s + (r.result ? r.result.errors + r.result.timeouts : 0), 0);
  console.log(`errors under load: ${totalErrors}`);
  fs.mkdirSync('bench/results', { recursive: true });
  const out = `bench/results/bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  fs.writeFileSync(
    out,
    JSON.stringify(
      {
        at: new Date().toISOString(),
        seconds: SECONDS,
        connections: CONNECTIONS,
        dataset: { generated: dataset.generated },
        ceiling: { pkRps: pk.rps, pgbenchTps: tps },
        serverRssMb: memory,
        serverRssAfterLoadsMb: memoryAfterLoads,
        errors: totalErrors,
        rows,
      },
      null,
      2,
    ),
  );
  console.log(
    `written ${out}; the whole run took ${((performance.now() - started) / 60_000).toFixed(1)} min`,
  );
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => (server.exitCode === null ? server.once('exit', r) : r(null)));
  await dataset.close();
}
