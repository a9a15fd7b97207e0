import type { TimeAccount, TimeRequest } from '@contract';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, type Page } from '../../lib/api';

export type TimeAccountData = z.infer<typeof TimeAccount>;
export type TimeRequestListParams = { mine?: 'true'; page?: number; pageSize?: number };
export type TimeRequestInput = { title: string; description: string; hours: number };
export type TimeRequestAction = 'offer' | 'complete' | 'cancel';

export const timeBankKeys = {
  all: ['time-bank'] as const,
  account: () => ['time-bank', 'account'] as const,
  list: (params: TimeRequestListParams) => ['time-bank', 'requests', params] as const,
};

/** The signed-in person's account: earned, received, spent, held, balance and available. */
export function useTimeAccount(enabled = true) {
  return useQuery({
    queryKey: timeBankKeys.account(),
    queryFn: () => api.get<TimeAccountData>('/time-bank'),
    enabled,
  });
}

/** Open requests near home, or (mine) those I asked or helped with. */
export function useTimeRequests(params: TimeRequestListParams, enabled = true) {
  return useQuery({
    queryKey: timeBankKeys.list(params),
    queryFn: () => api.get<Page<TimeRequest>>('/time-bank/requests', params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Every change moves or holds hours: the account and both lists change. */
function useInvalidateTimeBank() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      [timeBankKeys.all, ['notifications'], ['audit']].map((queryKey) =>
        queryClient.invalidateQueries({ queryKey }),
      ),
    );
}

/** Ask for help, holding the hours from the available balance. */
export function useAskForHelp() {
  const invalidate = useInvalidateTimeBank();
  return useMutation({
    mutationFn: (body: TimeRequestInput) => api.post<TimeRequest>('/time-bank/requests', body),
    onSuccess: invalidate,
  });
}

/**
 * Offer to help (someone else's open request), confirm the help given (the asker: the hours
 * move to the helper) or cancel (the asker: the hold is released).
 */
export function useTimeRequestAction() {
  const invalidate = useInvalidateTimeBank();
  return useMutation({
    mutationFn: ({ id, action }: { id: number; action: TimeRequestAction }) =>
      api.post<TimeRequest>(`/time-bank/requests/${id}/${action}`),
    onSuccess: invalidate,
  });
}

// Who may do what, as the server rules it (timebank.service.ts): buttons show only when allowed.

/** Anyone with a person record, on someone else's open request. */
export const mayOffer = (q: TimeRequest, personId: number | null) =>
  personId !== null && q.status === 'open' && q.asker.id !== personId;

/** The asker, once someone has offered to help. */
export const mayComplete = (q: TimeRequest, personId: number | null) =>
  personId !== null && q.asker.id === personId && q.status === 'accepted' && q.helper !== null;

/** The asker, until the help is confirmed. */
export const mayCancel = (q: TimeRequest, personId: number | null) =>
  personId !== null && q.asker.id === personId && (q.status === 'open' || q.status === 'accepted');
