import type { Need } from '@contract';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../lib/api';
import type { NeedCategory, NeedStatus } from '../../shared/enums';

export type NeedListParams = {
  regionId?: number;
  status?: NeedStatus;
  category?: NeedCategory;
  mine?: 'true' | 'false';
  q?: string;
  page?: number;
  pageSize?: number;
};
export type NewNeed = {
  title: string;
  description: string;
  category: NeedCategory;
  /** Omit for the resident's home community. */
  communityId?: number;
  place?: string;
  /** YYYY-MM-DD */
  wantedBy?: string;
};
export type NeedDecision =
  | { decision: 'accept' }
  | { decision: 'decline'; reason: string }
  | { decision: 'merge'; intoId: number };

export const needKeys = {
  all: ['needs'] as const,
  list: (params: NeedListParams) => ['needs', 'list', params] as const,
  detail: (id: number) => ['needs', 'detail', id] as const,
};

export function useNeeds(params: NeedListParams, enabled = true) {
  return useQuery({
    queryKey: needKeys.list(params),
    queryFn: () => api.get<Page<Need>>('/needs', params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useNeed(id: number | undefined) {
  return useQuery({
    queryKey: needKeys.detail(id ?? 0),
    queryFn: () => api.get<Need>(`/needs/${id}`),
    enabled: id !== undefined,
  });
}

function useNeedMutation<V>(mutationFn: (vars: V) => Promise<Need>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (need) => {
      queryClient.setQueryData(needKeys.detail(need.id), need);
      return Promise.all(
        [['needs', 'list'], ['audit']].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
    },
  });
}

export const useRaiseNeed = () => useNeedMutation((body: NewNeed) => api.post<Need>('/needs', body));

export const useDecideNeed = () =>
  useNeedMutation(({ id, ...body }: NeedDecision & { id: number }) =>
    api.post<Need>(`/needs/${id}/decision`, body),
  );
