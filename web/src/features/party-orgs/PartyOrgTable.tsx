import { EditOutlined } from '@ant-design/icons';
import type { PartyOrg } from '@contract';
import { Button, type TableColumnsType, type TablePaginationConfig, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { EntityTable } from '../../shared/EntityTable';
import { PartyOrgKindTag } from '../../shared/tags';

type Props = {
  orgs: PartyOrg[] | undefined;
  loading: boolean;
  pagination: TablePaginationConfig;
  onView: (org: PartyOrg) => void;
  /** Offered where the page edits organisations; shown on those the reader may edit (`can.edit`). */
  onEdit?: (org: PartyOrg) => void;
};

export function PartyOrgTable({ orgs, loading, pagination, onView, onEdit }: Props) {
  const { t } = useTranslation();
  const dash = t('common.none');
  const columns: TableColumnsType<PartyOrg> = [
    {
      title: t('partyOrgs.name'),
      dataIndex: 'name',
      fixed: 'left',
      width: 200,
      render: (name: string, org) => (
        <Typography.Link onClick={() => onView(org)} data-testid={`party-org-open-${org.id}`}>
          {name}
        </Typography.Link>
      ),
    },
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
      render: (_, org) =>
        org.can.edit && (
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
    <EntityTable<PartyOrg>
      items={orgs}
      loading={loading}
      pagination={pagination}
      columns={columns}
      scrollX={980}
      empty={t('partyOrgs.empty')}
      testId="party-org-table"
      rowData={(o) => ({ 'data-testid': `party-org-row-${o.id}` })}
      card={(o) => (
        <>
          <div className="gj-card-row-head">
            <Typography.Link strong onClick={() => onView(o)} data-testid={`party-org-open-${o.id}`}>
              {o.name}
            </Typography.Link>
            <PartyOrgKindTag kind={o.kind} />
          </div>
          <Typography.Text type="secondary">
            {[o.regionName, o.unitName, o.parentName].filter(Boolean).join(' · ')}
          </Typography.Text>
          <div className="gj-card-row-head">
            <span>{t('partyOrgs.memberCountValue', { count: o.memberCount })}</span>
            {onEdit && o.can.edit && (
              <Button
                size="small"
                icon={<EditOutlined />}
                onClick={() => onEdit(o)}
                data-testid={`party-org-edit-${o.id}`}
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
