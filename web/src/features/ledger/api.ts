import type { LedgerEntry, LedgerKind, LedgerRecord } from '@contract';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, type Page } from '../../lib/api';
import { cursorFor, rememberNext } from '../../lib/cursors';

export type LedgerRecordData = z.infer<typeof LedgerRecord>;
/** Whose record: none is the signed-in user's own. */
export type LedgerSubject = { personId?: number; unitId?: number; orgId?: number };
export type LedgerListParams = LedgerSubject & {
  regionId?: number;
  kind?: LedgerKind;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
};

export const ledgerKeys = {
  all: ['ledger'] as const,
  record: (subject: LedgerSubject) => ['ledger', 'record', subject] as const,
  list: (params: LedgerListParams) => ['ledger', 'list', params] as const,
};

export function useLedgerRecord(subject: LedgerSubject, enabled = true) {
  return useQuery({
    queryKey: ledgerKeys.record(subject),
    queryFn: () => api.get<LedgerRecordData>('/ledger/record', subject),
    enabled,
  });
}

export function useLedgerEntries(params: LedgerListParams, enabled = true) {
  return useQuery({
    queryKey: ledgerKeys.list(params),
    queryFn: async () => {
      // Read on by cursor from the page before, when it has been read.
      const page = await api.get<Page<LedgerEntry>>('/ledger', {
        ...params,
        after: cursorFor('ledger', params),
      });
      rememberNext('ledger', params, page.next);
      return page;
    },
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCorrectEntry() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: number; delta: number; reason: string }) =>
      api.post<LedgerEntry>(`/ledger/${id}/corrections`, body),
    onSuccess: () =>
      Promise.all([ledgerKeys.all, ['audit']].map((queryKey) => queryClient.invalidateQueries({ queryKey }))),
  });
}
