import { PlusOutlined } from '@ant-design/icons';
import { PARTY_ORG_KINDS, type PartyOrg } from '@contract';
import { Button, Card, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../lib/auth';
import { ExportButton } from '../../shared/ExportButton';
import { idParam, oneOf } from '../../shared/enums';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { paginationProps, useListParams } from '../../shared/useListParams';
import { usePartyOrgs } from './api';
import { PartyOrgDetailDrawer } from './PartyOrgDetailDrawer';
import { PartyOrgFilters, type PartyOrgFilterValues } from './PartyOrgFilters';
import { PartyOrgFormDrawer, type PartyOrgFormTarget } from './PartyOrgFormDrawer';
import { PartyOrgTable } from './PartyOrgTable';

const FILTER_KEYS = ['q', 'kind', 'regionId', 'unitId'] as const;

export function PartyOrgsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const list = useListParams(FILTER_KEYS);
  const filters: PartyOrgFilterValues = {
    q: list.filters.q,
    kind: oneOf(PARTY_ORG_KINDS, list.filters.kind),
    regionId: idParam(list.filters.regionId),
    unitId: idParam(list.filters.unitId),
  };
  const orgs = usePartyOrgs({ ...filters, page: list.page, pageSize: list.pageSize });
  const [form, setForm] = useState<PartyOrgFormTarget | null>(null);
  const [viewing, setViewing] = useState<number | undefined>();
  const canManage = can('org.manage');
  const onEdit = canManage ? (org: PartyOrg) => setForm({ mode: 'edit', org }) : undefined;

  return (
    <>
      <PageHeader
        title={t('nav.partyOrgs')}
        extra={
          <Space wrap>
            <ExportButton resource="party-orgs" filters={filters} />
            {canManage && (
              <Button
                type="primary"
                icon={<PlusOutlined />}
                onClick={() => setForm({ mode: 'create' })}
                data-testid="party-org-create"
              >
                {t('partyOrgs.create')}
              </Button>
            )}
          </Space>
        }
      />
      <Card>
        <PartyOrgFilters value={filters} onChange={list.setFilters} showUnit={can('unit.read')} />
        {orgs.error && <QueryError error={orgs.error} onRetry={() => void orgs.refetch()} />}
        <PartyOrgTable
          orgs={orgs.data?.items}
          loading={orgs.isFetching}
          pagination={paginationProps(list, orgs.data?.total ?? 0, (total) => t('common.total', { total }))}
          onView={(org) => setViewing(org.id)}
          onEdit={onEdit}
        />
      </Card>
      <PartyOrgDetailDrawer orgId={viewing} onClose={() => setViewing(undefined)} onEdit={onEdit} />
      {canManage && <PartyOrgFormDrawer target={form} onClose={() => setForm(null)} />}
    </>
  );
}
