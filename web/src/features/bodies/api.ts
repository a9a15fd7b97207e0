import type { Body, BodyMember } from '@contract';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../lib/api';
import type { BodyKind, BodyMemberKind, BodyStatus } from '../../shared/enums';

export type BodyListParams = {
  regionId?: number;
  kind?: BodyKind;
  status?: BodyStatus;
  q?: string;
  page?: number;
  pageSize?: number;
};
export type NewBody = {
  kind: BodyKind;
  regionId: number;
  name: string;
  convenorPersonId?: number;
  establishedOn?: string;
};
/** convenorPersonId null removes the convenor; dissolved true dissolves, false revives. */
export type BodyChanges = { name?: string; convenorPersonId?: number | null; dissolved?: boolean };

export const bodyKeys = {
  all: ['bodies'] as const,
  list: (params: BodyListParams) => ['bodies', 'list', params] as const,
  detail: (id: number) => ['bodies', 'detail', id] as const,
  members: (id: number) => ['bodies', 'members', id] as const,
};

export function useBodies(params: BodyListParams, enabled = true) {
  return useQuery({
    queryKey: bodyKeys.list(params),
    queryFn: () => api.get<Page<Body>>('/bodies', params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useBody(id: number | undefined) {
  return useQuery({
    queryKey: bodyKeys.detail(id ?? 0),
    queryFn: () => api.get<Body>(`/bodies/${id}`),
    enabled: id !== undefined,
  });
}

/** Current and past members, current first. */
export function useBodyMembers(id: number) {
  return useQuery({
    queryKey: bodyKeys.members(id),
    queryFn: () => api.get<BodyMember[]>(`/bodies/${id}/members`, { includePast: 'true' }),
  });
}

/** Bodies make up coverage, and their names and counts show on meetings and tasks. */
function useBodyMutation<V, R>(mutationFn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all(
        [bodyKeys.all, ['coverage'], ['meetings'], ['audit']].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });
}

export const useCreateBody = () => useBodyMutation((body: NewBody) => api.post<Body>('/bodies', body));

export const useUpdateBody = () =>
  useBodyMutation(({ id, ...body }: BodyChanges & { id: number }) => api.patch<Body>(`/bodies/${id}`, body));

export const useAddBodyMember = () =>
  useBodyMutation(({ bodyId, ...body }: { bodyId: number; memberKind: BodyMemberKind; memberId: number }) =>
    api.post<BodyMember>(`/bodies/${bodyId}/members`, body),
  );

export const useLeaveBody = () =>
  useBodyMutation(({ bodyId, membershipId }: { bodyId: number; membershipId: number }) =>
    api.post<BodyMember>(`/bodies/${bodyId}/members/${membershipId}/leave`),
  );
