import type {
  DedicationDay,
  DedicationDayCreateBody,
  DedicationDayUpdateBody,
  Occurrence,
  RecurrencePreviewBody,
} from '@contract';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, type Page } from '../../lib/api';
import { downloadFile } from '../../shared/download';

export type DedicationDayListParams = {
  regionId?: number;
  q?: string;
  page?: number;
  pageSize?: number;
};
export type NewDedicationDay = z.input<typeof DedicationDayCreateBody>;
export type DedicationDayChanges = z.input<typeof DedicationDayUpdateBody>;
export type PreviewBody = z.input<typeof RecurrencePreviewBody>;
export type OccurrenceListParams = {
  regionId?: number;
  dedicationDayId?: number;
  mine?: 'true';
  /** YYYY-MM-DD, at most 62 days apart. */
  from: string;
  to: string;
  pageSize?: number;
};

export const dedicationKeys = {
  all: ['dedication-days'] as const,
  list: (params: DedicationDayListParams) => ['dedication-days', 'list', params] as const,
  detail: (id: number) => ['dedication-days', 'detail', id] as const,
  preview: (body: PreviewBody) => ['dedication-days', 'preview', body] as const,
};
/** Shared with the occurrence pages: a write there refreshes the calendar, and back. */
export const occurrenceListKey = (params: OccurrenceListParams) => ['occurrences', 'list', params] as const;

export function useDedicationDays(params: DedicationDayListParams) {
  return useQuery({
    queryKey: dedicationKeys.list(params),
    queryFn: () => api.get<Page<DedicationDay>>('/dedication-days', params),
    placeholderData: keepPreviousData,
  });
}

/** The dates a rule gives, for the form's live preview. */
export function useRecurrencePreview(body: PreviewBody | undefined) {
  return useQuery({
    queryKey: dedicationKeys.preview(body ?? { rrule: '', startsOn: '' }),
    queryFn: () => api.post<{ dates: string[] }>('/dedication-days/preview', body),
    enabled: body !== undefined,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

/** The occurrences of a range, each with its tasks and how full they are. */
export function useOccurrences(params: OccurrenceListParams) {
  return useQuery({
    queryKey: occurrenceListKey(params),
    queryFn: () => api.get<Page<Occurrence>>('/occurrences', { pageSize: 500, ...params }),
    placeholderData: keepPreviousData,
  });
}

/**
 * A schedule's write answers the schedule: it goes into the cache. Its occurrences (future ones
 * follow the new rule or are cancelled), sign-ups, notifications and the audit log refresh.
 */
function useDedicationMutation<V>(mutationFn: (vars: V) => Promise<DedicationDay>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (day) => {
      queryClient.setQueryData(dedicationKeys.detail(day.id), day);
      return Promise.all(
        [['dedication-days', 'list'], ['occurrences'], ['signups'], ['notifications'], ['audit']].map(
          (queryKey) => queryClient.invalidateQueries({ queryKey }),
        ),
      );
    },
  });
}

export const useCreateDedicationDay = () =>
  useDedicationMutation((body: NewDedicationDay) => api.post<DedicationDay>('/dedication-days', body));

export const useUpdateDedicationDay = () =>
  useDedicationMutation(({ id, ...body }: DedicationDayChanges & { id: number }) =>
    api.patch<DedicationDay>(`/dedication-days/${id}`, body),
  );

/** Stops the schedule: its future occurrences are cancelled and those signed up are told. */
export const useRetireDedicationDay = () =>
  useDedicationMutation((id: number) => api.post<DedicationDay>(`/dedication-days/${id}/retire`));

/** The schedule as an iCalendar file, for a phone's or a desktop's calendar. */
export const downloadIcal = (day: Pick<DedicationDay, 'id'>) =>
  downloadFile(`/dedication-days/${day.id}/ical`, `dedication-day-${day.id}.ics`);
