import type { Meeting, MeetingSummary } from '@contract';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Page } from '../../lib/api';
import type { Attendance, MeetingStatus, OwnerKind } from '../../shared/enums';

export type MeetingListParams = {
  bodyId?: number;
  regionId?: number;
  status?: MeetingStatus;
  /** ISO date-times with offset. */
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
};
export type NewMeeting = {
  bodyId: number;
  title: string;
  startsAt: string;
  endsAt?: string;
  place: string;
  agenda: string;
  /** Omit to invite the body's person members. */
  inviteePersonIds?: number[];
};
/** null clears endsAt or the minutes. */
export type MeetingChanges = {
  title?: string;
  startsAt?: string;
  endsAt?: string | null;
  place?: string;
  agenda?: string;
  minutes?: string | null;
  status?: MeetingStatus;
};
export type OwnerInput = { kind: OwnerKind; id: number };
export type NewResolution = { text: string; task?: { title: string; owner: OwnerInput; dueOn: string } };

export const meetingKeys = {
  all: ['meetings'] as const,
  list: (params: MeetingListParams) => ['meetings', 'list', params] as const,
  detail: (id: number) => ['meetings', 'detail', id] as const,
};

export function useMeetings(params: MeetingListParams, enabled = true) {
  return useQuery({
    queryKey: meetingKeys.list(params),
    queryFn: () => api.get<Page<MeetingSummary>>('/meetings', params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useMeeting(id: number | undefined) {
  return useQuery({
    queryKey: meetingKeys.detail(id ?? 0),
    queryFn: () => api.get<Meeting>(`/meetings/${id}`),
    enabled: id !== undefined,
  });
}

/**
 * Every meeting write answers the whole meeting: it goes straight into the cache. Lists,
 * the body's counts and (for resolutions) the task board refresh.
 */
function useMeetingMutation<V>(mutationFn: (vars: V) => Promise<Meeting>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (meeting) => {
      queryClient.setQueryData(meetingKeys.detail(meeting.id), meeting);
      return Promise.all(
        [['meetings', 'list'], ['bodies'], ['tasks'], ['audit']].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      );
    },
  });
}

export const useCreateMeeting = () =>
  useMeetingMutation((body: NewMeeting) => api.post<Meeting>('/meetings', body));

export const useUpdateMeeting = () =>
  useMeetingMutation(({ id, ...body }: MeetingChanges & { id: number }) =>
    api.patch<Meeting>(`/meetings/${id}`, body),
  );

export const useRecordAttendance = () =>
  useMeetingMutation(({ id, items }: { id: number; items: { personId: number; attendance: Attendance }[] }) =>
    api.put<Meeting>(`/meetings/${id}/attendance`, { items }),
  );

export const useAddResolution = () =>
  useMeetingMutation(({ id, ...body }: NewResolution & { id: number }) =>
    api.post<Meeting>(`/meetings/${id}/resolutions`, body),
  );
