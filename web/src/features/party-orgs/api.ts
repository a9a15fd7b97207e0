import type { PartyOrg } from '@contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { entityQueries } from '../../lib/entityQueries';
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

const partyOrgs = entityQueries<PartyOrg, PartyOrgListParams>('party-orgs');
export const usePartyOrgs = partyOrgs.useList;
export const usePartyOrg = partyOrgs.useOne;

/** Organisation names show on units, people and registrations. */
function usePartyOrgMutation<V>(mutationFn: (vars: V) => Promise<PartyOrg>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all(
        [partyOrgs.keys.all, ['units'], ['members'], ['registrations'], ['audit']].map((queryKey) =>
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
