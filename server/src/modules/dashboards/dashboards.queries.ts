/**
 * What other domains may read of the dashboards: the week's figures on a staff member's
 * workbench (概况). Read by key from the pre-aggregated week rows (figures.refresh.ts keeps the
 * current week and the two before), never from the ledger.
 */
import { sql } from 'drizzle-orm';
import { DEFAULT_TIME_ZONE, WEEK_FIGURES, type WeekFigureKey, type WeekOverview } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { topScope } from '../../auth/authorize';
import type { Tx } from '../../db/client';
import { loadRegion } from '../regions/regions.queries';
import { dashboardPolicy } from './dashboards.policy';
import { figuresComputing } from './dashboards.service';

/** Weeks are the fold's: counted in the default district zone, Monday to Sunday. */
const TZ = DEFAULT_TIME_ZONE;

type WeekRow = {
  start: string;
  residents_active: number;
  service_hours: number;
  registrations_approved: number;
  needs_raised: number;
  needs_resolved: number;
  days_held: number;
};

/** Each figure's column, and the dashboard card it opens on. */
const FIGURE: Record<WeekFigureKey, { column: keyof WeekRow; card: string }> = {
  residentsActive: { column: 'residents_active', card: 'residentShare' },
  serviceHours: { column: 'service_hours', card: 'serviceHours' },
  registrationsApproved: { column: 'registrations_approved', card: 'registeredShare' },
  needsRaised: { column: 'needs_raised', card: 'needsRaised' },
  daysHeld: { column: 'days_held', card: 'daysHeld' },
};

/**
 * What moved last week under the top node of the reader's area: each figure's value in the last
 * complete week, the week before (the change is against it) and this week so far. Null for those
 * who read no dashboard (members, residents, lecturers, unit contacts).
 */
export async function weekOverview(db: Tx, actor: Actor): Promise<WeekOverview | null> {
  if (!dashboardPolicy.overview(actor)) return null;
  const node = await loadRegion(db, actor, topScope(actor, 'dashboard.read'));
  if (!dashboardPolicy.read(actor, node)) return null;
  const { rows: days } = await db.execute<{ monday: string; today: string }>(sql`
    SELECT date_trunc('week', now() AT TIME ZONE ${TZ})::date::text AS monday,
           (now() AT TIME ZONE ${TZ})::date::text AS today`);
  const { monday, today } = days[0]!;
  const day = (offset: number) => {
    const d = new Date(`${monday}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + offset);
    return d.toISOString().slice(0, 10);
  };
  const [before, last, current] = [day(-14), day(-7), monday];
  const { rows } = await db.execute<WeekRow>(sql`
    SELECT start::text AS start, residents_active, service_hours::float8 AS service_hours, registrations_approved,
           needs_raised, needs_resolved, days_held
      FROM region_figures
     WHERE district_id = ${actor.districtId} AND region_id = ${node.id} AND kind = 'week'
       AND start IN (${before}::date, ${last}::date, ${current}::date)`);
  const week = (start: string) => rows.find((r) => r.start === start);
  const value = (start: string, column: keyof WeekRow) => Number(week(start)?.[column] ?? 0);
  const round = (x: number) => Math.round(x * 100) / 100;
  const end = day(-1);
  return {
    region: { id: Number(node.id), name: node.name, kind: node.kind },
    week: { start: last, end },
    previousWeek: { start: before, end: day(-8) },
    thisWeek: { start: current, end: today },
    computing: await figuresComputing(db),
    figures: WEEK_FIGURES.map((key) => {
      const { column, card } = FIGURE[key];
      return {
        key,
        value: round(value(last, column)),
        previous: round(value(before, column)),
        sofar: round(value(current, column)),
        answered: key === 'needsRaised' ? value(last, 'needs_resolved') : null,
        link: `/dashboards?regionId=${node.id}&at=${end}&figure=${card}`,
      };
    }),
  };
}
