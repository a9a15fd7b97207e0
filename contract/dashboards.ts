import { z } from 'zod';
import { Id, LocalDate } from './common';
import { CoverageLevel } from './coverage';
import { REGION_KINDS } from './regions';

export const PERIOD_KINDS = ['month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export const FigureQuery = z.strictObject({
  regionId: Id.optional(),
  kind: z.enum(PERIOD_KINDS).default('month'),
  /** Any day in the period; absent: the current one. */
  at: LocalDate.optional(),
  /** Another period of the same kind to compare with. */
  compareAt: LocalDate.optional(),
});
export const ENGAGEMENT_STATES = ['both', 'community_only', 'residents_only', 'neither'] as const;
/** Every figure of a node in a period; shares are 0..1. */
export const Figures = z.object({
  residents: z.number(),
  residentsActive: z.number(),
  residentShare: z.number(),
  members: z.number(),
  membersActive: z.number(),
  memberShare: z.number(),
  inService: z.number(),
  registered: z.number(),
  registeredShare: z.number(),
  units: z.number(),
  unitsActive: z.number(),
  unitShare: z.number(),
  serviceHours: z.number(),
  facilityHours: z.number(),
  facilityHoursUsed: z.number(),
  facilityHoursOpen: z.number(),
  /** Venue hours used over the hours the venues were open, up to today. */
  facilityUtilization: z.number(),
  rolesCompleted: z.number(),
  meetingsAttended: z.number(),
  coursesCompleted: z.number(),
  noticesDelivered: z.number(),
  noticesRead: z.number(),
  readRate: z.number(),
  projectsOpened: z.number(),
  projectsDone: z.number(),
  /** Needs raised in the period; the three below are about these same needs, so they add up. */
  needsRaised: z.number(),
  /** Of them, those answered since (accepted, merged, turned into a project or declined). */
  needsResolved: z.number(),
  /** Of them, those still waiting for an answer: needsRaised − needsResolved. */
  needsOpen: z.number(),
  /** Average days from being raised to the first answer, over those answered; null when none was. */
  needsResolveDays: z.number().nullable(),
  meetingsHeld: z.number(),
  daysHeld: z.number(),
  /** In-service members' registrations with their home community approved in the period. */
  registrationsApproved: z.number(),
  communitySide: z.number(),
  participationSide: z.number(),
  engagement: z.number(),
  state: z.enum(ENGAGEMENT_STATES),
});
export type Figures = z.infer<typeof Figures>;
const FigureRegion = z.object({ id: z.number(), name: z.string(), kind: z.enum(REGION_KINDS) });
/** What the reader may do with a node on the way back up (computed by the server's dashboards.policy). */
export const DashboardNodeCan = z.object({
  /** Open its dashboard: those who read dashboards over it — the way back up stops at the top of their area. */
  open: z.boolean(),
});
export type DashboardNodeCan = z.infer<typeof DashboardNodeCan>;
export const Period = z.object({
  kind: z.enum(PERIOD_KINDS),
  start: z.string(),
  end: z.string(),
  /** Today is in it: its figures are still coming in (shown as 进行中). */
  ongoing: z.boolean(),
});
export const Overview = z.object({
  region: FigureRegion,
  /** From the district down to the region: for the drill-down's way back. */
  trail: z.array(FigureRegion.extend({ can: DashboardNodeCan })),
  period: Period,
  figures: Figures,
  compare: z.object({ period: Period, figures: Figures }).nullable(),
  children: z.array(z.object({ region: FigureRegion, figures: Figures })),
  /** The periods up to this one, oldest first. */
  trend: z.array(z.object({ period: Period, figures: Figures })),
  /** When the figures were last brought up to date. */
  refreshedAt: z.string().nullable(),
  /**
   * The figures are being computed for the first time (a fresh start): every figure reads 0 until
   * they are; the console says so and asks again.
   */
  computing: z.boolean(),
  /** The organisation network under the node now: the share of streets, communities and buildings with their body. */
  coverage: z.array(CoverageLevel),
});
export type Overview = z.infer<typeof Overview>;
export const Leaders = z.object({
  period: Period,
  /** As in Overview: the first computation has not finished. */
  computing: z.boolean(),
  top: z.array(z.object({ region: FigureRegion, parentName: z.string(), figures: Figures })),
  bottom: z.array(z.object({ region: FigureRegion, parentName: z.string(), figures: Figures })),
  teams: z.array(z.object({ id: z.number(), name: z.string(), regionName: z.string(), hours: z.number() })),
  units: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      regionName: z.string(),
      hours: z.number(),
      acts: z.number(),
    }),
  ),
});
export type Leaders = z.infer<typeof Leaders>;
/** A member's own year, month by month, next to their community. */
export const MyFigures = z.object({
  year: z.number(),
  months: z.array(z.object({ start: z.string(), hours: z.number(), acts: z.number() })),
  totals: z.object({ hours: z.number(), acts: z.number() }),
  community: z.object({
    name: z.string(),
    /** Service hours per resident taking part, this year. */
    averageHours: z.number(),
    residentShare: z.number(),
  }),
});

/** The figures on a staff member's workbench (概况), each opening the dashboard on its card. */
export const WEEK_FIGURES = [
  'residentsActive',
  'serviceHours',
  'registrationsApproved',
  'needsRaised',
  'daysHeld',
] as const;
export type WeekFigureKey = (typeof WEEK_FIGURES)[number];
const Week = z.object({ start: LocalDate, end: LocalDate });
export const WeekFigure = z.object({
  key: z.enum(WEEK_FIGURES),
  /** The last complete week (Monday to Sunday). */
  value: z.number(),
  /** The week before it: what the change is against. */
  previous: z.number(),
  /** This week so far. */
  sofar: z.number(),
  /** For needs: of those raised in the last complete week, how many are answered (null for the rest). */
  answered: z.number().nullable(),
  /** The dashboard opened on this node, the month holding the week, and this figure's card. */
  link: z.string(),
});
export type WeekFigure = z.infer<typeof WeekFigure>;
/** What moved last week under the reader's node (the top of their area), from the weekly figures. */
export const WeekOverview = z.object({
  region: FigureRegion,
  week: Week,
  previousWeek: Week,
  /** This week: Monday to today. */
  thisWeek: Week,
  /** As in Overview: the first computation has not finished (the figures read 0 until it has). */
  computing: z.boolean(),
  figures: z.array(WeekFigure),
});
export type WeekOverview = z.infer<typeof WeekOverview>;
