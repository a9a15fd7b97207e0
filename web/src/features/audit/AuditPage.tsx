import { Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { day, dayStart } from '../../lib/time';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { paginationProps, useListParams } from '../../shared/useListParams';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { useAuditEntries } from './api';

const FILTER_KEYS = ['entityType', 'action', 'from', 'to'] as const;

/** A YYYY-MM-DD day from the address bar as the first or last instant of that day in the district. */
function dayBound(date: string | undefined, edge: 'start' | 'end') {
  if (!date || !day(date).isValid()) return undefined;
  const d = dayStart(date);
  return (edge === 'start' ? d : d.endOf('day')).toISOString();
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
