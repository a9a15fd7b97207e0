import { z } from 'zod';
import { Pagination } from './common';

export const IMPORT_KINDS = ['members', 'units'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_STATUSES = ['queued', 'reading', 'validating', 'writing', 'done', 'failed'] as const;
export const ImportError = z.object({
  /** The row number as the spreadsheet shows it (the header is row 1). */
  row: z.number(),
  /** The column's header as in the file ('' for the whole row or file). */
  column: z.string(),
  message: z.string(),
});
export const ImportJob = z.object({
  id: z.number(),
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string(),
  status: z.enum(IMPORT_STATUSES),
  total: z.number(),
  processed: z.number(),
  /** Rows written: all of them when done, none otherwise. */
  written: z.number(),
  errorCount: z.number(),
  /** The first 500 errors, by row and column, in the language of the request. */
  errors: z.array(ImportError),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof ImportJob>;
export const ImportKindParams = z.strictObject({ kind: z.enum(IMPORT_KINDS) });
export const ImportListQuery = z.strictObject({ ...Pagination });
