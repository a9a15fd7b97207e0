import type { Region, RegionKind, RegionWithAncestors } from '@contract';
import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { ME_KEY } from '../../lib/queryClient';

export type RegionTreeNode = Region & { children: RegionTreeNode[] };
export type RegionListParams = {
  q?: string;
  kind?: RegionKind;
  regionId?: number;
  includeRetired?: boolean;
  page?: number;
  pageSize?: number;
};
type Page<T> = { items: T[]; total: number };

const flag = (on: boolean | undefined) => (on ? 'true' : undefined);

export const regionKeys = {
  all: ['regions'] as const,
  tree: (id: number, includeRetired: boolean) => ['regions', 'tree', id, { includeRetired }] as const,
  detail: (id: number) => ['regions', 'detail', id] as const,
  list: (params: RegionListParams) => ['regions', 'list', params] as const,
};

/** One node with its direct children: the tree is loaded a level at a time. */
export const regionTreeQuery = (id: number, includeRetired: boolean) =>
  queryOptions({
    queryKey: regionKeys.tree(id, includeRetired),
    queryFn: () =>
      api.get<RegionTreeNode>(`/regions/${id}/tree`, { depth: 1, includeRetired: flag(includeRetired) }),
  });

export const regionQuery = (id: number) =>
  queryOptions({
    queryKey: regionKeys.detail(id),
    queryFn: () => api.get<RegionWithAncestors>(`/regions/${id}`),
  });

export function useRegion(id: number | undefined) {
  return useQuery({ ...regionQuery(id ?? 0), enabled: id !== undefined });
}

export function useRegionList(params: RegionListParams, enabled = true) {
  return useQuery({
    queryKey: regionKeys.list(params),
    queryFn: () =>
      api.get<Page<Region>>('/regions', { ...params, includeRetired: flag(params.includeRetired) }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Region writes change names and places shown across the console, so refresh those too. */
function useRegionMutation<V, R>(mutationFn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all(
        [regionKeys.all, ['users'], ['audit'], ME_KEY].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });
}

export const useCreateRegion = () =>
  useRegionMutation((body: { parentId: number; name: string; code?: string }) =>
    api.post<Region>('/regions', body),
  );

export const useUpdateRegion = () =>
  useRegionMutation(({ id, ...body }: { id: number; name?: string; code?: string }) =>
    api.patch<Region>(`/regions/${id}`, body),
  );

export const useMoveRegion = () =>
  useRegionMutation(({ id, parentId }: { id: number; parentId: number }) =>
    api.post<Region>(`/regions/${id}/move`, { parentId }),
  );

export const useRetireRegion = () => useRegionMutation((id: number) => api.post(`/regions/${id}/retire`));

export const useRestoreRegion = () => useRegionMutation((id: number) => api.post(`/regions/${id}/restore`));
