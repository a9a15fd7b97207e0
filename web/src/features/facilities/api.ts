import type {
  BookingRules,
  FACILITY_SUB_KINDS,
  Facility,
  FacilityCalendar,
  FacilityKind,
  UTILIZATION_SORTS,
  Utilization,
} from '@contract';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, type Page } from '../../lib/api';
import { cursorFor, rememberNext } from '../../lib/cursors';

export type FacilitySubKind = (typeof FACILITY_SUB_KINDS)[number];
export type FacilityCalendarData = z.infer<typeof FacilityCalendar>;
export type UtilizationData = z.infer<typeof Utilization>;
export type UtilizationSort = (typeof UTILIZATION_SORTS)[number];
export type OpeningInterval = Facility['openingHours'][number];
export type Closure = Facility['closures'][number];

export type FacilityListParams = {
  q?: string;
  kind?: FacilityKind;
  subKind?: FacilitySubKind;
  regionId?: number;
  unitId?: number;
  minCapacity?: number;
  /** ISO instants with offset: free (open, not booked) for this whole slot. */
  freeFrom?: string;
  freeTo?: string;
  managed?: 'true' | 'false';
  page?: number;
  pageSize?: number;
};

export type FacilityFields = {
  name: string;
  kind: FacilityKind;
  subKind: FacilitySubKind;
  capacity: number;
  regionId: number;
  address: string;
  description: string;
  rules: string;
  openingHours: OpeningInterval[];
  closures: Closure[];
  bookingRules: BookingRules;
};
/** `unitId` absent: the community's own venue. */
export type NewFacility = FacilityFields & { unitId?: number };
export type FacilityChanges = Partial<FacilityFields>;

/**
 * Either a unit's facilities, a region's, or one facility's; dates are YYYY-MM-DD. The page and
 * order are the facility table's: the totals and weeks are always the whole scope's.
 */
export type UtilizationParams = {
  unitId?: number;
  regionId?: number;
  facilityId?: number;
  from: string;
  to: string;
  page?: number;
  pageSize?: number;
  sort?: UtilizationSort;
  order?: 'asc' | 'desc';
};

export const facilityKeys = {
  all: ['facilities'] as const,
  list: (params: FacilityListParams) => ['facilities', 'list', params] as const,
  detail: (id: number) => ['facilities', 'detail', id] as const,
  calendar: (id: number, from: string, to: string) => ['facilities', 'calendar', id, from, to] as const,
  utilization: (params: UtilizationParams) => ['facilities', 'utilization', params] as const,
};

export function useFacilities(params: FacilityListParams, enabled = true) {
  return useQuery({
    queryKey: facilityKeys.list(params),
    // Read on from the page before's cursor when it has been read (lib/cursors).
    queryFn: async () => {
      const page = await api.get<Page<Facility>>('/facilities', {
        ...params,
        after: cursorFor('facilities', params),
      });
      rememberNext('facilities', params, page.next);
      return page;
    },
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useFacility(id: number | undefined) {
  return useQuery({
    queryKey: facilityKeys.detail(id ?? 0),
    queryFn: () => api.get<Facility>(`/facilities/${id}`),
    enabled: id !== undefined,
  });
}

/** A span of days (≤ 31) of a facility: open hours, closed days and taken slots. */
export function useFacilityCalendar(id: number | undefined, from: string, to: string) {
  return useQuery({
    queryKey: facilityKeys.calendar(id ?? 0, from, to),
    queryFn: () => api.get<FacilityCalendarData>(`/facilities/${id}/calendar`, { from, to }),
    placeholderData: keepPreviousData,
    enabled: id !== undefined,
  });
}

export function useUtilization(params: UtilizationParams, enabled = true) {
  return useQuery({
    queryKey: facilityKeys.utilization(params),
    queryFn: () => api.get<UtilizationData>('/facilities/utilization', params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** A facility write answers the facility: it goes into the cache, and the lists refresh. */
function useFacilityMutation<V>(mutationFn: (vars: V) => Promise<Facility>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (facility) => {
      queryClient.setQueryData(facilityKeys.detail(facility.id), facility);
      return Promise.all(
        [['facilities', 'list'], ['facilities', 'calendar'], ['facilities', 'utilization'], ['audit']].map(
          (queryKey) => queryClient.invalidateQueries({ queryKey }),
        ),
      );
    },
  });
}

export const useCreateFacility = () =>
  useFacilityMutation((body: NewFacility) => api.post<Facility>('/facilities', body));

export const useUpdateFacility = () =>
  useFacilityMutation(({ id, ...body }: FacilityChanges & { id: number }) =>
    api.patch<Facility>(`/facilities/${id}`, body),
  );

export const useRetireFacility = () =>
  useFacilityMutation((id: number) => api.post<Facility>(`/facilities/${id}/retire`));
