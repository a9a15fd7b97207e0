import { UserAddOutlined } from '@ant-design/icons';
import type { Body, BodyMember } from '@contract';
import { App, Button, Skeleton, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../shared/feedback';
import { PlainList } from '../../shared/PlainList';
import { PrintButton, PrintStamp } from '../../shared/Print';
import { QueryError } from '../../shared/QueryError';
import { TableEmpty } from '../../shared/TableEmpty';
import { useIsMobile } from '../../shared/useIsMobile';
import { AddBodyMemberModal } from './AddBodyMemberModal';
import { useBodyMembers, useLeaveBody } from './api';

const KIND_COLOR = { party_org: 'red', unit: 'gold', person: 'blue' } as const;

function MemberKindTag({ kind }: { kind: BodyMember['memberKind'] }) {
  const { t } = useTranslation();
  return <Tag color={KIND_COLOR[kind]}>{t(`bodyMemberKind.${kind}`)}</Tag>;
}

/** Since when, and until when for a past member. */
function Tenure({ member }: { member: BodyMember }) {
  const { t } = useTranslation();
  return member.leftOn ? (
    <Typography.Text type="secondary">
      {t('bodies.tenurePast', { from: member.joinedOn, to: member.leftOn })}
    </Typography.Text>
  ) : (
    <span>{t('bodies.tenureCurrent', { from: member.joinedOn })}</span>
  );
}

/** A body's members now and before; who may manage bodies adds members and ends memberships. */
export function BodyMembers({ body, canManage }: { body: Body; canManage: boolean }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const isMobile = useIsMobile();
  const feedback = useFeedback();
  const members = useBodyMembers(body.id);
  const leave = useLeaveBody();
  const [adding, setAdding] = useState(false);
  const active = body.status === 'active';
  const editable = canManage && active;
  const current = (members.data ?? []).filter((m) => m.leftOn === null);
  const dash = t('common.none');

  const confirmLeave = (member: BodyMember) =>
    modal.confirm({
      title: t('bodies.leaveTitle'),
      content: t('bodies.leaveConfirm', { name: member.name, body: body.name }),
      okText: t('bodies.leave'),
      okButtonProps: { danger: true, 'data-testid': 'body-member-leave-confirm' },
      onOk: () =>
        leave.mutateAsync({ bodyId: body.id, membershipId: member.id }).then(
          () => feedback.success(t('bodies.left', { name: member.name })),
          (error: unknown) => feedback.error(error),
        ),
    });

  const leaveButton = (m: BodyMember) =>
    editable &&
    m.leftOn === null && (
      <Button
        type="link"
        size="small"
        danger
        onClick={() => confirmLeave(m)}
        data-testid={`body-member-leave-${m.id}`}
      >
        {t('bodies.leave')}
      </Button>
    );

  const columns: TableColumnsType<BodyMember> = [
    { title: t('bodies.memberName'), dataIndex: 'name', width: 200 },
    {
      title: t('bodies.memberKind'),
      dataIndex: 'memberKind',
      width: 110,
      render: (_, m) => <MemberKindTag kind={m.memberKind} />,
    },
    {
      title: t('bodies.memberDetail'),
      dataIndex: 'detail',
      width: 200,
      render: (detail: string | null) => detail ?? dash,
    },
    { title: t('bodies.tenure'), key: 'tenure', width: 200, render: (_, m) => <Tenure member={m} /> },
  ];
  if (editable) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 90,
      className: 'no-print',
      render: (_, m) => leaveButton(m),
    });
  }

  const toolbar = (
    <div className="gj-section-bar">
      <Typography.Text type="secondary">
        {t('bodies.memberSummary', {
          current: current.length,
          past: (members.data?.length ?? 0) - current.length,
        })}
      </Typography.Text>
      <span className="gj-inline no-print">
        <PrintButton testId="body-members-print" />
        {editable && (
          <Button icon={<UserAddOutlined />} onClick={() => setAdding(true)} data-testid="body-member-add">
            {t('bodies.addMember')}
          </Button>
        )}
      </span>
    </div>
  );

  return (
    <>
      {toolbar}
      <PrintStamp subject={t('print.roster')} />
      {members.error && <QueryError error={members.error} onRetry={() => void members.refetch()} />}
      {isMobile ? (
        members.isPending ? (
          <Skeleton active />
        ) : (
          <div data-testid="body-members">
            <PlainList
              items={members.data ?? []}
              rowKey={(m) => m.id}
              empty={t('bodies.noMembers')}
              render={(m) => (
                <div
                  className={`gj-card-row${m.leftOn ? ' gj-past' : ''}`}
                  data-testid={`body-member-${m.id}`}
                >
                  <div className="gj-card-row-head">
                    <strong>{m.name}</strong>
                    <MemberKindTag kind={m.memberKind} />
                  </div>
                  {m.detail && <Typography.Text type="secondary">{m.detail}</Typography.Text>}
                  <div className="gj-card-row-head">
                    <Tenure member={m} />
                    {leaveButton(m)}
                  </div>
                </div>
              )}
            />
          </div>
        )
      ) : (
        <Table<BodyMember>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={members.data}
          loading={members.isFetching}
          pagination={false}
          scroll={{ x: 700 }}
          rowClassName={(m) => (m.leftOn ? 'gj-past' : '')}
          onRow={(m) => ({ 'data-testid': `body-member-${m.id}` }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: <TableEmpty text={t('bodies.noMembers')} /> }}
          data-testid="body-members"
        />
      )}
      {editable && (
        <AddBodyMemberModal body={body} open={adding} onClose={() => setAdding(false)} current={current} />
      )}
    </>
  );
}
