/**
 * `npm run bench`: the product measured against this machine's own ceiling, in one run.
 *
 * 1. The district-scale data set (bench/dataset.ts), generated once and reused.
 * 2. The server as `npm start` runs it, in its own process, on that data.
 * 3. The ceiling, in the same run: a bare route doing one primary-key SELECT through the
 *    same pool (reads), and pgbench's TPC-B on the same PostgreSQL (writes).
 * 4. Every endpoint under load from autocannon in a separate process, bounded in time;
 *    each figure printed next to its ratio to the ceiling and its target. Each list and
 *    detail is loaded twice: through the API, and through its bare route (the same service
 *    call behind plain node:http, health/bench.bare.ts), so the row shows what the framework
 *    takes; and the SQL statements the server sent per request, counted at its pool.
 * 5. The console's pages in headless Chromium (bench/pages.ts): time to content, cold and
 *    warm, and the phone pages' LCP on a throttled profile.
 * 6. A table on stdout and the same as JSON in bench/results/.
 *
 * BENCH_SECONDS (default 10) bounds each load; BENCH_PEOPLE shrinks the data set for a
 * quick look (the targets are for the full one), BENCH_DATA_DIR puts it elsewhere;
 * BENCH_WEB_BUILD=0 keeps the console as last built; BENCH_PAGES=0 leaves the pages out.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { addMembers, addSession } from '../server/test/fixtures';
import { openDataset } from './dataset';
import type { LoadPlan, LoadResult } from './load';
import { type PageTiming, runPages } from './pages';
import { PAGE_ROLES } from './pages.list';
import { printRows, type Row, writeResults } from './report';
import { startServer } from './server';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 32;
const log = (line: string) => console.log(line);

const rows: Row[] = [];

const started = performance.now();
const dataset = await openDataset(log);
const pool = dataset.db.$client;
const q = <T extends Record<string, unknown>>(text: string, params: unknown[] = []) =>
  pool.query<T>(text, params).then((r) => r.rows);

// ---------- the server ----------
const server = await startServer(dataset.url);
const { base, rss } = server;

type Plan = Omit<LoadPlan, 'url' | 'connections' | 'seconds'> & Partial<LoadPlan>;
function load(plan: Plan): LoadResult {
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
/** A load, and the SQL statements the server sent per request meanwhile. */
async function counted(plan: Plan) {
  const before = await server.statements();
  const result = load(plan);
  const sent = (await server.statements()) - before;
  return { result, sqlPerRequest: result.requests ? sent / result.requests : undefined };
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
  const ceiling = await counted({
    requests: regionIds.map((id) => ({ method: 'GET', path: `/api/bench/pk/${id}` })),
  });
  const pk = ceiling.result;
  rows.push({
    name: 'ceiling: primary-key SELECT route',
    group: 'ceiling',
    result: pk,
    sqlPerRequest: ceiling.sqlPerRequest,
    target: '—',
    met: null,
  });
  // pgbench in a scratch database of the same PostgreSQL. Meanwhile nothing asks the server:
  // what it sends is its background jobs', the little each per-request count includes.
  const idleFrom = { statements: await server.statements(), at: performance.now() };
  await pool
    .query('DROP DATABASE IF EXISTS bench_pgbench')
    .then(() => pool.query('CREATE DATABASE bench_pgbench'));
  const scratch = Object.assign(new URL(dataset.url), { pathname: '/bench_pgbench' }).toString();
  execFileSync('pgbench', ['-i', '-q', '-s', '10', scratch], { stdio: 'ignore' });
  const pgbench = execFileSync('pgbench', ['-c', '16', '-j', '2', '-T', String(SECONDS), '-n', scratch], {
    encoding: 'utf8',
  });
  const tps = Number(/tps = ([\d.]+)/.exec(pgbench)![1]);
  const idlePerSecond =
    ((await server.statements()) - idleFrom.statements) / ((performance.now() - idleFrom.at) / 1000);
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
  /**
   * One endpoint: through the API, then (lists and details) through its bare route with the
   * same requests. `target`: the ratio to reach, and a p95 bound where the issue sets one.
   */
  const read = async (
    name: string,
    paths: string[],
    headers: Record<string, string>,
    group: Row['group'] = 'read',
    target: { ratio: number; p95?: number } = { ratio: 0.7 },
  ) => {
    const requests = paths.map((p) => ({ method: 'GET' as const, path: p, headers }));
    const { result, sqlPerRequest } = await counted({ requests });
    const ratio = result.rps / pk.rps;
    const bare = group === 'read' ? await counted({ url: server.bareBase, requests }) : undefined;
    const p95 = group === 'dashboard' ? 100 : target.p95;
    const met =
      result.non2xx === 0 &&
      (group === 'dashboard' || ratio >= target.ratio) &&
      (p95 === undefined || result.p95 < p95);
    rows.push({
      name,
      group,
      result,
      ratio,
      sqlPerRequest,
      ...(bare && {
        bare: bare.result,
        bareRatio: bare.result.rps / pk.rps,
        overhead: 1 - result.rps / bare.result.rps,
        bareSqlPerRequest: bare.sqlPerRequest,
      }),
      target:
        group === 'dashboard'
          ? 'p95 < 100 ms'
          : `≥ ${target.ratio}× ceiling${p95 === undefined ? '' : `, p95 < ${p95} ms`}`,
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
  // Pages 1–5 as the console reads them: page 1, then each page after the cursor the one before gave.
  const pageRange = async (p: string, headers: Record<string, string> = admin) => {
    const paths: string[] = [];
    let after: string | undefined;
    for (let n = 1; n <= 5; n++) {
      const path = `${p}${p.includes('?') ? '&' : '?'}page=${n}${after ? `&after=${after}` : ''}`;
      paths.push(path);
      after = (await fetch(`${base}${path}`, { headers }).then((r) => r.json() as Promise<{ next?: string }>))
        .next;
      if (!after) break;
    }
    return paths;
  };
  await read('members: list (district)', await pageRange('/api/members'), admin);
  await read(
    'members: search by name',
    ['王建国', '秀英', '李志强1', '张丽'].map((n) => `/api/members?q=${encodeURIComponent(n)}`),
    admin,
    'read',
    { ratio: 0.25, p95: 100 },
  );
  await read(
    'members: detail',
    members.map((id) => `/api/members/${id}`),
    admin,
  );
  await read('units: list', await pageRange('/api/units'), admin);
  await read(
    'units: detail',
    units.map((id) => `/api/units/${id}`),
    admin,
  );
  await read('projects: list', await pageRange('/api/projects'), admin);
  await read(
    'projects: detail',
    projects.map((id) => `/api/projects/${id}`),
    admin,
  );
  await read('facilities: list', await pageRange('/api/facilities'), admin);
  await read(
    'facilities: detail',
    facilities.map((id) => `/api/facilities/${id}`),
    admin,
  );
  await read('notices: list', await pageRange('/api/notices'), admin);
  await read('needs: list (street)', await pageRange('/api/needs', street), street);
  await read(
    'ledger: a member’s entries',
    members.slice(0, 100).map((id) => `/api/ledger?personId=${id}`),
    admin,
  );
  const roles = await pick(
    `SELECT r.id FROM project_roles r JOIN projects p ON p.id = r.project_id ORDER BY r.id DESC LIMIT 100`,
  );
  await read(
    'suggestions for a role',
    roles.map((id) => `/api/teams/suggestions?roleId=${id}`),
    admin,
    'read',
    { ratio: 0.25, p95: 100 },
  );

  // ---------- dashboards ----------
  await read('dashboard: district, year', ['/api/dashboards/overview?kind=year'], admin, 'dashboard');
  await read(
    'dashboard: a street, month',
    streets.map((id) => `/api/dashboards/overview?kind=month&regionId=${id}`),
    admin,
    'dashboard',
  );
  await read(
    'dashboard: a community, quarter',
    communities.map((id) => `/api/dashboards/overview?kind=quarter&regionId=${id}`),
    admin,
    'dashboard',
  );
  await read('dashboard: leaders, year', ['/api/dashboards/leaders?kind=year'], admin, 'dashboard');

  // ---------- writes under contention ----------
  const home = (await q<{ id: number }>("SELECT id FROM regions WHERE code = '110107003001'"))[0]!.id;
  const writers = await addMembers(pool, 'benchw', 400, home);
  const writerSessions = await Promise.all(writers.map((u) => session(u)));
  // ---------- login (argon2id: costly by design) ----------
  // Many accounts, so the per-account limit (20 a minute) is not what is measured.
  const { result: login, sqlPerRequest: loginSql } = await counted({
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
    sqlPerRequest: loginSql,
    target: 'no errors; argon2 is slow on purpose',
    met: login.non2xx === 0 && login.errors === 0,
  });

  const write = async (name: string, requests: LoadPlan['requests'], accepted: number[], note: string) => {
    const { result, sqlPerRequest } = await counted({ requests, amount: requests.length });
    const bad = Object.entries(result.statusCodes)
      .filter(([code]) => !accepted.includes(Number(code)))
      .reduce((s, [, n]) => s + n, 0);
    const ratio = result.rps / tps;
    rows.push({
      name,
      group: 'write',
      result,
      ratio,
      sqlPerRequest,
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
  await write(
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
  await write(
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
    await write(
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
  printRows(rows, idlePerSecond);
  console.log(
    `server RSS after the loads: ${memoryAfterLoads} MB; after the run: ${memory} MB (target < 250 MB)${memory < 250 ? ' ✓' : ' ✗ MISSED'}`,
  );
  const totalErrors = rows.reduce((s, r) => s + (r.result ? r.result.errors + r.result.timeouts : 0), 0);
  console.log(`errors under load: ${totalErrors}`);

  // ---------- the console's pages ----------
  // A draft for the notice editor's page (the data set's notices have all been sent).
  const [streetOfAdmin] = await q<{ id: number }>(
    "SELECT ra.region_id AS id FROM role_assignments ra JOIN users u ON u.id = ra.user_id WHERE u.username = 'street_admin'",
  );
  await fetch(`${base}/api/notices`, {
    method: 'POST',
    headers: { ...street, 'content-type': 'application/json' },
    body: JSON.stringify({
      kind: 'notice',
      title: '压测草稿通知',
      body: '<p>草稿</p>',
      audience: { regionId: streetOfAdmin!.id },
    }),
  }).then((r) => r.ok || log(`the draft notice for the editor's page: ${r.status}`));
  const cookies = Object.fromEntries(
    await Promise.all(PAGE_ROLES.map(async (u) => [u, (await addSession(pool, u)).cookie] as const)),
  );
  let pages: PageTiming[] | { error: string } | null = null;
  try {
    if (process.env.BENCH_PAGES !== '0') pages = await runPages({ base, cookies, log });
  } catch (e) {
    pages = { error: String(e) };
    console.error(`the page timings failed: ${e}`);
  }

  const out = writeResults({
    seconds: SECONDS,
    connections: CONNECTIONS,
    dataset: { generated: dataset.generated },
    ceiling: { pkRps: pk.rps, pgbenchTps: tps },
    backgroundStatementsPerSecond: idlePerSecond,
    serverRssMb: memory,
    serverRssAfterLoadsMb: memoryAfterLoads,
    serverRssAfterPagesMb: rss(),
    errors: totalErrors,
    rows,
    pages,
  });
  console.log(
    `written ${out}; the whole run took ${((performance.now() - started) / 60_000).toFixed(1)} min`,
  );
} finally {
  await server.stop();
  await dataset.close();
}
