/**
 * Pre-aggregated figures for the dashboards. Ledger entries reach them through a queue
 * that a trigger fills on every insert (the ledger is append-only, so each entry is
 * counted once, whoever wrote it); the refresh folds the queue into per-period
 * participation and the figures of every region node up to building level.
 */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  timestamp,
} from 'drizzle-orm/pg-core';
import { PERIOD_KINDS } from '../../../../contract';
import { districtId, id } from '../../db/columns';
import { facilities } from '../facilities/facilities.schema';

/**
 * The dashboards' periods, and `week` (Monday to Sunday): kept only for the current week and the
 * two before it, for the workbench's 概况 (figures.refresh.ts says why weeks and not snapshots).
 */
export const periodKind = pgEnum('period_kind', [...PERIOD_KINDS, 'week']);

/** Ledger entries not yet folded into the figures. */
export const ledgerRollupQueue = pgTable(
  'ledger_rollup_queue',
  { districtId: districtId(), entryId: id('entry_id').notNull() },
  (t) => [primaryKey({ columns: [t.districtId, t.entryId] })],
);

const periodKey = {
  districtId: districtId(),
  kind: periodKind().notNull(),
  start: date({ mode: 'string' }).notNull(),
};
const amount = (name: string) =>
  numeric(name, { precision: 14, scale: 2, mode: 'number' }).notNull().default(0);
const count = (name: string) => integer(name).notNull().default(0);

/** A person's net entries in a period: they took part when it is above zero. */
export const personPeriods = pgTable(
  'person_periods',
  {
    ...periodKey,
    personId: id('person_id').notNull(),
    /** Home at the time, at most building level: where the participation counts. */
    regionId: id('region_id').notNull(),
    member: boolean().notNull(),
    net: amount('net'),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.personId, t.kind, t.start] })],
);

export const unitPeriods = pgTable(
  'unit_periods',
  {
    ...periodKey,
    unitId: id('unit_id').notNull(),
    regionId: id('region_id').notNull(),
    net: amount('net'),
    hours: amount('hours'),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.unitId, t.kind, t.start] }),
    index('unit_periods_rank_idx').on(t.districtId, t.kind, t.start, t.hours),
  ],
);

export const teamPeriods = pgTable(
  'team_periods',
  {
    ...periodKey,
    teamId: id('team_id').notNull(),
    regionId: id('region_id').notNull(),
    hours: amount('hours'),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.teamId, t.kind, t.start] }),
    index('team_periods_rank_idx').on(t.districtId, t.kind, t.start, t.hours),
  ],
);

/** Every figure of a region node (district, street, community, building) in a period. */
export const regionFigures = pgTable(
  'region_figures',
  {
    ...periodKey,
    regionId: id('region_id').notNull(),
    // From the ledger, folded in as entries arrive.
    residentsActive: count('residents_active'),
    membersActive: count('members_active'),
    unitsActive: count('units_active'),
    serviceHours: amount('service_hours'),
    facilityHours: amount('facility_hours'),
    rolesCompleted: amount('roles_completed'),
    meetingsAttended: amount('meetings_attended'),
    coursesCompleted: amount('courses_completed'),
    noticesRead: amount('notices_read'),
    // From the community's own records, recomputed by the refresh.
    projectsOpened: count('projects_opened'),
    projectsDone: count('projects_done'),
    needsRaised: count('needs_raised'),
    /** Of the needs raised in the period, those answered since (any answer: accepted, merged, converted, declined). */
    needsResolved: count('needs_resolved'),
    /** Their hours from being raised to their first answer. */
    needsResolveHours: amount('needs_resolve_hours'),
    meetingsHeld: count('meetings_held'),
    daysHeld: count('days_held'),
    noticesDelivered: count('notices_delivered'),
    facilityHoursUsed: amount('facility_hours_used'),
    /** Hours the facilities under the node were open (their weekly hours, less closures). */
    facilityHoursOpen: amount('facility_hours_open'),
    /** In-service members' registrations approved in the period (still standing). */
    registrationsApproved: count('registrations_approved'),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.regionId, t.kind, t.start] })],
);

/**
 * Each facility's open hours per month up to today: kept so the records pass recomputes
 * only the current month and facilities whose hours or closures changed, not two years
 * of days for every facility each minute.
 */
export const facilityOpenMonths = pgTable(
  'facility_open_months',
  {
    districtId: districtId(),
    facilityId: id('facility_id').notNull(),
    month: date({ mode: 'string' }).notNull(),
    hours: amount('hours'),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.facilityId, t.month] }),
    foreignKey({
      columns: [t.districtId, t.facilityId],
      foreignColumns: [facilities.districtId, facilities.id],
    }),
  ],
);

/** When each pass last ran: what "figures as of" on the page means. */
export const figuresState = pgTable(
  'figures_state',
  {
    id: smallint().primaryKey().default(1),
    foldedAt: timestamp('folded_at', { withTimezone: true, mode: 'string' }),
    recordsAt: timestamp('records_at', { withTimezone: true, mode: 'string' }),
    /** The first week kept (a Monday): null until the week rows were first built from the ledger. */
    weeksFrom: date('weeks_from', { mode: 'string' }),
  },
  (t) => [check('figures_state_single', sql`${t.id} = 1`)],
);

/** Who lives and works under each node now: the denominators of the shares. */
export const regionStats = pgTable(
  'region_stats',
  {
    districtId: districtId(),
    regionId: id('region_id').notNull(),
    residents: count('residents'),
    members: count('members'),
    inService: count('in_service'),
    registered: count('registered'),
    units: count('units'),
    communities: count('communities'),
    // The organisation network under the node (live streets, communities, buildings; with their body).
    streetsTotal: count('streets_total'),
    streetsCovered: count('streets_covered'),
    communitiesTotal: count('communities_total'),
    communitiesCovered: count('communities_covered'),
    buildingsTotal: count('buildings_total'),
    buildingsCovered: count('buildings_covered'),
    refreshedAt: timestamp('refreshed_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.regionId] })],
);
