import { CalendarOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Input, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { idParam } from '../../shared/enums';
import { PageHeader } from '../../shared/PageHeader';
import { RegionSelect } from '../../shared/pickers/RegionSelect';
import { QueryError } from '../../shared/QueryError';
import { paginationProps, useListParams } from '../../shared/useListParams';
import { useDedicationDays } from './api';
import { DedicationDayFormDrawer, type DedicationFormTarget } from './DedicationDayFormDrawer';
import { DedicationDayTable } from './DedicationDayTable';
import { useScopeRegion } from './useScopeRegion';

const FILTER_KEYS = ['q', 'regionId'] as const;
/** The address bar's word for "no region filter". */
const ALL = 'all';

function DaySearch({ value, onSearch }: { value?: string; onSearch: (q: string | undefined) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value ?? '');
  return (
    <Input.Search
      className="gj-toolbar-grow"
      allowClear
      placeholder={t('dedication.searchPlaceholder')}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onSearch={(q) => onSearch(q.trim() || undefined)}
      data-testid="dedication-search"
    />
  );
}

/** The fixed dedication days (固定奉献日) of the organiser's area: their rules, times and tasks. */
export function DedicationDaysPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useListParams(FILTER_KEYS);
  const scope = useScopeRegion();
  // No region in the address: the organiser's own; "all" when they cleared it.
  const regionId = list.filters.regionId === ALL ? undefined : (idParam(list.filters.regionId) ?? scope);
  const filters = { q: list.filters.q, regionId };
  const days = useDedicationDays({ ...filters, page: list.page, pageSize: list.pageSize });
  const [form, setForm] = useState<DedicationFormTarget | null>(null);

  return (
    <>
      <PageHeader
        title={t('nav.dedicationDays')}
        extra={
          <Space wrap>
            <Button
              icon={<CalendarOutlined />}
              onClick={() => navigate('/dedication-calendar')}
              data-testid="dedication-open-calendar"
            >
              {t('nav.dedicationCalendar')}
            </Button>
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setForm({ mode: 'create' })}
              data-testid="dedication-create"
            >
              {t('dedication.create')}
            </Button>
          </Space>
        }
      />
      <Card>
        <div className="gj-toolbar">
          <DaySearch value={filters.q} onSearch={(q) => list.setFilters({ q })} />
          <RegionSelect
            className="gj-toolbar-select-wide"
            kinds={['street', 'community']}
            allowClear
            placeholder={t('dedication.region')}
            value={filters.regionId}
            onChange={(next) => list.setFilters({ regionId: next ?? ALL })}
            data-testid="dedication-region-filter"
          />
        </div>
        {days.error && <QueryError error={days.error} onRetry={() => void days.refetch()} />}
        <DedicationDayTable
          days={days.data?.items}
          loading={days.isFetching}
          pagination={paginationProps(list, days.data?.total ?? 0, (total) => t('common.total', { total }))}
          onEdit={(day) => setForm({ mode: 'edit', day })}
        />
      </Card>
      <DedicationDayFormDrawer target={form} onClose={() => setForm(null)} />
    </>
  );
}
