import type { Invitation } from '@contract';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../lib/api';

export type InvitationListParams = {
  mine?: 'true';
  roleId?: number;
  taskId?: number;
  page?: number;
  pageSize?: number;
};
/** What someone is invited to: a project role or a dedication-day task. */
export type InvitationTarget = { roleId: number } | { taskId: number };

export const invitationKeys = {
  all: ['invitations'] as const,
  list: (params: InvitationListParams) => ['invitations', 'list', params] as const,
};

export function useInvitations(params: InvitationListParams, enabled = true) {
  return useQuery({
    queryKey: invitationKeys.list(params),
    queryFn: () => api.get<Page<Invitation>>('/invitations', params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** An organiser invites one (suggested) person to a role or a task; they are told. */
export function useInvite() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InvitationTarget & { personId: number }) => api.post<Invitation>('/invitations', body),
    onSuccess: () =>
      Promise.all(
        [invitationKeys.all, ['audit']].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ),
  });
}

/**
 * The invited person answers. Accepting claims the role (or signs up for the task) in their
 * name: projects, claims, dedication days, sign-ups and suggestions all change.
 */
export function useAnswerInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, accept }: { id: number; accept: boolean }) =>
      api.post<Invitation>(`/invitations/${id}/${accept ? 'accept' : 'decline'}`),
    onSuccess: () =>
      Promise.all(
        [
          invitationKeys.all,
          ['projects'],
          ['claims'],
          ['occurrences'],
          ['signups'],
          ['suggestions'],
          ['ledger'],
          ['notifications'],
        ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ),
  });
}
