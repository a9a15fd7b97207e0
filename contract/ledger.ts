import { z } from 'zod';
import { Id, KeysetPagination, Ref } from './common';

/** Kinds of participation; the kind says what `quantity` counts (hours or times). */
export const LEDGER_KINDS = [
  'service_hours',
  'role_completed',
  'meeting_attended',
  'facility_hours_shared',
  'course_completed',
  'notice_read',
] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];
/** What an entry may come from, each with its name in the console (ledger.source.*). */
export const LEDGER_SOURCES = [
  'meeting',
  'project',
  'claim',
  'signup',
  'facility',
  'booking',
  'course',
  'enrolment',
  'notice',
] as const;
export const HOUR_KINDS: readonly LedgerKind[] = ['service_hours', 'facility_hours_shared'];

/** What the reader may do to a ledger entry (computed by the server's ledger.policy). */
export const LedgerEntryCan = z.object({
  /** Correct it with a new entry: the organisers of its area, never a correction itself. */
  correct: z.boolean(),
});
export type LedgerEntryCan = z.infer<typeof LedgerEntryCan>;
export const LedgerEntry = z.object({
  id: z.number(),
  kind: z.enum(LEDGER_KINDS),
  /** Hours for hour kinds, otherwise a count; negative in a correction that takes some back. */
  quantity: z.number(),
  at: z.string(),
  recordedAt: z.string(),
  person: Ref.nullable(),
  unit: Ref.nullable(),
  partyOrg: Ref.nullable(),
  regionId: z.number(),
  regionName: z.string(),
  source: z.object({ type: z.string(), id: z.number(), label: z.string().nullable() }),
  /** Set on a correction: the entry it corrects, and why. */
  correctsId: z.number().nullable(),
  reason: z.string().nullable(),
  can: LedgerEntryCan,
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;
export const LedgerListQuery = z.strictObject({
  ...KeysetPagination,
  personId: Id.optional(),
  unitId: Id.optional(),
  orgId: Id.optional(),
  regionId: Id.optional(),
  kind: z.enum(LEDGER_KINDS).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export const LedgerTotals = z.object({
  /** Per kind: this month, this year (Beijing calendar) and all time. */
  byKind: z.array(
    z.object({ kind: z.enum(LEDGER_KINDS), month: z.number(), year: z.number(), all: z.number() }),
  ),
  hoursMonth: z.number(),
  hoursYear: z.number(),
});
export type LedgerTotals = z.infer<typeof LedgerTotals>;
export const LedgerRecord = z.object({
  subject: z.object({ kind: z.enum(['person', 'unit', 'party_org']), id: z.number(), name: z.string() }),
  totals: LedgerTotals,
});
export const LedgerRecordQuery = z.strictObject({
  personId: Id.optional(),
  unitId: Id.optional(),
  orgId: Id.optional(),
});
export const LedgerCorrectionBody = z.strictObject({
  /** The change to the entry's quantity, e.g. -1.5 hours. */
  delta: z
    .number()
    .min(-1000)
    .max(1000)
    .refine((v) => v !== 0, 'must not be zero'),
  reason: z.string().trim().min(2).max(500),
});
