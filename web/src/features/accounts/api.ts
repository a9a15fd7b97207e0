import type { ResetCode, ResetCodeUseBody, Role, RoleAssignment, RoleGrantBody, User } from '@contract';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { ME_KEY } from '../../lib/queryClient';

export type UserListParams = { q?: string; role?: Role; regionId?: number; page: number; pageSize: number };
/** A role at a region; a unit contact's role names its unit instead. */
export type RoleGrant = RoleGrantBody;
/** A role row as a form holds it: the unit or the region, whichever the role needs. */
export type RoleGrantValues = { role: Role; regionId?: number; unitId?: number };
export type NewUser = {
  username: string;
  displayName: string;
  password: string;
  regionId: number;
  roles: RoleGrant[];
};

/** The grant a form row stands for. */
export function toRoleGrant({ role, regionId, unitId }: RoleGrantValues): RoleGrant {
  return role === 'unit_contact' ? { role, unitId: unitId ?? 0 } : { role, regionId: regionId ?? 0 };
}
export type UserChanges = { displayName?: string; regionId?: number; disabled?: boolean };

export const userKeys = {
  all: ['users'] as const,
  list: (params: UserListParams) => ['users', 'list', params] as const,
  detail: (id: number) => ['users', 'detail', id] as const,
};

export function useUsers(params: UserListParams) {
  return useQuery({
    queryKey: userKeys.list(params),
    queryFn: () => api.get<{ items: User[]; total: number }>('/users', params),
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: number | undefined) {
  return useQuery({
    queryKey: userKeys.detail(id ?? 0),
    queryFn: () => api.get<User>(`/users/${id}`),
    enabled: id !== undefined,
  });
}

/** Every user write is audited and may touch the signed-in user's own roles. */
function useUserMutation<V, R>(mutationFn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all(
        [userKeys.all, ['audit'], ME_KEY].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ),
  });
}

export const useCreateUser = () => useUserMutation((body: NewUser) => api.post<User>('/users', body));

export const useUpdateUser = () =>
  useUserMutation(({ id, ...body }: UserChanges & { id: number }) => api.patch<User>(`/users/${id}`, body));

export const useGrantRole = () =>
  useUserMutation(({ userId, grant }: { userId: number; grant: RoleGrant }) =>
    api.post<RoleAssignment>(`/users/${userId}/roles`, grant),
  );

export const useRevokeRole = () =>
  useUserMutation(({ userId, assignmentId }: { userId: number; assignmentId: number }) =>
    api.delete(`/users/${userId}/roles/${assignmentId}`),
  );

export const useUnlockUser = () => useUserMutation((id: number) => api.post(`/users/${id}/unlock`));

export const useResetPassword = () =>
  useUserMutation(({ id, newPassword }: { id: number; newPassword: string }) =>
    api.post(`/users/${id}/password`, { newPassword }),
  );

/** A one-time reset code for a user one manages: the answer holds the code, shown this once. */
export const useIssueResetCode = () =>
  useUserMutation((id: number) => api.post<ResetCode>(`/users/${id}/reset-code`));

/** On the login page: a new password with the code the community worker gave. */
export const useRedeemResetCode = () =>
  useMutation({ mutationFn: (body: ResetCodeUseBody) => api.post('/auth/reset-code', body) });
