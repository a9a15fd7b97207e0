import type { Criterion, Evaluation, Honour, Score, ScoreBreakdown } from '@contract';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, type Page } from '../../app/api';
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
};

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
        [['evaluations', 'list'], evaluationKeys.scoresOf(evaluation.id), ['audit']].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
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
