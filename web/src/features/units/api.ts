import type { Unit } from '@contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { entityQueries } from '../../lib/entityQueries';
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

const units = entityQueries<Unit, UnitListParams>('units');
export const useUnits = units.useList;
export const useUnit = units.useOne;

/** A unit's name and contact show on Party organisations, people and users too. */
function useUnitMutation<V, R>(mutationFn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all(
        [units.keys.all, ['party-orgs'], ['members'], ['users'], ['audit']].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });
}

export const useCreateUnit = () => useUnitMutation((body: UnitFields) => api.post<Unit>('/units', body));

export const useUpdateUnit = () =>
  useUnitMutation(({ id, ...body }: UnitChanges & { id: number }) => api.patch<Unit>(`/units/${id}`, body));
