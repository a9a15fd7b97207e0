import type { AuditEntry } from '@contract';
import { Table, type TableColumnsType, type TablePaginationConfig, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { TableEmpty } from '../../shared/TableEmpty';
import { AuditDiff, hasChanges } from './AuditDiff';
import { useActionLabel, useEntityLabel } from './entityTypes';

type Props = { entries: AuditEntry[] | undefined; loading: boolean; pagination: TablePaginationConfig };

export function AuditTable({ entries, loading, pagination }: Props) {
  const { t } = useTranslation();
  const entityLabel = useEntityLabel();
  const actionLabel = useActionLabel();
  const dash = t('common.none');

  const columns: TableColumnsType<AuditEntry> = [
    {
      title: t('audit.time'),
      dataIndex: 'at',
      width: 170,
      render: (at: string) => <span className="gj-nowrap">{dayjs(at).format('YYYY-MM-DD HH:mm:ss')}</span>,
    },
    {
      title: t('audit.actor'),
      key: 'actor',
      width: 160,
      render: (_, { actor }) =>
        actor ? (
          <span>
            {actor.displayName}{' '}
            <Typography.Text type="secondary" className="gj-code">
              {actor.username}
            </Typography.Text>
          </span>
        ) : (
          <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>
        ),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 180,
      render: (action: string) => (
        <Tooltip title={<span className="gj-code">{action}</span>}>
          <Tag data-action={action}>{actionLabel(action)}</Tag>
        </Tooltip>
      ),
    },
    {
      title: t('audit.target'),
      key: 'entity',
      width: 170,
      render: (_, e) => t('audit.entityRef', { type: entityLabel(e.entityType), id: e.entityId }),
    },
    {
      title: t('audit.region'),
      dataIndex: 'regionName',
      width: 150,
      render: (name: string | null) => name ?? dash,
    },
    {
      title: t('audit.ip'),
      dataIndex: 'ip',
      width: 130,
      render: (ip: string | null) => (ip ? <span className="gj-code">{ip}</span> : dash),
    },
  ];

  return (
    <Table<AuditEntry>
      rowKey="id"
      columns={columns}
      dataSource={entries}
      loading={loading}
      pagination={pagination}
      scroll={{ x: 1000 }}
      expandable={{ expandedRowRender: (entry) => <AuditDiff entry={entry} />, rowExpandable: hasChanges }}
      locale={{ emptyText: <TableEmpty text={t('audit.empty')} /> }}
      data-testid="audit-table"
    />
  );
}
