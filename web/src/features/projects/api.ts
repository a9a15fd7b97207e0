import {
  type Claim,
  PROJECT_CLAIMS_PAGE,
  type Project,
  type ProjectDetail,
  type ProjectRole,
  type ProjectStatus,
} from '@contract';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, type Page } from '../../lib/api';
import { cursorFor, rememberNext } from '../../lib/cursors';
import type { RoleKind } from '../../shared/enums';

export type ProjectDetailData = z.infer<typeof ProjectDetail>;
export type ProjectReview = ProjectDetailData['reviews'][number];
export type ProjectListParams = {
  regionId?: number;
  status?: ProjectStatus;
  roleKind?: RoleKind;
  claimable?: 'true' | 'false';
  q?: string;
  page?: number;
  pageSize?: number;
};
export type RoleInput = {
  kind: RoleKind;
  /** Required for a custom role. */
  name?: string;
  slots: number;
  specialties: string[];
  hoursPerSlot: number;
};
export type NewProject = {
  title: string;
  description: string;
  regionId: number;
  openToStreet: boolean;
  /** ISO date-times with offset. */
  startsAt: string;
  endsAt: string;
  /** The need it answers: the need becomes "converted". */
  needId?: number;
  roles: RoleInput[];
};
export type TransitionTarget = 'published' | 'in_progress' | 'done' | 'reviewed' | 'cancelled';
export type ClaimListParams = {
  mine?: 'true' | 'false';
  projectId?: number;
  /** The claims this unit holds. */
  unitId?: number;
  page?: number;
  pageSize?: number;
};

export const projectKeys = {
  all: ['projects'] as const,
  list: (params: ProjectListParams) => ['projects', 'list', params] as const,
  detail: (id: number) => ['projects', 'detail', id] as const,
  /** A page of a project's claims after the first (the detail carries the first). */
  claims: (id: number, page: number) => ['projects', 'claims', id, page] as const,
};
export const claimKeys = {
  all: ['claims'] as const,
  list: (params: ClaimListParams) => ['claims', 'list', params] as const,
};

export function useProjects(params: ProjectListParams, enabled = true) {
  return useQuery({
    queryKey: projectKeys.list(params),
    queryFn: async () => {
      // Read on by cursor from the page before, when it has been read.
      const page = await api.get<Page<Project>>('/projects', {
        ...params,
        after: cursorFor('projects', params),
      });
      rememberNext('projects', params, page.next);
      return page;
    },
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useProject(id: number | undefined) {
  return useQuery({
    queryKey: projectKeys.detail(id ?? 0),
    queryFn: () => api.get<ProjectDetailData>(`/projects/${id}`),
    enabled: id !== undefined,
  });
}

/**
 * A page of a project's claims, in the detail's order: the first is the detail's own, the
 * others are read on by cursor from it (a page jumped to is asked for by number).
 */
export function useProjectClaims(project: ProjectDetailData, page: number) {
  const root = `projects/${project.id}/claims`;
  const params = { page, pageSize: PROJECT_CLAIMS_PAGE };
  const more = useQuery({
    queryKey: projectKeys.claims(project.id, page),
    queryFn: async () => {
      const after = page === 2 ? project.claimsNext : cursorFor(root, params);
      const claims = await api.get<Page<Claim>>(`/${root}`, { ...params, after });
      rememberNext(root, params, claims.next);
      return claims;
    },
    placeholderData: keepPreviousData,
    enabled: page > 1,
  });
  const first: Page<Claim> = { items: project.claims, total: project.claimCount.all };
  // While another page loads, the one shown stays (as keepPreviousData keeps it).
  return page === 1
    ? { data: first, isFetching: false, error: null, retry: () => {} }
    : {
        data: more.data ?? first,
        isFetching: more.isFetching,
        error: more.error,
        retry: () => void more.refetch(),
      };
}

export function useClaims(params: ClaimListParams, enabled = true) {
  return useQuery({
    queryKey: claimKeys.list(params),
    queryFn: () => api.get<Page<Claim>>('/claims', params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/**
 * A project write answers the whole project: it goes straight into the cache. Lists, claims,
 * needs (a conversion), the ledger (confirmed hours) and notifications refresh.
 */
function useProjectMutation<V>(mutationFn: (vars: V) => Promise<ProjectDetailData>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (project) => {
      queryClient.setQueryData(projectKeys.detail(project.id), project);
      return Promise.all(
        [
          ['projects', 'list'],
          ['projects', 'claims'],
          claimKeys.all,
          ['needs'],
          ['notifications'],
          ['audit'],
        ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
    },
  });
}

export const useCreateProject = () =>
  useProjectMutation((body: NewProject) => api.post<ProjectDetailData>('/projects', body));

export const useTransitionProject = () =>
  useProjectMutation(({ id, to }: { id: number; to: TransitionTarget }) =>
    api.post<ProjectDetailData>(`/projects/${id}/transition`, { to }),
  );

/** A unit's contact takes every free slot of the project for the unit. */
export const useClaimWholeProject = () =>
  useProjectMutation((id: number) =>
    api.post<ProjectDetailData>(`/projects/${id}/claims`, { forUnit: true }),
  );

export const useReviewProject = () =>
  useProjectMutation(({ id, ...body }: { id: number; rating: number; comment: string }) =>
    api.post<ProjectDetailData>(`/projects/${id}/reviews`, body),
  );

/** A claim changes its project's slots, the claim lists and (with hours) the ledger. */
function useClaimMutation<V>(mutationFn: (vars: V) => Promise<Claim>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all(
        [projectKeys.all, claimKeys.all, ['ledger'], ['notifications'], ['audit']].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      ),
  });
}

export const useClaimRole = () =>
  useClaimMutation(
    ({
      projectId,
      roleId,
      ...body
    }: {
      projectId: number;
      roleId: number;
      forUnit?: boolean;
      /** For a team's leader: claim for the team. */
      teamId?: number;
      slots?: number;
    }) => api.post<Claim>(`/projects/${projectId}/roles/${roleId}/claims`, body),
  );

export const useWithdrawClaim = () =>
  useClaimMutation((id: number) => api.post<Claim>(`/claims/${id}/withdraw`));

export const useRemoveClaim = () =>
  useClaimMutation(({ id, reason }: { id: number; reason: string }) =>
    api.post<Claim>(`/claims/${id}/remove`, { reason }),
  );

/** A unit's claim with named members is confirmed member by member: `personId` says whose. */
export const useConfirmHours = () =>
  useClaimMutation(({ id, hours, personId }: { id: number; hours: number; personId?: number }) =>
    api.post<Claim>(`/claims/${id}/hours`, personId === undefined ? { hours } : { hours, personId }),
  );

/** A unit's contact names the unit's Party members who fill its claimed slots (the whole set). */
export const useNameClaimMembers = () =>
  useClaimMutation(({ id, personIds }: { id: number; personIds: number[] }) =>
    api.put<Claim>(`/claims/${id}/members`, { personIds }),
  );

/** The transitions an organiser may make from each status (cancelling is offered separately). */
export const NEXT_STATUS: Record<ProjectStatus, Exclude<TransitionTarget, 'cancelled'>[]> = {
  draft: ['published'],
  published: ['in_progress'],
  claimed: ['in_progress'],
  in_progress: ['done'],
  done: ['reviewed'],
  reviewed: [],
  cancelled: [],
};

/** Statuses a project may still be cancelled from: before it starts. */
export const CANCELLABLE: readonly ProjectStatus[] = ['draft', 'published', 'claimed'];

/** Whether a role takes claims: its project published, a slot free, and the role not yet started. */
export const isClaimOpen = (
  status: ProjectStatus,
  role: Pick<ProjectRole, 'slots' | 'claimed' | 'startsAt' | 'claimedByMe'>,
) =>
  (status === 'published' || status === 'claimed') &&
  !role.claimedByMe &&
  role.claimed < role.slots &&
  new Date(role.startsAt).getTime() > Date.now();
