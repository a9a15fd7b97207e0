/**
 * Concurrency (issue #12): the contended operations run together, from hundreds of
 * clients at once — claims on a few role slots (with withdrawals, and a unit taking whole
 * projects), overlapping bookings of one facility (with cancellations, a weekly series,
 * use recorded twice), sign-ups past a task's places (with withdrawals promoting the
 * waiting, and members withdrawing while signing up again), duplicate check-ins racing the
 * organiser's hand and the member's own withdrawal, hours confirmed twice and corrected by
 * hand at once, an open letter read twice at once, time-bank payments, offers,
 * cancellations and requests that would overdraw, imports of people and units into the
 * same community, and the dashboards' fold of the ledger — all in one Promise.all, shuffled,
 * with the requests that must meet (a double click, a withdrawal and a new sign-up) started
 * at the same instant.
 *
 * Then every invariant is checked in SQL, each a named query returning the rows that
 * break it: no over-claim, counters equal to a direct count, no overlap, no double
 * check-in, ledger totals equal to their sources (and the dashboards' roll-ups to the
 * ledger), time-bank balances never below zero and conserved by transfers, imports all or
 * nothing. Every answer must be below 500, every refusal a JSON 4xx with the code's own
 * reason: the database's refusals (a deadlock or serialization failure as `retry`, a CHECK
 * as `rule_broken`, a unique index as `duplicate`) are the backstop, and reaching them under
 * contention counts as a defect.
 *
 * HOSTILE_RUNS scales the rounds (CI: one round, 240 members and 40 time-bank members;
 * `npm run test:hostile`: eight rounds, fresh contended things each round, the same clients).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldLedger } from '../../src/modules/dashboards/figures.refresh';
import { makeCode } from '../../src/modules/dedication-days/checkin-code';
import { addDays, instant, todayIn } from '../../src/modules/dedication-days/recurrence';
import { runDueJobs } from '../../src/modules/jobs/jobs.service';
import { type Res as Answer, type Client, startTestApp, type TestContext } from '../harness';
import { tally } from './tally';

type Res = Answer<any>;

const RUNS = Number(process.env.HOSTILE_RUNS ?? 4);
const ROUNDS = Math.max(1, Math.min(8, Math.round(RUNS / 25)));
const CLIENTS = 240;
const BANK = 40;
const TZ = 'Asia/Shanghai';
const today = todayIn(TZ);

let t: TestContext;
let m: Client[];
let cw: Client;
let contact: Client;
let street: Client;
let admin: Client;
let bajiaoNorth: number;
let hospital: number;

// ---------- what the clients saw ----------
type Seen = { op: string; status: number; code: string | null; json: boolean };
const seen: Seen[] = [];
const figures = { requests: 0, invariantsChecked: 0, invariantsHeld: 0 };
const broken: { invariant: string; round: number; rows: unknown[] }[] = [];

/** Every answer a client gets is recorded: its route, status and error code. */
function track(c: Client): Client {
  const request = c.request.bind(c);
  c.request = (async (method: string, url: string, body?: unknown, headers?: Record<string, string>) => {
    const res = await request(method, url, body, headers);
    const type = String(res.headers['content-type'] ?? '');
    const code = res.status >= 400 ? (res.body as any)?.error?.code : null;
    seen.push({
      op: `${method} ${url.replace(/\?.*$/, '').replace(/\/\d+/g, '/:id')}`,
      status: res.status,
      code: typeof code === 'string' ? code : null,
      json: type.includes('application/json'),
    });
    return res;
  }) as Client['request'];
  return c;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const soon = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const hhmm = (min: number) =>
  `${String(Math.floor(min / 60)).padStart(2, '0')}:${String(min % 60).padStart(2, '0')}`;
const slot = (date: string, from: number, to: number) => ({
  startsAt: instant(date, hhmm(from), TZ),
  endsAt: instant(date, hhmm(to), TZ),
});
/** The next date, from the day after tomorrow, falling on an ISO weekday (1 = Monday). */
const nextWeekday = (weekday: number) => {
  for (let d = addDays(today, 2); ; d = addDays(d, 1)) {
    if ((new Date(`${d}T00:00:00Z`).getUTCDay() || 7) === weekday) return d;
  }
};
/** A resident ID number with its GB 11643 check character. */
const idNumber = (seventeen: string) => {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...seventeen].reduce((s, c, i) => s + Number(c) * weights[i]!, 0);
  return seventeen + '10X98765432'[sum % 11]!;
};

function expectStatus(res: Res, status: number): any {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}
const expectAll = (list: Res[], status: number) => {
  for (const res of list) expectStatus(res, status);
};

beforeAll(async () => {
  t = await startTestApp();
  bajiaoNorth = await t.region('110107003001');
  [{ id: hospital }] = (await t.sql<{ id: number }>(
    "SELECT id FROM units WHERE name = '北京市石景山医院'",
  )) as [{ id: number }];
  cw = track(await t.as('community_worker'));
  contact = track(await t.as('unit_contact'));
  street = track(await t.as('street_admin'));
  admin = track(await t.as('district_admin'));
  m = (await t.members('cc', CLIENTS, bajiaoNorth)).map(track);
}, 120_000);
afterAll(() => t?.close());

// ---------- set-up helpers ----------
async function publishedProject(title: string, roles: Record<string, unknown>[]) {
  const created = expectStatus(
    await cw.post('/api/projects', {
      title,
      regionId: bajiaoNorth,
      startsAt: soon(3),
      endsAt: soon(4),
      roles,
    }),
    201,
  );
  return expectStatus(await cw.post(`/api/projects/${created.id}/transition`, { to: 'published' }), 200);
}

const claimUrl = (p: { id: number }, role: { id: number }) => `/api/projects/${p.id}/roles/${role.id}/claims`;

/** A dedication day from tomorrow; its first occurrence, with its tasks. */
async function firstOccurrence(title: string, tasks: { title: string; capacity: number }[]) {
  const day = expectStatus(
    await cw.post('/api/dedication-days', {
      regionId: bajiaoNorth,
      title,
      rrule: 'FREQ=WEEKLY',
      startsOn: addDays(today, 1),
      startTime: '09:00',
      endTime: '11:30',
      place: '社区服务站',
      tasks,
    }),
    201,
  );
  const list = await cw.get(
    `/api/dedication-days/${day.id}/occurrences?from=${today}&to=${addDays(today, 14)}`,
  );
  return list.body.items[0];
}

/** Moves an occurrence and its tasks to run from `startMin` to `endMin` minutes from now. */
async function runAt(occurrenceId: number, startMin: number, endMin: number) {
  for (const table of ['dedication_occurrences', 'dedication_tasks']) {
    await t.sql(
      `UPDATE ${table} SET starts_at = now() + make_interval(mins => $2), ends_at = now() + make_interval(mins => $3)
        WHERE ${table === 'dedication_tasks' ? 'occurrence_id' : 'id'} = $1`,
      [occurrenceId, startMin, endMin],
    );
  }
}

const book = (c: Client, facilityId: number, s: { startsAt: string; endsAt: string }, extra = {}) =>
  c.post('/api/bookings', { facilityId, ...s, purpose: '社区活动', people: 4, ...extra });

/** Uploads a file, then watches the job until it ends. */
async function runImport(kind: 'members' | 'units', csv: string) {
  const res = await street.request('POST', `/api/imports/${kind}`, Buffer.from(`\uFEFF${csv}`), {
    'content-type': 'text/csv',
    'x-file-name': encodeURIComponent(`${kind}.csv`),
  });
  if (res.status !== 202) return { id: null, status: `http ${res.status}`, written: 0, total: 0, errors: [] };
  for (let i = 0; i < 1200; i++) {
    const job = await street.get(`/api/imports/${res.body.id}`);
    if (['done', 'failed'].includes(job.body.status)) return job.body;
    await sleep(100);
  }
  throw new Error('import did not finish');
}

const checkin = async (c: Client, occurrenceId: number, action: 'in' | 'out' = 'in') =>
  c.post('/api/checkins', { token: (await makeCode(t.db, 1, occurrenceId)).token, action });

// ---------- the invariants: each query returns the rows that break it ----------
const LEDGER_ACT = `district_id, kind, source_type, source_id, coalesce(person_id, 0) AS pid, coalesce(unit_id, 0) AS uid,
  CASE WHEN person_id IS NULL THEN coalesce(party_org_id, 0) ELSE 0 END AS oid`;

const INVARIANTS: Record<string, string> = {
  claims_within_slots: `
    SELECT ro.id, ro.slots, s.taken FROM project_roles ro
      JOIN (SELECT district_id, role_id, sum(slots) AS taken FROM claims WHERE status = 'active' GROUP BY 1, 2) s
        ON s.district_id = ro.district_id AND s.role_id = ro.id
     WHERE s.taken > ro.slots`,
  claimed_counter_equals_claims: `
    SELECT ro.id, ro.claimed, coalesce(s.taken, 0) AS taken FROM project_roles ro
      LEFT JOIN (SELECT district_id, role_id, sum(slots) AS taken FROM claims WHERE status = 'active' GROUP BY 1, 2) s
        ON s.district_id = ro.district_id AND s.role_id = ro.id
     WHERE ro.claimed <> coalesce(s.taken, 0)`,
  project_status_follows_its_roles: `
    SELECT pr.id, pr.status FROM projects pr
     WHERE pr.status IN ('published', 'claimed')
       AND (pr.status = 'claimed') <> NOT EXISTS (SELECT 1 FROM project_roles ro
             WHERE ro.district_id = pr.district_id AND ro.project_id = pr.id AND ro.claimed < ro.slots)`,
  one_active_claim_per_claimant: `
    SELECT role_id, person_id, unit_id, team_id, count(*) FROM claims WHERE status = 'active'
     GROUP BY district_id, role_id, person_id, unit_id, team_id HAVING count(*) > 1`,
  named_counter_equals_members: `
    SELECT c.id, c.named, (SELECT count(*) FROM claim_members x WHERE x.district_id = c.district_id AND x.claim_id = c.id) AS n
      FROM claims c
     WHERE c.named <> (SELECT count(*) FROM claim_members x WHERE x.district_id = c.district_id AND x.claim_id = c.id)`,
  bookings_never_overlap: `
    SELECT a.id, b.id AS other FROM bookings a JOIN bookings b
        ON a.district_id = b.district_id AND a.facility_id = b.facility_id AND a.id < b.id AND a.during && b.during
     WHERE a.status IN ('pending', 'confirmed', 'used') AND b.status IN ('pending', 'confirmed', 'used')`,
  signups_within_capacity: `
    SELECT t.id, t.capacity, count(*) AS signed FROM dedication_tasks t
      JOIN signups s ON s.district_id = t.district_id AND s.task_id = t.id AND s.status = 'signed'
     GROUP BY t.id, t.capacity HAVING count(*) > t.capacity`,
  signed_counter_equals_signups: `
    SELECT t.id, t.signed, (SELECT count(*) FROM signups s WHERE s.district_id = t.district_id AND s.task_id = t.id
                              AND s.status = 'signed') AS n
      FROM dedication_tasks t
     WHERE t.signed <> (SELECT count(*) FROM signups s WHERE s.district_id = t.district_id AND s.task_id = t.id
                          AND s.status = 'signed')`,
  notice_reads_counter_equals_receipts: `
    SELECT n.id, n.reads, (SELECT count(*) FROM notice_recipients x WHERE x.district_id = n.district_id
                             AND x.notice_id = n.id AND x.read_at IS NOT NULL) AS n
      FROM notices n
     WHERE n.reads <> (SELECT count(*) FROM notice_recipients x WHERE x.district_id = n.district_id
                         AND x.notice_id = n.id AND x.read_at IS NOT NULL)`,
  nobody_waits_while_a_place_is_free: `
    SELECT t.id, t.signed, t.capacity FROM dedication_tasks t
     WHERE t.signed < t.capacity AND EXISTS (SELECT 1 FROM signups s WHERE s.district_id = t.district_id
             AND s.task_id = t.id AND s.status = 'waiting')`,
  one_live_signup_per_person_and_day: `
    SELECT occurrence_id, person_id, count(*) FROM signups WHERE status IN ('signed', 'waiting')
     GROUP BY district_id, occurrence_id, person_id HAVING count(*) > 1`,
  no_double_checkin: `
    SELECT occurrence_id, person_id, count(*) FROM signups WHERE checked_in_at IS NOT NULL
     GROUP BY district_id, occurrence_id, person_id HAVING count(*) > 1`,
  checked_in_only_while_signed: `
    SELECT id, status FROM signups WHERE checked_in_at IS NOT NULL AND status <> 'signed'`,
  checkin_recorded_once: `
    SELECT a.entity_id, count(*) FROM audit_log a
     WHERE a.entity_type = 'signup' AND a.action = 'signup.check_in' GROUP BY a.district_id, a.entity_id HAVING count(*) > 1`,
  ledger_entry_has_its_source: `
    SELECT e.id, e.source_type, e.source_id FROM ledger_entries e
     WHERE NOT CASE e.source_type
       WHEN 'claim' THEN EXISTS (SELECT 1 FROM claims x WHERE x.district_id = e.district_id AND x.id = e.source_id)
       WHEN 'signup' THEN EXISTS (SELECT 1 FROM signups x WHERE x.district_id = e.district_id AND x.id = e.source_id)
       WHEN 'booking' THEN EXISTS (SELECT 1 FROM bookings x WHERE x.district_id = e.district_id AND x.id = e.source_id)
       WHEN 'meeting' THEN EXISTS (SELECT 1 FROM meetings x WHERE x.district_id = e.district_id AND x.id = e.source_id)
       WHEN 'notice' THEN EXISTS (SELECT 1 FROM notices x WHERE x.district_id = e.district_id AND x.id = e.source_id)
       WHEN 'enrolment' THEN EXISTS (SELECT 1 FROM enrolments x WHERE x.district_id = e.district_id AND x.id = e.source_id)
       ELSE false END`,
  // Hours confirmed on claims and sign-ups, facility hours shared and notices read, each in
  // the ledger exactly (original plus corrections); a source with nothing to count has nothing there.
  // Acts an administrator corrected by hand are left out: the ledger rightly differs there.
  ledger_totals_equal_their_sources: `
    WITH expected AS (
      SELECT c.district_id, 'claim' AS st, c.id AS sid, k.kind, coalesce(c.person_id, 0) AS pid, coalesce(c.unit_id, 0) AS uid,
             CASE WHEN k.kind = 'service_hours' THEN coalesce(c.hours_confirmed, 0)
                  ELSE (coalesce(c.hours_confirmed, 0) > 0)::int END AS q
        FROM claims c CROSS JOIN (VALUES ('service_hours'::ledger_kind), ('role_completed')) k(kind) WHERE c.named = 0
      UNION ALL
      SELECT c.district_id, 'claim', c.id, k.kind, x.person_id, coalesce(c.unit_id, 0),
             CASE WHEN k.kind = 'service_hours' THEN coalesce(x.hours_confirmed, 0)
                  ELSE (coalesce(x.hours_confirmed, 0) > 0)::int END
        FROM claim_members x JOIN claims c ON c.district_id = x.district_id AND c.id = x.claim_id
        CROSS JOIN (VALUES ('service_hours'::ledger_kind), ('role_completed')) k(kind)
      UNION ALL
      SELECT district_id, 'signup', id, 'service_hours', person_id, 0,
             CASE WHEN hours_status = 'confirmed' THEN hours ELSE 0 END FROM signups
      UNION ALL
      SELECT b.district_id, 'booking', b.id, 'facility_hours_shared', 0, f.unit_id,
             CASE WHEN b.status IN ('used', 'no_show') AND b.unit_id IS DISTINCT FROM f.unit_id
                  THEN round(b.used_hours, 2) ELSE 0 END
        FROM bookings b JOIN facilities f ON f.district_id = b.district_id AND f.id = b.facility_id
       WHERE f.unit_id IS NOT NULL
      UNION ALL
      SELECT district_id, 'notice', notice_id, 'notice_read', person_id, 0, (read_at IS NOT NULL)::int
        FROM notice_recipients),
    actual AS (
      SELECT district_id, source_type AS st, source_id AS sid, kind, coalesce(person_id, 0) AS pid,
             coalesce(unit_id, 0) AS uid, sum(quantity) AS q,
             bool_or(corrects_id IS NOT NULL AND reason NOT LIKE 'sys:%') AS by_hand
        FROM ledger_entries WHERE source_type IN ('claim', 'signup', 'booking', 'notice') GROUP BY 1, 2, 3, 4, 5, 6)
    SELECT st, sid, kind, pid, uid, e.q AS expected, a.q AS actual
      FROM expected e FULL JOIN actual a USING (district_id, st, sid, kind, pid, uid)
     WHERE coalesce(e.q, 0) <> coalesce(a.q, 0) AND NOT coalesce(a.by_hand, false)`,
  ledger_act_never_below_zero: `
    SELECT ${LEDGER_ACT}, sum(quantity) AS net FROM ledger_entries GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(quantity) < 0`,
  ledger_one_original_per_act: `
    SELECT ${LEDGER_ACT}, count(*) FROM ledger_entries WHERE corrects_id IS NULL
     GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING count(*) > 1`,
  ledger_correction_of_its_own_act: `
    SELECT c.id, c.corrects_id FROM ledger_entries c
      LEFT JOIN ledger_entries o ON o.district_id = c.district_id AND o.id = c.corrects_id
     WHERE c.corrects_id IS NOT NULL
       AND (o.id IS NULL OR o.corrects_id IS NOT NULL OR o.kind <> c.kind OR o.source_type <> c.source_type
            OR o.source_id <> c.source_id OR o.person_id IS DISTINCT FROM c.person_id OR o.unit_id IS DISTINCT FROM c.unit_id)`,
  // The dashboards read roll-ups folded from the ledger while it was being written.
  person_rollups_equal_ledger: `
    WITH a AS (SELECT district_id, person_id, date_trunc('year', at AT TIME ZONE 'Asia/Shanghai')::date AS start, sum(quantity) AS q
                 FROM ledger_entries WHERE person_id IS NOT NULL GROUP BY 1, 2, 3)
    SELECT person_id, start, a.q, p.net FROM a
      FULL JOIN (SELECT district_id, person_id, start, net FROM person_periods WHERE kind = 'year') p USING (district_id, person_id, start)
     WHERE coalesce(a.q, 0) <> coalesce(p.net, 0)`,
  unit_rollups_equal_ledger: `
    WITH a AS (SELECT e.district_id, coalesce(e.unit_id, o.unit_id) AS unit_id,
                      date_trunc('year', e.at AT TIME ZONE 'Asia/Shanghai')::date AS start, sum(e.quantity) AS q
                 FROM ledger_entries e LEFT JOIN party_orgs o ON o.district_id = e.district_id AND o.id = e.party_org_id
                WHERE coalesce(e.unit_id, o.unit_id) IS NOT NULL GROUP BY 1, 2, 3)
    SELECT unit_id, start, a.q, u.net FROM a
      FULL JOIN (SELECT district_id, unit_id, start, net FROM unit_periods WHERE kind = 'year') u USING (district_id, unit_id, start)
     WHERE coalesce(a.q, 0) <> coalesce(u.net, 0)`,
  district_figures_equal_ledger: `
    WITH a AS (SELECT district_id, date_trunc('year', at AT TIME ZONE 'Asia/Shanghai')::date AS start,
                      coalesce(sum(quantity) FILTER (WHERE kind = 'service_hours'), 0) AS service,
                      coalesce(sum(quantity) FILTER (WHERE kind = 'facility_hours_shared'), 0) AS facility
                 FROM ledger_entries GROUP BY 1, 2)
    SELECT start, a.service, f.service_hours, a.facility, f.facility_hours FROM a
      FULL JOIN (SELECT district_id, start, service_hours, facility_hours FROM region_figures
                  WHERE kind = 'year' AND region_id = district_id) f USING (district_id, start)
     WHERE coalesce(a.service, 0) <> coalesce(f.service_hours, 0) OR coalesce(a.facility, 0) <> coalesce(f.facility_hours, 0)`,
  timebank_never_below_zero: `
    WITH acc AS (
      SELECT p.district_id, p.id,
             (SELECT coalesce(sum(quantity), 0) FROM ledger_entries e WHERE e.district_id = p.district_id AND e.person_id = p.id
                AND e.kind = 'service_hours')
           + (SELECT coalesce(sum(hours), 0) FROM time_transfers x WHERE x.district_id = p.district_id AND x.to_person_id = p.id)
           - (SELECT coalesce(sum(hours), 0) FROM time_transfers x WHERE x.district_id = p.district_id AND x.from_person_id = p.id)
             AS balance,
             (SELECT coalesce(sum(hours), 0) FROM time_requests q WHERE q.district_id = p.district_id AND q.person_id = p.id
                AND q.status IN ('open', 'accepted')) AS held
        FROM people p
       WHERE EXISTS (SELECT 1 FROM time_requests q WHERE q.district_id = p.district_id AND q.person_id = p.id)
          OR EXISTS (SELECT 1 FROM time_transfers x WHERE x.district_id = p.district_id AND p.id IN (x.from_person_id, x.to_person_id)))
    SELECT id, balance, held FROM acc WHERE balance < 0 OR balance - held < 0`,
  timebank_one_transfer_per_done_request: `
    SELECT q.id, q.status, count(x.id) AS transfers FROM time_requests q
      LEFT JOIN time_transfers x ON x.district_id = q.district_id AND x.request_id = q.id
       AND x.from_person_id = q.person_id AND x.to_person_id = q.helper_person_id AND x.hours = q.hours
     GROUP BY q.id, q.status
    HAVING count(x.id) <> (q.status = 'done')::int
        OR count(*) FILTER (WHERE x.id IS NOT NULL) <> (SELECT count(*) FROM time_transfers y WHERE y.request_id = q.id)`,
};

/** Runs every invariant; a broken one is kept with its rows (and fails the test). */
async function checkInvariants(round: number, extra: Record<string, () => Promise<unknown[]>> = {}) {
  const checks: [string, () => Promise<unknown[]>][] = [
    ...Object.entries(INVARIANTS).map(
      ([name, text]) => [name, () => t.sql(text)] as [string, () => Promise<unknown[]>],
    ),
    ...Object.entries(extra),
  ];
  for (const [name, run] of checks) {
    const rows = await run();
    figures.invariantsChecked++;
    if (rows.length === 0) figures.invariantsHeld++;
    else broken.push({ invariant: name, round, rows: rows.slice(0, 5) });
  }
}

const bankBalance = async (ids: number[]) => {
  const [row] = await t.sql<{ total: number }>(
    `SELECT (SELECT coalesce(sum(quantity), 0) FROM ledger_entries WHERE kind = 'service_hours' AND person_id = ANY($1))
          + (SELECT coalesce(sum(hours), 0) FROM time_transfers WHERE to_person_id = ANY($1))
          - (SELECT coalesce(sum(hours), 0) FROM time_transfers WHERE from_person_id = ANY($1)) AS total`,
    [ids],
  );
  return Number(row!.total);
};

// ---------- one round: set up the contended things, fire everything at once, check ----------
async function round(r: number) {
  // Claims: four small quotas, one of them full with claims about to be withdrawn.
  const p1 = await publishedProject(`并发认领${r}`, [
    { kind: 'health_worker', slots: 5, hoursPerSlot: 2 },
    { kind: 'security_patrol', slots: 3 },
    { kind: 'custom', name: '物资搬运员', slots: 2 },
    { kind: 'policy_publicist', slots: 4 },
  ]);
  const [A, B, C, D] = p1.roles;
  const held = await Promise.all(m.slice(90, 94).map((c) => c.post(claimUrl(p1, D), {})));
  expectAll(held, 201);
  // A project a unit takes on whole while members claim its roles.
  // Projects a unit takes on whole while members claim their roles.
  const wholes = [];
  for (let k = 0; k < 4; k++)
    wholes.push(
      await publishedProject(`整体认领${r}-${k}`, [
        { kind: 'legal_explainer', slots: 3 },
        { kind: 'health_worker', slots: 3 },
      ]),
    );
  // Projects where the unit already holds a slot, and at once withdraws it, takes the project
  // whole and claims another role's slot.
  const retreats = [];
  for (let k = 0; k < 2; k++)
    retreats.push(
      await publishedProject(`整体认领又退出${r}-${k}`, [
        { kind: 'legal_explainer', slots: 3 },
        { kind: 'health_worker', slots: 3 },
      ]),
    );
  const unitHeld = await Promise.all(
    retreats.map((p) => contact.post(claimUrl(p, p.roles[0]), { forUnit: true, slots: 1 })),
  );
  expectAll(unitHeld, 201);
  // Claims whose hours the organiser confirms twice at once, with different figures.
  const ph = await publishedProject(`工时确认${r}`, [{ kind: 'security_patrol', slots: 20 }]);
  const phClaims = await Promise.all(m.slice(140, 160).map((c) => c.post(claimUrl(ph, ph.roles[0]), {})));
  expectAll(phClaims, 201);
  expectStatus(await cw.post(`/api/projects/${ph.id}/transition`, { to: 'in_progress' }), 200);

  // Time bank: 40 new members earn 4 hours each, then each owes a neighbour 2 hours for
  // help accepted (a ring) and asks for 1 more: 3 of 4 held, 1 available.
  const bank = (await t.members(`bk${r}x`, BANK, bajiaoNorth)).map(track);
  const bankIds = (
    await t.sql<{ id: number }>(`SELECT id FROM people WHERE name LIKE $1 ORDER BY id`, [`bk${r}x党员%`])
  ).map((p) => p.id);
  const pb = await publishedProject(`助老服务${r}`, [{ kind: 'custom', name: '助老员', slots: BANK }]);
  const bankClaims = await Promise.all(bank.map((c) => c.post(claimUrl(pb, pb.roles[0]), {})));
  expectStatus(await cw.post(`/api/projects/${pb.id}/transition`, { to: 'in_progress' }), 200);
  for (const res of await Promise.all(
    bankClaims.map((c) => cw.post(`/api/claims/${expectStatus(c, 201).id}/hours`, { hours: 4 })),
  ))
    expectStatus(res, 200);
  const owed = await Promise.all(
    bank.map((c) => c.post('/api/time-bank/requests', { title: '陪同就医', hours: 2 })),
  );
  for (const [i, res] of owed.entries())
    expectStatus(
      await bank[(i + 1) % BANK]!.post(`/api/time-bank/requests/${expectStatus(res, 201).id}/offer`),
      200,
    );
  const open = await Promise.all(
    bank.map((c) => c.post('/api/time-bank/requests', { title: '代买蔬菜', hours: 1 })),
  );
  expectAll(open, 201);
  const bankBefore = await bankBalance(bankIds);

  // Bookings: a court of the hospital's, four afternoon bookings about to be cancelled,
  // and three past ones whose use the contact records.
  const f = expectStatus(
    await contact.post('/api/facilities', {
      unitId: hospital,
      regionId: bajiaoNorth,
      name: `并发球场${r}`,
      kind: 'sports',
      subKind: 'court',
      capacity: 12,
      openingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '08:00', closes: '21:00' })),
      bookingRules: { needsApproval: false, maxDaysAhead: 60, minNoticeHours: 1 },
    }),
    201,
  );
  const date = nextWeekday(1 + (r % 7));
  const seriesDate = addDays(date, 1);
  const afternoon = await Promise.all(
    m.slice(60, 64).map((c, k) => book(c, f.id, slot(date, (14 + k) * 60, (15 + k) * 60))),
  );
  const past = await Promise.all(
    m.slice(88, 91).map((c, k) => book(c, f.id, slot(addDays(date, 3), (9 + k) * 60, (10 + k) * 60))),
  );
  for (const [k, res] of past.entries()) {
    await t.sql(
      `UPDATE bookings SET during = tstzrange(now() - make_interval(hours => $2), now() - make_interval(hours => $3))
        WHERE id = $1`,
      [expectStatus(res, 201).booked[0].id, 3 + 3 * k, 1 + 3 * k],
    );
  }
  expectAll(afternoon, 201);

  // Sign-ups: two tasks of 10 and 5 places, eight already signed.
  const o1 = await firstOccurrence(`并发报名${r}`, [
    { title: '植树', capacity: 10 },
    { title: '清扫', capacity: 5 },
  ]);
  const [t1, t2] = o1.tasks;
  const early = await Promise.all(m.slice(0, 8).map((c) => c.post('/api/signups', { taskId: t1.id })));
  expectAll(early, 201);
  // A task of 25 places with 40 signed up (15 waiting), all about to withdraw and sign up again.
  const o4 = await firstOccurrence(`撤回重报${r}`, [{ title: '助老', capacity: 25 }]);
  const s4: Res[] = [];
  for (const c of m.slice(200, 240)) s4.push(await c.post('/api/signups', { taskId: o4.tasks[0].id }));
  expectAll(s4, 201);
  // Check-ins: a day under way with 60 signed up; another starting in 20 minutes.
  const o2 = await firstOccurrence(`并发签到${r}`, [{ title: '巡逻', capacity: 60 }]);
  const o3 = await firstOccurrence(`签到即退${r}`, [{ title: '宣传', capacity: 30 }]);
  const s2 = await Promise.all(
    m.slice(100, 160).map((c) => c.post('/api/signups', { taskId: o2.tasks[0].id })),
  );
  const s3 = await Promise.all(
    m.slice(170, 195).map((c) => c.post('/api/signups', { taskId: o3.tasks[0].id })),
  );
  for (const res of [...s2, ...s3]) expect(expectStatus(res, 201).status).toBe('signed');
  await runAt(o2.id, -10, 50);
  await runAt(o3.id, 20, 80);
  // Hours already confirmed for twenty of them: about to be rejected while corrected by hand.
  const confirm = (s: Res) =>
    cw.post(`/api/signups/${s.body.id}/hours`, { decision: 'confirm', hours: 2, reason: '按签到表核定' });
  expectAll(await Promise.all(s2.slice(40, 60).map(confirm)), 200);
  const originals = await t.sql<{ id: number; source_id: number }>(
    `SELECT id, source_id FROM ledger_entries WHERE source_type = 'signup' AND corrects_id IS NULL AND source_id = ANY($1)`,
    [s2.slice(40, 60).map((s) => s.body.id)],
  );
  expect(originals).toHaveLength(20);

  // An open letter to the community's Party members, delivered.
  const letter = expectStatus(
    await street.post('/api/notices', {
      kind: 'open_letter',
      title: `致八角北路社区党员的一封信（${r}）`,
      body: '<p>请积极参加固定奉献日。</p>',
      audience: { regionId: bajiaoNorth, partyOnly: true },
    }),
    201,
  );
  expectStatus(await street.post(`/api/notices/${letter.id}/publish`), 202);
  while ((await runDueJobs(t.db)) > 0);

  // Imports into the same community: two files of people sharing one ID number, two of
  // units sharing one name, and one file with a bad row.
  const year = 1950 + r;
  const people = (tag: string, from: number, dup?: number) =>
    `姓名,性别,身份证号,街道,社区,楼,楼门,所属党组织,党员类别,入党日期\n${Array.from(
      { length: 100 },
      (_, i) => {
        const seq = i === 50 && dup !== undefined ? dup : from + i;
        const id = idNumber(`110107${year}0101${String(seq).padStart(3, '0')}`);
        return `并发导入${r}${tag}${i},${i % 2 ? '男' : '女'},${id},八角街道,八角北路社区,${1 + (i % 5)}号楼,1单元,八角北路社区党委,离退休,1980-07-01`;
      },
    ).join('\n')}\n`;
  const bad = `姓名,性别,社区\n${Array.from({ length: 50 }, (_, i) => `并发导入${r}丙${i},${i === 25 ? '未知' : '男'},八角北路社区`).join('\n')}\n`;
  const units = (tag: string, dup: boolean) =>
    `单位名称,单位类型,隶属关系,街道,所在社区\n${Array.from(
      { length: 10 },
      (_, i) => `并发单位${r}${i === 5 && dup ? '甲' : tag}${i},学校,区属,八角街道,八角北路社区`,
    ).join('\n')}\n`;

  // ---------- the storm ----------
  const claimsOn = (k: number) => [A, B, C][k % 3];
  const claimAttempts = new Map<number, Res[]>();
  const ops: (() => Promise<unknown>)[] = [];
  /** Queues an operation for the storm; its outcome, once it has run. */
  const add = <T>(run: () => Promise<T>): Promise<T> => {
    let start!: () => Promise<T>;
    const outcome = new Promise<T>((resolve, reject) => {
      start = () =>
        run().then(
          (v) => {
            resolve(v);
            return v;
          },
          (e) => {
            reject(e);
            throw e;
          },
        );
    });
    outcome.catch(() => {});
    ops.push(start);
    return outcome;
  };

  /** Operations that must meet: queued as one, so they start at the same instant. */
  const race = (...runs: (() => Promise<unknown>)[]) => add(() => Promise.all(runs.map((run) => run())));

  // Claims: 90 members on three quotas of 5, 3 and 2 (ten of them twice at once); the unit
  // takes 2 of A; four holders of D withdraw (two twice at once) while 16 others claim D;
  // the unit takes four projects whole while 30 members claim their roles; hours confirmed
  // twice at once with different figures.
  for (let i = 0; i < 90; i++) {
    const claim = async () => {
      const res = await m[i]!.post(claimUrl(p1, claimsOn(i)), {});
      claimAttempts.set(i, [...(claimAttempts.get(i) ?? []), res]);
    };
    if (i < 10) race(claim, claim);
    else add(claim);
  }
  add(() => contact.post(claimUrl(p1, A), { forUnit: true, slots: 2 }));
  held.forEach((h, k) => {
    const withdraw = () => m[90 + k]!.post(`/api/claims/${h.body.id}/withdraw`);
    if (k < 2) race(withdraw, withdraw);
    else add(withdraw);
  });
  for (let i = 94; i < 110; i++) add(() => m[i]!.post(claimUrl(p1, D), {}));
  for (const p of wholes) add(() => contact.post(`/api/projects/${p.id}/claims`, { forUnit: true }));
  retreats.forEach((p, k) => {
    race(
      () => contact.post(`/api/claims/${unitHeld[k]!.body.id}/withdraw`),
      () => contact.post(`/api/projects/${p.id}/claims`, { forUnit: true }),
      () => contact.post(claimUrl(p, p.roles[1]), { forUnit: true, slots: 1 }),
    );
  });
  for (let i = 110; i < 140; i++) {
    const p = wholes[i % 4]!;
    add(() => m[i]!.post(claimUrl(p, p.roles[(i >> 2) % 2]), {}));
  }
  for (const c of phClaims)
    race(...[2, 3].map((hours) => () => cw.post(`/api/claims/${c.body.id}/hours`, { hours })));

  // Bookings: 60 overlapping mornings; the afternoon's four cancelled (two twice at once)
  // while 16 others ask for those hours; a weekly series against eight single evenings; use
  // recorded at once with different figures (and a no-show against a figure).
  for (let i = 0; i < 60; i++) {
    const from = 8 * 60 + 15 * (i % 16);
    add(() => book(m[i]!, f.id, slot(date, from, from + 45 + 15 * (i % 6))));
  }
  afternoon.forEach((b, k) => {
    const cancel = () => m[60 + k]!.post(`/api/bookings/${b.body.booked[0].id}/cancel`, {});
    if (k < 2) race(cancel, cancel);
    else add(cancel);
  });
  for (let i = 64; i < 80; i++) {
    const from = 14 * 60 + 15 * (i % 16);
    add(() => book(m[i]!, f.id, slot(date, from, from + 60)));
  }
  add(() =>
    book(contact, f.id, slot(seriesDate, 19 * 60, 20 * 60 + 30), {
      forUnit: true,
      weeklyUntil: addDays(seriesDate, 21),
    }),
  );
  for (let i = 80; i < 88; i++)
    add(() => book(m[i]!, f.id, slot(addDays(seriesDate, 7 * (i % 4)), 19 * 60 + 30, 20 * 60)));
  const uses = [
    [{ usedHours: 1.5 }, { usedHours: 2 }],
    [{ usedHours: 1 }, { usedHours: 2 }, { usedHours: 0.5 }],
    [{ noShow: true }, { usedHours: 1 }],
  ];
  past.forEach((b, k) => {
    race(...uses[k]!.map((body) => () => contact.post(`/api/bookings/${b.body.booked[0].id}/use`, body)));
  });

  // Sign-ups: 100 members for 15 places (ten of them for both tasks at once); the eight
  // signed withdraw, six of them signing up again at once, two withdrawing twice at once;
  // on another task all 40 (25 signed, 15 waiting) withdraw and sign up again at once.
  for (let i = 6; i < 106; i++) {
    const signUp = (task: { id: number }) => () => m[i]!.post('/api/signups', { taskId: task.id });
    if (i < 16) race(signUp(t1), signUp(t2));
    else add(signUp(i % 2 ? t1 : t2));
  }
  early.forEach((s, k) => {
    const withdraw = () => m[k]!.post(`/api/signups/${s.body.id}/withdraw`);
    race(withdraw, k < 6 ? () => m[k]!.post('/api/signups', { taskId: t1.id }) : withdraw);
  });
  for (let i = 200; i < 240; i++)
    race(
      () => m[i]!.post(`/api/signups/${s4[i - 200]!.body.id}/withdraw`),
      () => m[i]!.post('/api/signups', { taskId: o4.tasks[0].id }),
    );

  // Check-ins: each of the 60 scans three times at once, the organiser checking 20 of them
  // in by hand and ten checking out at the same moment; hours confirmed twice at once with
  // different figures; rejected while an administrator corrects the same entry by hand;
  // ten who never signed up scan too.
  const scans = new Map<number, Res[]>();
  for (let i = 100; i < 160; i++) {
    const scan = async () => {
      const res = await checkin(m[i]!, o2.id);
      scans.set(i, [...(scans.get(i) ?? []), res]);
    };
    race(
      scan,
      scan,
      scan,
      ...(i < 120 ? [() => cw.post(`/api/signups/${s2[i - 100]!.body.id}/check`, { action: 'in' })] : []),
      ...(i < 110 ? [() => checkin(m[i]!, o2.id, 'out')] : []),
    );
  }
  for (const s of s2.slice(20, 40))
    race(
      ...[1, 1.5].map(
        (hours) => () =>
          cw.post(`/api/signups/${s.body.id}/hours`, {
            decision: 'confirm',
            hours,
            reason: '按实际到岗核定',
          }),
      ),
    );
  for (const o of originals)
    race(
      () => cw.post(`/api/signups/${o.source_id}/hours`, { decision: 'reject', reason: '未按时到岗' }),
      () => admin.post(`/api/ledger/${o.id}/corrections`, { delta: -2, reason: '人工核减' }),
    );
  for (let i = 160; i < 170; i++) add(() => checkin(m[i]!, o2.id));
  // Before the start: ten check in, withdraw, sign up again and check in again, one after
  // the other; fifteen check in and withdraw at the same moment.
  for (let i = 170; i < 180; i++)
    add(async () => {
      await checkin(m[i]!, o3.id);
      await m[i]!.post(`/api/signups/${s3[i - 170]!.body.id}/withdraw`);
      await m[i]!.post('/api/signups', { taskId: o3.tasks[0].id });
      await checkin(m[i]!, o3.id);
    });
  for (let i = 180; i < 195; i++)
    race(
      () => checkin(m[i]!, o3.id),
      () => m[i]!.post(`/api/signups/${s3[i - 170]!.body.id}/withdraw`),
    );

  // Time bank: each pays what it owes twice at once (every fourth cancelling at the same
  // moment); asks three more hours at once with one available; three neighbours offer on
  // its open request at once, and the asker pays whoever got it (every fifth cancels it).
  const paid: Promise<unknown[]>[] = [];
  owed.forEach((q, i) => {
    const complete = () => bank[i]!.post(`/api/time-bank/requests/${q.body.id}/complete`);
    const cancel = () => bank[i]!.post(`/api/time-bank/requests/${q.body.id}/cancel`);
    paid.push(race(complete, complete, ...(i % 4 === 0 ? [cancel] : [])));
    const ask = () => bank[i]!.post('/api/time-bank/requests', { title: '帮忙修理门锁', hours: 1 });
    race(ask, ask, ask);
  });
  open.forEach((q, i) => {
    const offer = (k: number) => async () => {
      const offered = await bank[(i + k) % BANK]!.post(`/api/time-bank/requests/${q.body.id}/offer`);
      if (offered.status === 200) await bank[i]!.post(`/api/time-bank/requests/${q.body.id}/complete`);
    };
    race(
      offer(2),
      offer(3),
      offer(5),
      ...(i % 5 === 0 ? [() => bank[i]!.post(`/api/time-bank/requests/${q.body.id}/cancel`)] : []),
    );
  });

  // The letter: 120 members read it, each twice at once.
  for (const c of m.slice(0, 120)) {
    const read = () => c.post(`/api/notices/${letter.id}/read`);
    race(read, read);
  }

  // Imports, and the dashboards' fold of the ledger as the server's schedule would run it.
  const imports = {
    peopleX: add(() => runImport('members', people('甲', 0))),
    peopleY: add(() => runImport('members', people('乙', 100, 0))),
    peopleBad: add(() => runImport('members', bad)),
    unitsX: add(() => runImport('units', units('甲', false))),
    unitsY: add(() => runImport('units', units('乙', true))),
  };
  add(async () => {
    for (let k = 0; k < 4; k++) {
      await foldLedger(t.db);
      await sleep(250);
    }
  });

  // Shuffled, so no kind of operation always goes first.
  for (let i = ops.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [ops[i], ops[j]] = [ops[j]!, ops[i]!];
  }
  const started = Date.now();
  await Promise.all(ops.map((run) => run()));
  const stormMs = Date.now() - started;
  while (((await foldLedger(t.db)) ?? 1) > 0);

  // ---------- what must be true now ----------
  const jobs = Object.fromEntries(
    await Promise.all(Object.entries(imports).map(async ([k, v]) => [k, await v])),
  ) as Record<keyof typeof imports, any>;
  console.log(JSON.stringify(Object.values(jobs).map((j) => [j.status, j.written, j.errors])));
  const countLike = async (table: 'people' | 'units', like: string) =>
    (await t.sql<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE name LIKE $1`, [like]))[0]!.n;
  const done = (j: any, rows: number) => j.status === 'done' && j.written === rows;
  const none = (j: any) => j.status === 'failed' && j.written === 0;
  await checkInvariants(r, {
    imports_all_or_nothing: async () => {
      const found = {
        peopleX: await countLike('people', `并发导入${r}甲%`),
        peopleY: await countLike('people', `并发导入${r}乙%`),
        peopleBad: await countLike('people', `并发导入${r}丙%`),
        unitsX: await countLike('units', `并发单位${r}甲%`),
        unitsY: await countLike('units', `并发单位${r}乙%`),
      };
      // The second units file's row in common carries the first file's name.
      const fine =
        (done(jobs.peopleX, 100) ? found.peopleX === 100 : none(jobs.peopleX) && found.peopleX === 0) &&
        (done(jobs.peopleY, 100) ? found.peopleY === 100 : none(jobs.peopleY) && found.peopleY === 0) &&
        none(jobs.peopleBad) &&
        found.peopleBad === 0 &&
        (done(jobs.unitsX, 10)
          ? found.unitsX === 10
          : none(jobs.unitsX) && found.unitsX === (done(jobs.unitsY, 10) ? 1 : 0)) &&
        (done(jobs.unitsY, 10) ? found.unitsY === 9 : none(jobs.unitsY) && found.unitsY === 0);
      return fine ? [] : [{ found, jobs: Object.values(jobs).map((j) => [j.status, j.written, j.errors]) }];
    },
    timebank_total_conserved: async () => {
      const after = await bankBalance(bankIds);
      return Math.abs(after - bankBefore) < 1e-9 ? [] : [{ before: bankBefore, after }];
    },
    timebank_account_as_the_member_reads_it: async () => {
      const wrong: unknown[] = [];
      const [row] = await t.sql<{ balance: number; held: number }>(
        `SELECT (SELECT coalesce(sum(quantity), 0) FROM ledger_entries WHERE kind = 'service_hours' AND person_id = $1)
              + (SELECT coalesce(sum(hours), 0) FROM time_transfers WHERE to_person_id = $1)
              - (SELECT coalesce(sum(hours), 0) FROM time_transfers WHERE from_person_id = $1) AS balance,
                (SELECT coalesce(sum(hours), 0) FROM time_requests WHERE person_id = $1 AND status IN ('open', 'accepted')) AS held`,
        [bankIds[0]],
      );
      const seenByMember = (await bank[0]!.get('/api/time-bank')).body;
      if (seenByMember.balance !== Number(row!.balance) || seenByMember.held !== Number(row!.held))
        wrong.push({ api: seenByMember, sql: row });
      return wrong;
    },
  });

  // What the contention must have come to, exactly.
  const roles = await t.sql<{ id: number; slots: number; claimed: number }>(
    'SELECT id, slots, claimed FROM project_roles WHERE id = ANY($1) ORDER BY id',
    [[A.id, B.id, C.id, ...wholes.flatMap((p) => p.roles.map((x: { id: number }) => x.id))]],
  );
  expect(roles.every((x) => x.claimed === x.slots)).toBe(true);
  for (const [i, tries] of claimAttempts)
    expect(tries.filter((x) => x.status === 201).length, `member ${i}`).toBeLessThanOrEqual(1);
  const tasks = await t.sql<{ signed: number }>(
    'SELECT signed FROM dedication_tasks WHERE id = ANY($1) ORDER BY id',
    [[t1.id, t2.id]],
  );
  expect(tasks.map((x) => x.signed)).toEqual([10, 5]);
  for (let i = 100; i < 160; i++)
    expect(scans.get(i)!.filter((x) => x.body?.outcome === 'checked_in').length).toBeLessThanOrEqual(1);
  const [{ n: inNow }] = (await t.sql<{ n: number }>(
    'SELECT count(*)::int AS n FROM signups WHERE occurrence_id = $1 AND checked_in_at IS NOT NULL',
    [o2.id],
  )) as [{ n: number }];
  expect(inNow).toBe(60);
  // …and the database holds it past the code: one checked in stays signed up.
  await expect(
    t.sql(`UPDATE signups SET status = 'withdrawn' WHERE occurrence_id = $1 AND checked_in_at IS NOT NULL`, [
      o2.id,
    ]),
  ).rejects.toThrow(/signups_checked_in_while_signed/);
  for (const group of await Promise.all(paid))
    expect((group.slice(0, 2) as Res[]).filter((x) => x.status === 200).length).toBeLessThanOrEqual(1);
  expect([jobs.peopleX.status, jobs.peopleY.status].sort()).toEqual(['done', 'failed']);
  expect([jobs.unitsX.status, jobs.unitsY.status].sort()).toEqual(['done', 'failed']);
  expect(jobs.peopleBad.status).toBe('failed');
  const [readers] = await t.sql<{ reads: number; entries: number }>(
    `SELECT n.reads, (SELECT count(*)::int FROM ledger_entries e WHERE e.source_type = 'notice' AND e.source_id = n.id) AS entries
       FROM notices n WHERE n.id = $1`,
    [letter.id],
  );
  expect(readers).toEqual({ reads: 120, entries: 120 });
  // The file that lost says which row clashed with the one that won, as a file checked alone would.
  for (const j of Object.values(jobs).filter((x) => x.status === 'failed'))
    expect(
      j.errors.length > 0 && j.errors.every((e: { row: number }) => e.row > 1),
      JSON.stringify(j.errors),
    ).toBe(true);
  return { stormMs, ops: ops.length };
}

describe('concurrency: the contended operations together', () => {
  for (let r = 1; r <= ROUNDS; r++) {
    it(`round ${r} of ${ROUNDS}: ~${CLIENTS + BANK} clients at once, then every invariant in SQL`, async () => {
      const { stormMs, ops } = await round(r);
      console.log(`concurrency round ${r}: ${ops} operations at once in ${stormMs} ms`);
    }, 180_000);
  }

  it('no 5xx, every refusal a JSON 4xx with its own code, no deadlock let out; invariants checked and held', () => {
    figures.requests = seen.length;
    // Its 5xx are counted by answers.ts, like every test's.
    tally({ source: 'concurrency', ...figures });
    const byOp = new Map<string, Map<string, number>>();
    for (const s of seen) {
      const key = `${s.status}${s.code ? ` ${s.code}` : ''}`;
      const counts = byOp.get(s.op) ?? new Map<string, number>();
      counts.set(key, (counts.get(key) ?? 0) + 1);
      byOp.set(s.op, counts);
    }
    console.log(
      [...byOp]
        .sort()
        .map(([op, counts]) => `  ${op}: ${[...counts].map(([k, n]) => `${k} ×${n}`).join(', ')}`)
        .join('\n'),
    );
    expect(broken).toEqual([]);
    expect(seen.filter((s) => s.status >= 500)).toEqual([]);
    expect(seen.filter((s) => s.status >= 400 && (!s.json || !s.code))).toEqual([]);
    // The database's own refusals are the backstop: under contention the code must have
    // refused first, with its reason. A deadlock or serialization failure ("retry"), or a
    // CHECK refusing a counter, is a request lost to a race.
    const backstop = ['retry', 'rule_broken', 'duplicate', 'overlap', 'reference_broken', 'internal'];
    expect(seen.filter((s) => s.code !== null && backstop.includes(s.code))).toEqual([]);
    console.log(
      `concurrency: ${figures.requests} requests, ${seen.filter((s) => s.status >= 500).length} 5xx, ` +
        `${figures.invariantsHeld} of ${figures.invariantsChecked} invariants checked and held`,
    );
  });
});
