/**
 * Benchmark: scoring every candidate of a district-scale year — 600,000 people (40,000
 * Party members), 3,000 units, 2,000,000 ledger entries — for each of the three honours;
 * prints the seconds each takes, and the ranking page's latency (it reads the stored result).
 */
import { benchApp, fillDistrict, percentiles, signIn } from './harness';

const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 600_000);
const ENTRIES = Number(process.env.BENCH_ENTRIES ?? 2_000_000);
const UNITS = 3000;

const { app, db, close } = await benchApp();
try {
  let t = performance.now();
  await fillDistrict(db, PEOPLE);
  const q = (text: string) => db.$client.query(text);
  await q(`
    WITH c AS (SELECT array_agg(id ORDER BY id) AS ids FROM regions WHERE kind = 'community')
    INSERT INTO units (district_id, region_id, name, kind, affiliation)
    SELECT 1, c.ids[1 + g % array_length(c.ids, 1)], '压测单位' || g, 'enterprise', 'district' FROM generate_series(1, ${UNITS}) g, c`);
  const year = new Date().getUTCFullYear();
  // A year of participation: members' service, meetings, courses and letters read (stamped with their
  // organisation), and units' shared facility hours.
  await q(`
    WITH m AS (SELECT array_agg(p.id ORDER BY p.id) AS ids, array_agg(p.party_org_id ORDER BY p.id) AS orgs,
                      array_agg(p.home_region_id ORDER BY p.id) AS homes FROM people p WHERE p.party_org_id IS NOT NULL),
         u AS (SELECT array_agg(id ORDER BY id) AS ids, array_agg(region_id ORDER BY id) AS regions FROM units)
    INSERT INTO ledger_entries (district_id, kind, quantity, at, person_id, party_org_id, unit_id, region_id, source_type, source_id)
    SELECT 1,
           (ARRAY['service_hours','service_hours','meeting_attended','notice_read','course_completed','facility_hours_shared']::ledger_kind[])[1 + g % 6],
           CASE WHEN g % 6 IN (0, 1, 5) THEN 1 + g % 4 ELSE 1 END,
           make_timestamptz(${year}, 1, 1, 8, 0, 0, 'Asia/Shanghai') + make_interval(hours => g % 7000),
           CASE WHEN g % 6 <> 5 THEN m.ids[1 + g % array_length(m.ids, 1)] END,
           CASE WHEN g % 6 <> 5 THEN m.orgs[1 + g % array_length(m.ids, 1)] END,
           CASE WHEN g % 6 = 5 THEN u.ids[1 + g % array_length(u.ids, 1)] END,
           CASE WHEN g % 6 = 5 THEN u.regions[1 + g % array_length(u.ids, 1)] ELSE m.homes[1 + g % array_length(m.ids, 1)] END,
           'bench', g
      FROM generate_series(1, ${ENTRIES}) g, m, u`);
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
