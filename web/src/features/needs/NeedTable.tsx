import type { Need } from '@contract';
import { type TableColumnsType, type TablePaginationConfig, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { zoned } from '../../lib/time';
import { EntityTable } from '../../shared/EntityTable';
import { NeedCategoryTag, NeedStatusTag } from '../../shared/tags';
import { type NeedActions, NeedDecisions } from './NeedDecisions';
import { NeedLink } from './NeedLink';
import { NeedOutcome } from './NeedOutcome';
import { NeedWaited } from './NeedWaited';

type Props = NeedActions & {
  needs: Need[] | undefined;
  loading: boolean;
  pagination: TablePaginationConfig;
};

const TIME = 'YYYY-MM-DD HH:mm';

function Wanted({ need: n }: { need: Need }) {
  const { t } = useTranslation();
  if (!n.place && !n.wantedBy) return null;
  return (
    <Typography.Text type="secondary">
      {[n.place, n.wantedBy && t('needs.wantedByDate', { date: n.wantedBy })].filter(Boolean).join(' · ')}
    </Typography.Text>
  );
}

export function NeedTable({ needs, loading, pagination, ...actions }: Props) {
  const { t } = useTranslation();
  const columns: TableColumnsType<Need> = [
    {
      title: t('needs.raisedAt'),
      dataIndex: 'createdAt',
      width: 140,
      render: (at: string, n) => (
        <span className="gj-stack">
          <span className="gj-nowrap">{zoned(at).format(TIME)}</span>
          {n.raisedBy && <Typography.Text type="secondary">{n.raisedBy.name}</Typography.Text>}
        </span>
      ),
    },
    {
      title: t('needs.title'),
      dataIndex: 'title',
      width: 240,
      render: (_: string, n) => (
        <span className="gj-stack">
          <NeedLink need={n} />
          {n.description && (
            <Typography.Paragraph
              type="secondary"
              ellipsis={{ rows: 2, tooltip: n.description }}
              className="gj-no-margin"
            >
              {n.description}
            </Typography.Paragraph>
          )}
          <Wanted need={n} />
        </span>
      ),
    },
    {
      title: t('needs.waitedColumn'),
      key: 'waited',
      width: 110,
      render: (_, n) => <NeedWaited need={n} />,
    },
    {
      title: t('needs.category'),
      dataIndex: 'category',
      width: 100,
      render: (_, n) => <NeedCategoryTag category={n.category} />,
    },
    { title: t('needs.community'), dataIndex: 'communityName', width: 120 },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 170,
      render: (_, n) => (
        <span className="gj-stack">
          <NeedStatusTag status={n.status} />
          <NeedOutcome need={n} />
        </span>
      ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 250,
      fixed: 'right',
      render: (_, n) => <NeedDecisions need={n} {...actions} />,
    },
  ];

  return (
    <EntityTable<Need>
      items={needs}
      loading={loading}
      pagination={pagination}
      columns={columns}
      scrollX={1130}
      empty={t('needs.empty')}
      testId="need-table"
      rowData={(n) => ({ 'data-testid': `need-row-${n.id}`, 'data-status': n.status })}
      card={(n) => (
        <>
          <div className="gj-card-row-head">
            <NeedLink need={n} />
            <NeedStatusTag status={n.status} />
          </div>
          <NeedWaited need={n} />
          <span className="gj-inline">
            <NeedCategoryTag category={n.category} />
            <Typography.Text type="secondary">
              {n.communityName} · {n.raisedBy?.name ?? t('common.none')} · {zoned(n.createdAt).format(TIME)}
            </Typography.Text>
          </span>
          {n.description && <span className="gj-prewrap">{n.description}</span>}
          <Wanted need={n} />
          <NeedOutcome need={n} />
          <NeedDecisions need={n} {...actions} />
        </>
      )}
    />
  );
}
