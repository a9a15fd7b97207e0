import type { Figures, Leaders, MyFigures, Overview, PeriodKind, UnitFigures } from '@contract';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';
import { downloadFile } from '../../shared/download';

export type { Figures, Leaders, Overview, PeriodKind };
export type MyFiguresData = z.infer<typeof MyFigures>;
export type UnitFiguresData = z.infer<typeof UnitFigures>;
export type Period = Overview['period'];
export type ChildFigures = Overview['children'][number];

/** Without a region: the top of the user's own area; without `at`: the current period. */
export type FigureParams = {
  regionId?: number;
  kind: PeriodKind;
  at?: string;
  compareAt?: string;
};

export const dashboardKeys = {
  all: ['dashboards'] as const,
  overview: (p: FigureParams) => ['dashboards', 'overview', p] as const,
  leaders: (p: Omit<FigureParams, 'compareAt'>) => ['dashboards', 'leaders', p] as const,
  me: ['dashboards', 'me'] as const,
  unit: (id: number) => ['dashboards', 'unit', id] as const,
};

// The roll-ups refresh within seconds of new entries: a minute's staleness is plenty.
const STALE = 30_000;
/** While the figures are first being computed (a fresh start), ask again this often: the page fills in by itself. */
export const COMPUTING_POLL = 2_000;
const whileComputing = (q: { state: { data?: { computing: boolean } } }) =>
  q.state.data?.computing ? COMPUTING_POLL : false;

export function useOverview(params: FigureParams) {
  return useQuery({
    queryKey: dashboardKeys.overview(params),
    queryFn: () => api.get<Overview>('/dashboards/overview', params),
    placeholderData: keepPreviousData,
    staleTime: STALE,
    refetchInterval: whileComputing,
  });
}

export function useLeaders(params: Omit<FigureParams, 'compareAt'>) {
  return useQuery({
    queryKey: dashboardKeys.leaders(params),
    queryFn: () => api.get<Leaders>('/dashboards/leaders', params),
    placeholderData: keepPreviousData,
    staleTime: STALE,
    refetchInterval: whileComputing,
  });
}

/** The signed-in person's own year (422 without a person record: call only with one). */
export function useMyFigures(enabled = true) {
  return useQuery({
    queryKey: dashboardKeys.me,
    queryFn: () => api.get<MyFiguresData>('/dashboards/me'),
    staleTime: STALE,
    enabled,
  });
}

export function useUnitFigures(unitId: number) {
  return useQuery({
    queryKey: dashboardKeys.unit(unitId),
    queryFn: () => api.get<UnitFiguresData>(`/dashboards/units/${unitId}`),
    staleTime: STALE,
  });
}

/** The node and its children, and the trend, as the server writes them to .xlsx. */
export function downloadOverview(params: Omit<FigureParams, 'compareAt'>) {
  return downloadFile('/dashboards/export', 'dashboard.xlsx', params);
}
