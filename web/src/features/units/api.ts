import type { Unit } from '@contract';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../lib/api';
import type { Affiliation, UnitKind } from '../../shared/enums';

export type UnitListParams = {
  regionId?: number;
  q?: string;
  kind?: UnitKind;
  affiliation?: Affiliation;
  page?: number;
  pageSize?: number;
};
export type UnitFields = {
  regionId: number;
  name: string;
  kind: UnitKind;
  affiliation: Affiliation;
  address?: string;
  contactName?: string;
  contactPhone?: string;
};

/** null clears an optional field. */
export type UnitChanges = Partial<Omit<UnitFields, 'address' | 'contactName' | 'contactPhone'>> & {
  address?: string | null;
  contactName?: string | null;
  contactPhone?: string | null;
};

export const unitKeys = {
  all: ['units'] as const,
  list: (params: UnitListParams) => ['units', 'list', params] as const,
  detail: (id: number) => ['units', 'detail', id] as const,
};

export function useUnits(params: UnitListParams, enabled = true) {
  return useQuery({
    queryKey: unitKeys.list(params),
    queryFn: () => api.get<Page<Unit>>('/units', params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useUnit(id: number | undefined) {
  return useQuery({
    queryKey: unitKeys.detail(id ?? 0),
    queryFn: () => api.get<Unit>(`/units/${id}`),
    enabled: id !== undefined,
  });
}

/** A unit's name and contact show on Party organisations, people and users too. */
function useUnitMutation<V, R>(mutationFn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all(
        [unitKeys.all, ['party-orgs'], ['members'], ['users'], ['audit']].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });
}

export const useCreateUnit = () => useUnitMutation((body: UnitFields) => api.post<Unit>('/units', body));

export const useUpdateUnit = () =>
  useUnitMutation(({ id, ...body }: UnitChanges & { id: number }) => api.patch<Unit>(`/units/${id}`, body));
