/**
 * Benchmark: suggestions at district scale — 600,000 people, 40,000 Party members and a
 * year of their service hours in the ledger — for a project role, a dedication-day task
 * and a team, through the HTTP API; prints p50 and p95.
 */
import { benchApp, fillDistrict, percentiles, signIn } from './harness';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 600_000);
const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 400_000);
const RUNS = 30;

const { app, db, close } = await benchApp();
try {
  let t = performance.now();
  await fillDistrict(db, PEOPLE);
  // A year of confirmed hours for the Party members, so "fewer recent hours first" has work to do.
  await db.$client.query(`
    WITH m AS (SELECT array_agg(p.id) AS ids, array_agg(h.id) AS homes FROM people p
                 JOIN regions h ON h.id = p.home_region_id WHERE p.party_org_id IS NOT NULL)
    INSERT INTO ledger_entries (district_id, kind, quantity, at, person_id, region_id, source_type, source_id)
    SELECT 1, 'service_hours', 1 + g % 4, now() - make_interval(days => g % 365), m.ids[1 + g % array_length(m.ids, 1)],
           m.homes[1 + g % array_length(m.ids, 1)], 'bench', g
      FROM generate_series(1, ${ENTRIES}) g, m`);
  await db.$client.query('VACUUM ANALYZE');
  console.log(
    `loaded ${PEOPLE} people and ${ENTRIES} ledger entries in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );

  const q = async (text: string) => (await db.$client.query(text)).rows[0];
  const role = await q(`SELECT ro.id FROM project_roles ro JOIN projects pr ON pr.id = ro.project_id
                         JOIN regions r ON r.id = pr.region_id WHERE r.code = '110107003001' AND ro.starts_at > now() LIMIT 1`);
  const task =
    await q(`SELECT t.id FROM dedication_tasks t JOIN dedication_occurrences o ON o.id = t.occurrence_id
                         JOIN regions r ON r.id = o.region_id WHERE r.code = '110107003001' AND t.starts_at > now() LIMIT 1`);
  const team = await q(
    `SELECT tm.id FROM teams tm JOIN regions r ON r.id = tm.region_id WHERE r.code = '110107003001' LIMIT 1`,
  );
  const cases: [string, string][] = [
    ['project role (八角北路社区)', `/api/teams/suggestions?roleId=${role.id}&limit=10`],
    ['dedication-day task', `/api/teams/suggestions?taskId=${task.id}&limit=10`],
    ['team (new members)', `/api/teams/suggestions?teamId=${team.id}&limit=10`],
  ];
  const headers = await signIn(app, 'community_worker');
  for (const [label, url] of cases) {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      t = performance.now();
      const res = await app.inject({ method: 'GET', url, headers });
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      times.push(performance.now() - t);
    }
    const p = percentiles(times);
    console.log(
      `suggestions, ${label.padEnd(28)} p50 ${p.p50.padStart(7)} ms   p95 ${p.p95.padStart(7)} ms   (target < 100 ms)`,
    );
  }
} finally {
  await close();
}
