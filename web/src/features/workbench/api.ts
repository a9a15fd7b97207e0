import type { Workbench } from '@contract';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

export const workbenchKeys = { all: ['workbench'] as const };

/** The reader's workbench, asked again when the window regains focus: handled items leave it. */
export function useWorkbench() {
  return useQuery({
    queryKey: workbenchKeys.all,
    queryFn: () => api.get<Workbench>('/workbench'),
    refetchOnWindowFocus: true,
    staleTime: 0,
  });
}
