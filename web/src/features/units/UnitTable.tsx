import { EditOutlined, EyeOutlined } from '@ant-design/icons';
import type { Unit } from '@contract';
import { Button, Space, type TableColumnsType, type TablePaginationConfig, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EntityTable } from '../../shared/EntityTable';
import { AffiliationTag, UnitKindTag } from '../../shared/tags';

type Props = {
  units: Unit[] | undefined;
  loading: boolean;
  pagination: TablePaginationConfig;
  onView: (unit: Unit) => void;
  /** Offered where the page edits units; shown on the units the reader may edit (`can.edit`). */
  onEdit?: (unit: Unit) => void;
};

export function UnitTable({ units, loading, pagination, onView, onEdit }: Props) {
  const { t } = useTranslation();
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
          {onEdit && unit.can.edit && (
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

  return (
    <EntityTable<Unit>
      items={units}
      loading={loading}
      pagination={pagination}
      columns={columns}
      scrollX={1000}
      empty={t('units.empty')}
      testId="unit-table"
      rowData={(u) => ({ 'data-testid': `unit-row-${u.id}` })}
      card={(u) => (
        <>
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
            <span>{t('units.registeredOf', { registered: u.registeredCount, members: u.memberCount })}</span>
            {onEdit && u.can.edit && (
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
        </>
      )}
    />
  );
}
