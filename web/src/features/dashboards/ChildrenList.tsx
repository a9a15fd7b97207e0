import { RightOutlined } from '@ant-design/icons';
import { Button, Table, type TableColumnsType, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { PlainList } from '../../shared/PlainList';
import { TableEmpty } from '../../shared/TableEmpty';
import { RegionKindTag } from '../../shared/tags';
import { useIsMobile } from '../../shared/useIsMobile';
import type { ChildFigures } from './api';
import { StateTag } from './FigureCards';
import { formatFigure, percentText } from './format';

type Props = { items: ChildFigures[]; onPick: (regionId: number) => void };

const rowData = (c: ChildFigures) => ({
  'data-testid': `dashboard-child-${c.region.id}`,
  'data-residents': c.figures.residents,
  'data-service-hours': c.figures.serviceHours,
  'data-engagement': c.figures.engagement,
});

/** The children of the node with their key figures: a click drills down. */
export function ChildrenList({ items, onPick }: Props) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const empty = t('dashboards.children.empty');
  if (isMobile) {
    return (
      <PlainList
        items={[...items].sort((a, b) => b.figures.engagement - a.figures.engagement)}
        rowKey={(c) => c.region.id}
        empty={empty}
        render={(c) => (
          <button type="button" className="gj-dash-child" onClick={() => onPick(c.region.id)} {...rowData(c)}>
            <span className="gj-card-row-head">
              <span className="gj-strong-link">{c.region.name}</span>
              <span className="gj-inline">
                <strong>{c.figures.engagement}</strong>
                <StateTag state={c.figures.state} />
                <RightOutlined />
              </span>
            </span>
            <Typography.Text type="secondary">
              {t('dashboards.children.summary', {
                residents: percentText(c.figures.residentShare),
                members: percentText(c.figures.memberShare),
                hours: formatFigure(t, c.figures.serviceHours, 'hours'),
              })}
            </Typography.Text>
          </button>
        )}
      />
    );
  }
  const columns: TableColumnsType<ChildFigures> = [
    {
      title: t('dashboards.children.name'),
      key: 'name',
      render: (_, c) => (
        <span className="gj-inline">
          <Button
            type="link"
            size="small"
            className="gj-dash-link"
            onClick={(e) => {
              e.stopPropagation();
              onPick(c.region.id);
            }}
          >
            {c.region.name}
          </Button>
          <RegionKindTag kind={c.region.kind} />
        </span>
      ),
    },
    {
      title: t('dashboards.children.residents'),
      key: 'residents',
      align: 'right',
      width: 90,
      sorter: (a, b) => a.figures.residents - b.figures.residents,
      render: (_, c) => c.figures.residents,
    },
    {
      title: t('dashboards.children.residentShare'),
      key: 'residentShare',
      align: 'right',
      width: 110,
      sorter: (a, b) => a.figures.residentShare - b.figures.residentShare,
      render: (_, c) => percentText(c.figures.residentShare),
    },
    {
      title: t('dashboards.children.memberShare'),
      key: 'memberShare',
      align: 'right',
      width: 110,
      sorter: (a, b) => a.figures.memberShare - b.figures.memberShare,
      render: (_, c) => percentText(c.figures.memberShare),
    },
    {
      title: t('dashboards.children.unitShare'),
      key: 'unitShare',
      align: 'right',
      width: 110,
      sorter: (a, b) => a.figures.unitShare - b.figures.unitShare,
      render: (_, c) => (c.figures.units > 0 ? percentText(c.figures.unitShare) : t('common.none')),
    },
    {
      title: t('dashboards.children.serviceHours'),
      key: 'serviceHours',
      align: 'right',
      width: 110,
      sorter: (a, b) => a.figures.serviceHours - b.figures.serviceHours,
      render: (_, c) => formatFigure(t, c.figures.serviceHours, 'index'),
    },
    {
      title: t('dashboards.children.engagement'),
      key: 'engagement',
      width: 260,
      defaultSortOrder: 'descend',
      sorter: (a, b) => a.figures.engagement - b.figures.engagement,
      render: (_, c) => (
        <span className="gj-inline gj-dash-nowrap">
          <strong className="gj-dash-child-index">{c.figures.engagement}</strong>
          <StateTag state={c.figures.state} />
        </span>
      ),
    },
  ];
  return (
    <Table<ChildFigures>
      rowKey={(c) => c.region.id}
      size="small"
      columns={columns}
      dataSource={items}
      pagination={items.length > 20 ? { pageSize: 20 } : false}
      scroll={{ x: 880 }}
      rowClassName="gj-dash-row"
      onRow={(c) =>
        ({
          ...rowData(c),
          onClick: () => onPick(c.region.id),
        }) as HTMLAttributes<HTMLElement>
      }
      locale={{ emptyText: <TableEmpty text={empty} /> }}
      data-testid="dashboard-children"
    />
  );
}
