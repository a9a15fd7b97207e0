import { PlusOutlined } from '@ant-design/icons';
import { NOTICE_KINDS, NOTICE_STATUSES, type Notice } from '@contract';
import {
  Button,
  Card,
  Input,
  Pagination,
  Select,
  Skeleton,
  Spin,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { zoned } from '../../lib/time';
import { idParam, oneOf } from '../../shared/enums';
import { PageHeader } from '../../shared/PageHeader';
import { PlainList } from '../../shared/PlainList';
import { QueryError } from '../../shared/QueryError';
import { TableEmpty } from '../../shared/TableEmpty';
import { useIsMobile } from '../../shared/useIsMobile';
import { paginationProps, useListParams } from '../../shared/useListParams';
import { CampaignSelect } from '../campaigns';
import { type NoticeKind, type NoticeStatus, noticePath, useNotices } from './api';
import { NoticeKindTag, NoticeStatusTag, ReadRateBar } from './NoticeTags';

const FILTER_KEYS = ['q', 'kind', 'status', 'campaignId'] as const;
const TIME = 'YYYY-MM-DD HH:mm';

function NoticeSearch({ value, onSearch }: { value?: string; onSearch: (q: string | undefined) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value ?? '');
  return (
    <Input.Search
      className="gj-toolbar-grow"
      allowClear
      placeholder={t('notices.searchPlaceholder')}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onSearch={(q) => onSearch(q.trim() || undefined)}
      data-testid="notice-search"
    />
  );
}

function Reach({ notice: n }: { notice: Notice }) {
  const { t } = useTranslation();
  if (n.status === 'draft') return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <span className="gj-pub-reach">
      <Typography.Text type="secondary" className="gj-nowrap">
        {t('notices.readsOf', { reads: n.reads, recipients: n.recipients })}
      </Typography.Text>
      <ReadRateBar rate={n.readRate} />
    </span>
  );
}

/** The notices of the organiser's area: drafts, those being sent, and how well each was read. */
export function NoticesPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const list = useListParams(FILTER_KEYS);
  const filters = {
    q: list.filters.q,
    kind: oneOf(NOTICE_KINDS, list.filters.kind),
    status: oneOf(NOTICE_STATUSES, list.filters.status),
    campaignId: idParam(list.filters.campaignId),
  };
  const notices = useNotices({ ...filters, page: list.page, pageSize: list.pageSize });
  const items = notices.data?.items;
  const pagination = paginationProps(list, notices.data?.total ?? 0, (total) =>
    notices.data?.capped ? t('common.totalMore', { total }) : t('common.total', { total }),
  );

  const columns: TableColumnsType<Notice> = [
    {
      title: t('notices.titleLabel'),
      key: 'title',
      render: (_, n) => (
        <span className="gj-stack">
          <Link to={noticePath(n)} className="gj-strong-link" data-testid={`notice-link-${n.id}`}>
            {n.title}
          </Link>
          <Typography.Text type="secondary" className="gj-pub-small">
            {n.regionName} · {n.author}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('notices.kindLabel'),
      key: 'kind',
      width: 110,
      render: (_, n) => <NoticeKindTag kind={n.kind} />,
    },
    {
      title: t('common.status'),
      key: 'status',
      width: 110,
      render: (_, n) => <NoticeStatusTag status={n.status} />,
    },
    {
      title: t('notices.recipients'),
      dataIndex: 'recipients',
      width: 90,
      align: 'right',
      render: (count: number, n) => (n.status === 'draft' ? t('common.none') : count),
    },
    { title: t('notices.readRate'), key: 'rate', width: 200, render: (_, n) => <Reach notice={n} /> },
    {
      title: t('notices.when'),
      key: 'when',
      width: 150,
      render: (_, n) => zoned(n.publishedAt ?? n.createdAt).format(TIME),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.notices')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => navigate('/notices/new')}
            data-testid="notice-create"
          >
            {t('notices.create')}
          </Button>
        }
      />
      <Card>
        <div className="gj-toolbar">
          <NoticeSearch value={filters.q} onSearch={(q) => list.setFilters({ q })} />
          <Select<NoticeKind>
            className="gj-toolbar-select"
            allowClear
            placeholder={t('notices.kindLabel')}
            value={filters.kind}
            onChange={(kind) => list.setFilters({ kind })}
            options={NOTICE_KINDS.map((k) => ({ value: k, label: t(`notices.kind.${k}`) }))}
            data-testid="notice-kind-filter"
          />
          <Select<NoticeStatus>
            className="gj-toolbar-select"
            allowClear
            placeholder={t('common.status')}
            value={filters.status}
            onChange={(status) => list.setFilters({ status })}
            options={NOTICE_STATUSES.map((s) => ({ value: s, label: t(`notices.status.${s}`) }))}
            data-testid="notice-status-filter"
          />
          <CampaignSelect
            className="gj-toolbar-select-wide"
            value={filters.campaignId}
            onChange={(campaignId) => list.setFilters({ campaignId })}
            data-testid="notice-campaign-filter"
          />
        </div>
        {notices.error && <QueryError error={notices.error} onRetry={() => void notices.refetch()} />}
        {isMobile ? (
          !items ? (
            <Skeleton active />
          ) : (
            <Spin spinning={notices.isFetching}>
              <div data-testid="notice-list">
                <PlainList
                  items={items}
                  rowKey={(n) => n.id}
                  empty={t('notices.empty')}
                  render={(n) => (
                    <div className="gj-card-row" data-testid={`notice-row-${n.id}`} data-status={n.status}>
                      <Link to={noticePath(n)} className="gj-strong-link">
                        {n.title}
                      </Link>
                      <span className="gj-inline">
                        <NoticeKindTag kind={n.kind} />
                        <NoticeStatusTag status={n.status} />
                        <Typography.Text type="secondary" className="gj-pub-small">
                          {zoned(n.publishedAt ?? n.createdAt).format(TIME)}
                        </Typography.Text>
                      </span>
                      <div className="gj-fill">
                        <Reach notice={n} />
                      </div>
                    </div>
                  )}
                />
              </div>
              <Pagination className="gj-card-pagination" size="small" {...pagination} />
            </Spin>
          )
        ) : (
          <Table<Notice>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={items}
            loading={notices.isFetching}
            pagination={pagination}
            scroll={{ x: 860 }}
            onRow={(n) =>
              ({
                'data-testid': `notice-row-${n.id}`,
                'data-status': n.status,
              }) as HTMLAttributes<HTMLElement>
            }
            locale={{ emptyText: <TableEmpty text={t('notices.empty')} /> }}
            data-testid="notice-table"
          />
        )}
      </Card>
    </>
  );
}
