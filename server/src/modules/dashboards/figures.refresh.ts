/**
 * Keeps the dashboards' figures. Two passes, each under one advisory lock so only one
 * process folds at a time:
 * - the ledger pass folds queued entries (a trigger queues every insert) into each
 *   person's, unit's and team's net per period and into the figures of the entry's
 *   region and its ancestors — additions only, so it costs what arrived, not what exists;
 * - the records pass recomputes, from the community's own records, what is not in the
 *   ledger (projects, needs, meetings, dedication days, notices, facility use, registrations)
 *   for this year and last, and who lives under each node (the shares' denominators).
 * Every figure is kept for months, quarters and years, for nodes down to buildings; and for
 * the last three weeks, for the workbench (keepWeeks).
 */
import { type SQL, sql } from 'drizzle-orm';
import { DEFAULT_TIME_ZONE } from '../../../../contract';
import type { Db, Tx } from '../../db/client';
import { every, type ScheduleLog } from '../../schedule';
import { HAS_BODY } from '../coverage/coverage.service';

const LOCK = 0x67_6a_64_62; // 'gjdb'
/**
 * The zone the fold counts days, months, quarters and years in: the default district zone, for
 * every district (one set-based pass over all of them). A district that sets another zone sees
 * its periods' edges at the default zone's midnight.
 */
const TZ = DEFAULT_TIME_ZONE;
/** At most this many queued entries per transaction: a backlog folds in steps. */
const BATCH = 200_000;

/** The node itself and its ancestors, capped at building level: `path` holds the ids from the root. */
const ancestors = (path: string) => sql.raw(`unnest((string_to_array(${path}::text, '.')::bigint[])[1:4])`);
/** The deepest of them: entrances count under their building. */
const capped = (path: string) =>
  sql.raw(`(string_to_array(${path}::text, '.')::bigint[])[least(4, nlevel(${path}))]`);

/** The periods an instant counts in; its week only from the first week kept on (keepWeeks). */
const periods = (at: string) =>
  sql.raw(`(SELECT * FROM (VALUES ('month'::period_kind, date_trunc('month', ${at} AT TIME ZONE '${TZ}')::date),
                   ('quarter'::period_kind, date_trunc('quarter', ${at} AT TIME ZONE '${TZ}')::date),
                   ('year'::period_kind, date_trunc('year', ${at} AT TIME ZONE '${TZ}')::date),
                   ('week'::period_kind, date_trunc('week', ${at} AT TIME ZONE '${TZ}')::date)) v(kind, start)
             WHERE v.kind <> 'week' OR v.start >= (SELECT weeks_from FROM figures_state WHERE id = 1))`);

async function locked<T>(db: Db, run: (tx: Tx) => Promise<T>): Promise<T | null> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.execute<{ ok: boolean }>(sql`SELECT pg_try_advisory_xact_lock(${LOCK}) AS ok`);
    if (!rows[0]?.ok) return null;
    return run(tx);
  });
}

/** Folds one batch of queued ledger entries; returns how many it took. */
async function foldBatch(tx: Tx): Promise<number> {
  await tx.execute(sql`CREATE TEMP TABLE rollup_batch (
      district_id bigint, entry_kind ledger_kind, quantity numeric, person_id bigint, unit_id bigint,
      team_id bigint, region_id bigint, kind period_kind, start date) ON COMMIT DROP`);
  // An entry counts for a unit when made in its name, or by one of its Party members (在职党员).

  const { rows } = await tx.execute<{ n: number }>(sql`
    WITH q AS (
      DELETE FROM ledger_rollup_queue WHERE ctid IN (SELECT ctid FROM ledger_rollup_queue LIMIT ${BATCH})
      RETURNING district_id, entry_id),
    ins AS (
      INSERT INTO rollup_batch
      SELECT e.district_id, e.kind, e.quantity, e.person_id, coalesce(e.unit_id, o.unit_id), e.team_id, e.region_id,
             p.kind, p.start
        FROM q JOIN ledger_entries e ON e.district_id = q.district_id AND e.id = q.entry_id
        LEFT JOIN party_orgs o ON o.district_id = e.district_id AND o.id = e.party_org_id
        CROSS JOIN LATERAL ${periods('e.at')} p(kind, start)
      RETURNING 1)
    SELECT (SELECT count(*)::int FROM q) AS n`);
  const n = rows[0]!.n;
  if (n === 0) return 0;
  // A temporary table has no statistics: without them a small batch is planned as a big one.
  await tx.execute(sql`ANALYZE rollup_batch`);

  // People: a net change across zero makes a participant more or fewer, where they live.
  await tx.execute(sql`
    WITH d AS (
      SELECT district_id, person_id, kind, start, sum(quantity) AS dq FROM rollup_batch
       WHERE person_id IS NOT NULL GROUP BY 1, 2, 3, 4),
    cur AS (
      SELECT d.*, coalesce(pp.net, 0) AS old_net, coalesce(pp.region_id, ${capped('h.path')}) AS region_id,
             coalesce(pp.member, p.party_org_id IS NOT NULL) AS member
        FROM d JOIN people p ON p.district_id = d.district_id AND p.id = d.person_id
        JOIN regions h ON h.district_id = p.district_id AND h.id = p.home_region_id
        LEFT JOIN person_periods pp ON pp.district_id = d.district_id AND pp.person_id = d.person_id
                                   AND pp.kind = d.kind AND pp.start = d.start),
    up AS (
      INSERT INTO person_periods (district_id, kind, start, person_id, region_id, member, net)
      SELECT district_id, kind, start, person_id, region_id, member, dq FROM cur
      ON CONFLICT (district_id, person_id, kind, start) DO UPDATE SET net = person_periods.net + excluded.net),
    moved AS (
      SELECT district_id, region_id, kind, start, member, (old_net + dq > 0)::int - (old_net > 0)::int AS change
        FROM cur WHERE (old_net + dq > 0) <> (old_net > 0))
    INSERT INTO region_figures (district_id, region_id, kind, start, residents_active, members_active)
    SELECT m.district_id, a.id, m.kind, m.start, sum(m.change), coalesce(sum(m.change) FILTER (WHERE m.member), 0)
      FROM moved m JOIN regions r ON r.district_id = m.district_id AND r.id = m.region_id
      CROSS JOIN LATERAL ${ancestors('r.path')} a(id)
     GROUP BY 1, 2, 3, 4
    ON CONFLICT (district_id, region_id, kind, start) DO UPDATE
      SET residents_active = region_figures.residents_active + excluded.residents_active,
          members_active = region_figures.members_active + excluded.members_active`);

  // Units: the same, where the unit stands; hours kept for the ranking of units (no weeks: only nodes have them).
  await tx.execute(sql`
    WITH d AS (
      SELECT district_id, unit_id, kind, start, sum(quantity) AS dq,
             coalesce(sum(quantity) FILTER (WHERE entry_kind IN ('service_hours', 'facility_hours_shared')), 0) AS dh
        FROM rollup_batch WHERE unit_id IS NOT NULL AND kind <> 'week' GROUP BY 1, 2, 3, 4),
    cur AS (
      SELECT d.*, coalesce(up.net, 0) AS old_net, coalesce(up.region_id, ${capped('r.path')}) AS region_id
        FROM d JOIN units u ON u.district_id = d.district_id AND u.id = d.unit_id
        JOIN regions r ON r.district_id = u.district_id AND r.id = u.region_id
        LEFT JOIN unit_periods up ON up.district_id = d.district_id AND up.unit_id = d.unit_id
                                 AND up.kind = d.kind AND up.start = d.start),
    up AS (
      INSERT INTO unit_periods (district_id, kind, start, unit_id, region_id, net, hours)
      SELECT district_id, kind, start, unit_id, region_id, dq, dh FROM cur
      ON CONFLICT (district_id, unit_id, kind, start) DO UPDATE
        SET net = unit_periods.net + excluded.net, hours = unit_periods.hours + excluded.hours),
    moved AS (
      SELECT district_id, region_id, kind, start, (old_net + dq > 0)::int - (old_net > 0)::int AS change
        FROM cur WHERE (old_net + dq > 0) <> (old_net > 0))
    INSERT INTO region_figures (district_id, region_id, kind, start, units_active)
    SELECT m.district_id, a.id, m.kind, m.start, sum(m.change)
      FROM moved m JOIN regions r ON r.district_id = m.district_id AND r.id = m.region_id
      CROSS JOIN LATERAL ${ancestors('r.path')} a(id)
     GROUP BY 1, 2, 3, 4
    ON CONFLICT (district_id, region_id, kind, start) DO UPDATE
      SET units_active = region_figures.units_active + excluded.units_active`);

  // Teams: their members' service hours (no weeks either).
  await tx.execute(sql`
    INSERT INTO team_periods (district_id, kind, start, team_id, region_id, hours)
    SELECT b.district_id, b.kind, b.start, b.team_id, t.region_id, sum(b.quantity)
      FROM rollup_batch b JOIN teams t ON t.district_id = b.district_id AND t.id = b.team_id
     WHERE b.entry_kind = 'service_hours' AND b.kind <> 'week' GROUP BY 1, 2, 3, 4, 5
    ON CONFLICT (district_id, team_id, kind, start) DO UPDATE SET hours = team_periods.hours + excluded.hours`);

  // What was done, where it was done.
  await tx.execute(sql`
    INSERT INTO region_figures (district_id, region_id, kind, start, service_hours, facility_hours, roles_completed,
                                meetings_attended, courses_completed, notices_read)
    SELECT b.district_id, a.id, b.kind, b.start,
           coalesce(sum(b.quantity) FILTER (WHERE b.entry_kind = 'service_hours'), 0),
           coalesce(sum(b.quantity) FILTER (WHERE b.entry_kind = 'facility_hours_shared'), 0),
           coalesce(sum(b.quantity) FILTER (WHERE b.entry_kind = 'role_completed'), 0),
           coalesce(sum(b.quantity) FILTER (WHERE b.entry_kind = 'meeting_attended'), 0),
           coalesce(sum(b.quantity) FILTER (WHERE b.entry_kind = 'course_completed'), 0),
           coalesce(sum(b.quantity) FILTER (WHERE b.entry_kind = 'notice_read'), 0)
      FROM rollup_batch b JOIN regions r ON r.district_id = b.district_id AND r.id = b.region_id
      CROSS JOIN LATERAL ${ancestors('r.path')} a(id)
     GROUP BY 1, 2, 3, 4
    ON CONFLICT (district_id, region_id, kind, start) DO UPDATE SET
      service_hours = region_figures.service_hours + excluded.service_hours,
      facility_hours = region_figures.facility_hours + excluded.facility_hours,
      roles_completed = region_figures.roles_completed + excluded.roles_completed,
      meetings_attended = region_figures.meetings_attended + excluded.meetings_attended,
      courses_completed = region_figures.courses_completed + excluded.courses_completed,
      notices_read = region_figures.notices_read + excluded.notices_read`);
  await tx.execute(sql`DROP TABLE rollup_batch`);
  return n;
}

const stamp = (tx: Tx, column: 'folded_at' | 'records_at') =>
  tx.execute(sql`INSERT INTO figures_state (id, ${sql.raw(column)}) VALUES (1, now())
    ON CONFLICT (id) DO UPDATE SET ${sql.raw(column)} = now()`);

/** Folds everything queued, a batch per transaction. Returns the entries folded, or null if another process holds the lock. */
export async function foldLedger(db: Db, stopping: () => boolean = () => false): Promise<number | null> {
  let total = 0;
  for (;;) {
    const n = await locked(db, async (tx) => {
      const folded = await foldBatch(tx);
      await stamp(tx, 'folded_at');
      return folded;
    });
    if (n === null) return total || null;
    total += n;
    if (n < BATCH || stopping()) break;
  }
  // A large fold leaves the queue full of dead rows and the roll-ups' statistics stale:
  // tidy now rather than have every later pass scan past them until autovacuum comes.
  if (total >= 50_000)
    await db.execute(
      sql`VACUUM (ANALYZE) ledger_rollup_queue, person_periods, unit_periods, team_periods, region_figures`,
    );
  return total;
}

const RECORD_COLUMNS = [
  'projects_opened',
  'projects_done',
  'needs_raised',
  'needs_resolved',
  'needs_resolve_hours',
  'meetings_held',
  'days_held',
  'notices_delivered',
  'facility_hours_used',
  'facility_hours_open',
  'registrations_approved',
] as const;

/**
 * Open hours per facility and month, up to today: each day the facility was in the
 * catalogue, its hours that weekday, unless a closure covered it. Only what may have
 * changed is recomputed: the current month, facilities changed since the last pass, and
 * months not yet computed.
 */
async function openMonths(tx: Tx, from: SQL, today: SQL) {
  await tx.execute(sql`
    DELETE FROM facility_open_months m USING facilities f
     WHERE f.district_id = m.district_id AND f.id = m.facility_id
       AND (m.month >= date_trunc('month', ${today})::date
            OR f.updated_at >= coalesce((SELECT records_at FROM figures_state WHERE id = 1), '-infinity'))`);
  await tx.execute(sql`
    WITH months AS (
      SELECT f.district_id, f.id AS facility_id, m::date AS month FROM facilities f
       CROSS JOIN LATERAL generate_series(date_trunc('month', ${from}), date_trunc('month', ${today}), interval '1 month') m
       WHERE NOT EXISTS (SELECT 1 FROM facility_open_months x
                          WHERE x.district_id = f.district_id AND x.facility_id = f.id AND x.month = m::date))
    INSERT INTO facility_open_months (district_id, facility_id, month, hours)
    SELECT mo.district_id, mo.facility_id, mo.month,
           coalesce((SELECT sum(extract(epoch FROM (h->>'closes')::time - (h->>'opens')::time) / 3600)
              FROM generate_series(
                     greatest(mo.month, (f.created_at AT TIME ZONE ${TZ})::date),
                     least((mo.month + interval '1 month')::date - 1, ${today},
                           coalesce((f.retired_at AT TIME ZONE ${TZ})::date - 1, ${today})),
                     interval '1 day') d
              CROSS JOIN LATERAL jsonb_array_elements(f.opening_hours) h
             WHERE (h->>'weekday')::int = extract(isodow FROM d)
               AND NOT EXISTS (SELECT 1 FROM jsonb_array_elements(f.closures) c
                                WHERE d::date BETWEEN (c->>'from')::date AND (c->>'to')::date)), 0)
      FROM months mo JOIN facilities f ON f.district_id = mo.district_id AND f.id = mo.facility_id`);
}

/**
 * Weeks, for the workbench's 概况 (what moved since last week). Week rows in the roll-ups rather
 * than a daily snapshot of the totals: a snapshot is cheaper to write, but people taking part do
 * not subtract (this week's are not this year's less last week's), and a fresh install or a
 * restore would have no week to show for seven days. Week rows cost the fold one more period per
 * entry, for the current week and the two before only: older entries make none, and the oldest
 * week's rows go when a new week begins. The first time (`weeks_from` still empty) they are built
 * from the entries already folded, in one pass over the last three weeks' entries.
 */
async function keepWeeks(tx: Tx) {
  const { rows } = await tx.execute<{ kept: string | null; wanted: string }>(sql`
    SELECT (SELECT weeks_from::text FROM figures_state WHERE id = 1) AS kept,
           (date_trunc('week', now() AT TIME ZONE ${TZ})::date - 14)::text AS wanted`);
  const { kept, wanted } = rows[0]!;
  if (kept !== null && kept >= wanted) return;
  if (kept === null) await buildWeeks(tx, wanted);
  else
    for (const table of ['person_periods', 'region_figures'])
      await tx.execute(sql`DELETE FROM ${sql.raw(table)} WHERE kind = 'week' AND start < ${wanted}::date`);
  await tx.execute(sql`INSERT INTO figures_state (id, weeks_from) VALUES (1, ${wanted}::date)
    ON CONFLICT (id) DO UPDATE SET weeks_from = excluded.weeks_from`);
}

/** The week rows of the entries folded so far (those still queued get theirs from the fold), as the fold makes them. */
async function buildWeeks(tx: Tx, from: string) {
  await tx.execute(sql`CREATE TEMP TABLE week_entries ON COMMIT DROP AS
    SELECT e.district_id, e.kind AS entry_kind, e.quantity, e.person_id, e.region_id,
           date_trunc('week', e.at AT TIME ZONE ${TZ})::date AS start
      FROM ledger_entries e
     WHERE e.at >= ${from}::timestamp AT TIME ZONE ${TZ}
       AND NOT EXISTS (SELECT 1 FROM ledger_rollup_queue q WHERE q.district_id = e.district_id AND q.entry_id = e.id)`);
  await tx.execute(sql`
    WITH nets AS (
      SELECT district_id, person_id, start, sum(quantity) AS net FROM week_entries
       WHERE person_id IS NOT NULL GROUP BY 1, 2, 3),
    ins AS (
      INSERT INTO person_periods (district_id, kind, start, person_id, region_id, member, net)
      SELECT n.district_id, 'week', n.start, n.person_id, ${capped('h.path')}, p.party_org_id IS NOT NULL, n.net
        FROM nets n JOIN people p ON p.district_id = n.district_id AND p.id = n.person_id
        JOIN regions h ON h.district_id = p.district_id AND h.id = p.home_region_id
      RETURNING district_id, region_id, start, member, net)
    INSERT INTO region_figures (district_id, region_id, kind, start, residents_active, members_active)
    SELECT i.district_id, a.id, 'week', i.start, count(*), count(*) FILTER (WHERE i.member)
      FROM ins i JOIN regions r ON r.district_id = i.district_id AND r.id = i.region_id
      CROSS JOIN LATERAL ${ancestors('r.path')} a(id)
     WHERE i.net > 0
     GROUP BY 1, 2, 4`);
  await tx.execute(sql`
    INSERT INTO region_figures (district_id, region_id, kind, start, service_hours, facility_hours, roles_completed,
                                meetings_attended, courses_completed, notices_read)
    SELECT w.district_id, a.id, 'week', w.start,
           coalesce(sum(w.quantity) FILTER (WHERE w.entry_kind = 'service_hours'), 0),
           coalesce(sum(w.quantity) FILTER (WHERE w.entry_kind = 'facility_hours_shared'), 0),
           coalesce(sum(w.quantity) FILTER (WHERE w.entry_kind = 'role_completed'), 0),
           coalesce(sum(w.quantity) FILTER (WHERE w.entry_kind = 'meeting_attended'), 0),
           coalesce(sum(w.quantity) FILTER (WHERE w.entry_kind = 'course_completed'), 0),
           coalesce(sum(w.quantity) FILTER (WHERE w.entry_kind = 'notice_read'), 0)
      FROM week_entries w JOIN regions r ON r.district_id = w.district_id AND r.id = w.region_id
      CROSS JOIN LATERAL ${ancestors('r.path')} a(id)
     GROUP BY 1, 2, 4
    ON CONFLICT (district_id, region_id, kind, start) DO UPDATE SET
      service_hours = excluded.service_hours, facility_hours = excluded.facility_hours,
      roles_completed = excluded.roles_completed, meetings_attended = excluded.meetings_attended,
      courses_completed = excluded.courses_completed, notices_read = excluded.notices_read`);
  await tx.execute(sql`DROP TABLE week_entries`);
}

/** The community's own records, this year and last, into the figures; and who lives under each node. */
async function recomputeRecords(tx: Tx) {
  const from = sql`date_trunc('year', now() AT TIME ZONE ${TZ}) - interval '1 year'`;
  const since = sql`(${from}) AT TIME ZONE ${TZ}`;
  const zero = sql.raw(RECORD_COLUMNS.map(() => '0').join(', '));
  const today = sql`(now() AT TIME ZONE ${TZ})::date`;
  // A need counts in the period it was raised, and so does its answer: of the needs raised then,
  // those answered since, and their hours to the first answer (accepted, or the final one).
  const events = sql`
    SELECT district_id, region_id, starts_at AS at, 1 AS projects_opened, 0 AS projects_done, 0 AS needs_raised,
           0 AS needs_resolved, 0::numeric AS needs_resolve_hours, 0 AS meetings_held, 0 AS days_held,
           0 AS notices_delivered, 0::numeric AS facility_hours_used, 0::numeric AS facility_hours_open,
           0 AS registrations_approved
      FROM projects WHERE status NOT IN ('draft', 'cancelled') AND starts_at >= ${since}
    UNION ALL
    SELECT district_id, region_id, ends_at, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0
      FROM projects WHERE status IN ('done', 'reviewed') AND ends_at >= ${since}
    UNION ALL
    SELECT district_id, community_id, created_at, 0, 0, 1, (status <> 'open')::int,
           CASE WHEN status <> 'open' THEN extract(epoch FROM coalesce(accepted_at, decided_at) - created_at) / 3600 ELSE 0 END,
           0, 0, 0, 0, 0, 0
      FROM needs WHERE created_at >= ${since}
    UNION ALL
    SELECT m.district_id, b.region_id, m.starts_at, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0
      FROM meetings m JOIN bodies b ON b.district_id = m.district_id AND b.id = m.body_id
     WHERE m.status = 'held' AND m.starts_at >= ${since}
    UNION ALL
    SELECT district_id, region_id, starts_at, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0
      FROM dedication_occurrences WHERE status = 'scheduled' AND ends_at <= now() AND starts_at >= ${since}
    UNION ALL
    SELECT district_id, community_id, delivered_at, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0
      FROM notice_recipients WHERE delivered_at >= ${since}
    UNION ALL
    SELECT b.district_id, f.region_id, lower(b.during), 0, 0, 0, 0, 0, 0, 0, 0, coalesce(b.used_hours, 0), 0, 0
      FROM bookings b JOIN facilities f ON f.district_id = b.district_id AND f.id = b.facility_id
     WHERE b.status = 'used' AND lower(b.during) >= ${since}
    UNION ALL
    SELECT m.district_id, f.region_id, (m.month + time '12:00') AT TIME ZONE ${TZ}, 0, 0, 0, 0, 0, 0, 0, 0, 0, m.hours, 0
      FROM facility_open_months m JOIN facilities f ON f.district_id = m.district_id AND f.id = m.facility_id
     WHERE m.month >= (${from})::date
    UNION ALL
    SELECT district_id, community_id, decided_at, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1
      FROM community_registrations WHERE status = 'approved' AND decided_at >= ${since}`;
  await openMonths(tx, sql`(${from})::date`, today);
  const sums = sql.raw(RECORD_COLUMNS.map((c) => `sum(e.${c}) AS ${c}`).join(', '));
  await tx.execute(sql`CREATE TEMP TABLE records ON COMMIT DROP AS
    SELECT e.district_id, a.id AS region_id, p.kind, p.start, ${sums}
      FROM (${events}) e
      JOIN regions r ON r.district_id = e.district_id AND r.id = e.region_id
      CROSS JOIN LATERAL ${ancestors('r.path')} a(id)
      CROSS JOIN LATERAL ${periods('e.at')} p(kind, start)
     GROUP BY 1, 2, 3, 4`);
  const cols = sql.raw(RECORD_COLUMNS.join(', '));
  const excluded = sql.raw(RECORD_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', '));
  const differs = sql.raw(
    `(${RECORD_COLUMNS.map((c) => `region_figures.${c}`).join(', ')}) IS DISTINCT FROM (${RECORD_COLUMNS.map((c) => `excluded.${c}`).join(', ')})`,
  );
  // What no longer has records goes back to zero; the rest is written only where it changed.
  await tx.execute(sql`
    UPDATE region_figures f SET (${cols}) = (${zero})
     WHERE f.start >= (${from})::date
       AND (${sql.raw(RECORD_COLUMNS.map((c) => `f.${c} <> 0`).join(' OR '))})
       AND NOT EXISTS (SELECT 1 FROM records r WHERE r.district_id = f.district_id AND r.region_id = f.region_id
                          AND r.kind = f.kind AND r.start = f.start)`);
  await tx.execute(sql`
    INSERT INTO region_figures (district_id, region_id, kind, start, ${cols})
    SELECT district_id, region_id, kind, start, ${cols} FROM records
    ON CONFLICT (district_id, region_id, kind, start) DO UPDATE SET ${excluded} WHERE ${differs}`);
  await tx.execute(sql`DROP TABLE records`);

  // Who lives and works under each node: grouped by home first, then spread to the ancestors.
  await tx.execute(sql`
    WITH homes AS (
      SELECT district_id, home_region_id AS region_id, count(*) AS residents,
             count(*) FILTER (WHERE party_org_id IS NOT NULL) AS members,
             count(*) FILTER (WHERE party_status = 'in_service') AS in_service
        FROM people GROUP BY 1, 2),
    regs AS (
      SELECT district_id, community_id AS region_id, count(*) AS registered FROM community_registrations
       WHERE status = 'approved' GROUP BY 1, 2),
    unit_counts AS (SELECT district_id, region_id, count(*) AS units FROM units GROUP BY 1, 2),
    comms AS (SELECT district_id, id AS region_id, 1 AS communities FROM regions WHERE kind = 'community'),
    cov AS (SELECT r.district_id, r.id AS region_id, r.kind, ${HAS_BODY} AS covered FROM regions r
             WHERE r.retired_at IS NULL AND r.kind IN ('street', 'community', 'building')),
    base AS (
      SELECT district_id, region_id, residents, members, in_service, 0 AS registered, 0 AS units, 0 AS communities,
             0 AS st, 0 AS stc, 0 AS co, 0 AS coc, 0 AS bu, 0 AS buc FROM homes
      UNION ALL SELECT district_id, region_id, 0, 0, 0, registered, 0, 0, 0, 0, 0, 0, 0, 0 FROM regs
      UNION ALL SELECT district_id, region_id, 0, 0, 0, 0, units, 0, 0, 0, 0, 0, 0, 0 FROM unit_counts
      UNION ALL SELECT district_id, region_id, 0, 0, 0, 0, 0, communities, 0, 0, 0, 0, 0, 0 FROM comms
      UNION ALL SELECT district_id, region_id, 0, 0, 0, 0, 0, 0,
                       (kind = 'street')::int, (kind = 'street' AND covered)::int,
                       (kind = 'community')::int, (kind = 'community' AND covered)::int,
                       (kind = 'building')::int, (kind = 'building' AND covered)::int FROM cov),
    spread AS (
      SELECT b.district_id, a.id AS region_id, sum(residents)::int AS residents, sum(members)::int AS members,
             sum(in_service)::int AS in_service, sum(registered)::int AS registered, sum(units)::int AS units,
             sum(communities)::int AS communities, sum(st)::int AS st, sum(stc)::int AS stc, sum(co)::int AS co,
             sum(coc)::int AS coc, sum(bu)::int AS bu, sum(buc)::int AS buc
        FROM base b JOIN regions r ON r.district_id = b.district_id AND r.id = b.region_id
        CROSS JOIN LATERAL ${ancestors('r.path')} a(id)
       GROUP BY 1, 2),
    gone AS (
      DELETE FROM region_stats s WHERE NOT EXISTS (
        SELECT 1 FROM spread x WHERE x.district_id = s.district_id AND x.region_id = s.region_id))
    INSERT INTO region_stats (district_id, region_id, residents, members, in_service, registered, units, communities,
                              streets_total, streets_covered, communities_total, communities_covered,
                              buildings_total, buildings_covered)
    SELECT * FROM spread
    ON CONFLICT (district_id, region_id) DO UPDATE SET residents = excluded.residents, members = excluded.members,
      in_service = excluded.in_service, registered = excluded.registered, units = excluded.units,
      communities = excluded.communities, streets_total = excluded.streets_total,
      streets_covered = excluded.streets_covered, communities_total = excluded.communities_total,
      communities_covered = excluded.communities_covered, buildings_total = excluded.buildings_total,
      buildings_covered = excluded.buildings_covered, refreshed_at = now()
     WHERE (region_stats.residents, region_stats.members, region_stats.in_service, region_stats.registered,
            region_stats.units, region_stats.communities, region_stats.streets_total, region_stats.streets_covered,
            region_stats.communities_total, region_stats.communities_covered, region_stats.buildings_total,
            region_stats.buildings_covered)
           IS DISTINCT FROM (excluded.residents, excluded.members, excluded.in_service, excluded.registered,
                             excluded.units, excluded.communities, excluded.streets_total, excluded.streets_covered,
                             excluded.communities_total, excluded.communities_covered, excluded.buildings_total,
                             excluded.buildings_covered)`);
}

/** Both passes, now: what the tests, the demo seed and the schedule call. */
export async function refreshFigures(
  db: Db,
  { records = true, stopping = (): boolean => false }: { records?: boolean; stopping?: () => boolean } = {},
) {
  const folded = await foldLedger(db, stopping);
  if (records && !stopping())
    await locked(db, async (tx) => {
      await keepWeeks(tx);
      await recomputeRecords(tx);
      await stamp(tx, 'records_at');
    });
  return folded;
}

/**
 * The ledger pass every few seconds (entries show within seconds), the records pass every
 * minute; both at once to begin with. Returns a stop function, and `firstRun`: settled once
 * that first run is over (done or failed), for a start that waits for the figures.
 */
export function scheduleFigureRefresh(
  db: Db,
  log: ScheduleLog,
  { ledgerMs = 5_000, recordsMs = 60_000 } = {},
) {
  let lastRecords = 0;
  let ran = () => {};
  const firstRun = new Promise<void>((resolve) => {
    ran = resolve;
  });
  const stop = every(
    ledgerMs,
    async (stopping) => {
      try {
        const records = Date.now() - lastRecords >= recordsMs;
        await refreshFigures(db, { records, stopping });
        if (records) lastRecords = Date.now();
      } finally {
        ran();
      }
    },
    log,
    { now: true },
  );
  return Object.assign(stop, { firstRun });
}
