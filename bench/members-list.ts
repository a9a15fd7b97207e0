/**
 * Benchmark: people lists at district scale (600,000 people, 40,000 Party members) —
 * a street admin's list, a community worker's list, a Chinese-substring search and a
 * specialty filter — printing p50/p95 over repeated requests through the HTTP API.
 */
import { benchApp, signIn } from './harness';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 600_000);
const RUNS = 30;

const { app, db, close } = await benchApp();
try {
  let t = performance.now();
  // Deterministic filler people spread over every entrance; one in fifteen a Party member.
  await db.$client.query(`
    WITH e AS (SELECT array_agg(id ORDER BY id) AS ids FROM regions WHERE kind = 'entrance'),
         o AS (SELECT array_agg(id ORDER BY id) AS ids FROM party_orgs)
    INSERT INTO people (district_id, name, gender, birth_year, phone, home_region_id, specialties, party_org_id, party_status, party_since)
    SELECT 1,
           (ARRAY['王','李','张','刘','陈','杨','赵','黄','周','吴'])[1 + g % 10] || (ARRAY['建国','秀英','志强','丽','海燕','国庆','淑珍','文斌','春梅','立军'])[1 + (g / 10) % 10] || g,
           CASE WHEN g % 2 = 0 THEN 'male'::gender ELSE 'female'::gender END,
           1940 + g % 60,
           '13' || lpad((g % 1000000000)::text, 9, '0'),
           e.ids[1 + g % array_length(e.ids, 1)],
           CASE WHEN g % 7 = 0 THEN ARRAY['medical'] WHEN g % 11 = 0 THEN ARRAY['legal'] ELSE '{}'::text[] END,
           CASE WHEN g % 15 = 0 THEN o.ids[1 + g % array_length(o.ids, 1)] END,
           CASE WHEN g % 15 = 0 THEN 'retired'::membership_status END,
           CASE WHEN g % 15 = 0 THEN date '1990-07-01' END
      FROM generate_series(1, ${PEOPLE}) g, e, o`);
  // As autovacuum would after a bulk load: statistics and the visibility map for index-only counts.
  await db.$client.query('VACUUM ANALYZE');
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
    times.sort((a, b) => a - b);
    const p = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
    console.log(
      `${label.padEnd(34)} p50 ${p(0.5).padStart(7)} ms   p95 ${p(0.95).padStart(7)} ms   (target < 100 ms)`,
    );
  }
} finally {
  await close();
}
