import type { Need, NeedDetail, NeedSetting } from '@contract';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../lib/api';
import { cursorFor, rememberNext } from '../../lib/cursors';
import type { NeedCategory, NeedStatus } from '../../shared/enums';

export type NeedListParams = {
  regionId?: number;
  status?: NeedStatus;
  category?: NeedCategory;
  mine?: 'true' | 'false';
  /** Only those waiting past their street's setting. */
  overdue?: 'true';
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
  settings: ['needs', 'settings'] as const,
};

export function useNeeds(params: NeedListParams, enabled = true) {
  return useQuery({
    queryKey: needKeys.list(params),
    // Read on from the page before's cursor when it has been read (lib/cursors).
    queryFn: async () => {
      const page = await api.get<Page<Need>>('/needs', { ...params, after: cursorFor('needs', params) });
      rememberNext('needs', params, page.next);
      return page;
    },
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useNeed(id: number | undefined) {
  return useQuery({
    queryKey: needKeys.detail(id ?? 0),
    queryFn: () => api.get<NeedDetail>(`/needs/${id}`),
    enabled: id !== undefined,
  });
}

function useNeedMutation<V>(mutationFn: (vars: V) => Promise<Need>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (need) => {
      // The answer is the need without its history: the detail shows it at once, then reloads whole.
      queryClient.setQueryData<NeedDetail>(needKeys.detail(need.id), (old) => old && { ...old, ...need });
      return Promise.all(
        [['needs', 'list'], needKeys.detail(need.id), ['audit']].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      );
    },
  });
}

export const useRaiseNeed = () => useNeedMutation((body: NewNeed) => api.post<Need>('/needs', body));

export const useDecideNeed = () =>
  useNeedMutation(({ id, ...body }: NeedDecision & { id: number }) =>
    api.post<Need>(`/needs/${id}/decision`, body),
  );

/** The streets whose overdue setting the reader may set (none for a community's worker). */
export function useNeedSettings(enabled = true) {
  return useQuery({
    queryKey: needKeys.settings,
    queryFn: () => api.get<{ items: NeedSetting[] }>('/needs/settings'),
    enabled,
  });
}

export function useSetNeedSetting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ streetId, overdueDays }: { streetId: number; overdueDays: number }) =>
      api.put<NeedSetting>(`/needs/settings/${streetId}`, { overdueDays }),
    // Every need of the street may have turned overdue, or stopped being so.
    onSuccess: () =>
      Promise.all([needKeys.all, ['audit']].map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
