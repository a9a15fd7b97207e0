import type { User } from '@contract';
import { Table, type TableColumnsType, type TablePaginationConfig } from 'antd';
import { useTranslation } from 'react-i18next';
import { TableEmpty } from '../../shared/TableEmpty';
import { RoleTag, roleScopeName } from '../../shared/tags';
import { UserRowActions } from './UserRowActions';
import { UserStatus } from './UserStatus';

type Props = {
  users: User[] | undefined;
  loading: boolean;
  pagination: TablePaginationConfig;
  /** Row actions are offered only when given (the user may manage accounts). */
  actions?: {
    onEdit: (user: User) => void;
    onResetPassword: (user: User) => void;
    onIssueResetCode: (user: User) => void;
  };
};

export function UserTable({ users, loading, pagination, actions }: Props) {
  const { t } = useTranslation();
  const columns: TableColumnsType<User> = [
    { title: t('users.displayName'), dataIndex: 'displayName', fixed: 'left', width: 120 },
    {
      title: t('users.username'),
      dataIndex: 'username',
      width: 180,
      render: (username: string) => <span className="gj-code">{username}</span>,
    },
    { title: t('users.homeRegion'), dataIndex: 'regionName', width: 150 },
    {
      title: t('users.roles'),
      key: 'roles',
      render: (_, user) => (
        <span className="gj-tags">
          {user.roles.map((r) => (
            <RoleTag key={r.id} role={r.role} regionName={roleScopeName(r)} />
          ))}
        </span>
      ),
    },
    { title: t('common.status'), key: 'status', width: 210, render: (_, user) => <UserStatus user={user} /> },
  ];
  if (actions) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 150,
      render: (_, user) => <UserRowActions user={user} {...actions} />,
    });
  }

  return (
    <Table<User>
      rowKey="id"
      columns={columns}
      dataSource={users}
      loading={loading}
      pagination={pagination}
      scroll={{ x: 960 }}
      locale={{ emptyText: <TableEmpty text={t('users.empty')} /> }}
      data-testid="user-table"
    />
  );
}
