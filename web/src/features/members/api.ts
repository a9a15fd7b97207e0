import type { Member } from '@contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { entityQueries } from '../../lib/entityQueries';
import type { Gender, MembershipStatus } from '../../shared/enums';

export type MemberListParams = {
  regionId?: number;
  q?: string;
  specialty?: string;
  party?: 'true' | 'false';
  status?: MembershipStatus;
  orgId?: number;
  unitId?: number;
  registeredWith?: number;
  page: number;
  pageSize: number;
};
export type MembershipInput = { orgId: number; status: MembershipStatus; since: string };
export type NewMember = {
  name: string;
  gender: Gender;
  birthYear?: number;
  phone?: string;
  idNumber?: string;
  homeRegionId: number;
  specialties: string[];
  tags: string[];
  membership?: MembershipInput;
};
/** null clears a field. */
export type MemberChanges = {
  name?: string;
  gender?: Gender;
  birthYear?: number | null;
  phone?: string | null;
  idNumber?: string | null;
  homeRegionId?: number;
  specialties?: string[];
  tags?: string[];
  membership?: MembershipInput | null;
};

const members = entityQueries<Member, MemberListParams>('members');
export const useMembers = members.useList;
export const useMember = members.useOne;

/** People are counted on units and Party organisations. */
function useMemberMutation<V>(mutationFn: (vars: V) => Promise<Member>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all(
        [members.keys.all, ['units'], ['party-orgs'], ['registrations'], ['audit']].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });
}

export const useCreateMember = () =>
  useMemberMutation((body: NewMember) => api.post<Member>('/members', body));

export const useUpdateMember = () =>
  useMemberMutation(({ id, ...body }: MemberChanges & { id: number }) =>
    api.patch<Member>(`/members/${id}`, body),
  );
