import { BranchesOutlined, CheckOutlined, CloseOutlined, ProjectOutlined } from '@ant-design/icons';
import type { Need } from '@contract';
import { Button, Space, type TableColumnsType, type TablePaginationConfig, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { EntityTable } from '../../shared/EntityTable';
import { NeedCategoryTag, NeedStatusTag } from '../../shared/tags';
import { NeedOutcome } from './NeedOutcome';

export type NeedActions = {
  onAccept: (need: Need) => void;
  onDecline: (need: Need) => void;
  onMerge: (need: Need) => void;
  onConvert: (need: Need) => void;
  /** The need being accepted, whose button spins. */
  acceptingId?: number;
};

type Props = NeedActions & {
  needs: Need[] | undefined;
  loading: boolean;
  pagination: TablePaginationConfig;
};

const TIME = 'YYYY-MM-DD HH:mm';

/** The answers the reader may give this need (`need.can`): its community's organisers, while it is pending. */
function DecisionButtons({ need: n, ...a }: NeedActions & { need: Need }) {
  const { t } = useTranslation();
  if (!n.can.decide) return null;
  return (
    <Space size={4} wrap>
      {n.can.accept && (
        <Button
          type="primary"
          size="small"
          icon={<CheckOutlined />}
          loading={a.acceptingId === n.id}
          onClick={() => a.onAccept(n)}
          data-testid={`need-accept-${n.id}`}
        >
          {t('needs.accept')}
        </Button>
      )}
      {n.can.convert && (
        <Button
          size="small"
          icon={<ProjectOutlined />}
          onClick={() => a.onConvert(n)}
          data-testid={`need-convert-${n.id}`}
        >
          {t('needs.convert')}
        </Button>
      )}
      <Button
        size="small"
        icon={<BranchesOutlined />}
        onClick={() => a.onMerge(n)}
        data-testid={`need-merge-${n.id}`}
      >
        {t('needs.merge')}
      </Button>
      <Button
        danger
        size="small"
        icon={<CloseOutlined />}
        onClick={() => a.onDecline(n)}
        data-testid={`need-decline-${n.id}`}
      >
        {t('needs.decline')}
      </Button>
    </Space>
  );
}

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
          <span className="gj-nowrap">{dayjs(at).format(TIME)}</span>
          {n.raisedBy && <Typography.Text type="secondary">{n.raisedBy.name}</Typography.Text>}
        </span>
      ),
    },
    {
      title: t('needs.title'),
      dataIndex: 'title',
      width: 240,
      render: (title: string, n) => (
        <span className="gj-stack">
          <strong>{title}</strong>
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
      render: (_, n) => <DecisionButtons need={n} {...actions} />,
    },
  ];

  return (
    <EntityTable<Need>
      items={needs}
      loading={loading}
      pagination={pagination}
      columns={columns}
      scrollX={1020}
      empty={t('needs.empty')}
      testId="need-table"
      rowData={(n) => ({ 'data-testid': `need-row-${n.id}`, 'data-status': n.status })}
      card={(n) => (
        <>
          <div className="gj-card-row-head">
            <strong>{n.title}</strong>
            <NeedStatusTag status={n.status} />
          </div>
          <span className="gj-inline">
            <NeedCategoryTag category={n.category} />
            <Typography.Text type="secondary">
              {n.communityName} · {n.raisedBy?.name ?? t('common.none')} · {dayjs(n.createdAt).format(TIME)}
            </Typography.Text>
          </span>
          {n.description && <span className="gj-prewrap">{n.description}</span>}
          <Wanted need={n} />
          <NeedOutcome need={n} />
          <DecisionButtons need={n} {...actions} />
        </>
      )}
    />
  );
}
