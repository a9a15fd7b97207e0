import type { Workbench } from '@contract';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

export const workbenchKeys = { all: ['workbench'] as const };

/** While 概况's figures are first being computed (a fresh start), ask again this often. */
const COMPUTING_POLL = 2_000;

/** The reader's workbench, asked again when the window regains focus: handled items leave it. */
export function useWorkbench() {
  return useQuery({
    queryKey: workbenchKeys.all,
    queryFn: () => api.get<Workbench>('/workbench'),
    refetchOnWindowFocus: true,
    staleTime: 0,
    refetchInterval: (q) => (q.state.data?.overview?.computing ? COMPUTING_POLL : false),
  });
}
