import type { AuditEntry } from '@contract';
import { Table, type TableColumnsType, type TablePaginationConfig, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../lib/auth';
import { zoned } from '../../lib/time';
import { entityPath, useAuditLabels } from '../../shared/auditLabels';
import { TableEmpty } from '../../shared/TableEmpty';
import { AuditDiff, hasChanges } from './AuditDiff';

type Props = { entries: AuditEntry[] | undefined; loading: boolean; pagination: TablePaginationConfig };

export function AuditTable({ entries, loading, pagination }: Props) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const labels = useAuditLabels();
  const dash = t('common.none');

  const columns: TableColumnsType<AuditEntry> = [
    {
      title: t('audit.time'),
      dataIndex: 'at',
      width: 170,
      render: (at: string) => <span className="gj-nowrap">{zoned(at).format('YYYY-MM-DD HH:mm:ss')}</span>,
    },
    {
      title: t('audit.actor'),
      key: 'actor',
      width: 160,
      render: (_, { actor }) =>
        actor ? (
          <span>
            {actor.displayName} {/* The sign-in name is the account's own Latin name, not a code. */}
            <Typography.Text type="secondary" className="gj-code" data-testid="audit-actor-username">
              {actor.username}
            </Typography.Text>
          </span>
        ) : (
          <Typography.Text type="secondary">{t('audit.system')}</Typography.Text>
        ),
    },
    {
      title: t('audit.action'),
      key: 'action',
      width: 180,
      render: (_, e) => <Tag data-action={e.action}>{labels.action(e.action, e.entityType)}</Tag>,
    },
    {
      title: t('audit.target'),
      key: 'entity',
      width: 220,
      render: (_, e) => {
        const text = labels.entityRef(e);
        const to = entityPath(e, can);
        return to ? (
          <Link to={to} data-testid={`audit-entity-${e.id}`}>
            {text}
          </Link>
        ) : (
          <span data-testid={`audit-entity-${e.id}`}>{text}</span>
        );
      },
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
      scroll={{ x: 1050 }}
      expandable={{ expandedRowRender: (entry) => <AuditDiff entry={entry} />, rowExpandable: hasChanges }}
      locale={{ emptyText: <TableEmpty text={t('audit.empty')} /> }}
      data-testid="audit-table"
    />
  );
}
