import type { Registration } from '@contract';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../lib/api';
import type { RegistrationStatus } from '../../shared/enums';

export type RegistrationListParams = {
  communityId?: number;
  unitId?: number;
  status?: RegistrationStatus;
  q?: string;
  page: number;
  pageSize: number;
};
export type RegistrationDecision = { decision: 'approve' } | { decision: 'decline'; reason: string };

export const registrationKeys = {
  all: ['registrations'] as const,
  list: (params: RegistrationListParams) => ['registrations', 'list', params] as const,
  detail: (id: number) => ['registrations', 'detail', id] as const,
};

export function useRegistrations(params: RegistrationListParams) {
  return useQuery({
    queryKey: registrationKeys.list(params),
    queryFn: () => api.get<Page<Registration>>('/registrations', params),
    placeholderData: keepPreviousData,
  });
}

export function useRegistration(id: number | undefined) {
  return useQuery({
    queryKey: registrationKeys.detail(id ?? 0),
    queryFn: () => api.get<Registration>(`/registrations/${id}`),
    enabled: id !== undefined,
  });
}

/** A registration changes the person's record and the unit's registered count as well. */
function useRegistrationMutation<V>(mutationFn: (vars: V) => Promise<Registration>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all(
        [registrationKeys.all, ['members'], ['units'], ['audit']].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });
}

/** Without personId, the signed-in member registers themself. */
export const useRequestRegistration = () =>
  useRegistrationMutation((body: { communityId: number; personId?: number }) =>
    api.post<Registration>('/registrations', body),
  );

export const useDecideRegistration = () =>
  useRegistrationMutation(({ id, ...body }: RegistrationDecision & { id: number }) =>
    api.post<Registration>(`/registrations/${id}/decision`, body),
  );

export const useWithdrawRegistration = () =>
  useRegistrationMutation((id: number) => api.post<Registration>(`/registrations/${id}/withdraw`));

/** Pending and approved registrations stand; a declined or withdrawn one may be made again. */
export const isLive = (registration: { status: RegistrationStatus } | null) =>
  registration?.status === 'pending' || registration?.status === 'approved';
