import {
  ClockCircleOutlined,
  EditOutlined,
  EnvironmentOutlined,
  StopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { Facility } from '@contract';
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
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PlainList } from '../../shared/PlainList';
import { TableEmpty } from '../../shared/TableEmpty';
import { useIsMobile } from '../../shared/useIsMobile';
import {
  ApprovalTag,
  FacilityKindTags,
  FacilityOwner,
  FacilityRetiredTag,
  showsCommunity,
} from './FacilityTags';
import { openingSummary } from './time';

type Props = {
  facilities: Facility[] | undefined;
  loading: boolean;
  pagination: TablePaginationConfig;
  empty: string;
  /** Offered on the facilities the user keeps. */
  onEdit?: (facility: Facility) => void;
  onRetire?: (facility: Facility) => void;
};

function ManageButtons({
  facility,
  onEdit,
  onRetire,
  link,
}: Omit<Props, 'facilities' | 'loading' | 'pagination' | 'empty'> & { facility: Facility; link?: boolean }) {
  const { t } = useTranslation();
  if (!facility.can.edit) return null;
  const type = link ? 'link' : 'default';
  return (
    <Space size={link ? 0 : 8}>
      {onEdit && (
        <Button
          type={type}
          size="small"
          icon={<EditOutlined />}
          onClick={() => onEdit(facility)}
          data-testid={`facility-edit-${facility.id}`}
        >
          {t('common.edit')}
        </Button>
      )}
      {onRetire && (
        <Button
          type={type}
          size="small"
          danger
          icon={<StopOutlined />}
          onClick={() => onRetire(facility)}
          data-testid={`facility-retire-${facility.id}`}
        >
          {t('facilities.retire')}
        </Button>
      )}
    </Space>
  );
}

/** On a phone each facility is a card. */
function FacilityCards({ facilities, loading, pagination, empty, onEdit, onRetire }: Props) {
  const { t } = useTranslation();
  if (loading && !facilities) return <Skeleton active />;
  return (
    <Spin spinning={loading}>
      <PlainList
        items={facilities ?? []}
        rowKey={(f) => f.id}
        empty={empty}
        render={(f) => (
          <div className="gj-card-row" data-testid={`facility-row-${f.id}`}>
            <div className="gj-card-row-head">
              <Link to={`/facilities/${f.id}`} className="gj-strong-link">
                {f.name}
              </Link>
              <span className="gj-tags">
                {f.bookingRules.needsApproval && <ApprovalTag />}
                {f.retiredAt && <FacilityRetiredTag />}
              </span>
            </div>
            <FacilityKindTags facility={f} />
            <Typography.Text type="secondary">
              <FacilityOwner owner={f.owner} />
            </Typography.Text>
            <Typography.Text type="secondary" className="gj-inline">
              {showsCommunity(f) && (
                <span>
                  <EnvironmentOutlined /> {f.communityName}
                </span>
              )}
              <span>
                <TeamOutlined /> {t('facilities.capacityValue', { count: f.capacity })}
              </span>
            </Typography.Text>
            <Typography.Text type="secondary">
              <ClockCircleOutlined /> {openingSummary(t, f.openingHours)}
            </Typography.Text>
            <ManageButtons facility={f} onEdit={onEdit} onRetire={onRetire} />
          </div>
        )}
      />
      <Pagination className="gj-card-pagination" size="small" {...pagination} showSizeChanger={false} />
    </Spin>
  );
}

/** The catalogue: a table on a desktop, cards on a phone. */
export function FacilityList(props: Props) {
  const { facilities, loading, pagination, empty, onEdit, onRetire } = props;
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const manages = facilities?.some((f) => f.can.edit) ?? false;
  const columns: TableColumnsType<Facility> = [
    {
      title: t('facilities.name'),
      dataIndex: 'name',
      fixed: 'left',
      width: 230,
      render: (name: string, f) => (
        <span className="gj-stack">
          <Link to={`/facilities/${f.id}`} className="gj-strong-link" data-testid={`facility-link-${f.id}`}>
            {name}
          </Link>
          <span className="gj-tags">
            <FacilityKindTags facility={f} />
            {f.bookingRules.needsApproval && <ApprovalTag />}
            {f.retiredAt && <FacilityRetiredTag />}
          </span>
        </span>
      ),
    },
    {
      title: t('facilities.ownerAndCommunity'),
      key: 'owner',
      width: 190,
      render: (_, f) => (
        <span className="gj-stack">
          <FacilityOwner owner={f.owner} />
          {showsCommunity(f) && (
            <Typography.Text type="secondary">
              <EnvironmentOutlined /> {f.communityName}
            </Typography.Text>
          )}
        </span>
      ),
    },
    {
      title: t('facilities.capacity'),
      dataIndex: 'capacity',
      width: 100,
      align: 'right',
    },
    {
      title: t('facilities.openingHours'),
      key: 'hours',
      render: (_, f) => (
        <Typography.Text type="secondary" className="gj-fac-hours-summary">
          {openingSummary(t, f.openingHours)}
        </Typography.Text>
      ),
    },
  ];
  if (manages && (onEdit || onRetire)) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      fixed: 'right',
      width: 170,
      render: (_, f) => <ManageButtons facility={f} onEdit={onEdit} onRetire={onRetire} link />,
    });
  }

  if (isMobile) return <FacilityCards {...props} />;
  return (
    <Table<Facility>
      rowKey="id"
      columns={columns}
      dataSource={facilities}
      loading={loading}
      pagination={pagination}
      scroll={{ x: manages ? 920 : 760 }}
      locale={{ emptyText: <TableEmpty text={empty} /> }}
      onRow={(f) => ({ 'data-testid': `facility-row-${f.id}` }) as HTMLAttributes<HTMLElement>}
      data-testid="facility-table"
    />
  );
}
