import { EditOutlined, EyeOutlined } from '@ant-design/icons';
import type { Unit } from '@contract';
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
import { useTranslation } from 'react-i18next';
import { PlainList } from '../../shared/PlainList';
import { TableEmpty } from '../../shared/TableEmpty';
import { AffiliationTag, UnitKindTag } from '../../shared/tags';
import { useIsMobile } from '../../shared/useIsMobile';

type Props = {
  units: Unit[] | undefined;
  loading: boolean;
  pagination: TablePaginationConfig;
  onView: (unit: Unit) => void;
  /** Offered only when the user may manage units. */
  onEdit?: (unit: Unit) => void;
};

/** On a phone each unit is a card: the table is too wide to read there. */
function UnitCards({ units, loading, pagination, onView, onEdit }: Props) {
  const { t } = useTranslation();
  if (loading && !units) return <Skeleton active />;
  return (
    <Spin spinning={loading}>
      <PlainList
        items={units ?? []}
        rowKey={(u) => u.id}
        empty={t('units.empty')}
        render={(u) => (
          <div className="gj-card-row" data-testid={`unit-row-${u.id}`}>
            <div className="gj-card-row-head">
              <Typography.Link strong onClick={() => onView(u)} data-testid={`unit-view-${u.id}`}>
                {u.name}
              </Typography.Link>
              <span className="gj-tags">
                <UnitKindTag kind={u.kind} />
                <AffiliationTag affiliation={u.affiliation} />
              </span>
            </div>
            <Typography.Text type="secondary">
              {[u.regionName, u.contactName, u.contactPhone].filter(Boolean).join(' · ')}
            </Typography.Text>
            <div className="gj-card-row-head">
              <span>
                {t('units.registeredOf', { registered: u.registeredCount, members: u.memberCount })}
              </span>
              {onEdit && (
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  onClick={() => onEdit(u)}
                  data-testid={`unit-edit-${u.id}`}
                >
                  {t('common.edit')}
                </Button>
              )}
            </div>
          </div>
        )}
      />
      <Pagination className="gj-card-pagination" size="small" {...pagination} showSizeChanger={false} />
    </Spin>
  );
}

export function UnitTable(props: Props) {
  const { units, loading, pagination, onView, onEdit } = props;
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const dash = t('common.none');
  const columns: TableColumnsType<Unit> = [
    {
      title: t('units.name'),
      dataIndex: 'name',
      fixed: 'left',
      width: 180,
      render: (name: string, unit) => (
        <Typography.Link onClick={() => onView(unit)} data-testid={`unit-view-${unit.id}`}>
          {name}
        </Typography.Link>
      ),
    },
    {
      title: t('units.kind'),
      dataIndex: 'kind',
      width: 100,
      render: (_, u) => <UnitKindTag kind={u.kind} />,
    },
    {
      title: t('units.affiliation'),
      dataIndex: 'affiliation',
      width: 110,
      render: (_, u) => <AffiliationTag affiliation={u.affiliation} />,
    },
    { title: t('units.region'), dataIndex: 'regionName', width: 140 },
    {
      title: t('units.contact'),
      key: 'contact',
      width: 170,
      render: (_, u) =>
        u.contactName || u.contactPhone ? (
          <span className="gj-stack">
            <span>{u.contactName ?? dash}</span>
            {u.contactPhone && (
              <Typography.Text type="secondary" className="gj-code">
                {u.contactPhone}
              </Typography.Text>
            )}
          </span>
        ) : (
          dash
        ),
    },
    { title: t('units.memberCount'), dataIndex: 'memberCount', width: 100, align: 'right' },
    { title: t('units.registeredCount'), dataIndex: 'registeredCount', width: 100, align: 'right' },
    {
      title: t('common.actions'),
      key: 'actions',
      width: onEdit ? 150 : 90,
      render: (_, unit) => (
        <Space size={0}>
          <Button type="link" size="small" icon={<EyeOutlined />} onClick={() => onView(unit)}>
            {t('common.view')}
          </Button>
          {onEdit && (
            <Button
              type="link"
              size="small"
              icon={<EditOutlined />}
              onClick={() => onEdit(unit)}
              data-testid={`unit-edit-${unit.id}`}
            >
              {t('common.edit')}
            </Button>
          )}
        </Space>
      ),
    },
  ];

  if (isMobile) return <UnitCards {...props} />;
  return (
    <Table<Unit>
      rowKey="id"
      columns={columns}
      dataSource={units}
      loading={loading}
      pagination={pagination}
      scroll={{ x: 1000 }}
      locale={{ emptyText: <TableEmpty text={t('units.empty')} /> }}
      data-testid="unit-table"
    />
  );
}
