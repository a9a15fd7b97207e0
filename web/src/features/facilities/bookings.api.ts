import type { Booking, BookingSeriesResult, BookingStatus } from '@contract';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, type Page } from '../../lib/api';

export type BookingSeries = z.infer<typeof BookingSeriesResult>;
export type BookingClash = BookingSeries['clashes'][number];

export type BookingListParams = {
  mine?: 'true' | 'false';
  /** Pending bookings on the facilities the reader keeps. */
  inbox?: 'true' | 'false';
  facilityId?: number;
  status?: BookingStatus;
  /** ISO instants with offset. */
  from?: string;
  to?: string;
  /** The bookings of this unit's facilities: waiting first, then coming up, then the past. */
  unitId?: number;
  page?: number;
  pageSize?: number;
};

export type NewBooking = {
  facilityId: number;
  /** ISO instants with offset. */
  startsAt: string;
  endsAt: string;
  purpose: string;
  people: number;
  forUnit?: boolean;
  /** YYYY-MM-DD: the same hours every week until this day. */
  weeklyUntil?: string;
};

export const bookingKeys = {
  all: ['bookings'] as const,
  list: (params: BookingListParams) => ['bookings', 'list', params] as const,
};

export function useBookings(params: BookingListParams, enabled = true) {
  return useQuery({
    queryKey: bookingKeys.list(params),
    queryFn: () => api.get<Page<Booking>>('/bookings', params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/**
 * A booking changes its facility's calendar, what is free in the catalogue, the utilization,
 * the booking lists, the ledger (used hours of a unit's facility) and notifications.
 */
function useBookingMutation<V, R>(mutationFn: (vars: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all(
        [
          bookingKeys.all,
          ['facilities', 'calendar'],
          ['facilities', 'list'],
          ['facilities', 'utilization'],
          ['ledger'],
          ['notifications'],
        ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      ),
  });
}

export const useCreateBooking = () =>
  useBookingMutation((body: NewBooking) => api.post<BookingSeries>('/bookings', body));

export const useDecideBooking = () =>
  useBookingMutation(({ id, ...body }: { id: number; decision: 'confirm' | 'decline'; reason?: string }) =>
    api.post<Booking>(`/bookings/${id}/decide`, body),
  );

export const useCancelBooking = () =>
  useBookingMutation(({ id, reason }: { id: number; reason?: string }) =>
    api.post<Booking>(`/bookings/${id}/cancel`, reason ? { reason } : {}),
  );

export const useRecordUse = () =>
  useBookingMutation(({ id, ...body }: { id: number; usedHours?: number; noShow?: boolean }) =>
    api.post<Booking>(`/bookings/${id}/use`, body),
  );

/** Still ahead: pending or confirmed, and not yet started. */
export const isUpcoming = (b: Pick<Booking, 'status' | 'startsAt'>) =>
  (b.status === 'pending' || b.status === 'confirmed') && new Date(b.startsAt).getTime() > Date.now();

/** Use (or a no-show) is recorded by the owner once a confirmed booking has started. */
export const awaitsUse = (b: Pick<Booking, 'status' | 'startsAt'>) =>
  b.status === 'confirmed' && new Date(b.startsAt).getTime() <= Date.now();

/** The booked length in hours, rounded to a quarter. */
export const bookedHours = (b: Pick<Booking, 'startsAt' | 'endsAt'>) =>
  Math.round(((new Date(b.endsAt).getTime() - new Date(b.startsAt).getTime()) / 3_600_000) * 4) / 4;
