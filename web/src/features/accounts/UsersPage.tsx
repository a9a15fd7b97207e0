import { UserAddOutlined } from '@ant-design/icons';
import type { User } from '@contract';
import { Button, Card, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../lib/auth';
import { ExportButton } from '../../shared/ExportButton';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { paginationProps, useListParams } from '../../shared/useListParams';
import { useUsers } from './api';
import { CreateUserDrawer } from './CreateUserDrawer';
import { EditUserDrawer } from './EditUserDrawer';
import { IssueResetCodeModal } from './IssueResetCodeModal';
import { ResetPasswordModal } from './ResetPasswordModal';
import { isRole } from './roleOptions';
import { UserFilters, type UserFilterValues } from './UserFilters';
import { UserTable } from './UserTable';

const FILTER_KEYS = ['q', 'role', 'regionId'] as const;

export function UsersPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const list = useListParams(FILTER_KEYS);
  const filters: UserFilterValues = {
    q: list.filters.q,
    role: isRole(list.filters.role) ? list.filters.role : undefined,
    regionId: Number(list.filters.regionId) || undefined,
  };
  const users = useUsers({ ...filters, page: list.page, pageSize: list.pageSize });
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<User | null>(null);
  const [resetting, setResetting] = useState<User | null>(null);
  const [issuing, setIssuing] = useState<User | null>(null);
  const canManage = can('user.manage');

  return (
    <>
      <PageHeader
        title={t('nav.users')}
        extra={
          <Space wrap>
            <ExportButton resource="users" filters={filters} />
            {canManage && (
              <Button
                type="primary"
                icon={<UserAddOutlined />}
                onClick={() => setCreating(true)}
                data-testid="user-create"
              >
                {t('users.create')}
              </Button>
            )}
          </Space>
        }
      />
      <Card>
        <UserFilters value={filters} onChange={list.setFilters} />
        {users.error && <QueryError error={users.error} onRetry={() => void users.refetch()} />}
        <UserTable
          users={users.data?.items}
          loading={users.isFetching}
          pagination={paginationProps(list, users.data?.total ?? 0, (total) => t('common.total', { total }))}
          actions={
            canManage
              ? { onEdit: setEditing, onResetPassword: setResetting, onIssueResetCode: setIssuing }
              : undefined
          }
        />
      </Card>
      {canManage && (
        <>
          <CreateUserDrawer open={creating} onClose={() => setCreating(false)} />
          <EditUserDrawer userId={editing?.id} onClose={() => setEditing(null)} />
          <ResetPasswordModal user={resetting} onClose={() => setResetting(null)} />
          <IssueResetCodeModal user={issuing} onClose={() => setIssuing(null)} />
        </>
      )}
    </>
  );
}
