import type { Member } from '@contract';
import { Pagination, Spin, Table, type TableColumnsType, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../lib/auth';
import { PlainList } from '../../shared/PlainList';
import { QueryError } from '../../shared/QueryError';
import { TableEmpty } from '../../shared/TableEmpty';
import { MembershipStatusTag, RegistrationStatusTag } from '../../shared/tags';
import { useIsMobile } from '../../shared/useIsMobile';
import { useMembers } from '../members';
import { canRequestFor, RequestRegistrationButton } from '../registrations';

/** The Party members of a unit and where each stands with registering at home. */
export function UnitMembers({ unitId }: { unitId: number }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const isMobile = useIsMobile();
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const members = useMembers({ unitId, ...paging });
  const canRequest = can('registration.request');
  const dash = t('common.none');

  const columns: TableColumnsType<Member> = [
    { title: t('members.name'), dataIndex: 'name', width: 90, fixed: 'left' },
    {
      title: t('members.membershipStatus'),
      key: 'status',
      width: 110,
      render: (_, m) => (m.membership ? <MembershipStatusTag status={m.membership.status} /> : dash),
    },
    { title: t('members.home'), dataIndex: 'homeLabel', width: 180 },
    {
      title: t('members.registration'),
      key: 'registration',
      width: 170,
      render: (_, m) =>
        m.registration ? (
          <span className="gj-stack">
            <RegistrationStatusTag status={m.registration.status} />
            <Typography.Text type="secondary">{m.registration.communityName}</Typography.Text>
          </span>
        ) : (
          <Typography.Text type="secondary">{t('registrations.notYet')}</Typography.Text>
        ),
    },
  ];
  if (canRequest) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 110,
      render: (_, m) => (canRequestFor(m) ? <RequestRegistrationButton member={m} /> : null),
    });
  }

  const pagination = {
    current: paging.page,
    pageSize: paging.pageSize,
    total: members.data?.total ?? 0,
    showTotal: (total: number) => t('common.total', { total }),
    onChange: (page: number, pageSize: number) =>
      setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
  };

  if (members.error) return <QueryError error={members.error} onRetry={() => void members.refetch()} />;
  if (isMobile) {
    // On a phone each member is a card: a table would leave no room for the action.
    return (
      <Spin spinning={members.isFetching}>
        <div data-testid="unit-members">
          <PlainList
            items={members.data?.items ?? []}
            rowKey={(m) => m.id}
            empty={t('units.noMembers')}
            render={(m) => (
              <div className="gj-card-row">
                <div className="gj-card-row-head">
                  <strong>{m.name}</strong>
                  {m.membership && <MembershipStatusTag status={m.membership.status} />}
                </div>
                <Typography.Text type="secondary">{m.homeLabel}</Typography.Text>
                <div className="gj-card-row-head">
                  {m.registration ? (
                    <span>
                      <RegistrationStatusTag status={m.registration.status} />
                      <Typography.Text type="secondary">{m.registration.communityName}</Typography.Text>
                    </span>
                  ) : (
                    <Typography.Text type="secondary">{t('registrations.notYet')}</Typography.Text>
                  )}
                  {canRequest && canRequestFor(m) && <RequestRegistrationButton member={m} />}
                </div>
              </div>
            )}
          />
          <Pagination className="gj-card-pagination" size="small" {...pagination} />
        </div>
      </Spin>
    );
  }
  return (
    <Table<Member>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={members.data?.items}
      loading={members.isFetching}
      scroll={{ x: 640 }}
      locale={{ emptyText: <TableEmpty text={t('units.noMembers')} /> }}
      data-testid="unit-members"
      pagination={pagination}
    />
  );
}
