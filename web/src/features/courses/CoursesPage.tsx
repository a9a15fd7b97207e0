import { PlusOutlined } from '@ant-design/icons';
import { COURSE_KINDS } from '@contract';
import { Button, Card, Input, Segmented, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth } from '../../lib/auth';
import { idParam, oneOf } from '../../shared/enums';
import { PageHeader } from '../../shared/PageHeader';
import { RegionSelect } from '../../shared/pickers/RegionSelect';
import { QueryError } from '../../shared/QueryError';
import { paginationProps, useListParams } from '../../shared/useListParams';
import { CampaignSelect } from '../campaigns';
import { useCourses } from './api';
import { CourseCards } from './CourseCards';
import { CourseFormDrawer, type CourseFormTarget } from './CourseFormDrawer';

const FILTER_KEYS = ['q', 'kind', 'regionId', 'campaignId', 'mine'] as const;
const TABS = ['all', ...COURSE_KINDS] as const;
type Tab = (typeof TABS)[number];

function CourseSearch({ value, onSearch }: { value?: string; onSearch: (q: string | undefined) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value ?? '');
  return (
    <Input.Search
      className="gj-toolbar-grow"
      allowClear
      placeholder={t('courses.searchPlaceholder')}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onSearch={(q) => onSearch(q.trim() || undefined)}
      data-testid="course-search"
    />
  );
}

/** Training courses for community cadres and lectures: everyone sees those open to them. */
export function CoursesPage() {
  const { t } = useTranslation();
  const { me, can } = useAuth();
  const navigate = useNavigate();
  const list = useListParams(FILTER_KEYS);
  const kind = oneOf(COURSE_KINDS, list.filters.kind);
  const mine = list.filters.mine === 'true' ? 'true' : undefined;
  const filters = {
    q: list.filters.q,
    kind,
    regionId: idParam(list.filters.regionId),
    campaignId: idParam(list.filters.campaignId),
    mine,
  } as const;
  const courses = useCourses({ ...filters, page: list.page, pageSize: list.pageSize });
  const [form, setForm] = useState<CourseFormTarget | null>(null);
  const canManage = can('course.manage');
  const tab: Tab = kind ?? 'all';

  return (
    <>
      <PageHeader
        title={t('nav.courses')}
        extra={
          canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setForm({ mode: 'create' })}
              data-testid="course-create"
            >
              {t('courses.create')}
            </Button>
          )
        }
      />
      <Card>
        <Segmented<Tab>
          className="gj-block-gap"
          value={tab}
          onChange={(next) => list.setFilters({ kind: next === 'all' ? undefined : next })}
          options={TABS.map((k) => ({ value: k, label: t(`courses.tabs.${k}`) }))}
          data-testid="course-kind-tabs"
        />
        <div className="gj-toolbar">
          <CourseSearch value={filters.q} onSearch={(q) => list.setFilters({ q })} />
          <RegionSelect
            className="gj-toolbar-select-wide"
            kinds={['district', 'street', 'community']}
            allowClear
            placeholder={t('courses.region')}
            value={filters.regionId}
            onChange={(regionId) => list.setFilters({ regionId })}
            data-testid="course-region-filter"
          />
          {can('campaign.manage') && (
            <CampaignSelect
              className="gj-toolbar-select-wide"
              value={filters.campaignId}
              onChange={(campaignId) => list.setFilters({ campaignId })}
              data-testid="course-campaign-filter"
            />
          )}
          {me.user.personId !== null && (
            <span className="gj-switch">
              <Switch
                id="courses-mine-only"
                size="small"
                checked={mine === 'true'}
                onChange={(on) => list.setFilters({ mine: on ? 'true' : undefined })}
                data-testid="course-mine-filter"
              />
              <label htmlFor="courses-mine-only">{t('courses.onlyMine')}</label>
            </span>
          )}
        </div>
        {courses.error && <QueryError error={courses.error} onRetry={() => void courses.refetch()} />}
        <CourseCards
          courses={courses.data?.items}
          loading={courses.isFetching}
          empty={mine ? t('courses.emptyMine') : t('courses.empty')}
          pagination={paginationProps(list, courses.data?.total ?? 0, (total) =>
            t('common.total', { total }),
          )}
        />
      </Card>
      {canManage && (
        <CourseFormDrawer
          target={form}
          onClose={() => setForm(null)}
          onCreated={(course) => navigate(`/courses/${course.id}`)}
        />
      )}
    </>
  );
}
