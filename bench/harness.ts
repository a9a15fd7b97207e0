/** Shared by the benchmarks: a fresh embedded PostgreSQL with the demo district, and the real app. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../server/src/app';
import { loadConfig } from '../server/src/config';
import type { Db } from '../server/src/db/client';
import { openDatabase } from '../server/src/db/open';
import { seedDemo } from '../server/src/demo/demo.seed';

export async function benchApp() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gj-bench-'));
  const config = loadConfig({
    ...process.env,
    GONGJIAN_DATA_DIR: dataDir,
    GONGJIAN_LOG_LEVEL: 'warn',
    GONGJIAN_DEMO: '1',
  });
  const database = await openDatabase(config, { info: () => {}, warn: (m) => console.warn(m) });
  await seedDemo(database.db);
  const app = await buildApp({ db: database.db, config });
  await app.ready();
  return {
    app,
    db: database.db,
    close: async () => {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs in through HTTP; returns the headers a client then sends. */
export async function signIn(app: FastifyInstance, username: string) {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: 'gongjian-demo' },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode}`);
  return {
    cookie: String(res.headers['set-cookie']).split(';')[0]!,
    'x-csrf-token': res.json().csrfToken as string,
  };
}

/** Latency percentiles (ms, one decimal) of a list of timings. */
export function percentiles(latencies: number[]) {
  const sorted = [...latencies].sort((a, b) => a - b);
  const p = (x: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(x * sorted.length))]?.toFixed(1) ?? '-';
  return { p50: p(0.5), p95: p(0.95), p99: p(0.99) };
}

/**
 * District-scale people, deterministic: `people` spread over every entrance, one in
 * fifteen a Party member (600,000 gives the 40,000 of SPEC §5), some with specialties.
 */
export async function fillDistrict(db: Db, people: number) {
  const PEOPLE = people;
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
}

/**
 * `units` units in the communities and a year of participation in `entries` ledger entries:
 * members' service, meetings, courses and letters read (stamped with their organisation),
 * and units' shared facility hours.
 */
export async function fillParticipation(db: Db, year: number, units: number, entries: number) {
  const q = (text: string) => db.$client.query(text);
  await q(`
    WITH c AS (SELECT array_agg(id ORDER BY id) AS ids FROM regions WHERE kind = 'community')
    INSERT INTO units (district_id, region_id, name, kind, affiliation)
    SELECT 1, c.ids[1 + g % array_length(c.ids, 1)], '压测单位' || g, 'enterprise', 'district' FROM generate_series(1, ${units}) g, c`);
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
      FROM generate_series(1, ${entries}) g, m, u`);
}
