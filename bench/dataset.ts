/**
 * The district-scale data set of SPEC §5, deterministic (every choice is a function of the
 * row's number), loaded set-based in the database (INSERT … SELECT over generate_series:
 * no row leaves PostgreSQL, none is inserted one by one) and kept between runs in
 * `data/bench` — a run whose data set has the same version reuses it.
 *
 * On top of the demo district: 150 communities in 9 streets with buildings and entrances,
 * 600,000 residents (40,000 Party members), 3,000 units, 5,000 facilities, and a year of
 * activity with the records behind its ~2,000,000 ledger entries: projects, roles and
 * claims (service hours), bookings of units' facilities (hours shared), notices delivered
 * and read, meetings attended.
 *
 * A run never works on the generated database itself but on a fresh file copy of it
 * (`bench_run`), so what one run writes (accounts, claims, an import) is not there for
 * the next: every run starts from the same data.
 */
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { loadConfig } from '../server/src/config';
import { createDb, type Db } from '../server/src/db/client';
import { type Database, openDatabase } from '../server/src/db/open';
import { seedDemo } from '../server/src/demo/demo.seed';
import { refreshFigures } from '../server/src/modules/dashboards/figures.refresh';

/** Bump when the generator changes: the next run rebuilds the data set. */
const VERSION = 3;
export const DATA_DIR = path.resolve(process.env.BENCH_DATA_DIR ?? 'data/bench');

export const SCALE = {
  communities: 150,
  buildingsPerCommunity: 20,
  entrancesPerBuilding: 3,
  people: Number(process.env.BENCH_PEOPLE ?? 600_000),
  units: 3000,
  facilities: 5000,
  projectsPerCommunity: 20,
  claimsPerMember: 38,
  notices: 90,
  meetings: 1200,
};

type Log = (line: string) => void;

async function timed(log: Log, what: string, run: () => Promise<unknown>) {
  const t = performance.now();
  await run();
  log(`  ${what}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

/** The data set, generated now or reused from an earlier run. */
export async function openDataset(log: Log): Promise<Database & { generated: boolean }> {
  const stamp = `${VERSION}:${SCALE.people}`;
  const open = () =>
    openDatabase(loadConfig({ GONGJIAN_DATA_DIR: DATA_DIR, GONGJIAN_LOG_LEVEL: 'warn' }), {
      info: () => {},
      warn: log,
    });
  if (fs.existsSync(DATA_DIR)) {
    const database = await open();
    const { rows } = await database.db.$client
      .query<{ stamp: string }>('SELECT stamp FROM bench_dataset')
      .catch(() => ({ rows: [] as { stamp: string }[] }));
    if (rows[0]?.stamp === stamp) return { ...(await workingCopy(database, log)), generated: false };
    await database.close();
    fs.rmSync(DATA_DIR, { recursive: true, force: true });
  }
  const database = await open();
  const t = performance.now();
  log(`generating the district-scale data set in ${DATA_DIR} …`);
  await generate(database.db, log);
  await database.db.$client.query('CREATE TABLE bench_dataset (stamp text NOT NULL)');
  await database.db.$client.query('INSERT INTO bench_dataset VALUES ($1)', [stamp]);
  log(`data set ready in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  return { ...(await workingCopy(database, log)), generated: true };
}

/** A fresh copy of the generated database for this run (PostgreSQL copies the files). */
async function workingCopy(database: Database, log: Log): Promise<Database> {
  const at = (name: string) => {
    const u = new URL(database.url);
    u.pathname = `/${name}`;
    return u.toString();
  };
  const source = new URL(database.url).pathname.slice(1);
  await database.db.$client.end(); // a template may have no one connected
  const admin = new pg.Client({ connectionString: at('postgres') });
  await admin.connect();
  const t = performance.now();
  try {
    await admin.query('DROP DATABASE IF EXISTS bench_run WITH (FORCE)');
    await admin.query(`CREATE DATABASE bench_run TEMPLATE ${source} STRATEGY FILE_COPY`);
  } finally {
    await admin.end();
  }
  log(`a fresh copy of the data set for this run: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  const url = at('bench_run');
  const db = createDb(url);
  return {
    db,
    url,
    close: async () => {
      await db.$client.end();
      await database.close();
    },
  };
}

async function generate(db: Db, log: Log) {
  const q = (text: string) => db.$client.query(text);
  await timed(log, 'demo district (accounts, streets, the demo communities)', () => seedDemo(db));
  const year = `date_trunc('year', now() AT TIME ZONE 'Asia/Shanghai') AT TIME ZONE 'Asia/Shanghai'`;
  const seq = `pg_get_serial_sequence('regions', 'id')`;

  await timed(log, 'regions: communities, buildings, entrances', async () => {
    await q(`
      WITH streets AS (SELECT id, path, code, row_number() OVER (ORDER BY id) - 1 AS n,
                              count(*) OVER () AS streets FROM regions WHERE kind = 'street'),
           have AS (SELECT count(*) AS n FROM regions WHERE kind = 'community'),
           wanted AS (SELECT g FROM generate_series(1, ${SCALE.communities} - (SELECT n FROM have)) g),
           made AS (SELECT nextval(${seq}) AS id, s.id AS parent, s.path, s.code, w.g
                      FROM wanted w JOIN streets s ON s.n = w.g % s.streets)
      INSERT INTO regions (district_id, id, parent_id, kind, name, code, path)
      SELECT 1, id, parent, 'community',
             (ARRAY['和平','幸福','康居','金源','绿园','丽景','春晖','永安','福寿','兴业'])[1 + g % 10] ||
             (ARRAY['里','苑','园','家园','小区'])[1 + (g / 10) % 5] || g || '社区',
             code || lpad((500 + g)::text, 3, '0'), (path::text || '.' || id)::ltree
        FROM made`);
    await q(`
      WITH made AS (SELECT nextval(${seq}) AS id, c.id AS parent, c.path, c.code, g
                      FROM regions c, generate_series(1, ${SCALE.buildingsPerCommunity}) g
                     WHERE c.kind = 'community' AND NOT EXISTS (SELECT 1 FROM regions b WHERE b.parent_id = c.id))
      INSERT INTO regions (district_id, id, parent_id, kind, name, code, path)
      SELECT 1, id, parent, 'building', g || '号楼', code || lpad(g::text, 3, '0'), (path::text || '.' || id)::ltree FROM made`);
    await q(`
      WITH made AS (SELECT nextval(${seq}) AS id, b.id AS parent, b.path, b.code, g
                      FROM regions b, generate_series(1, ${SCALE.entrancesPerBuilding}) g
                     WHERE b.kind = 'building' AND NOT EXISTS (SELECT 1 FROM regions e WHERE e.parent_id = b.id))
      INSERT INTO regions (district_id, id, parent_id, kind, name, code, path)
      SELECT 1, id, parent, 'entrance', g || '单元', code || lpad(g::text, 2, '0'), (path::text || '.' || id)::ltree FROM made`);
    // Each new community has its Party committee.
    await q(`
      INSERT INTO party_orgs (district_id, region_id, name, kind)
      SELECT 1, c.id, c.name || '党委', 'community_branch' FROM regions c
       WHERE c.kind = 'community' AND NOT EXISTS (SELECT 1 FROM party_orgs o WHERE o.region_id = c.id)`);
  });

  await timed(log, `${SCALE.people.toLocaleString()} residents, one in fifteen a Party member`, () =>
    q(`
      WITH e AS (SELECT array_agg(id ORDER BY id) AS ids FROM regions WHERE kind = 'entrance'),
           o AS (SELECT array_agg(id ORDER BY id) AS ids FROM party_orgs)
      INSERT INTO people (district_id, name, gender, birth_year, phone, home_region_id, specialties, party_org_id, party_status, party_since)
      SELECT 1,
             (ARRAY['王','李','张','刘','陈','杨','赵','黄','周','吴','徐','孙','马','朱','胡'])[1 + g % 15] ||
             (ARRAY['建国','秀英','志强','丽','海燕','国庆','淑珍','文斌','春梅','立军','桂兰','德明'])[1 + (g / 15) % 12] || g,
             CASE WHEN g % 2 = 0 THEN 'male'::gender ELSE 'female'::gender END,
             1940 + g % 62,
             '13' || lpad((g % 1000000000)::text, 9, '0'),
             e.ids[1 + g % array_length(e.ids, 1)],
             CASE WHEN g % 7 = 0 THEN ARRAY['medical'] WHEN g % 11 = 0 THEN ARRAY['legal'] ELSE '{}'::text[] END,
             CASE WHEN g % 15 = 0 THEN o.ids[1 + (g / 15) % array_length(o.ids, 1)] END,
             CASE WHEN g % 15 = 0 THEN (CASE WHEN g % 2 = 0 THEN 'in_service' ELSE 'retired' END)::membership_status END,
             CASE WHEN g % 15 = 0 THEN date '1990-07-01' + (g % 9000) END
        FROM generate_series(1, ${SCALE.people}) g, e, o`),
  );

  await timed(log, `${SCALE.units} units and ${SCALE.facilities} facilities`, async () => {
    await q(`
      WITH c AS (SELECT array_agg(id ORDER BY id) AS ids FROM regions WHERE kind = 'community')
      INSERT INTO units (district_id, region_id, name, kind, affiliation)
      SELECT 1, c.ids[1 + g % array_length(c.ids, 1)],
             (ARRAY['石景山','首钢','八角','古城','鲁谷','苹果园','金顶','老山','广宁'])[1 + g % 9] ||
             (ARRAY['第一中学','医院','科技有限公司','实业公司','图书馆','体育中心','街道办事处','物业公司'])[1 + (g / 9) % 8] || g,
             (ARRAY['school','hospital','enterprise','enterprise','agency','social_org','agency','enterprise'])[1 + (g / 9) % 8]::unit_kind,
             (ARRAY['central','municipal','district','other'])[1 + g % 4]::affiliation
        FROM generate_series(1, ${SCALE.units}) g, c`);
    // Units' facilities (one each), then the communities' own rooms for the rest.
    await q(`
      INSERT INTO facilities (district_id, unit_id, region_id, name, kind, sub_kind, capacity, opening_hours, created_at)
      SELECT 1, u.id, u.region_id, u.name || (ARRAY['报告厅','篮球场','阅览室','会议室'])[1 + u.id % 4],
             (ARRAY['culture','sports','education','culture'])[1 + u.id % 4]::facility_kind,
             (ARRAY['hall','court','library','meeting_room'])[1 + u.id % 4]::facility_sub_kind, 40 + u.id % 160,
             (SELECT jsonb_agg(jsonb_build_object('weekday', d, 'opens', '08:00', 'closes', '18:00')) FROM generate_series(1, 6) d),
             ${year} - interval '1 year'
        FROM units u WHERE u.name ~ '[0-9]$' AND NOT EXISTS (SELECT 1 FROM facilities f WHERE f.unit_id = u.id)`);
    await q(`
      WITH c AS (SELECT array_agg(id ORDER BY id) AS ids FROM regions WHERE kind = 'community'),
           need AS (SELECT ${SCALE.facilities} - count(*) AS n FROM facilities)
      INSERT INTO facilities (district_id, region_id, name, kind, sub_kind, capacity, opening_hours, created_at)
      SELECT 1, c.ids[1 + g % array_length(c.ids, 1)], '党群服务中心活动室' || g, 'culture', 'activity_room', 30,
             (SELECT jsonb_agg(jsonb_build_object('weekday', d, 'opens', '09:00', 'closes', '21:00')) FROM generate_series(1, 7) d),
             ${year} - interval '1 year'
        FROM generate_series(1, (SELECT n FROM need)) g, c`);
  });

  await timed(log, 'projects, roles and claims, with their service hours in the ledger', async () => {
    await q(`
      INSERT INTO projects (district_id, region_id, title, status, starts_at, ends_at)
      SELECT 1, c.id,
             (ARRAY['义诊进社区','法律咨询进楼门','平安巡逻','政策宣讲','环境整治','助老助残'])[1 + g % 6] || '（第' || g || '期）',
             'reviewed', ${year} + make_interval(days => (c.id::int * 7 + g * 17) % 320),
             ${year} + make_interval(days => (c.id::int * 7 + g * 17) % 320, hours => 3)
        FROM regions c, generate_series(1, ${SCALE.projectsPerCommunity}) g WHERE c.kind = 'community'`);
    await q(`
      INSERT INTO project_roles (district_id, project_id, kind, slots, starts_at, ends_at)
      SELECT 1, p.id, (ARRAY['policy_publicist','security_patrol','health_worker','legal_explainer'])[1 + (p.id + k) % 4]::role_kind,
             1000, p.starts_at, p.ends_at
        FROM projects p, generate_series(1, 2) k WHERE p.title ~ '期）$'`);
    // Each member claims roles across the year; no one claims the same role twice.
    await q(`
      WITH m AS (SELECT id, party_org_id, row_number() OVER (ORDER BY id) AS n FROM people WHERE party_org_id IS NOT NULL),
           r AS (SELECT array_agg(id ORDER BY id) AS ids, array_agg(project_id ORDER BY id) AS projects FROM project_roles WHERE slots = 1000)
      INSERT INTO claims (district_id, project_id, role_id, person_id, slots, status, hours_confirmed, confirmed_at, created_at)
      SELECT 1, r.projects[1 + (m.n * ${SCALE.claimsPerMember} + k) % array_length(r.ids, 1)],
             r.ids[1 + (m.n * ${SCALE.claimsPerMember} + k) % array_length(r.ids, 1)], m.id, 1, 'active',
             1 + (m.n + k) % 4, now(), now()
        FROM m, r, generate_series(1, ${SCALE.claimsPerMember}) k`);
    await q(`UPDATE project_roles r SET claimed = c.n FROM (SELECT role_id, count(*) AS n FROM claims GROUP BY 1) c
              WHERE r.id = c.role_id AND r.slots = 1000`);
    await q(`
      INSERT INTO ledger_entries (district_id, kind, quantity, at, person_id, party_org_id, region_id, source_type, source_id)
      SELECT 1, 'service_hours', c.hours_confirmed, p.ends_at, c.person_id, pe.party_org_id, p.region_id, 'claim', c.id
        FROM claims c JOIN projects p ON p.id = c.project_id JOIN people pe ON pe.id = c.person_id
       WHERE c.hours_confirmed IS NOT NULL AND p.title ~ '期）$'`);
  });

  await timed(log, "bookings of units' facilities, used, with the hours they shared", async () => {
    await q(`
      INSERT INTO bookings (district_id, facility_id, during, purpose, people, person_id, status, used_hours, created_at)
      SELECT 1, f.id,
             tstzrange(${year} + make_interval(days => d * 6 + f.id::int % 5, hours => 9),
                       ${year} + make_interval(days => d * 6 + f.id::int % 5, hours => 11)),
             '社区文体活动（常规）', 20, (SELECT min(id) FROM people) + (f.id * 53 + d) % ${SCALE.people}, 'used', 2, now()
        FROM facilities f JOIN units u ON u.id = f.unit_id, generate_series(0, 49) d WHERE u.name ~ '[0-9]$'`);
    await q(`
      INSERT INTO ledger_entries (district_id, kind, quantity, at, unit_id, region_id, source_type, source_id)
      SELECT 1, 'facility_hours_shared', b.used_hours, upper(b.during), f.unit_id, f.region_id, 'booking', b.id
        FROM bookings b JOIN facilities f ON f.id = b.facility_id WHERE b.purpose = '社区文体活动（常规）'`);
  });

  await timed(log, 'open letters to each street’s members: delivered, most read', async () => {
    await q(`
      INSERT INTO notices (district_id, region_id, kind, title, body, audience, status, recipients, published_at, created_at)
      SELECT 1, s.id, 'open_letter', '致' || s.name || '党员的一封信（第' || g || '期）', '各位党员同志：……',
             jsonb_build_object('regionId', s.id, 'partyOnly', true, 'unitContacts', false), 'published', 0,
             ${year} + make_interval(days => g * 31 + s.id::int % 20), now()
        FROM regions s, generate_series(0, ${SCALE.notices / 9 - 1}) g WHERE s.kind = 'street'`);
    await q(`
      INSERT INTO notice_recipients (district_id, notice_id, person_id, community_id, delivered_at, read_at)
      SELECT 1, n.id, p.id, c.id, n.published_at,
             CASE WHEN (p.id + n.id) % 10 < 7 THEN n.published_at + make_interval(hours => 1 + (p.id % 48)::int) END
        FROM notices n JOIN regions s ON s.id = n.region_id
        JOIN regions c ON c.kind = 'community' AND c.parent_id = s.id
        JOIN regions h ON h.path <@ c.path
        JOIN people p ON p.home_region_id = h.id AND p.party_org_id IS NOT NULL
       WHERE n.title ~ '期）$'`);
    await q(`UPDATE notices n SET recipients = r.n FROM (SELECT notice_id, count(*) AS n FROM notice_recipients GROUP BY 1) r
              WHERE n.id = r.notice_id`);
    await q(`
      INSERT INTO ledger_entries (district_id, kind, quantity, at, person_id, party_org_id, region_id, source_type, source_id)
      SELECT 1, 'notice_read', 1, r.read_at, r.person_id, p.party_org_id, r.community_id, 'notice', r.notice_id
        FROM notice_recipients r JOIN people p ON p.id = r.person_id JOIN notices n ON n.id = r.notice_id
       WHERE r.read_at IS NOT NULL AND n.title ~ '期）$'`);
  });

  await timed(log, "meetings of the communities' coordination councils, with attendance", async () => {
    await q(`
      INSERT INTO meetings (district_id, body_id, title, starts_at, place, status)
      SELECT 1, b.id, b.name || '例会（第' || g || '次）', ${year} + make_interval(days => g * 28 + b.id::int % 20, hours => 14),
             '社区党群服务中心', 'held'
        FROM bodies b, generate_series(0, 9) g
       WHERE b.kind = 'coordination_council' LIMIT ${SCALE.meetings}`);
    await q(`
      INSERT INTO ledger_entries (district_id, kind, quantity, at, person_id, party_org_id, region_id, source_type, source_id)
      SELECT 1, 'meeting_attended', 1, m.starts_at, p.id, p.party_org_id, b.region_id, 'meeting', m.id
        FROM meetings m JOIN bodies b ON b.id = m.body_id
        JOIN regions c ON c.id = b.region_id JOIN regions h ON h.path <@ c.path
        JOIN people p ON p.home_region_id = h.id AND p.party_org_id IS NOT NULL AND (p.id + m.id) % 3 = 0
       WHERE m.title ~ '次）$'`);
  });

  await timed(log, 'statistics and the visibility map, as autovacuum would leave them', () =>
    q('VACUUM ANALYZE'),
  );
  await timed(log, "the dashboards' first fold of the year", () => refreshFigures(db));
  const { rows } = await db.$client.query<Record<string, string>>(`
    SELECT (SELECT count(*) FROM regions WHERE kind = 'community') AS communities,
           (SELECT count(*) FROM regions WHERE kind = 'street') AS streets,
           (SELECT count(*) FROM people) AS people, (SELECT count(*) FROM people WHERE party_org_id IS NOT NULL) AS members,
           (SELECT count(*) FROM units) AS units, (SELECT count(*) FROM facilities) AS facilities,
           (SELECT count(*) FROM ledger_entries) AS ledger_entries`);
  log(
    `  ${Object.entries(rows[0]!)
      .map(([k, v]) => `${k} ${Number(v).toLocaleString()}`)
      .join(', ')}`,
  );
}
