import type { HonourList, HonourSummary, Objection } from '@contract';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, type Page } from '../../lib/api';
import { downloadFile } from '../../shared/download';

export type HonourListItem = z.infer<typeof HonourSummary>;
export type HonourEntry = HonourList['entries'][number];
export type HonourListParams = { page?: number; pageSize?: number };
export type NewObjection = { id: number; subjectId: number; reason: string };

export const honourKeys = {
  all: ['honours'] as const,
  list: (params: HonourListParams) => ['honours', 'list', params] as const,
  detail: (id: number) => ['honours', 'detail', id] as const,
};

/** Shortlists on public notice first, then published honour lists: for everyone signed in. */
export function useHonours(params: HonourListParams) {
  return useQuery({
    queryKey: honourKeys.list(params),
    queryFn: () => api.get<Page<HonourListItem>>('/honours', params),
    placeholderData: keepPreviousData,
  });
}

/** One shortlist or honour list, with the reader's own objections to it. */
export function useHonourList(id: number | undefined) {
  return useQuery({
    queryKey: honourKeys.detail(id ?? 0),
    queryFn: () => api.get<HonourList>(`/honours/${id}`),
    enabled: id !== undefined,
  });
}

/** An objection is the reader's: it shows among their objections on the list's page. */
export function useRaiseObjection() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: NewObjection) => api.post<Objection>(`/honours/${id}/objections`, body),
    onSuccess: (_objection, { id }) =>
      Promise.all(
        [honourKeys.detail(id), ['evaluations', 'objections', id], ['evaluations', 'nominations', id]].map(
          (queryKey) => queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });
}

/** The published honour list as a PDF named by the server. */
export const downloadHonourPdf = (id: number) => downloadFile(`/honours/${id}/pdf`, `honours-${id}.pdf`);
