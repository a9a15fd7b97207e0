import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import type { Registration } from '@contract';
import {
  Button,
  Pagination,
  Skeleton,
  Space,
  Spin,
  Table,
  type TableColumnsType,
  type TablePaginationConfig,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { PlainList } from '../../shared/PlainList';
import { TableEmpty } from '../../shared/TableEmpty';
import { RegistrationStatusTag } from '../../shared/tags';
import { useIsMobile } from '../../shared/useIsMobile';

type Props = {
  registrations: Registration[] | undefined;
  loading: boolean;
  pagination: TablePaginationConfig;
  onApprove: (registration: Registration) => void;
  onDecline: (registration: Registration) => void;
  /** The registration being approved, whose button spins. */
  approvingId?: number;
};

const TIME = 'YYYY-MM-DD HH:mm';

type ActionProps = Pick<Props, 'onApprove' | 'onDecline' | 'approvingId'> & { registration: Registration };

function DecisionButtons({ registration: r, onApprove, onDecline, approvingId }: ActionProps) {
  const { t } = useTranslation();
  if (r.status !== 'pending') return null;
  return (
    <Space size={4}>
      <Button
        type="primary"
        size="small"
        icon={<CheckOutlined />}
        loading={approvingId === r.id}
        onClick={() => onApprove(r)}
        data-testid={`registration-approve-${r.id}`}
      >
        {t('registrations.approve')}
      </Button>
      <Button
        danger
        size="small"
        icon={<CloseOutlined />}
        onClick={() => onDecline(r)}
        data-testid={`registration-decline-${r.id}`}
      >
        {t('registrations.decline')}
      </Button>
    </Space>
  );
}

/** On a phone each registration is a card: a wide table leaves no room to read. */
function RegistrationCards({ registrations, loading, pagination, ...actions }: Props) {
  const { t } = useTranslation();
  if (loading && !registrations) return <Skeleton active />;
  return (
    <Spin spinning={loading}>
      <PlainList
        items={registrations ?? []}
        rowKey={(r) => r.id}
        empty={t('registrations.empty')}
        render={(r) => (
          <div className="gj-card-row" data-testid={`registration-row-${r.id}`}>
            <div className="gj-card-row-head">
              <strong>{r.personName}</strong>
              <RegistrationStatusTag status={r.status} />
            </div>
            {(r.unitName || r.orgName) && (
              <Typography.Text type="secondary">
                {[r.unitName, r.orgName].filter(Boolean).join(' · ')}
              </Typography.Text>
            )}
            <span>
              {r.communityName}
              <Typography.Text type="secondary">
                {' · '}
                {dayjs(r.requestedAt).format(TIME)}
              </Typography.Text>
            </span>
            {r.reason && <Typography.Text type="danger">{r.reason}</Typography.Text>}
            {r.decidedAt && (
              <Typography.Text type="secondary">
                {t('registrations.decidedBy', {
                  name: r.decidedByName ?? t('common.none'),
                  time: dayjs(r.decidedAt).format(TIME),
                })}
              </Typography.Text>
            )}
            <DecisionButtons registration={r} {...actions} />
          </div>
        )}
      />
      <Pagination className="gj-card-pagination" size="small" {...pagination} showSizeChanger={false} />
    </Spin>
  );
}

export function RegistrationTable(props: Props) {
  const { registrations, loading, pagination, onApprove, onDecline, approvingId } = props;
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const dash = t('common.none');
  const columns: TableColumnsType<Registration> = [
    {
      title: t('registrations.requestedAt'),
      dataIndex: 'requestedAt',
      width: 140,
      render: (at: string, r) => (
        <span className="gj-stack">
          <span className="gj-nowrap">{dayjs(at).format(TIME)}</span>
          {r.requestedByName && (
            <Typography.Text type="secondary">
              {t('registrations.requestedBy', { name: r.requestedByName })}
            </Typography.Text>
          )}
        </span>
      ),
    },
    { title: t('registrations.person'), dataIndex: 'personName', width: 100, fixed: 'left' },
    {
      title: t('registrations.unitOrg'),
      key: 'unit',
      width: 200,
      render: (_, r) =>
        r.unitName || r.orgName ? (
          <span className="gj-stack">
            <span>{r.unitName ?? dash}</span>
            {r.orgName && <Typography.Text type="secondary">{r.orgName}</Typography.Text>}
          </span>
        ) : (
          dash
        ),
    },
    { title: t('registrations.community'), dataIndex: 'communityName', width: 140 },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 90,
      render: (_, r) => <RegistrationStatusTag status={r.status} />,
    },
    {
      title: t('registrations.reason'),
      dataIndex: 'reason',
      width: 160,
      render: (reason: string | null) => reason ?? dash,
    },
    {
      title: t('registrations.decided'),
      key: 'decided',
      width: 150,
      render: (_, r) =>
        r.decidedAt ? (
          <span className="gj-stack">
            <span>{r.decidedByName ?? dash}</span>
            <Typography.Text type="secondary" className="gj-nowrap">
              {dayjs(r.decidedAt).format(TIME)}
            </Typography.Text>
          </span>
        ) : (
          dash
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 200,
      fixed: 'right',
      render: (_, r) => (
        <DecisionButtons
          registration={r}
          onApprove={onApprove}
          onDecline={onDecline}
          approvingId={approvingId}
        />
      ),
    },
  ];

  if (isMobile) return <RegistrationCards {...props} />;
  return (
    <Table<Registration>
      rowKey="id"
      columns={columns}
      dataSource={registrations}
      loading={loading}
      pagination={pagination}
      scroll={{ x: 1150 }}
      onRow={(r) => ({ 'data-testid': `registration-row-${r.id}` }) as HTMLAttributes<HTMLElement>}
      locale={{ emptyText: <TableEmpty text={t('registrations.empty')} /> }}
      data-testid="registration-table"
    />
  );
}
