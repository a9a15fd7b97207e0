/**
 * The dashboards read the pre-aggregated figures (figures.refresh.ts) by key: a node and
 * its children, a handful of periods. Nothing here reads the ledger at large.
 */
import dayjs from 'dayjs';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import {
  DEFAULT_TIME_ZONE,
  type FigureQuery,
  type Figures,
  type PeriodKind,
  type RegionKind,
} from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { allow, topScope } from '../../auth/authorize';
import type { Tx } from '../../db/client';
import { unprocessable } from '../../errors';
import { todayIn } from '../dedication-days/recurrence';
import { personRow } from '../members/members.queries';
import { loadRegion } from '../regions/regions.queries';
import { teamRow } from '../teams/teams.queries';
import { unitRow } from '../units/units.queries';
import { unitFor } from '../units/units.service';
import { byFiguresVersion } from './answers.cache';
import { dashboardNodeCan, dashboardPolicy } from './dashboards.policy';
import { engagement } from './engagement';

/** Periods are the fold's (figures.refresh.ts): counted in the default district zone. */
const TZ = DEFAULT_TIME_ZONE;
const MONTHS: Record<PeriodKind, number> = { month: 1, quarter: 3, year: 12 };
/** How many periods a trend shows, this one included. */
const TREND: Record<PeriodKind, number> = { month: 12, quarter: 8, year: 3 };

/** A period of figures; `ongoing` while today is in it (its figures are still coming in: 进行中). */
export type Period = { kind: PeriodKind; start: string; end: string; ongoing: boolean };

/** The period of a kind holding a day (YYYY-MM-DD). */
export function periodOf(kind: PeriodKind, day: string): Period {
  const d = dayjs(day);
  const first =
    kind === 'year'
      ? d.startOf('year')
      : kind === 'quarter'
        ? d.startOf('month').month(Math.floor(d.month() / 3) * 3)
        : d.startOf('month');
  const end = first.add(MONTHS[kind], 'month').subtract(1, 'day').format('YYYY-MM-DD');
  return { kind, start: first.format('YYYY-MM-DD'), end, ongoing: end >= todayIn(TZ) };
}

/**
 * Where a dashboard opens without a date: the last complete period. The current one is
 * half-finished (its trend would plunge at its last point); it stays a choice, marked ongoing.
 */
const lastComplete = (kind: PeriodKind) => back(periodOf(kind, todayIn(TZ)), 1);

const back = (p: Period, n: number) =>
  periodOf(
    p.kind,
    dayjs(p.start)
      .subtract(n * MONTHS[p.kind], 'month')
      .format('YYYY-MM-DD'),
  );

type FigureRow = {
  region_id: number;
  start: string;
  residents_active: number;
  members_active: number;
  units_active: number;
  service_hours: number;
  facility_hours: number;
  roles_completed: number;
  meetings_attended: number;
  courses_completed: number;
  notices_read: number;
  projects_opened: number;
  projects_done: number;
  needs_raised: number;
  needs_resolved: number;
  needs_resolve_hours: number;
  meetings_held: number;
  days_held: number;
  notices_delivered: number;
  facility_hours_used: number;
  facility_hours_open: number;
  registrations_approved: number;
};
type StatsRow = {
  region_id: number;
  streets_total: number;
  streets_covered: number;
  communities_total: number;
  communities_covered: number;
  buildings_total: number;
  buildings_covered: number;
  residents: number;
  members: number;
  in_service: number;
  registered: number;
  units: number;
  communities: number;
};

const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : 0);
const r2 = (x: number) => Math.round(x * 100) / 100;

/**
 * A node's figures for a period from its stored row (absent: nothing happened) and its
 * stats. A building does not organise on its own: its community side is its community's
 * (`organiser`), what the community organises for all its buildings.
 */
export function figuresOf(
  row: FigureRow | undefined,
  stats: StatsRow | undefined,
  kind: PeriodKind,
  organiser?: FigureRow | null,
): Figures {
  const n = (k: keyof FigureRow) => Number(row?.[k] ?? 0);
  const s = (k: keyof StatsRow) => Number(stats?.[k] ?? 0);
  const o = (k: keyof FigureRow) => Number((organiser === undefined ? row : organiser)?.[k] ?? 0);
  const residentShare = share(n('residents_active'), s('residents'));
  const memberShare = share(n('members_active'), s('members'));
  const unitShare = share(n('units_active'), s('units'));
  const e = engagement({
    projectsOpened: o('projects_opened'),
    daysHeld: o('days_held'),
    meetingsHeld: o('meetings_held'),
    communities: organiser === undefined ? s('communities') : 1,
    months: MONTHS[kind],
    residentShare,
    memberShare,
    unitShare: s('units') > 0 ? unitShare : null,
  });
  return {
    residents: s('residents'),
    residentsActive: n('residents_active'),
    residentShare,
    members: s('members'),
    membersActive: n('members_active'),
    memberShare,
    inService: s('in_service'),
    registered: s('registered'),
    registeredShare: share(s('registered'), s('in_service')),
    units: s('units'),
    unitsActive: n('units_active'),
    unitShare,
    serviceHours: r2(n('service_hours')),
    facilityHours: r2(n('facility_hours')),
    facilityHoursUsed: r2(n('facility_hours_used')),
    facilityHoursOpen: r2(n('facility_hours_open')),
    facilityUtilization: share(n('facility_hours_used'), n('facility_hours_open')),
    rolesCompleted: n('roles_completed'),
    meetingsAttended: n('meetings_attended'),
    coursesCompleted: n('courses_completed'),
    noticesDelivered: n('notices_delivered'),
    noticesRead: n('notices_read'),
    readRate: share(n('notices_read'), n('notices_delivered')),
    projectsOpened: n('projects_opened'),
    projectsDone: n('projects_done'),
    needsRaised: n('needs_raised'),
    needsResolved: n('needs_resolved'),
    needsOpen: Math.max(0, n('needs_raised') - n('needs_resolved')),
    needsResolveDays:
      n('needs_resolved') > 0 ? r2(n('needs_resolve_hours') / n('needs_resolved') / 24) : null,
    meetingsHeld: n('meetings_held'),
    daysHeld: n('days_held'),
    registrationsApproved: n('registrations_approved'),
    communitySide: e.communitySide,
    participationSide: e.participationSide,
    engagement: e.index,
    state: e.state,
  };
}

async function readFigures(
  db: Tx,
  districtId: number,
  regionIds: number[],
  kind: PeriodKind,
  starts: string[],
) {
  if (!regionIds.length) return { rows: [] as FigureRow[], stats: new Map<number, StatsRow>() };
  const ids = sql.join(
    regionIds.map((i) => sql`${i}`),
    sql`, `,
  );
  const { rows } = await db.execute<FigureRow>(sql`
    SELECT region_id, start::text AS start, residents_active, members_active, units_active,
           service_hours::float8 AS service_hours, facility_hours::float8 AS facility_hours,
           roles_completed::float8 AS roles_completed, meetings_attended::float8 AS meetings_attended,
           courses_completed::float8 AS courses_completed, notices_read::float8 AS notices_read, projects_opened,
           projects_done, needs_raised, needs_resolved, needs_resolve_hours::float8 AS needs_resolve_hours,
           meetings_held, days_held, notices_delivered, facility_hours_used::float8 AS facility_hours_used,
           facility_hours_open::float8 AS facility_hours_open, registrations_approved
      FROM region_figures
     WHERE district_id = ${districtId} AND region_id IN (${ids}) AND kind = ${kind}
       AND start IN (${sql.join(
         starts.map((s) => sql`${s}::date`),
         sql`, `,
       )})`);
  const { rows: stats } = await db.execute<StatsRow>(sql`
    SELECT region_id, residents, members, in_service, registered, units, communities, streets_total, streets_covered,
           communities_total, communities_covered, buildings_total, buildings_covered FROM region_stats
     WHERE district_id = ${districtId} AND region_id IN (${ids})`);
  return { rows, stats: new Map(stats.map((s) => [Number(s.region_id), s])) };
}

/**
 * Whether the figures are still being computed for the first time: until the first refresh has
 * finished both passes (a fresh start), every figure reads 0, and the answers say why.
 */
export async function figuresComputing(db: Tx): Promise<boolean> {
  const { rows } = await db.execute<{ done: boolean }>(
    sql`SELECT records_at IS NOT NULL AND weeks_from IS NOT NULL AS done FROM figures_state WHERE id = 1`,
  );
  return !rows[0]?.done;
}

/** The node asked for (the actor's own top one when none is): figures go down to buildings. */
async function nodeFor(db: Tx, actor: Actor, regionId: number | undefined) {
  const root = await loadRegion(db, actor, regionId ?? topScope(actor, 'dashboard.read'));
  allow(dashboardPolicy.read(actor, root), 'out_of_scope');
  if (root.kind === 'entrance') throw unprocessable('figures_to_buildings');
  return root;
}

/** The network under a node, from its stats: the share of each level that has its body. */
const coverageOf = (s: StatsRow | undefined) =>
  (
    [
      ['street', s?.streets_total, s?.streets_covered],
      ['community', s?.communities_total, s?.communities_covered],
      ['building', s?.buildings_total, s?.buildings_covered],
    ] as const
  )
    .map(([kind, total = 0, covered = 0]) => ({
      kind,
      total: Number(total),
      covered: Number(covered),
      share: Number(total) ? Number(covered) / Number(total) : 1,
    }))
    .filter((l) => l.total > 0);

type Node = { id: number; name: string; kind: RegionKind; path: string };

/** The overview of a node: its figures, its children's, the trend, and a period to compare with. */
export async function overview(db: Tx, actor: Actor, q: z.infer<typeof FigureQuery>) {
  const root = await nodeFor(db, actor, q.regionId);
  const period = q.at ? periodOf(q.kind, q.at) : lastComplete(q.kind);
  const compare = q.compareAt ? periodOf(q.kind, q.compareAt) : null;
  // Asked once per figures version whoever asks (each reader was let in above); the trail's
  // `can` is the reader's own.
  const key = `overview|${actor.districtId}|${root.id}|${q.kind}|${period.start}|${compare?.start ?? ''}`;
  const answer = await byFiguresVersion(db, key, () =>
    computeOverview(db, actor.districtId, root, q.kind, period, compare),
  );
  return { ...answer, trail: answer.trail.map((n) => ({ ...n, can: dashboardNodeCan(actor, n) })) };
}

async function computeOverview(
  db: Tx,
  districtId: number,
  root: Awaited<ReturnType<typeof nodeFor>>,
  kind: PeriodKind,
  period: Period,
  compare: Period | null,
) {
  const q = { kind };
  const trend = Array.from({ length: TREND[q.kind] }, (_, i) => back(period, TREND[q.kind] - 1 - i));
  const trailIds = root.path.split('.').map(Number);
  const { rows: nodes } = await db.execute<Node>(sql`
    SELECT id, name, kind, path::text AS path FROM regions
     WHERE district_id = ${districtId} AND retired_at IS NULL
       AND (id IN (${sql.join(
         trailIds.map((i) => sql`${i}`),
         sql`, `,
       )}) OR (parent_id = ${root.id} AND nlevel(path) <= 4))
     ORDER BY nlevel(path), name`);
  const trail = nodes.filter((n) => trailIds.includes(Number(n.id)));
  const children = nodes.filter((n) => !trailIds.includes(Number(n.id)));
  const starts = [...new Set([...trend.map((p) => p.start), ...(compare ? [compare.start] : [])])];
  // A building's community organises for it: its rows give the building's community side.
  const community = root.kind === 'building' ? trailIds.at(-2)! : root.kind === 'community' ? root.id : null;
  const own = await readFigures(
    db,
    districtId,
    community && community !== root.id ? [root.id, community] : [root.id],
    q.kind,
    starts,
  );
  const kids = await readFigures(
    db,
    districtId,
    children.map((c) => Number(c.id)),
    q.kind,
    [period.start],
  );
  const at = (rows: FigureRow[], regionId: number, start: string) =>
    rows.find((r) => Number(r.region_id) === regionId && r.start === start);
  const ownStats = own.stats.get(root.id);
  const organiserOf = (start: string) =>
    root.kind === 'building' ? (at(own.rows, community!, start) ?? null) : undefined;
  const ownFigures = (start: string) =>
    figuresOf(at(own.rows, root.id, start), ownStats, q.kind, organiserOf(start));
  const { rows: fresh } = await db.execute<{ at: string | null }>(
    sql`SELECT folded_at::text AS at FROM figures_state WHERE id = 1`,
  );
  const computing = await figuresComputing(db);
  const ref = (n: Node) => ({ id: Number(n.id), name: n.name, kind: n.kind });
  return {
    region: { id: root.id, name: root.name, kind: root.kind },
    trail: trail.map((n) => ({ ...ref(n), path: n.path })),
    period,
    figures: ownFigures(period.start),
    compare: compare ? { period: compare, figures: ownFigures(compare.start) } : null,
    children: children.map((c) => ({
      region: ref(c),
      figures: figuresOf(
        at(kids.rows, Number(c.id), period.start),
        kids.stats.get(Number(c.id)),
        q.kind,
        root.kind === 'community' ? (at(own.rows, root.id, period.start) ?? null) : undefined,
      ),
    })),
    trend: trend.map((p) => ({ period: p, figures: ownFigures(p.start) })),
    refreshedAt: fresh[0]?.at ? new Date(fresh[0].at).toISOString() : null,
    computing,
    coverage: coverageOf(ownStats),
  };
}

/** Top and bottom communities by the engagement index, and the teams and units that served most. */
export async function leaders(db: Tx, actor: Actor, q: z.infer<typeof FigureQuery>) {
  const root = await nodeFor(db, actor, q.regionId);
  const period = q.at ? periodOf(q.kind, q.at) : lastComplete(q.kind);
  const key = `leaders|${actor.districtId}|${root.id}|${q.kind}|${period.start}`;
  return byFiguresVersion(db, key, () => computeLeaders(db, actor, root, q.kind, period));
}

async function computeLeaders(
  db: Tx,
  actor: Pick<Actor, 'districtId'>,
  root: Awaited<ReturnType<typeof nodeFor>>,
  kind: PeriodKind,
  period: Period,
) {
  const q = { kind };
  const { rows: communities } = await db.execute<Node & { parent_name: string }>(sql`
    SELECT c.id, c.name, c.kind, c.path::text AS path, p.name AS parent_name FROM regions c
      JOIN regions p ON p.district_id = c.district_id AND p.id = c.parent_id
     WHERE c.district_id = ${actor.districtId} AND c.kind = 'community' AND c.retired_at IS NULL
       AND c.path <@ ${root.path}::ltree`);
  const figs = await readFigures(
    db,
    actor.districtId,
    communities.map((c) => Number(c.id)),
    q.kind,
    [period.start],
  );
  const ranked = communities
    .map((c) => ({
      region: { id: Number(c.id), name: c.name, kind: c.kind },
      parentName: c.parent_name,
      figures: figuresOf(
        figs.rows.find((r) => Number(r.region_id) === Number(c.id)),
        figs.stats.get(Number(c.id)),
        q.kind,
      ),
    }))
    .sort((a, b) => b.figures.engagement - a.figures.engagement || a.region.id - b.region.id);
  const { rows: teams } = await db.execute<{
    id: number;
    name: string;
    region_name: string;
    hours: number;
  }>(sql`
    SELECT t.id, t.name, r.name AS region_name, tp.hours::float8 AS hours
      FROM team_periods tp JOIN LATERAL (${teamRow(sql`tp.district_id`, sql`tp.team_id`)}) t ON true
      JOIN regions r ON r.district_id = tp.district_id AND r.id = t.region_id
     WHERE tp.district_id = ${actor.districtId} AND tp.kind = ${q.kind} AND tp.start = ${period.start}::date
       AND r.path <@ ${root.path}::ltree AND tp.hours > 0
     ORDER BY tp.hours DESC, t.id LIMIT 10`);
  const { rows: units } = await db.execute<{
    id: number;
    name: string;
    region_name: string;
    hours: number;
    acts: number;
  }>(sql`
    SELECT u.id, u.name, r.name AS region_name, up.hours::float8 AS hours, (up.net - up.hours)::float8 AS acts
      FROM unit_periods up JOIN LATERAL (${unitRow(sql`up.district_id`, sql`up.unit_id`)}) u ON true
      JOIN regions r ON r.district_id = up.district_id AND r.id = u.region_id
     WHERE up.district_id = ${actor.districtId} AND up.kind = ${q.kind} AND up.start = ${period.start}::date
       AND r.path <@ ${root.path}::ltree AND up.net > 0
     ORDER BY up.hours DESC, up.net DESC, u.id LIMIT 10`);
  // The bottom five are those not already among the top five.
  const bottom = ranked.slice(Math.max(5, ranked.length - 5)).reverse();
  return {
    period,
    computing: await figuresComputing(db),
    top: ranked.slice(0, 5),
    bottom,
    teams: teams.map((t) => ({ id: Number(t.id), name: t.name, regionName: t.region_name, hours: t.hours })),
    units: units.map((u) => ({
      id: Number(u.id),
      name: u.name,
      regionName: u.region_name,
      hours: u.hours,
      acts: u.acts,
    })),
  };
}

/** A member's own year: from their entries (an indexed read of one person) and their community's figures. */
export async function myFigures(db: Tx, actor: Actor) {
  if (!actor.personId) throw unprocessable('need_no_person');
  const year = Number(todayIn(TZ).slice(0, 4));
  const { rows } = await db.execute<{ start: string; hours: number; acts: number }>(sql`
    SELECT date_trunc('month', at AT TIME ZONE ${TZ})::date::text AS start,
           coalesce(sum(quantity) FILTER (WHERE kind = 'service_hours'), 0)::float8 AS hours,
           count(*) FILTER (WHERE corrects_id IS NULL)::int AS acts
      FROM ledger_entries
     WHERE district_id = ${actor.districtId} AND person_id = ${actor.personId}
       AND at >= make_date(${year}, 1, 1)::timestamp AT TIME ZONE ${TZ}
       AND at < make_date(${year + 1}, 1, 1)::timestamp AT TIME ZONE ${TZ}
     GROUP BY 1`);
  const months = Array.from({ length: 12 }, (_, m) => {
    const start = dayjs(`${year}-01-01`).add(m, 'month').format('YYYY-MM-DD');
    const row = rows.find((r) => r.start === start);
    return { start, hours: r2(row?.hours ?? 0), acts: row?.acts ?? 0 };
  });
  const { rows: community } = await db.execute<{
    id: number;
    name: string;
    hours: number | null;
    active: number | null;
    residents: number | null;
  }>(sql`
    SELECT c.id, c.name, f.service_hours::float8 AS hours, f.residents_active AS active, s.residents
      FROM (${personRow(sql`${actor.districtId}`, sql`${actor.personId}`)}) p
      JOIN regions h ON h.district_id = ${actor.districtId} AND h.id = p.home_region_id
      JOIN regions c ON c.district_id = h.district_id AND c.path = subpath(h.path, 0, least(3, nlevel(h.path)))
      LEFT JOIN region_figures f ON f.district_id = c.district_id AND f.region_id = c.id AND f.kind = 'year'
                                AND f.start = make_date(${year}, 1, 1)
      LEFT JOIN region_stats s ON s.district_id = c.district_id AND s.region_id = c.id`);
  const c = community[0]!;
  return {
    year,
    months,
    totals: {
      hours: r2(months.reduce((s, m) => s + m.hours, 0)),
      acts: months.reduce((s, m) => s + m.acts, 0),
    },
    community: {
      name: c.name,
      averageHours: c.active ? r2((c.hours ?? 0) / c.active) : 0,
      residentShare: share(c.active ?? 0, c.residents ?? 0),
    },
  };
}

/** A unit's own year, from its stored figures, and where it stands among the district's units. */
export async function unitFigures(db: Tx, actor: Actor, unitId: number) {
  const unit = await unitFor(db, actor, unitId);
  const year = Number(todayIn(TZ).slice(0, 4));
  const { rows } = await db.execute<{ kind: PeriodKind; start: string; hours: number; acts: number }>(sql`
    SELECT kind, start::text AS start, hours::float8 AS hours, (net - hours)::float8 AS acts FROM unit_periods
     WHERE district_id = ${actor.districtId} AND unit_id = ${unitId}
       AND start >= make_date(${year}, 1, 1) AND start < make_date(${year + 1}, 1, 1) AND kind IN ('month', 'year')`);
  const months = Array.from({ length: 12 }, (_, m) => {
    const start = dayjs(`${year}-01-01`).add(m, 'month').format('YYYY-MM-DD');
    const row = rows.find((r) => r.kind === 'month' && r.start === start);
    return { start, hours: r2(row?.hours ?? 0), acts: row?.acts ?? 0 };
  });
  const mine = rows.find((r) => r.kind === 'year');
  const { rows: standing } = await db.execute<{ above: number; taking: number }>(sql`
    SELECT count(*) FILTER (WHERE hours > ${mine?.hours ?? 0})::int AS above, count(*) FILTER (WHERE net > 0)::int AS taking
      FROM unit_periods WHERE district_id = ${actor.districtId} AND kind = 'year' AND start = make_date(${year}, 1, 1)`);
  return {
    unit: { id: unit.id, name: unit.name },
    year,
    months,
    totals: { hours: r2(mine?.hours ?? 0), acts: mine?.acts ?? 0 },
    rank: mine && mine.hours > 0 ? standing[0]!.above + 1 : null,
    unitsTakingPart: standing[0]!.taking,
  };
}
