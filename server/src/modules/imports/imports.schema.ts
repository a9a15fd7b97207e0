import { index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { IMPORT_KINDS, IMPORT_STATUSES } from '../../../../contract';
import { createdAt, districtId, id } from '../../db/columns';
import { users } from '../accounts/accounts.schema';

export const importKind = pgEnum('import_kind', IMPORT_KINDS);
export const importStatus = pgEnum('import_status', IMPORT_STATUSES);

/** Bulk imports: a job per uploaded file, its progress, and errors by row and column. */
export const imports = pgTable(
  'imports',
  {
    districtId: districtId(),
    id: id().notNull().generatedByDefaultAsIdentity(),
    kind: importKind().notNull(),
    fileName: text('file_name').notNull(),
    status: importStatus().notNull().default('queued'),
    total: integer().notNull().default(0),
    processed: integer().notNull().default(0),
    written: integer().notNull().default(0),
    errorCount: integer('error_count').notNull().default(0),
    /** Errors as message keys and parameters, localized when read. */
    errors: jsonb().notNull().default([]),
    createdBy: id('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    /** Touched as the job advances: a running job not touched for minutes was interrupted. */
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    finishedAt: timestamp('finished_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    index('imports_creator_idx').on(t.createdBy, t.createdAt.desc()),
  ],
);
