import { CalendarOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { Card, Table, type TableColumnsType, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PagedList } from '../../shared/PagedList';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { TableEmpty } from '../../shared/TableEmpty';
import { useIsMobile } from '../../shared/useIsMobile';
import { paginationProps, useListParams } from '../../shared/useListParams';
import { atTime, EvaluationStatusTag, evaluationPeriod, HonourTag } from './EvaluationParts';
import { type HonourListItem, useHonours } from './honours.api';

const NO_FILTERS = [] as const;

/** "公示至 2026-12-01 10:00" while on notice; "2026-12-08 发布" once published. */
export function useHonourWhen() {
  const { t } = useTranslation();
  const none = t('common.none');
  return (h: Pick<HonourListItem, 'status' | 'noticeUntil' | 'publishedAt'>) =>
    h.status === 'notice'
      ? t('honours.noticeUntil', { until: atTime(h.noticeUntil, none) })
      : t('honours.publishedOn', { time: atTime(h.publishedAt, none) });
}

/** On a phone the whole card opens the list. */
function HonourCard({ item: h }: { item: HonourListItem }) {
  const when = useHonourWhen();
  return (
    <Link
      to={`/honours/${h.id}`}
      className="gj-card-row gj-honour-card"
      data-testid={`honour-list-${h.id}`}
      data-status={h.status}
    >
      <div className="gj-card-row-head">
        <strong className="gj-strong-link">{h.title}</strong>
        <EvaluationStatusTag status={h.status} />
      </div>
      <span className="gj-inline">
        <HonourTag honour={h.honour} />
        <Typography.Text type="secondary">
          <EnvironmentOutlined /> {h.regionName}
        </Typography.Text>
      </span>
      <Typography.Text type={h.status === 'notice' ? 'warning' : 'secondary'}>
        <CalendarOutlined /> {when(h)}
      </Typography.Text>
    </Link>
  );
}

/**
 * 荣誉公示: the shortlists on public notice (anyone may object while the notice runs) and the
 * published honour lists, for everyone signed in.
 */
export function HonoursPage() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const when = useHonourWhen();
  const list = useListParams(NO_FILTERS);
  const honours = useHonours({ page: list.page, pageSize: list.pageSize });
  const items = honours.data?.items;
  const pagination = paginationProps(list, honours.data?.total ?? 0, (total) => t('common.total', { total }));

  const columns: TableColumnsType<HonourListItem> = [
    {
      title: t('honours.listTitle'),
      dataIndex: 'title',
      width: 220,
      render: (_, h) => (
        <Link to={`/honours/${h.id}`} className="gj-strong-link" data-testid={`honour-open-${h.id}`}>
          {h.title}
        </Link>
      ),
    },
    {
      title: t('evaluations.honourLabel'),
      dataIndex: 'honour',
      width: 170,
      render: (_, h) => <HonourTag honour={h.honour} />,
    },
    { title: t('evaluations.region'), dataIndex: 'regionName', width: 90 },
    { title: t('evaluations.period'), key: 'period', width: 120, render: (_, h) => evaluationPeriod(h) },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 110,
      render: (_, h) => <EvaluationStatusTag status={h.status} />,
    },
    {
      title: t('honours.when'),
      key: 'when',
      width: 180,
      render: (_, h) => (
        <Typography.Text type={h.status === 'notice' ? 'warning' : undefined}>{when(h)}</Typography.Text>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('nav.honours')} />
      <Card>
        <Typography.Paragraph type="secondary">{t('honours.intro')}</Typography.Paragraph>
        {honours.error && <QueryError error={honours.error} onRetry={() => void honours.refetch()} />}
        {isMobile ? (
          <PagedList
            items={items}
            loading={honours.isFetching}
            testId="honour-lists"
            pagination={pagination}
            rowKey={(h) => h.id}
            empty={t('honours.empty')}
            render={(h) => <HonourCard item={h} />}
          />
        ) : (
          <Table<HonourListItem>
            rowKey="id"
            columns={columns}
            dataSource={items}
            loading={honours.isFetching}
            pagination={pagination}
            scroll={{ x: 890 }}
            // The whole row opens the list.
            onRow={(h) =>
              ({
                'data-testid': `honour-list-${h.id}`,
                'data-status': h.status,
                className: 'gj-clickable-row',
                onClick: () => navigate(`/honours/${h.id}`),
              }) as HTMLAttributes<HTMLElement>
            }
            locale={{ emptyText: <TableEmpty text={t('honours.empty')} /> }}
            data-testid="honour-lists"
          />
        )}
      </Card>
    </>
  );
}
