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
} from 'drizzle-orm/pg-core';
import { type Criterion, EVALUATION_STATUSES, HONOURS } from '../../../../contract';
import { createdAt, districtId, id, updatedAt } from '../../db/columns';
import { users } from '../accounts/accounts.schema';
import { regions } from '../regions/regions.schema';

export const honour = pgEnum('honour', HONOURS);
export const evaluationStatus = pgEnum('evaluation_status', EVALUATION_STATUSES);

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
    createdBy: id('created_by').references(() => users.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.regionId], foreignColumns: [regions.districtId, regions.id] }),
    index('evaluations_honour_idx').on(t.districtId, t.honour, t.periodFrom),
    check('evaluations_period', sql`${t.periodTo} >= ${t.periodFrom}`),
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
