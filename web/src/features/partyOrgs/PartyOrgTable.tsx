import { EditOutlined } from '@ant-design/icons';
import type { PartyOrg } from '@contract';
import { Button, Table, type TableColumnsType, type TablePaginationConfig } from 'antd';
import { useTranslation } from 'react-i18next';
import { TableEmpty } from '../../shared/TableEmpty';
import { PartyOrgKindTag } from '../../shared/tags';

type Props = {
  orgs: PartyOrg[] | undefined;
  loading: boolean;
  pagination: TablePaginationConfig;
  /** Offered only when the user may manage Party organisations. */
  onEdit?: (org: PartyOrg) => void;
};

export function PartyOrgTable({ orgs, loading, pagination, onEdit }: Props) {
  const { t } = useTranslation();
  const dash = t('common.none');
  const columns: TableColumnsType<PartyOrg> = [
    { title: t('partyOrgs.name'), dataIndex: 'name', fixed: 'left', width: 200 },
    {
      title: t('partyOrgs.kind'),
      dataIndex: 'kind',
      width: 130,
      render: (_, o) => <PartyOrgKindTag kind={o.kind} />,
    },
    { title: t('partyOrgs.region'), dataIndex: 'regionName', width: 140 },
    {
      title: t('partyOrgs.unit'),
      dataIndex: 'unitName',
      width: 170,
      render: (name: string | null) => name ?? dash,
    },
    {
      title: t('partyOrgs.parent'),
      dataIndex: 'parentName',
      width: 170,
      render: (name: string | null) => name ?? dash,
    },
    { title: t('partyOrgs.memberCount'), dataIndex: 'memberCount', width: 90, align: 'right' },
  ];
  if (onEdit) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      render: (_, org) => (
        <Button
          type="link"
          size="small"
          icon={<EditOutlined />}
          onClick={() => onEdit(org)}
          data-testid={`party-org-edit-${org.id}`}
        >
          {t('common.edit')}
        </Button>
      ),
    });
  }

  return (
    <Table<PartyOrg>
      rowKey="id"
      columns={columns}
      dataSource={orgs}
      loading={loading}
      pagination={pagination}
      scroll={{ x: 980 }}
      locale={{ emptyText: <TableEmpty text={t('partyOrgs.empty')} /> }}
      data-testid="party-org-table"
    />
  );
}
