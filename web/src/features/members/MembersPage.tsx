import { UserAddOutlined } from '@ant-design/icons';
import { MEMBERSHIP_STATUSES, type Member } from '@contract';
import { Button, Card, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../lib/auth';
import { ExportButton } from '../../shared/ExportButton';
import { idParam, oneOf } from '../../shared/enums';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { paginationProps, useListParams } from '../../shared/useListParams';
import { useMembers } from './api';
import { MemberDetailDrawer } from './MemberDetailDrawer';
import { MemberFilters, type MemberFilterValues } from './MemberFilters';
import { MemberFormDrawer, type MemberFormTarget } from './MemberFormDrawer';
import { MemberTable } from './MemberTable';

const FILTER_KEYS = ['q', 'specialty', 'party', 'status', 'regionId'] as const;
const SPECIALTY_CODE = /^[a-z_]{2,30}$/;

export function MembersPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const list = useListParams(FILTER_KEYS);
  const { specialty } = list.filters;
  const filters: MemberFilterValues = {
    q: list.filters.q,
    specialty: specialty && SPECIALTY_CODE.test(specialty) ? specialty : undefined,
    party: oneOf(['true', 'false'] as const, list.filters.party),
    status: oneOf(MEMBERSHIP_STATUSES, list.filters.status),
    regionId: idParam(list.filters.regionId),
  };
  const members = useMembers({ ...filters, page: list.page, pageSize: list.pageSize });
  const [form, setForm] = useState<MemberFormTarget | null>(null);
  const [viewing, setViewing] = useState<number | undefined>();
  const canManage = can('person.manage');
  const onEdit = canManage ? (member: Member) => setForm({ mode: 'edit', member }) : undefined;

  return (
    <>
      <PageHeader
        title={t('nav.members')}
        extra={
          <Space wrap>
            <ExportButton resource="members" filters={filters} />
            {canManage && (
              <Button
                type="primary"
                icon={<UserAddOutlined />}
                onClick={() => setForm({ mode: 'create' })}
                data-testid="member-create"
              >
                {t('members.create')}
              </Button>
            )}
          </Space>
        }
      />
      <Card>
        <MemberFilters value={filters} onChange={list.setFilters} />
        {members.error && <QueryError error={members.error} onRetry={() => void members.refetch()} />}
        <MemberTable
          members={members.data?.items}
          loading={members.isFetching}
          pagination={paginationProps(list, members.data?.total ?? 0, (total) =>
            members.data?.capped ? t('common.totalMore', { total }) : t('common.total', { total }),
          )}
          onView={(member) => setViewing(member.id)}
          onEdit={onEdit}
        />
      </Card>
      <MemberDetailDrawer memberId={viewing} onClose={() => setViewing(undefined)} onEdit={onEdit} />
      {canManage && <MemberFormDrawer target={form} onClose={() => setForm(null)} />}
    </>
  );
}
