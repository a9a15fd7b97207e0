import type { Region, RegionKind, RegionWithAncestors } from '@contract';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { entityQueries } from '../../lib/entityQueries';
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

const flag = (on: boolean | undefined) => (on ? 'true' : undefined);

const regions = entityQueries<
  Region,
  Omit<RegionListParams, 'includeRetired'> & { includeRetired?: 'true' },
  RegionWithAncestors
>('regions');

/** One node with its direct children: the tree is loaded a level at a time. */
export const regionTreeQuery = (id: number, includeRetired: boolean) =>
  queryOptions({
    queryKey: ['regions', 'tree', id, { includeRetired }],
    queryFn: () =>
      api.get<RegionTreeNode>(`/regions/${id}/tree`, { depth: 1, includeRetired: flag(includeRetired) }),
  });

export const regionQuery = regions.detail;
export const useRegion = regions.useOne;

export const useRegionList = (params: RegionListParams) =>
  regions.useList({ ...params, includeRetired: flag(params.includeRetired) });

/** Region writes change names and places shown across the console, so refresh those too. */
function useRegionMutation<V, R>(mutationFn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all(
        [regions.keys.all, ['users'], ['audit'], ME_KEY].map((queryKey) =>
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
