/**
 * Benchmark: scoring every candidate of a district-scale year — 600,000 people (40,000
 * Party members), 3,000 units, 2,000,000 ledger entries — for each of the three honours;
 * prints the seconds each takes, and the ranking page's latency (it reads the stored result).
 */
import { benchApp, fillDistrict, fillParticipation, percentiles, signIn } from './harness';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 600_000);
const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 2_000_000);
const UNITS = 3000;

const { app, db, close } = await benchApp();
try {
  let t = performance.now();
  await fillDistrict(db, PEOPLE);
  const q = (text: string) => db.$client.query(text);
  const year = new Date().getUTCFullYear();
  await fillParticipation(db, year, UNITS, ENTRIES);
  await q('VACUUM ANALYZE');
  console.log(
    `loaded ${PEOPLE} people, ${UNITS} units and ${ENTRIES} ledger entries in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );

  const headers = await signIn(app, 'district_admin');
  const district = (await q("SELECT id FROM regions WHERE kind = 'district'")).rows[0].id as number;
  for (const honour of ['outstanding_member', 'advanced_party_org', 'civilized_unit']) {
    t = performance.now();
    const res = await app.inject({
      method: 'POST',
      url: '/api/evaluations',
      headers,
      payload: {
        honour,
        title: `${year} ${honour}`,
        regionId: district,
        periodFrom: `${year}-01-01`,
        periodTo: `${year}-12-31`,
      },
    });
    const seconds = (performance.now() - t) / 1000;
    if (res.statusCode !== 201) throw new Error(res.body);
    const ev = res.json();
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      const s = performance.now();
      const page = await app.inject({
        method: 'GET',
        url: `/api/evaluations/${ev.id}/scores?page=${1 + (i % 5)}`,
        headers,
      });
      if (page.statusCode !== 200) throw new Error(page.body);
      times.push(performance.now() - s);
    }
    const p = percentiles(times);
    console.log(
      `evaluation ${honour.padEnd(20)} ${ev.candidates} candidates scored in ${seconds.toFixed(1)} s (target: minutes at most); ` +
        `ranking page p50 ${p.p50} ms, p95 ${p.p95} ms (reads the stored result)`,
    );
  }
} finally {
  await close();
}
