import type { DistrictSettings, Region, RegionKind, RegionWithAncestors } from '@contract';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { entityQueries } from '../../lib/entityQueries';
import { ME_KEY } from '../../lib/queryClient';
import { setTimeZone } from '../../lib/time';

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

const DISTRICT_SETTINGS_KEY = ['district', 'settings'] as const;

/** The district's settings (its time zone): every account of the district reads them. */
export const useDistrictSettings = () =>
  useQuery({
    queryKey: DISTRICT_SETTINGS_KEY,
    queryFn: () => api.get<DistrictSettings>('/district/settings'),
  });

/**
 * Sets the district's time zone (its admins). Every time on every page moves to it: the console
 * takes it at once and reloads what it shows.
 */
export function useSetDistrictSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { timeZone: string }) => api.put<DistrictSettings>('/district/settings', body),
    onSuccess: async (settings) => {
      setTimeZone(settings.timeZone);
      queryClient.setQueryData(DISTRICT_SETTINGS_KEY, settings);
      await queryClient.invalidateQueries();
    },
  });
}
