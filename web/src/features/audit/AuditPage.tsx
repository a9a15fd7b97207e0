import { Card } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { paginationProps, useListParams } from '../../shared/useListParams';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { useAuditEntries } from './api';

const FILTER_KEYS = ['entityType', 'action', 'from', 'to'] as const;

/** A YYYY-MM-DD day from the address bar as the first or last instant of that local day. */
function dayBound(day: string | undefined, edge: 'start' | 'end') {
  if (!day) return undefined;
  const d = dayjs(day);
  if (!d.isValid()) return undefined;
  return (edge === 'start' ? d.startOf('day') : d.endOf('day')).format();
}

export function AuditPage() {
  const { t } = useTranslation();
  const list = useListParams(FILTER_KEYS);
  const { entityType, action, from, to } = list.filters;
  const audit = useAuditEntries({
    page: list.page,
    pageSize: list.pageSize,
    entityType,
    action,
    from: dayBound(from, 'start'),
    to: dayBound(to, 'end'),
  });

  return (
    <>
      <PageHeader title={t('nav.audit')} />
      <Card>
        <AuditFilters value={list.filters} onChange={list.setFilters} />
        {audit.error && <QueryError error={audit.error} onRetry={() => void audit.refetch()} />}
        <AuditTable
          entries={audit.data?.items}
          loading={audit.isFetching}
          pagination={paginationProps(list, audit.data?.total ?? 0, (total) => t('common.total', { total }))}
        />
      </Card>
    </>
  );
}
