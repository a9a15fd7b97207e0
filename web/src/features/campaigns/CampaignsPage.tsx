import {
  BookOutlined,
  CalendarOutlined,
  EnvironmentOutlined,
  NotificationOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import type { Campaign } from '@contract';
import { Button, Card, Empty, Input, Pagination, Skeleton, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { idParam } from '../../shared/enums';
import { PageHeader } from '../../shared/PageHeader';
import { RegionSelect } from '../../shared/pickers/RegionSelect';
import { QueryError } from '../../shared/QueryError';
import { paginationProps, useListParams } from '../../shared/useListParams';
import { useCampaigns } from './api';
import { CampaignFormDrawer, type CampaignFormTarget } from './CampaignFormDrawer';
import { CampaignKindTag, CampaignPhaseTag, campaignDates } from './CampaignTags';

function CampaignSearch({ value, onSearch }: { value?: string; onSearch: (q: string | undefined) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value ?? '');
  return (
    <Input.Search
      className="gj-toolbar-grow"
      allowClear
      placeholder={t('campaigns.searchPlaceholder')}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onSearch={(q) => onSearch(q.trim() || undefined)}
      data-testid="campaign-search"
    />
  );
}

function CampaignCard({ campaign: c }: { campaign: Campaign }) {
  const { t } = useTranslation();
  return (
    <div className="gj-pub-card gj-pub-campaign-card" data-testid={`campaign-row-${c.id}`}>
      <div className="gj-card-row-head">
        <Link to={`/campaigns/${c.id}`} className="gj-strong-link">
          {c.title}
        </Link>
        <CampaignPhaseTag campaign={c} />
      </div>
      <span className="gj-inline">
        <CampaignKindTag kind={c.kind} />
        <Typography.Text type="secondary">
          <EnvironmentOutlined /> {c.regionName}
        </Typography.Text>
      </span>
      <Typography.Text type="secondary">
        <CalendarOutlined /> {campaignDates(c)}
      </Typography.Text>
      {c.theme && (
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} className="gj-no-margin">
          {c.theme}
        </Typography.Paragraph>
      )}
      <span className="gj-inline">
        <span>
          <BookOutlined /> {t('campaigns.courseCount', { count: c.courses })}
        </span>
        <span>
          <NotificationOutlined /> {t('campaigns.noticeCount', { count: c.notices })}
        </span>
      </span>
    </div>
  );
}

/** Campaigns such as a publicity week, grouping courses and notices; their organisers' list. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useListParams(['q', 'regionId'] as const);
  const filters = { q: list.filters.q, regionId: idParam(list.filters.regionId) };
  const campaigns = useCampaigns({ ...filters, page: list.page, pageSize: list.pageSize });
  const [form, setForm] = useState<CampaignFormTarget | null>(null);
  const items = campaigns.data?.items;

  return (
    <>
      <PageHeader
        title={t('nav.campaigns')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setForm({ mode: 'create' })}
            data-testid="campaign-create"
          >
            {t('campaigns.create')}
          </Button>
        }
      />
      <Card>
        <div className="gj-toolbar">
          <CampaignSearch value={filters.q} onSearch={(q) => list.setFilters({ q })} />
          <RegionSelect
            className="gj-toolbar-select-wide"
            kinds={['district', 'street', 'community']}
            allowClear
            placeholder={t('campaigns.region')}
            value={filters.regionId}
            onChange={(regionId) => list.setFilters({ regionId })}
            data-testid="campaign-region-filter"
          />
        </div>
        {campaigns.error && <QueryError error={campaigns.error} onRetry={() => void campaigns.refetch()} />}
        {!items && !campaigns.error && <Skeleton active />}
        {items && (
          <Spin spinning={campaigns.isFetching}>
            <div data-testid="campaign-list">
              {items.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('campaigns.empty')} />
              ) : (
                <div className="gj-pub-grid">
                  {items.map((c) => (
                    <CampaignCard key={c.id} campaign={c} />
                  ))}
                </div>
              )}
            </div>
            <Pagination
              className="gj-card-pagination"
              size="small"
              {...paginationProps(list, campaigns.data?.total ?? 0, (total) => t('common.total', { total }))}
            />
          </Spin>
        )}
      </Card>
      <CampaignFormDrawer
        target={form}
        onClose={() => setForm(null)}
        onCreated={(c) => navigate(`/campaigns/${c.id}`)}
      />
    </>
  );
}
