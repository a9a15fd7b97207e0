import type {
  AudiencePreview,
  NOTICE_KINDS,
  NOTICE_STATUSES,
  Notice,
  NoticeAudience,
  NoticeReads,
} from '@contract';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { z } from 'zod';
import { api, type Page } from '../../lib/api';
import { cursorFor, rememberNext } from '../../lib/cursors';

export type NoticeKind = (typeof NOTICE_KINDS)[number];
export type NoticeStatus = (typeof NOTICE_STATUSES)[number];
export type AudiencePreviewData = z.infer<typeof AudiencePreview>;
export type NoticeReadsData = z.infer<typeof NoticeReads>;
export type NoticeListParams = {
  q?: string;
  kind?: NoticeKind;
  status?: NoticeStatus;
  regionId?: number;
  campaignId?: number;
  inbox?: 'true';
  unread?: 'true';
  page?: number;
  pageSize?: number;
};
export type NewNotice = {
  kind: NoticeKind;
  title: string;
  /** HTML: paragraphs, headings, lists, emphasis and links. */
  body: string;
  audience: NoticeAudience;
  campaignId?: number;
};

export const noticeKeys = {
  all: ['notices'] as const,
  list: (params: NoticeListParams) => ['notices', 'list', params] as const,
  detail: (id: number) => ['notices', 'detail', id] as const,
  reads: (id: number) => ['notices', 'reads', id] as const,
  preview: (audience: NoticeAudience | undefined) => ['notices', 'preview', audience] as const,
};

export function useNotices(params: NoticeListParams, enabled = true) {
  return useQuery({
    queryKey: noticeKeys.list(params),
    // Read on from the page before's cursor when it has been read (lib/cursors).
    queryFn: async () => {
      const page = await api.get<Page<Notice>>('/notices', {
        ...params,
        after: cursorFor('notices', params),
      });
      rememberNext('notices', params, page.next);
      return page;
    },
    placeholderData: keepPreviousData,
    enabled,
  });
}

/**
 * A notice; while it is being delivered it is asked again every two seconds, and once
 * delivered the lists (counts, statuses) are asked again too.
 */
export function useNotice(id: number | undefined) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: noticeKeys.detail(id ?? 0),
    queryFn: () => api.get<Notice>(`/notices/${id}`),
    enabled: id !== undefined,
    refetchInterval: (q) => (q.state.data?.status === 'publishing' ? 2000 : false),
  });
  const status = query.data?.status;
  const previous = useRef(status);
  useEffect(() => {
    if (previous.current === 'publishing' && status === 'published') {
      void queryClient.invalidateQueries({ queryKey: ['notices', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['campaigns'] });
    }
    previous.current = status;
  }, [status, queryClient]);
  return query;
}

export function useNoticeReads(id: number, enabled: boolean) {
  return useQuery({
    queryKey: noticeKeys.reads(id),
    queryFn: () => api.get<NoticeReadsData>(`/notices/${id}/reads`),
    enabled,
  });
}

/** How many an audience reaches, by community: asked again as the editor's audience changes. */
export function useAudiencePreview(audience: NoticeAudience | undefined) {
  return useQuery({
    queryKey: noticeKeys.preview(audience),
    queryFn: () => api.post<AudiencePreviewData>('/notices/preview', audience),
    enabled: audience !== undefined,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

function useNoticeMutation<V>(mutationFn: (vars: V) => Promise<Notice>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (notice) => {
      queryClient.setQueryData(noticeKeys.detail(notice.id), notice);
      return Promise.all(
        [['notices', 'list'], noticeKeys.reads(notice.id), ['campaigns'], ['notifications'], ['audit']].map(
          (queryKey) => queryClient.invalidateQueries({ queryKey }),
        ),
      );
    },
  });
}

export const useCreateNotice = () =>
  useNoticeMutation((body: NewNotice) => api.post<Notice>('/notices', body));

export const useUpdateNotice = () =>
  useNoticeMutation(({ id, ...body }: Partial<NewNotice> & { id: number }) =>
    api.patch<Notice>(`/notices/${id}`, body),
  );

/** Delivery runs in the background: the notice answers as `publishing` until it is done. */
export const usePublishNotice = () =>
  useNoticeMutation((id: number) => api.post<Notice>(`/notices/${id}/publish`));

/** A recipient has read it: the inbox, the bell and one's record change. */
export const useMarkNoticeRead = () =>
  useNoticeMutation((id: number) => api.post<Notice>(`/notices/${id}/read`));

export function useRemindUnread() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<{ reminded: number }>(`/notices/${id}/remind`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['audit'] }),
  });
}

export const percent = (rate: number) => Math.round(rate * 1000) / 10;

/** Where a notice leads its organisers: a draft to its editor, the rest to its page. */
export const noticePath = (n: Pick<Notice, 'id' | 'status'>) =>
  n.status === 'draft' ? `/notices/${n.id}/edit` : `/notices/${n.id}`;
