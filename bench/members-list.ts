/**
 * Benchmark: people lists at district scale (600,000 people, 40,000 Party members) —
 * a street admin's list, a community worker's list, a Chinese-substring search and a
 * specialty filter — printing p50/p95 over repeated requests through the HTTP API.
 */
import { benchApp, fillDistrict, percentiles, signIn } from './harness';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 600_000);
const RUNS = 30;

const { app, db, close } = await benchApp();
try {
  let t = performance.now();
  await fillDistrict(db, PEOPLE);
  console.log(`loaded ${PEOPLE} people in ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const cases: [string, string, string][] = [
    ['street admin, first page', 'street_admin', '/api/members'],
    ['street admin, page 50', 'street_admin', '/api/members?page=50'],
    ['community worker, first page', 'community_worker', '/api/members'],
    ['district admin, search 建国', 'district_admin', `/api/members?q=${encodeURIComponent('建国')}`],
    ['district admin, search 建国12', 'district_admin', `/api/members?q=${encodeURIComponent('建国12')}`],
    ['street admin, specialty legal', 'street_admin', '/api/members?specialty=legal'],
    ['district admin, Party members', 'district_admin', '/api/members?party=true'],
    ['unit contact, own members', 'unit_contact', '/api/members'],
  ];
  for (const [label, user, url] of cases) {
    const headers = await signIn(app, user);
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      t = performance.now();
      const res = await app.inject({ method: 'GET', url, headers });
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      times.push(performance.now() - t);
    }
    const p = percentiles(times);
    console.log(
      `${label.padEnd(34)} p50 ${p.p50.padStart(7)} ms   p95 ${p.p95.padStart(7)} ms   (target < 100 ms)`,
    );
  }
} finally {
  await close();
}
