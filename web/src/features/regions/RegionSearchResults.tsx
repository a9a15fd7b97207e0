import { AimOutlined } from '@ant-design/icons';
import type { Region } from '@contract';
import { Button, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../shared/QueryError';
import { TableEmpty } from '../../shared/TableEmpty';
import { RegionKindTag, RetiredTag } from '../../shared/tags';
import { useRegionList } from './api';
import type { RegionSearch } from './RegionSearchBar';
import { isRetired } from './regionUtils';

type Props = { search: RegionSearch; includeRetired: boolean; onLocate: (id: number) => void };

export function RegionSearchResults({ search, includeRetired, onLocate }: Props) {
  const { t } = useTranslation();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const list = useRegionList({ q: search.q || undefined, kind: search.kind, includeRetired, ...paging });

  const columns: TableColumnsType<Region> = [
    {
      title: t('regions.name'),
      dataIndex: 'name',
      render: (name: string, region) => (
        <span className={isRetired(region) ? 'gj-retired' : undefined}>
          {name} {isRetired(region) && <RetiredTag />}
        </span>
      ),
    },
    {
      title: t('regions.kind'),
      dataIndex: 'kind',
      width: 90,
      render: (_, r) => <RegionKindTag kind={r.kind} />,
    },
    {
      title: t('regions.code'),
      dataIndex: 'code',
      width: 120,
      render: (code: string) => <span className="gj-code">{code}</span>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, region) => (
        <Button type="link" size="small" icon={<AimOutlined />} onClick={() => onLocate(region.id)}>
          {t('regions.locate')}
        </Button>
      ),
    },
  ];

  if (list.error) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <Table<Region>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={list.data?.items}
      loading={list.isFetching}
      scroll={{ x: 480 }}
      locale={{ emptyText: <TableEmpty text={t('regions.noMatch')} /> }}
      pagination={{
        current: paging.page,
        pageSize: paging.pageSize,
        total: list.data?.total ?? 0,
        showSizeChanger: true,
        showTotal: (total) => t('common.total', { total }),
        onChange: (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
      }}
    />
  );
}
