import type { Coverage } from '@contract';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

export const coverageKeys = {
  all: ['coverage'] as const,
  /** Without a region: the top of the user's own area. */
  node: (regionId: number | undefined) => ['coverage', regionId ?? 'top'] as const,
};

export function useCoverage(regionId: number | undefined) {
  return useQuery({
    queryKey: coverageKeys.node(regionId),
    queryFn: () => api.get<Coverage>('/coverage', { regionId }),
    placeholderData: keepPreviousData,
  });
}
