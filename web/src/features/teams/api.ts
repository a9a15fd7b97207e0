import type {
  Suggestion,
  Team,
  TeamActivity,
  TeamMember,
  TeamMemberStatus,
  TeamSignupResult,
} from '@contract';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, type Page } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { useSpecialties } from '../../shared/specialties';

export type TeamActivityData = z.infer<typeof TeamActivity>;
export type TeamSignupResultData = z.infer<typeof TeamSignupResult>;
export type TeamMemberRole = TeamMember['role'];
export type TeamListParams = {
  q?: string;
  regionId?: number;
  specialty?: string;
  recruiting?: 'true' | 'false';
  mine?: 'true';
  page?: number;
  pageSize?: number;
};
export type TeamMemberListParams = { status?: TeamMemberStatus; page?: number; pageSize?: number };
export type NewTeam = {
  regionId: number;
  name: string;
  specialty: string;
  description: string;
  recruitment: string;
  recruiting: boolean;
  leaderPersonId: number;
};
export type TeamChanges = Partial<Omit<NewTeam, 'regionId'>>;
/** Whom to suggest people for: exactly one of a team, a project role, a dedication-day task. */
export type SuggestionTarget = { teamId: number } | { roleId: number } | { taskId: number };

export const teamKeys = {
  all: ['teams'] as const,
  list: (params: TeamListParams) => ['teams', 'list', params] as const,
  detail: (id: number) => ['teams', 'detail', id] as const,
  members: (id: number, params: TeamMemberListParams) => ['teams', 'members', id, params] as const,
  activities: (id: number, params: { page: number; pageSize: number }) =>
    ['teams', 'activities', id, params] as const,
};
export const suggestionKeys = {
  all: ['suggestions'] as const,
  list: (target: SuggestionTarget, limit: number) => ['suggestions', target, limit] as const,
};

export function useTeams(params: TeamListParams, enabled = true) {
  return useQuery({
    queryKey: teamKeys.list(params),
    queryFn: () => api.get<Page<Team>>('/teams', params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useTeam(id: number | undefined) {
  return useQuery({
    queryKey: teamKeys.detail(id ?? 0),
    queryFn: () => api.get<Team>(`/teams/${id}`),
    enabled: id !== undefined,
  });
}

export function useTeamMembers(id: number | undefined, params: TeamMemberListParams, enabled = true) {
  return useQuery({
    queryKey: teamKeys.members(id ?? 0, params),
    queryFn: () => api.get<Page<TeamMember>>(`/teams/${id}/members`, params),
    placeholderData: keepPreviousData,
    enabled: enabled && id !== undefined,
  });
}

export function useTeamActivities(id: number, params: { page: number; pageSize: number }) {
  return useQuery({
    queryKey: teamKeys.activities(id, params),
    queryFn: () => api.get<Page<TeamActivityData>>(`/teams/${id}/activities`, params),
    placeholderData: keepPreviousData,
  });
}

/** The teams the reader runs (leads, or sets up as an organiser) among their own: for team claims. */
export function useTeamsIRun() {
  const { me } = useAuth();
  const teams = useTeams({ mine: 'true', page: 1, pageSize: 100 }, me.user.personId !== null);
  return (teams.data?.items ?? []).filter((team) => team.can.signUpAsTeam);
}

/** People to ask, ranked, each with the reasons the rank rests on. */
export function useSuggestions(target: SuggestionTarget | undefined, limit = 10) {
  return useQuery({
    queryKey: suggestionKeys.list(target ?? { teamId: 0 }, limit),
    queryFn: () => api.get<Suggestion[]>('/teams/suggestions', { ...target, limit }),
    enabled: target !== undefined,
  });
}

/** A team write changes the lists, counts, suggestions (who is already in), and notifications. */
function useTeamMutation<V, R>(mutationFn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all(
        [teamKeys.all, ['notifications'], ['audit']].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });
}

export const useCreateTeam = () => useTeamMutation((body: NewTeam) => api.post<Team>('/teams', body));

export const useUpdateTeam = () =>
  useTeamMutation(({ id, ...body }: { id: number } & TeamChanges) => api.patch<Team>(`/teams/${id}`, body));

export const useApplyToTeam = () =>
  useTeamMutation(({ id, note }: { id: number; note: string }) =>
    api.post<TeamMember>(`/teams/${id}/members`, { note }),
  );

/** The leader invites someone; suggestions are left as they are, so the person shows as invited. */
export const useInviteToTeam = () =>
  useTeamMutation(({ id, personId, note }: { id: number; personId: number; note?: string }) =>
    api.post<TeamMember>(`/teams/${id}/invitations`, { personId, note: note ?? '' }),
  );

export const useDecideMember = () =>
  useTeamMutation(
    ({
      teamId,
      memberId,
      decision,
      reason,
    }: {
      teamId: number;
      memberId: number;
      decision: 'accept' | 'decline';
      reason?: string;
    }) =>
      api.post<TeamMember>(
        `/teams/${teamId}/members/${memberId}/decide`,
        reason ? { decision, reason } : { decision },
      ),
  );

export const useSetMemberRole = () =>
  useTeamMutation(
    ({
      teamId,
      memberId,
      role,
    }: {
      teamId: number;
      memberId: number;
      role: Exclude<TeamMemberRole, 'leader'>;
    }) => api.patch<TeamMember>(`/teams/${teamId}/members/${memberId}`, { role }),
  );

export const useLeaveTeam = () =>
  useTeamMutation(({ teamId, memberId }: { teamId: number; memberId: number }) =>
    api.post<TeamMember>(`/teams/${teamId}/members/${memberId}/leave`),
  );

/** The reader's own row in a team (to answer an invitation or to leave), if they may see it. */
export function useMyMembership(team: Team | undefined) {
  const { me } = useAuth();
  const status = team?.myStatus;
  const wanted = status === 'invited' || status === 'active' ? status : undefined;
  const rows = useTeamMembers(
    team?.id,
    { status: wanted, page: 1, pageSize: 200 },
    wanted !== undefined && me.user.personId !== null,
  );
  return rows.data?.items.find((m) => m.person.id === me.user.personId);
}

const PALETTE = [
  '#d46b08',
  '#0958d9',
  '#389e0d',
  '#c41d7f',
  '#08979c',
  '#531dab',
  '#7cb305',
  '#ad8b00',
  '#595959',
  '#9254de',
];

/**
 * A specialty's colour: the same specialty looks the same everywhere, by its place in the
 * managed list (red stays the Party's).
 */
export function useSpecialtyColor() {
  const { data } = useSpecialties();
  return (code: string) => {
    const index = data?.findIndex((s) => s.code === code) ?? -1;
    if (index >= 0) return PALETTE[index % PALETTE.length]!;
    let h = 0;
    for (const ch of code) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
    return PALETTE[h % PALETTE.length]!;
  };
}
