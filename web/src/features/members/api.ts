import type { Member, Specialty } from '@contract';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type Page } from '../../lib/api';
import { currentLocale } from '../../lib/i18n';
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

export const memberKeys = {
  all: ['members'] as const,
  list: (params: MemberListParams) => ['members', 'list', params] as const,
  detail: (id: number) => ['members', 'detail', id] as const,
};

export function useMembers(params: MemberListParams, enabled = true) {
  return useQuery({
    queryKey: memberKeys.list(params),
    queryFn: () => api.get<Page<Member>>('/members', params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useMember(id: number | undefined) {
  return useQuery({
    queryKey: memberKeys.detail(id ?? 0),
    queryFn: () => api.get<Member>(`/members/${id}`),
    enabled: id !== undefined,
  });
}

/** People are counted on units and Party organisations. */
function useMemberMutation<V>(mutationFn: (vars: V) => Promise<Member>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all(
        [memberKeys.all, ['units'], ['party-orgs'], ['registrations'], ['audit']].map((queryKey) =>
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

/** The managed list of specialties; it changes rarely. */
export function useSpecialties() {
  return useQuery({
    queryKey: ['specialties'],
    queryFn: () => api.get<Specialty[]>('/specialties'),
    staleTime: 60 * 60_000,
  });
}

/** A specialty's name in the current language; an unknown code shows as itself. */
export function useSpecialtyLabel() {
  useTranslation();
  const { data } = useSpecialties();
  const zh = currentLocale() === 'zh-CN';
  return (code: string) => {
    const specialty = data?.find((s) => s.code === code);
    if (!specialty) return code;
    return zh ? specialty.nameZh : specialty.nameEn;
  };
}
