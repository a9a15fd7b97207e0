import { NEED_CATEGORIES, NEED_STATUSES, type Need } from '@contract';
import { Card, Input, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../../lib/auth';
import { idParam, type NeedCategory, type NeedStatus, oneOf } from '../../shared/enums';
import { useFeedback } from '../../shared/feedback';
import { PageHeader } from '../../shared/PageHeader';
import { RegionSelect } from '../../shared/pickers/RegionSelect';
import { QueryError } from '../../shared/QueryError';
import { paginationProps, useListParams } from '../../shared/useListParams';
import { ProjectFormDrawer, type ProjectFormTarget } from '../projects';
import { useDecideNeed, useNeeds } from './api';
import { NeedDeclineModal } from './NeedDeclineModal';
import { NeedMergeModal } from './NeedMergeModal';
import { NeedTable } from './NeedTable';

const FILTER_KEYS = ['q', 'status', 'category', 'regionId'] as const;

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
  const navigate = useNavigate();
  const feedback = useFeedback();
  const list = useListParams(FILTER_KEYS);
  const status: NeedStatus | 'all' =
    list.filters.status === 'all' ? 'all' : (oneOf(NEED_STATUSES, list.filters.status) ?? 'open');
  const filters = {
    q: list.filters.q,
    category: oneOf(NEED_CATEGORIES, list.filters.category),
    regionId: idParam(list.filters.regionId),
    status: status === 'all' ? undefined : status,
  };
  const needs = useNeeds({ ...filters, page: list.page, pageSize: list.pageSize });
  const decide = useDecideNeed();
  const [declining, setDeclining] = useState<Need | null>(null);
  const [merging, setMerging] = useState<Need | null>(null);
  const [converting, setConverting] = useState<ProjectFormTarget | null>(null);
  // The project form is mounted for those who run projects; each need says whether it may be converted.
  const canConvert = can('project.manage');

  const accept = (need: Need) =>
    decide.mutate(
      { id: need.id, decision: 'accept' },
      {
        onSuccess: () => feedback.success(t('needs.accepted', { title: need.title })),
        onError: feedback.error,
      },
    );

  return (
    <>
      <PageHeader title={t('nav.needs')} />
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
        </div>
        {needs.error && <QueryError error={needs.error} onRetry={() => void needs.refetch()} />}
        <NeedTable
          needs={needs.data?.items}
          loading={needs.isFetching}
          pagination={paginationProps(list, needs.data?.total ?? 0, (total) => t('common.total', { total }))}
          onAccept={accept}
          onDecline={setDeclining}
          onMerge={setMerging}
          onConvert={(need) => setConverting({ mode: 'create', need })}
          acceptingId={
            decide.isPending && decide.variables?.decision === 'accept' ? decide.variables.id : undefined
          }
        />
      </Card>
      <NeedDeclineModal need={declining} onClose={() => setDeclining(null)} />
      <NeedMergeModal need={merging} onClose={() => setMerging(null)} />
      {canConvert && (
        <ProjectFormDrawer
          target={converting}
          onClose={() => setConverting(null)}
          onCreated={(project) => navigate(`/projects/${project.id}`)}
        />
      )}
    </>
  );
}
