import { sql } from 'drizzle-orm';
import {
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import {
  type Criterion,
  EVALUATION_STATUSES,
  HONOURS,
  NOMINATION_STATUSES,
  OBJECTION_STATUSES,
} from '../../../../contract';
import { createdAt, districtId, id, updatedAt } from '../../db/columns';
import { users } from '../accounts/accounts.schema';
import { regions } from '../regions/regions.schema';

export const honour = pgEnum('honour', HONOURS);
export const evaluationStatus = pgEnum('evaluation_status', EVALUATION_STATUSES);
export const nominationStatus = pgEnum('nomination_status', NOMINATION_STATUSES);
export const objectionStatus = pgEnum('objection_status', OBJECTION_STATUSES);

/** A yearly evaluation for one honour: a scope, a period and criteria over the ledger. */
export const evaluations = pgTable(
  'evaluations',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    regionId: id('region_id').notNull(),
    honour: honour().notNull(),
    title: text().notNull(),
    periodFrom: date('period_from', { mode: 'string' }).notNull(),
    periodTo: date('period_to', { mode: 'string' }).notNull(),
    criteria: jsonb().$type<Criterion[]>().notNull(),
    status: evaluationStatus().notNull().default('open'),
    computedAt: timestamp('computed_at', { withTimezone: true, mode: 'string' }),
    closedAt: timestamp('closed_at', { withTimezone: true, mode: 'string' }),
    /** Nominations each street may make once the figures are frozen. */
    nominationQuota: integer('nomination_quota').notNull().default(3),
    /** The public notice (公示) of the shortlist: objections are taken in this window. */
    noticeFrom: timestamp('notice_from', { withTimezone: true, mode: 'string' }),
    noticeUntil: timestamp('notice_until', { withTimezone: true, mode: 'string' }),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'string' }),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'string' }),
    createdBy: id('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.regionId], foreignColumns: [regions.districtId, regions.id] }),
    index('evaluations_honour_idx').on(t.districtId, t.honour, t.periodFrom),
    check('evaluations_period', sql`${t.periodTo} >= ${t.periodFrom}`),
    check('evaluations_quota', sql`${t.nominationQuota} BETWEEN 0 AND 1000`),
    check('evaluations_notice', sql`${t.noticeUntil} > ${t.noticeFrom}`),
  ],
);

/** Each candidate's stored result: what the ranking page reads. */
export const evaluationScores = pgTable(
  'evaluation_scores',
  {
    districtId: districtId(),
    evaluationId: id('evaluation_id').notNull(),
    subjectId: id('subject_id').notNull(),
    name: text().notNull(),
    regionId: id('region_id').notNull(),
    byCriterion: jsonb('by_criterion').$type<Record<string, number>>().notNull(),
    deductions: numeric({ precision: 10, scale: 2, mode: 'number' }).notNull().default(0),
    total: numeric({ precision: 10, scale: 2, mode: 'number' }).notNull(),
    rank: integer().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.evaluationId, t.subjectId] }),
    foreignKey({
      columns: [t.districtId, t.evaluationId],
      foreignColumns: [evaluations.districtId, evaluations.id],
    }),
    index('evaluation_scores_rank_idx').on(t.districtId, t.evaluationId, t.rank, t.subjectId),
  ],
);

/** The acts behind each score: one original ledger entry, its net quantity, its points. */
export const evaluationActs = pgTable(
  'evaluation_acts',
  {
    districtId: districtId(),
    evaluationId: id('evaluation_id').notNull(),
    subjectId: id('subject_id').notNull(),
    criterion: text().notNull(),
    entryId: id('entry_id').notNull(),
    quantity: numeric({ precision: 10, scale: 2, mode: 'number' }).notNull(),
    points: numeric({ precision: 10, scale: 2, mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.evaluationId, t.subjectId, t.criterion, t.entryId] }),
    foreignKey({
      columns: [t.districtId, t.evaluationId],
      foreignColumns: [evaluations.districtId, evaluations.id],
    }),
  ],
);

export const evaluationDeductions = pgTable(
  'evaluation_deductions',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    evaluationId: id('evaluation_id').notNull(),
    subjectId: id('subject_id').notNull(),
    points: numeric({ precision: 10, scale: 2, mode: 'number' }).notNull(),
    reason: text().notNull(),
    createdBy: id('created_by').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({
      columns: [t.districtId, t.evaluationId],
      foreignColumns: [evaluations.districtId, evaluations.id],
    }),
    index('evaluation_deductions_subject_idx').on(t.districtId, t.evaluationId, t.subjectId),
    check('evaluation_deductions_positive', sql`${t.points} > 0`),
  ],
);

/** Each street's nominations: a guarded counter, never past its quota. */
export const evaluationQuotas = pgTable(
  'evaluation_quotas',
  {
    districtId: districtId(),
    evaluationId: id('evaluation_id').notNull(),
    regionId: id('region_id').notNull(),
    quota: integer().notNull(),
    used: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.evaluationId, t.regionId] }),
    foreignKey({
      columns: [t.districtId, t.evaluationId],
      foreignColumns: [evaluations.districtId, evaluations.id],
    }),
    foreignKey({ columns: [t.districtId, t.regionId], foreignColumns: [regions.districtId, regions.id] }),
    check('evaluation_quotas_used', sql`${t.used} BETWEEN 0 AND ${t.quota}`),
  ],
);

/** A street's nomination of a scored candidate, and the district's review of it. */
export const evaluationNominations = pgTable(
  'evaluation_nominations',
  {
    districtId: districtId(),
    evaluationId: id('evaluation_id').notNull(),
    subjectId: id('subject_id').notNull(),
    /** The street whose quota it uses (the evaluation's own region for candidates above streets). */
    regionId: id('region_id').notNull(),
    statement: text().notNull(),
    status: nominationStatus().notNull().default('nominated'),
    nominatedBy: id('nominated_by').references(() => users.id),
    nominatedAt: timestamp('nominated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    reviewComment: text('review_comment'),
    reviewedBy: id('reviewed_by').references(() => users.id),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.evaluationId, t.subjectId] }),
    // Only a scored candidate can be nominated.
    foreignKey({
      columns: [t.districtId, t.evaluationId, t.subjectId],
      foreignColumns: [
        evaluationScores.districtId,
        evaluationScores.evaluationId,
        evaluationScores.subjectId,
      ],
    }),
    foreignKey({
      columns: [t.districtId, t.evaluationId, t.regionId],
      foreignColumns: [evaluationQuotas.districtId, evaluationQuotas.evaluationId, evaluationQuotas.regionId],
    }),
    index('evaluation_nominations_region_idx').on(t.districtId, t.evaluationId, t.regionId, t.status),
  ],
);

/** An objection raised during the public notice, and how the district answered it. */
export const evaluationObjections = pgTable(
  'evaluation_objections',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    evaluationId: id('evaluation_id').notNull(),
    subjectId: id('subject_id').notNull(),
    reason: text().notNull(),
    raisedBy: id('raised_by')
      .notNull()
      .references(() => users.id),
    raisedAt: timestamp('raised_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    status: objectionStatus().notNull().default('open'),
    response: text(),
    handledBy: id('handled_by').references(() => users.id),
    handledAt: timestamp('handled_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({
      columns: [t.districtId, t.evaluationId, t.subjectId],
      foreignColumns: [
        evaluationNominations.districtId,
        evaluationNominations.evaluationId,
        evaluationNominations.subjectId,
      ],
    }),
    index('evaluation_objections_evaluation_idx').on(t.districtId, t.evaluationId, t.status),
    // One open objection per person per nominee: a second click does not make two.
    uniqueIndex('evaluation_objections_once')
      .on(t.districtId, t.evaluationId, t.subjectId, t.raisedBy)
      .where(sql`status = 'open'`),
    check('evaluation_objections_handled', sql`(${t.status} = 'open') = (${t.handledAt} IS NULL)`),
  ],
);
