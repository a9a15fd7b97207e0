import { CheckOutlined, CloseOutlined } from '@ant-design/icons';
import type { Registration } from '@contract';
import { Button, Space, type TableColumnsType, type TablePaginationConfig, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { zoned } from '../../lib/time';
import { EntityTable } from '../../shared/EntityTable';
import { RegistrationStatusTag } from '../../shared/tags';

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

export function RegistrationTable({ registrations, loading, pagination, ...actions }: Props) {
  const { t } = useTranslation();
  const dash = t('common.none');
  const columns: TableColumnsType<Registration> = [
    {
      title: t('registrations.requestedAt'),
      dataIndex: 'requestedAt',
      width: 140,
      render: (at: string, r) => (
        <span className="gj-stack">
          <span className="gj-nowrap">{zoned(at).format(TIME)}</span>
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
              {zoned(r.decidedAt).format(TIME)}
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
      render: (_, r) => <DecisionButtons registration={r} {...actions} />,
    },
  ];

  return (
    <EntityTable<Registration>
      items={registrations}
      loading={loading}
      pagination={pagination}
      columns={columns}
      scrollX={1150}
      empty={t('registrations.empty')}
      testId="registration-table"
      rowData={(r) => ({ 'data-testid': `registration-row-${r.id}` })}
      card={(r) => (
        <>
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
              {zoned(r.requestedAt).format(TIME)}
            </Typography.Text>
          </span>
          {r.reason && <Typography.Text type="danger">{r.reason}</Typography.Text>}
          {r.decidedAt && (
            <Typography.Text type="secondary">
              {t('registrations.decidedBy', {
                name: r.decidedByName ?? t('common.none'),
                time: zoned(r.decidedAt).format(TIME),
              })}
            </Typography.Text>
          )}
          <DecisionButtons registration={r} {...actions} />
        </>
      )}
    />
  );
}
