import { NEED_CATEGORIES, NEED_STATUSES } from '@contract';
import { Card, Checkbox, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../lib/auth';
import { idParam, type NeedCategory, type NeedStatus, oneOf } from '../../shared/enums';
import { PageHeader } from '../../shared/PageHeader';
import { RegionSelect } from '../../shared/pickers/RegionSelect';
import { QueryError } from '../../shared/QueryError';
import { paginationProps, useListParams } from '../../shared/useListParams';
import { useNeeds } from './api';
import { useNeedAnswers } from './NeedAnswers';
import { NeedOverdueSettings } from './NeedOverdueSettings';
import { NeedTable } from './NeedTable';

const FILTER_KEYS = ['q', 'status', 'category', 'regionId', 'overdue'] as const;

function NeedSearch({ value, onSearch }: { value?: string; onSearch: (q: string | undefined) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value ?? '');
  return (
    <Input.Search
      className="gj-toolbar-grow"
      allowClear
      placeholder={t('needs.searchPlaceholder')}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onSearch={(q) => onSearch(q.trim() || undefined)}
      data-testid="need-search"
    />
  );
}

/** The inbox of residents' needs; it opens on those still waiting for an answer. */
export function NeedsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const list = useListParams(FILTER_KEYS);
  const status: NeedStatus | 'all' =
    list.filters.status === 'all' ? 'all' : (oneOf(NEED_STATUSES, list.filters.status) ?? 'open');
  const filters = {
    q: list.filters.q,
    category: oneOf(NEED_CATEGORIES, list.filters.category),
    regionId: idParam(list.filters.regionId),
    status: status === 'all' ? undefined : status,
    overdue: list.filters.overdue === 'true' ? ('true' as const) : undefined,
  };
  const needs = useNeeds({ ...filters, page: list.page, pageSize: list.pageSize });
  // The project form is mounted for those who run projects; each need says whether it may be converted.
  const { actions, modals } = useNeedAnswers(can('project.manage'));

  return (
    <>
      <PageHeader title={t('nav.needs')} extra={<NeedOverdueSettings />} />
      <Card>
        <div className="gj-toolbar">
          <NeedSearch value={filters.q} onSearch={(q) => list.setFilters({ q })} />
          <Select<NeedStatus | 'all'>
            className="gj-toolbar-select"
            value={status}
            // The default status (open) is kept out of the address bar.
            onChange={(next) => list.setFilters({ status: next === 'open' ? undefined : next })}
            options={[
              ...NEED_STATUSES.map((s) => ({ value: s, label: t(`needStatus.${s}`) })),
              { value: 'all', label: t('needs.allStatuses') },
            ]}
            data-testid="need-status-filter"
          />
          <Select<NeedCategory>
            className="gj-toolbar-select"
            allowClear
            placeholder={t('needs.category')}
            value={filters.category}
            onChange={(category) => list.setFilters({ category })}
            options={NEED_CATEGORIES.map((c) => ({ value: c, label: t(`needCategory.${c}`) }))}
            data-testid="need-category-filter"
          />
          <RegionSelect
            className="gj-toolbar-select-wide"
            kind="community"
            allowClear
            placeholder={t('needs.community')}
            value={filters.regionId}
            onChange={(regionId) => list.setFilters({ regionId })}
          />
          <Checkbox
            checked={filters.overdue === 'true'}
            onChange={(e) => list.setFilters({ overdue: e.target.checked ? 'true' : undefined })}
            data-testid="need-overdue-filter"
          >
            {t('needs.overdueOnly')}
          </Checkbox>
        </div>
        {needs.error && <QueryError error={needs.error} onRetry={() => void needs.refetch()} />}
        <NeedTable
          needs={needs.data?.items}
          loading={needs.isFetching}
          pagination={paginationProps(list, needs.data?.total ?? 0, (total) =>
            needs.data?.capped ? t('common.totalMore', { total }) : t('common.total', { total }),
          )}
          {...actions}
        />
      </Card>
      {modals}
    </>
  );
}
