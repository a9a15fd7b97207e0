import type { AuditEntry } from '@contract';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

export type AuditListParams = {
  page: number;
  pageSize: number;
  entityType?: string;
  /** ISO 8601 with offset, as the contract asks. */
  from?: string;
  to?: string;
  regionId?: number;
  action?: string;
  actorId?: number;
};

export function useAuditEntries(params: AuditListParams) {
  return useQuery({
    queryKey: ['audit', 'list', params],
    queryFn: () => api.get<{ items: AuditEntry[]; total: number }>('/audit', params),
    placeholderData: keepPreviousData,
  });
}
