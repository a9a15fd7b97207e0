/**
 * Benchmark: claims at full speed from many concurrent clients against the running
 * server (a separate process, over loopback), every client contending for the same role
 * rows; prints claims per second and latency percentiles next to this machine's pgbench
 * TPC-B figure measured in the same run, and checks that no role is over-claimed.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { benchServer, percentiles } from './harness';

const MEMBERS = 1000;
const ROLES = 40;
const CLIENTS = 64;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

const bench = await benchServer();
const { q, url } = bench;
try {
  const { community, sessions } = await bench.members('bench', MEMBERS);
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

  const base = await bench.start();

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
    const p = percentiles(latencies);
    const perSecond = ok / elapsed;
    console.log(
      `claims, ${label}: ${ok} in ${elapsed.toFixed(1)} s from ${CLIENTS} clients = ${perSecond.toFixed(0)} claims/s; ` +
        `latency p50 ${p.p50} ms, p95 ${p.p95} ms, p99 ${p.p99} ms; errors ${errors}`,
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
  await bench.close();
}
