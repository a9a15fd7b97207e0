import type { ImportJob } from '@contract';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../lib/api';
import type { ImportKind, ImportStatus } from '../../shared/enums';

/** The phases in which a job is still working, polled every second. */
export const RUNNING: readonly ImportStatus[] = ['queued', 'reading', 'validating', 'writing'];
export const isRunning = (job: { status: ImportStatus } | undefined) =>
  job !== undefined && RUNNING.includes(job.status);

export const importKeys = {
  all: ['imports'] as const,
  list: (page: number, pageSize: number) => ['imports', 'list', { page, pageSize }] as const,
  detail: (id: number) => ['imports', 'detail', id] as const,
};

export function useImports(page: number, pageSize: number) {
  return useQuery({
    queryKey: importKeys.list(page, pageSize),
    queryFn: () => api.get<Page<ImportJob>>('/imports', { page, pageSize }),
    placeholderData: keepPreviousData,
  });
}

/** A job, asked again every second while it runs. */
export function useImportJob(id: number | undefined) {
  return useQuery({
    queryKey: importKeys.detail(id ?? 0),
    queryFn: () => api.get<ImportJob>(`/imports/${id}`),
    enabled: id !== undefined,
    refetchInterval: (query) => (isRunning(query.state.data) ? 1000 : false),
  });
}

export function useStartImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, file }: { kind: ImportKind; file: File }) =>
      api.upload<ImportJob>(`/imports/${kind}`, file),
    onSuccess: (job) => {
      queryClient.setQueryData(importKeys.detail(job.id), job);
      return queryClient.invalidateQueries({ queryKey: ['imports', 'list'] });
    },
  });
}
