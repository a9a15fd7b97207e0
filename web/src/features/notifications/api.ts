import type { Notification, NotificationPrefs, NotificationPrefsView } from '@contract';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, type Page } from '../../lib/api';

export type NotificationData = z.infer<typeof Notification>;
export type NotificationPrefsData = z.infer<typeof NotificationPrefs>;
export type NotificationPrefsViewData = z.infer<typeof NotificationPrefsView>;
export type Channel = NotificationPrefsData['channels'][number];
export type NotificationListParams = { unread?: 'true'; page: number; pageSize: number };

export const notificationKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread'] as const,
  list: (params: NotificationListParams) => ['notifications', 'list', params] as const,
  prefs: ['notifications', 'prefs'] as const,
};

/** Unread notifications, asked again every minute and whenever the window regains focus. */
export function useUnreadNotifications() {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: () => api.get<Page<NotificationData>>('/notifications', { unread: 'true', pageSize: 20 }),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
    staleTime: 0,
  });
}

/** A page of one's notifications, newest first (or only the unread). */
export function useNotifications(params: NotificationListParams) {
  return useQuery({
    queryKey: notificationKeys.list(params),
    queryFn: () => api.get<Page<NotificationData>>('/notifications', params),
    placeholderData: keepPreviousData,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post(`/notifications/${id}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

/** Marks every unread notification read; answers how many were marked. */
export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ marked: number }>('/notifications/read-all'),
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

/** The route's largest page. */
const MAX_PAGE = 200;

/**
 * Marks read the unread notifications that lead to a page the reader has now seen (e.g. the
 * "new notice" for a notice opened from the inbox rather than from the bell).
 */
export function useMarkReadByLink() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (link: string) => {
      const { items } = await api.get<Page<NotificationData>>('/notifications', {
        unread: 'true',
        page: 1,
        pageSize: MAX_PAGE,
      });
      const matching = items.filter((n) => n.link === link);
      await Promise.all(matching.map((n) => api.post(`/notifications/${n.id}/read`)));
      return matching.length;
    },
    onSuccess: (marked) =>
      marked > 0 ? queryClient.invalidateQueries({ queryKey: notificationKeys.all }) : undefined,
  });
}

export function useNotificationPrefs() {
  return useQuery({
    queryKey: notificationKeys.prefs,
    queryFn: () => api.get<NotificationPrefsViewData>('/notifications/prefs'),
  });
}

export function useSaveNotificationPrefs() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (prefs: NotificationPrefsData) =>
      api.put<NotificationPrefsViewData>('/notifications/prefs', prefs),
    onSuccess: (saved) => queryClient.setQueryData(notificationKeys.prefs, saved),
  });
}
