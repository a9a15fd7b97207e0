import type { PartyOrg } from '@contract';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../lib/api';
import type { PartyOrgKind } from '../../shared/enums';

export type PartyOrgListParams = {
  regionId?: number;
  q?: string;
  kind?: PartyOrgKind;
  unitId?: number;
  page?: number;
  pageSize?: number;
};
export type NewPartyOrg = {
  regionId: number;
  kind: PartyOrgKind;
  name: string;
  unitId?: number;
  parentId?: number;
};
/** parentId null detaches the organisation from its parent. */
export type PartyOrgChanges = { name?: string; parentId?: number | null };

export const partyOrgKeys = {
  all: ['party-orgs'] as const,
  list: (params: PartyOrgListParams) => ['party-orgs', 'list', params] as const,
  detail: (id: number) => ['party-orgs', 'detail', id] as const,
};

export function usePartyOrgs(params: PartyOrgListParams, enabled = true) {
  return useQuery({
    queryKey: partyOrgKeys.list(params),
    queryFn: () => api.get<Page<PartyOrg>>('/party-orgs', params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePartyOrg(id: number | undefined) {
  return useQuery({
    queryKey: partyOrgKeys.detail(id ?? 0),
    queryFn: () => api.get<PartyOrg>(`/party-orgs/${id}`),
    enabled: id !== undefined,
  });
}

/** Organisation names show on units, people and registrations. */
function usePartyOrgMutation<V>(mutationFn: (vars: V) => Promise<PartyOrg>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all(
        [partyOrgKeys.all, ['units'], ['members'], ['registrations'], ['audit']].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });
}

export const useCreatePartyOrg = () =>
  usePartyOrgMutation((body: NewPartyOrg) => api.post<PartyOrg>('/party-orgs', body));

export const useUpdatePartyOrg = () =>
  usePartyOrgMutation(({ id, ...body }: PartyOrgChanges & { id: number }) =>
    api.patch<PartyOrg>(`/party-orgs/${id}`, body),
  );
