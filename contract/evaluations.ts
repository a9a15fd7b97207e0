import { z } from 'zod';
import { Id, LocalDate, Pagination } from './common';
import { LEDGER_KINDS } from './ledger';

export const HONOURS = ['civilized_unit', 'advanced_party_org', 'outstanding_member'] as const;
export type Honour = (typeof HONOURS)[number];
/**
 * open: scores computed and recomputed; closed: figures frozen, streets nominate and the
 * district reviews; notice: the shortlist is on public notice (公示) and takes objections;
 * decided: the honour list is final; published: it is public.
 */
export const EVALUATION_STATUSES = ['open', 'closed', 'notice', 'decided', 'published'] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];
/** nominated → approved | rejected (or withdrawn by the street); approved → removed (objection upheld) | awarded. */
export const NOMINATION_STATUSES = [
  'nominated',
  'approved',
  'rejected',
  'withdrawn',
  'removed',
  'awarded',
] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];
export const OBJECTION_STATUSES = ['open', 'upheld', 'dismissed'] as const;
/** One criterion: points for each act of a kind in the ledger, capped per act and per year, weighted. */
export const Criterion = z.strictObject({
  key: z.string().regex(/^[a-z_]{2,40}$/),
  label: z.string().trim().min(2).max(60),
  kind: z.enum(LEDGER_KINDS),
  /** Points for each unit of an act's quantity (an hour, a meeting, a course). */
  pointsPer: z.number().min(0).max(100),
  /** At most this many points from one act. */
  perActCap: z.number().min(0).max(1000).optional(),
  /** At most this many points from this criterion in the period. */
  cap: z.number().min(0).max(10_000).optional(),
  weight: z.number().min(0).max(10).default(1),
  /** For a unit or an organisation: count its members' acts too. */
  includeMembers: z.boolean().default(false),
});
export type Criterion = z.infer<typeof Criterion>;
export const EvaluationCreateBody = z.strictObject({
  honour: z.enum(HONOURS),
  title: z.string().trim().min(2).max(100),
  regionId: Id,
  periodFrom: LocalDate,
  periodTo: LocalDate,
  /** Absent: the honour's template. */
  criteria: z.array(Criterion).min(1).max(20).optional(),
  /** Nominations each street may make. */
  nominationQuota: z.number().int().min(0).max(1000).default(3),
});
/** What the reader may do with an evaluation (computed by the server's evaluations.policy). */
export const EvaluationCan = z.object({
  /** Recompute the scores from the ledger: those who run it, while it is open. */
  compute: z.boolean(),
  /** Take points off a candidate, with a reason: those who run it, while it is open. */
  deduct: z.boolean(),
  /** Close it, freezing the figures and opening nominations: those who run it, while it is open. */
  close: z.boolean(),
  /** Put candidates forward: the nominators within (or over) its area, while nominations are open. */
  nominate: z.boolean(),
  /** Review the nominations and change the streets' quotas: those who run it, while nominations are open. */
  review: z.boolean(),
  /** Put the approved shortlist on public notice: those who run it, while nominations are open. */
  startNotice: z.boolean(),
  /** Read the objections with who raised them: those who run it. */
  seeObjections: z.boolean(),
  /** Make the shortlist the honour list: those who run it, while on notice (the server waits for its end and every answer). */
  decide: z.boolean(),
  /** Publish the decided honour list: those who run it. */
  publish: z.boolean(),
});
export type EvaluationCan = z.infer<typeof EvaluationCan>;
export const Evaluation = z.object({
  id: z.number(),
  honour: z.enum(HONOURS),
  title: z.string(),
  regionId: z.number(),
  regionName: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  criteria: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      kind: z.enum(LEDGER_KINDS),
      pointsPer: z.number(),
      perActCap: z.number().optional(),
      cap: z.number().optional(),
      weight: z.number(),
      includeMembers: z.boolean(),
    }),
  ),
  status: z.enum(EVALUATION_STATUSES),
  candidates: z.number(),
  computedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  nominationQuota: z.number(),
  noticeFrom: z.string().nullable(),
  noticeUntil: z.string().nullable(),
  decidedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  can: EvaluationCan,
});
export type Evaluation = z.infer<typeof Evaluation>;
export const EvaluationListQuery = z.strictObject({
  ...Pagination,
  honour: z.enum(HONOURS).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
/** What the reader may do with a candidate (computed by the server's evaluations.policy). */
export const ScoreCan = z.object({
  /** Put them forward now: the nominators over the candidate's street, while nominations are open. */
  nominate: z.boolean(),
});
export type ScoreCan = z.infer<typeof ScoreCan>;
export const Score = z.object({
  rank: z.number(),
  subject: z.object({ kind: z.enum(['person', 'unit', 'party_org']), id: z.number(), name: z.string() }),
  regionName: z.string(),
  total: z.number(),
  /** Points per criterion key, after caps and weights; deductions apart. */
  byCriterion: z.record(z.string(), z.number()),
  deductions: z.number(),
  can: ScoreCan,
});
export type Score = z.infer<typeof Score>;
export const ScoreListQuery = z.strictObject({
  ...Pagination,
  regionId: Id.optional(),
  q: z.string().trim().max(50).optional(),
});
/** Why a score is what it is: each criterion, and the acts (ledger entries) behind it. */
export const ScoreBreakdown = z.object({
  subject: Score.shape.subject,
  total: z.number(),
  criteria: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      raw: z.number(),
      capped: z.boolean(),
      points: z.number(),
      acts: z.array(
        z.object({
          entryId: z.number(),
          at: z.string(),
          quantity: z.number(),
          points: z.number(),
          person: z.string().nullable(),
          source: z.object({ type: z.string(), id: z.number(), label: z.string().nullable() }),
        }),
      ),
    }),
  ),
  deductions: z.array(
    z.object({ id: z.number(), points: z.number(), reason: z.string(), by: z.string(), at: z.string() }),
  ),
});
export const DeductionBody = z.strictObject({
  subjectId: Id,
  points: z.number().positive().max(1000),
  reason: z.string().trim().min(2).max(300),
});

export const Quota = z.object({
  region: z.object({ id: z.number(), name: z.string() }),
  quota: z.number(),
  used: z.number(),
});
export const QuotaBody = z.strictObject({ quota: z.number().int().min(0).max(1000) });
export const NominationBody = z.strictObject({
  subjectId: Id,
  /** The street's reasons for putting the candidate forward. */
  statement: z.string().trim().min(2).max(1000),
});
export const NominationReviewBody = z.strictObject({
  decision: z.enum(['approved', 'rejected']),
  comment: z.string().trim().max(500).default(''),
});
/** What the reader may do to a nomination (computed by the server's evaluations.policy). */
export const NominationCan = z.object({
  /** Agree to it: those who run the evaluation, while nominations are open and it awaits review. */
  approve: z.boolean(),
  /** Disagree, saying why (freeing the street's place): those who run the evaluation, while it is pending. */
  reject: z.boolean(),
  /** Take it back before the notice: the nominators over its street. */
  withdraw: z.boolean(),
});
export type NominationCan = z.infer<typeof NominationCan>;
export const Nomination = z.object({
  subject: Score.shape.subject,
  region: z.object({ id: z.number(), name: z.string() }),
  rank: z.number(),
  total: z.number(),
  statement: z.string(),
  status: z.enum(NOMINATION_STATUSES),
  nominatedBy: z.string(),
  nominatedAt: z.string(),
  reviewComment: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  openObjections: z.number(),
  can: NominationCan,
});
export type Nomination = z.infer<typeof Nomination>;
export const NominationListQuery = z.strictObject({
  ...Pagination,
  status: z.enum(NOMINATION_STATUSES).optional(),
  regionId: Id.optional(),
});
export const ObjectionBody = z.strictObject({
  subjectId: Id,
  reason: z.string().trim().min(5).max(1000),
});
export const ObjectionHandleBody = z.strictObject({
  decision: z.enum(['upheld', 'dismissed']),
  response: z.string().trim().min(2).max(1000),
});
/** What the reader may do to an objection (computed by the server's evaluations.policy). */
export const ObjectionCan = z.object({
  /** Uphold or dismiss it: those who run the evaluation, while the notice runs and it is open. */
  answer: z.boolean(),
});
export type ObjectionCan = z.infer<typeof ObjectionCan>;
export const Objection = z.object({
  id: z.number(),
  subject: Score.shape.subject,
  reason: z.string(),
  /** Shown to the district's reviewers and to the one who raised it; hidden otherwise. */
  raisedBy: z.string().nullable(),
  raisedAt: z.string(),
  status: z.enum(OBJECTION_STATUSES),
  response: z.string().nullable(),
  handledAt: z.string().nullable(),
  can: ObjectionCan,
});
export type Objection = z.infer<typeof Objection>;
export const ObjectionListQuery = z.strictObject({
  ...Pagination,
  status: z.enum(OBJECTION_STATUSES).optional(),
});
/** What the reader may do to an entry of a shortlist (computed by the server's evaluations.policy). */
export const HonourEntryCan = z.object({
  /** Object to the nominee: anyone signed in, while the notice runs, unless their objection is still open. */
  object: z.boolean(),
});
export type HonourEntryCan = z.infer<typeof HonourEntryCan>;
/** A shortlist on public notice, or a published honour list: what everyone may read. */
export const HonourList = z.object({
  evaluation: z.object({
    id: z.number(),
    honour: z.enum(HONOURS),
    title: z.string(),
    regionName: z.string(),
    periodFrom: z.string(),
    periodTo: z.string(),
    status: z.enum(EVALUATION_STATUSES),
    noticeFrom: z.string().nullable(),
    noticeUntil: z.string().nullable(),
    publishedAt: z.string().nullable(),
  }),
  entries: z.array(
    z.object({
      subject: Score.shape.subject,
      regionName: z.string(),
      total: z.number(),
      statement: z.string(),
      can: HonourEntryCan,
    }),
  ),
  /** The reader's own objections to this list. */
  myObjections: z.array(Objection),
});
export type HonourList = z.infer<typeof HonourList>;
export const HonourSummary = HonourList.shape.evaluation;
export const HonourListQuery = z.strictObject({ ...Pagination });
