import type {
  Criterion,
  Evaluation,
  Honour,
  Nomination,
  NominationStatus,
  OBJECTION_STATUSES,
  Objection,
  Quota,
  Score,
  ScoreBreakdown,
} from '@contract';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, type Page } from '../../lib/api';
import { downloadFile } from '../../shared/download';

export type ScoreBreakdownData = z.infer<typeof ScoreBreakdown>;
export type BreakdownCriterion = ScoreBreakdownData['criteria'][number];
export type BreakdownAct = BreakdownCriterion['acts'][number];
export type Deduction = ScoreBreakdownData['deductions'][number];
export type EvaluationCriterion = Evaluation['criteria'][number];
export type SubjectKind = Score['subject']['kind'];
export type Template = { honour: Honour; criteria: Criterion[] };

export type EvaluationListParams = { honour?: Honour; year?: number; page?: number; pageSize?: number };
export type ScoreListParams = { regionId?: number; q?: string; page?: number; pageSize?: number };
export type NewEvaluation = {
  honour: Honour;
  title: string;
  regionId: number;
  /** YYYY-MM-DD */
  periodFrom: string;
  periodTo: string;
  /** Absent: the honour's template. */
  criteria?: Criterion[];
};
export type NewDeduction = { id: number; subjectId: number; points: number; reason: string };
export type QuotaRow = z.infer<typeof Quota>;
export type ObjectionStatus = (typeof OBJECTION_STATUSES)[number];
export type NominationListParams = {
  status?: NominationStatus;
  regionId?: number;
  page?: number;
  pageSize?: number;
};
export type ObjectionListParams = { status?: ObjectionStatus; page?: number; pageSize?: number };
export type NewNomination = { id: number; subjectId: number; statement: string };
export type NominationReview = {
  id: number;
  subjectId: number;
  decision: 'approved' | 'rejected';
  comment: string;
};
export type ObjectionAnswer = {
  id: number;
  objectionId: number;
  decision: 'upheld' | 'dismissed';
  response: string;
};

/** Whom each honour is for. */
export const SUBJECT_KIND: Record<Honour, SubjectKind> = {
  civilized_unit: 'unit',
  advanced_party_org: 'party_org',
  outstanding_member: 'person',
};

export const evaluationKeys = {
  all: ['evaluations'] as const,
  list: (params: EvaluationListParams) => ['evaluations', 'list', params] as const,
  templates: ['evaluations', 'templates'] as const,
  detail: (id: number) => ['evaluations', 'detail', id] as const,
  /** Everything computed for one evaluation: its ranking and breakdowns. */
  scoresOf: (id: number) => ['evaluations', 'scores', id] as const,
  scores: (id: number, params: ScoreListParams) => ['evaluations', 'scores', id, 'list', params] as const,
  breakdown: (id: number, subjectId: number) => ['evaluations', 'scores', id, 'subject', subjectId] as const,
  /** The candidates of the given streets: whom a street's nominator may put forward. */
  quotas: (id: number) => ['evaluations', 'quotas', id] as const,
  /** Everything about one evaluation's nominations: the paged list and the status of each. */
  nominationsOf: (id: number) => ['evaluations', 'nominations', id] as const,
  nominations: (id: number, params: NominationListParams) =>
    ['evaluations', 'nominations', id, 'list', params] as const,
  nominationStatuses: (id: number) => ['evaluations', 'nominations', id, 'statuses'] as const,
  objectionsOf: (id: number) => ['evaluations', 'objections', id] as const,
  objections: (id: number, params: ObjectionListParams) =>
    ['evaluations', 'objections', id, 'list', params] as const,
};

/** The public shortlists and honour lists (features/honours) follow every step of the process. */
const HONOURS_KEY = ['honours'] as const;

export function useEvaluations(params: EvaluationListParams) {
  return useQuery({
    queryKey: evaluationKeys.list(params),
    queryFn: () => api.get<Page<Evaluation>>('/evaluations', params),
    placeholderData: keepPreviousData,
  });
}

/** The three ready-made sets of criteria, labelled in the reader's language. */
export function useEvaluationTemplates(enabled = true) {
  return useQuery({
    queryKey: evaluationKeys.templates,
    queryFn: () => api.get<Template[]>('/evaluations/templates'),
    staleTime: 10 * 60_000,
    enabled,
  });
}

export function useEvaluation(id: number | undefined) {
  return useQuery({
    queryKey: evaluationKeys.detail(id ?? 0),
    queryFn: () => api.get<Evaluation>(`/evaluations/${id}`),
    enabled: id !== undefined,
  });
}

export function useScores(id: number, params: ScoreListParams) {
  return useQuery({
    queryKey: evaluationKeys.scores(id, params),
    queryFn: () => api.get<Page<Score>>(`/evaluations/${id}/scores`, params),
    placeholderData: keepPreviousData,
  });
}

export function useScoreBreakdown(id: number, subjectId: number | undefined) {
  return useQuery({
    queryKey: evaluationKeys.breakdown(id, subjectId ?? 0),
    queryFn: () => api.get<ScoreBreakdownData>(`/evaluations/${id}/scores/${subjectId}`),
    enabled: subjectId !== undefined,
  });
}

/** An evaluation write answers the evaluation: it goes into the cache; lists and scores refresh. */
function useEvaluationMutation<V>(mutationFn: (vars: V) => Promise<Evaluation>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (evaluation) => {
      queryClient.setQueryData(evaluationKeys.detail(evaluation.id), evaluation);
      return Promise.all(
        [
          ['evaluations', 'list'],
          evaluationKeys.scoresOf(evaluation.id),
          evaluationKeys.nominationsOf(evaluation.id),
          evaluationKeys.quotas(evaluation.id),
          HONOURS_KEY,
          ['audit'],
        ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
    },
  });
}

export const useCreateEvaluation = () =>
  useEvaluationMutation((body: NewEvaluation) => api.post<Evaluation>('/evaluations', body));

export const useComputeEvaluation = () =>
  useEvaluationMutation((id: number) => api.post<Evaluation>(`/evaluations/${id}/compute`));

export const useCloseEvaluation = () =>
  useEvaluationMutation((id: number) => api.post<Evaluation>(`/evaluations/${id}/close`));

/** A deduction answers the subject's breakdown; the ranking moves. */
export function useAddDeduction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: NewDeduction) =>
      api.post<ScoreBreakdownData>(`/evaluations/${id}/deductions`, body),
    onSuccess: (breakdown, { id, subjectId }) => {
      queryClient.setQueryData(evaluationKeys.breakdown(id, subjectId), breakdown);
      return Promise.all(
        [['evaluations', 'scores', id, 'list'], ['audit']].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      );
    },
  });
}

/** The ranking with every criterion, as an .xlsx named by the server. */
export const exportEvaluation = (id: number) =>
  downloadFile(`/evaluations/${id}/export`, `evaluation-${id}.xlsx`);

/** Each street's quota and how much of it is used. */
export function useQuotas(id: number) {
  return useQuery({
    queryKey: evaluationKeys.quotas(id),
    queryFn: () => api.get<QuotaRow[]>(`/evaluations/${id}/quotas`),
  });
}

/** The district changes a street's quota; the answer is every street's. */
export function useSetQuota() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, regionId, quota }: { id: number; regionId: number; quota: number }) =>
      api.put<QuotaRow[]>(`/evaluations/${id}/quotas/${regionId}`, { quota }),
    onSuccess: (quotas, { id }) => {
      queryClient.setQueryData(evaluationKeys.quotas(id), quotas);
      return queryClient.invalidateQueries({ queryKey: ['audit'] });
    },
  });
}

export function useNominations(id: number, params: NominationListParams, enabled = true) {
  return useQuery({
    queryKey: evaluationKeys.nominations(id, params),
    queryFn: () => api.get<Page<Nomination>>(`/evaluations/${id}/nominations`, params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Every page of a list, for lookups by id (a list of nominations is bounded by the quotas). */
async function allPages<T>(path: string, query: Record<string, string | number | undefined> = {}) {
  const items: T[] = [];
  for (let page = 1; ; page++) {
    const { items: more, total } = await api.get<Page<T>>(path, { ...query, page, pageSize: 200 });
    items.push(...more);
    if (more.length === 0 || items.length >= total) return items;
  }
}

/** Each nominated candidate's nomination status, by subject id: what the ranking shows beside a name. */
export function useNominationStatuses(id: number, enabled = true) {
  return useQuery({
    queryKey: evaluationKeys.nominationStatuses(id),
    queryFn: async () =>
      new Map(
        (await allPages<Nomination>(`/evaluations/${id}/nominations`)).map((n) => [n.subject.id, n.status]),
      ),
    enabled,
  });
}

/** A nomination write answers the nomination: the lists, the statuses and the quotas refresh. */
function useNominationMutation<V extends { id: number }>(mutationFn: (vars: V) => Promise<Nomination>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (_nomination, { id }) =>
      Promise.all(
        [evaluationKeys.nominationsOf(id), evaluationKeys.quotas(id), ['audit']].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });
}

export const useNominate = () =>
  useNominationMutation(({ id, ...body }: NewNomination) =>
    api.post<Nomination>(`/evaluations/${id}/nominations`, body),
  );

export const useWithdrawNomination = () =>
  useNominationMutation(({ id, subjectId }: { id: number; subjectId: number }) =>
    api.post<Nomination>(`/evaluations/${id}/nominations/${subjectId}/withdraw`),
  );

export const useReviewNomination = () =>
  useNominationMutation(({ id, subjectId, ...body }: NominationReview) =>
    api.post<Nomination>(`/evaluations/${id}/nominations/${subjectId}/review`, body),
  );

export const useStartNotice = () =>
  useEvaluationMutation(({ id, days }: { id: number; days: number }) =>
    api.post<Evaluation>(`/evaluations/${id}/notice`, { days }),
  );

export const useDecideEvaluation = () =>
  useEvaluationMutation((id: number) => api.post<Evaluation>(`/evaluations/${id}/decide`));

export const usePublishEvaluation = () =>
  useEvaluationMutation((id: number) => api.post<Evaluation>(`/evaluations/${id}/publish`));

/** Objections with who raised them: only for those who run the evaluation (others get a 403). */
export function useObjections(id: number, params: ObjectionListParams, enabled: boolean) {
  return useQuery({
    queryKey: evaluationKeys.objections(id, params),
    queryFn: () => api.get<Page<Objection>>(`/evaluations/${id}/objections`, params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** An answered objection may take a nominee off the shortlist: nominations and the public list refresh. */
export function useHandleObjection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, objectionId, ...body }: ObjectionAnswer) =>
      api.post<Objection>(`/evaluations/${id}/objections/${objectionId}/handle`, body),
    onSuccess: (_objection, { id }) =>
      Promise.all(
        [evaluationKeys.objectionsOf(id), evaluationKeys.nominationsOf(id), HONOURS_KEY, ['audit']].map(
          (queryKey) => queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });
}
