import { CheckOutlined, CloseOutlined, EnvironmentOutlined, UserDeleteOutlined } from '@ant-design/icons';
import type { Team, TeamMember } from '@contract';
import {
  App,
  Button,
  Pagination,
  Select,
  Skeleton,
  Space,
  Spin,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { zoned } from '../../lib/time';
import { useFeedback } from '../../shared/feedback';
import { PlainList } from '../../shared/PlainList';
import { PRINT_ROWS, PrintButton, PrintStamp, usePrintRequest, usePrintWhenReady } from '../../shared/Print';
import { QueryError } from '../../shared/QueryError';
import { TableEmpty } from '../../shared/TableEmpty';
import { useIsMobile } from '../../shared/useIsMobile';
import { SpecialtyTags } from '../members';
import { type TeamMemberRole, useDecideMember, useLeaveTeam, useSetMemberRole, useTeamMembers } from './api';
import { DeclineApplicationModal } from './TeamModals';
import { PartyBadge, TeamRoleTag } from './TeamTags';

const PAGE_SIZE = 20;
const DATE = 'YYYY-MM-DD';

function NameCell({ member }: { member: TeamMember }) {
  return (
    <span className="gj-inline">
      <strong>{member.person.name}</strong>
      {member.party && <PartyBadge />}
    </span>
  );
}

/** Those who run the team give a member a role, or take them off (after a confirmation). */
function MemberActions({ team, member }: { team: Team; member: TeamMember }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const feedback = useFeedback();
  const setRole = useSetMemberRole();
  const leave = useLeaveTeam();
  if (member.role === 'leader') return null;
  const takeOff = () =>
    modal.confirm({
      title: t('teams.takeOffTitle'),
      content: t('teams.takeOffConfirm', { name: member.person.name, team: team.name }),
      okText: t('teams.takeOff'),
      okButtonProps: { danger: true, 'data-testid': 'team-take-off-confirm' },
      onOk: () =>
        leave.mutateAsync({ teamId: team.id, memberId: member.id }).then(
          () => feedback.success(t('teams.takenOff', { name: member.person.name })),
          (error: unknown) => feedback.error(error),
        ),
    });
  return (
    <Space size={4} wrap>
      <Select<Exclude<TeamMemberRole, 'leader'>>
        size="small"
        value={member.role}
        loading={setRole.isPending}
        onChange={(role) =>
          setRole.mutate(
            { teamId: team.id, memberId: member.id, role },
            {
              onSuccess: () =>
                feedback.success(
                  t('teams.roleSet', { name: member.person.name, role: t(`teams.role.${role}`) }),
                ),
              onError: feedback.error,
            },
          )
        }
        options={(['backbone', 'member'] as const).map((r) => ({ value: r, label: t(`teams.role.${r}`) }))}
        aria-label={t('teams.setRole')}
        popupMatchSelectWidth={false}
        data-testid={`team-member-role-${member.id}`}
      />
      <Button
        danger
        size="small"
        icon={<UserDeleteOutlined />}
        onClick={takeOff}
        data-testid={`team-member-remove-${member.id}`}
      >
        {t('teams.takeOff')}
      </Button>
    </Space>
  );
}

/** The team's active members: roles, Party members, when they joined; where they live for those who run it. */
export function TeamMembers({ team }: { team: Team }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [page, setPage] = useState(1);
  // Printed, the roster holds every member (up to PRINT_ROWS), not the page on screen.
  const print = usePrintRequest();
  const members = useTeamMembers(
    team.id,
    print.asked
      ? { status: 'active', page: 1, pageSize: PRINT_ROWS }
      : { status: 'active', page, pageSize: PAGE_SIZE },
  );
  usePrintWhenReady(print, members.data !== undefined && !members.isFetching);
  const runs = team.can.seeApplications;
  const dash = t('common.none');

  if (members.error) return <QueryError error={members.error} onRetry={() => void members.refetch()} />;
  if (!members.data) return <Skeleton active />;
  const items = members.data.items;
  const total = members.data.total;
  const toolbar = (
    <>
      <div className="gj-section-bar gj-section-bar-end no-print">
        <PrintButton onPrint={print.ask} testId="team-members-print" />
      </div>
      <PrintStamp subject={t('print.roster')} />
    </>
  );

  if (isMobile) {
    return (
      <Spin spinning={members.isFetching}>
        {toolbar}
        <div data-testid="team-members">
          <PlainList
            items={items}
            rowKey={(m) => m.id}
            empty={t('teams.noMembers')}
            render={(m) => (
              <div className="gj-card-row" data-testid={`team-member-${m.id}`}>
                <div className="gj-card-row-head">
                  <NameCell member={m} />
                  <TeamRoleTag role={m.role} />
                </div>
                {m.specialties.length > 0 && <SpecialtyTags codes={m.specialties} />}
                {runs && m.homeLabel && (
                  <Typography.Text type="secondary">
                    <EnvironmentOutlined /> {m.homeLabel}
                  </Typography.Text>
                )}
                <Typography.Text type="secondary">
                  {t('teams.joinedOn', { date: m.joinedAt ? zoned(m.joinedAt).format(DATE) : dash })}
                </Typography.Text>
                {runs && (
                  <div className="no-print">
                    <MemberActions team={team} member={m} />
                  </div>
                )}
              </div>
            )}
          />
          {total > PAGE_SIZE && (
            <Pagination
              className="gj-card-pagination"
              size="small"
              simple
              current={page}
              pageSize={PAGE_SIZE}
              total={total}
              onChange={setPage}
            />
          )}
        </div>
      </Spin>
    );
  }

  const columns: TableColumnsType<TeamMember> = [
    { title: t('teams.memberName'), key: 'name', width: 170, render: (_, m) => <NameCell member={m} /> },
    {
      title: t('teams.memberRole'),
      dataIndex: 'role',
      width: 90,
      render: (role: TeamMemberRole) => <TeamRoleTag role={role} />,
    },
    {
      title: t('teams.memberSpecialties'),
      dataIndex: 'specialties',
      render: (codes: string[]) => <SpecialtyTags codes={codes} />,
    },
    ...(runs
      ? [
          {
            title: t('teams.memberHome'),
            dataIndex: 'homeLabel',
            width: 200,
            render: (home: string) => home || dash,
          },
        ]
      : []),
    {
      title: t('teams.joinedAt'),
      dataIndex: 'joinedAt',
      width: 110,
      render: (at: string | null) => (at ? zoned(at).format(DATE) : dash),
    },
    ...(runs
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 200,
            className: 'no-print',
            render: (_: unknown, m: TeamMember) => <MemberActions team={team} member={m} />,
          },
        ]
      : []),
  ];

  return (
    <>
      {toolbar}
      <Table<TeamMember>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={items}
        loading={members.isFetching}
        pagination={
          total > PAGE_SIZE && !print.asked
            ? { current: page, pageSize: PAGE_SIZE, total, onChange: setPage, size: 'small' }
            : false
        }
        scroll={{ x: 760 }}
        onRow={(m) => ({ 'data-testid': `team-member-${m.id}` }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: <TableEmpty text={t('teams.noMembers')} /> }}
        data-testid="team-members"
      />
    </>
  );
}

/** One application: who, what they can do, where they live, their word; accept or decline. */
function ApplicationRow({
  team,
  member: m,
  onDecline,
}: {
  team: Team;
  member: TeamMember;
  onDecline: (member: TeamMember) => void;
}) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const decide = useDecideMember();
  const accept = () =>
    decide.mutate(
      { teamId: team.id, memberId: m.id, decision: 'accept' },
      {
        onSuccess: () => feedback.success(t('teams.acceptedOne', { name: m.person.name })),
        onError: feedback.error,
      },
    );
  return (
    <div className="gj-card-row" data-testid={`team-application-${m.id}`}>
      <div className="gj-card-row-head">
        <NameCell member={m} />
        <Typography.Text type="secondary" className="gj-nowrap">
          {zoned(m.createdAt).format('MM-DD HH:mm')}
        </Typography.Text>
      </div>
      {m.specialties.length > 0 && <SpecialtyTags codes={m.specialties} />}
      {m.homeLabel && (
        <Typography.Text type="secondary">
          <EnvironmentOutlined /> {m.homeLabel}
        </Typography.Text>
      )}
      {m.note && <Typography.Paragraph className="gj-team-note gj-no-margin">{m.note}</Typography.Paragraph>}
      <Space wrap>
        <Button
          type="primary"
          icon={<CheckOutlined />}
          loading={decide.isPending}
          onClick={accept}
          data-testid={`team-application-accept-${m.id}`}
        >
          {t('teams.accept')}
        </Button>
        <Button
          icon={<CloseOutlined />}
          onClick={() => onDecline(m)}
          data-testid={`team-application-decline-${m.id}`}
        >
          {t('teams.decline')}
        </Button>
      </Space>
    </div>
  );
}

/** For those who run the team: applications to answer, and invitations still unanswered. */
export function TeamInbox({ team }: { team: Team }) {
  const { t } = useTranslation();
  const [declining, setDeclining] = useState<TeamMember | null>(null);
  const applied = useTeamMembers(team.id, { status: 'applied', page: 1, pageSize: 100 });
  const invited = useTeamMembers(team.id, { status: 'invited', page: 1, pageSize: 100 });
  const error = applied.error ?? invited.error;
  if (error) {
    return (
      <QueryError
        error={error}
        onRetry={() => {
          void applied.refetch();
          void invited.refetch();
        }}
      />
    );
  }
  if (!applied.data || !invited.data) return <Skeleton active />;
  return (
    <div data-testid="team-inbox">
      <Typography.Title level={5}>
        {t('teams.applicationsTitle', { count: applied.data.total })}
      </Typography.Title>
      <Spin spinning={applied.isFetching}>
        <PlainList
          items={applied.data.items}
          rowKey={(m) => m.id}
          empty={t('teams.noApplications')}
          render={(m) => <ApplicationRow team={team} member={m} onDecline={setDeclining} />}
        />
      </Spin>
      <Typography.Title level={5} className="gj-section">
        {t('teams.invitedTitle', { count: invited.data.total })}
      </Typography.Title>
      <PlainList
        items={invited.data.items}
        rowKey={(m) => m.id}
        empty={t('teams.noInvited')}
        render={(m) => (
          <div className="gj-card-row" data-testid={`team-invited-${m.id}`}>
            <div className="gj-card-row-head">
              <NameCell member={m} />
              <Typography.Text type="secondary" className="gj-nowrap">
                {t('teams.invitedOn', { date: zoned(m.createdAt).format('MM-DD HH:mm') })}
              </Typography.Text>
            </div>
            {m.homeLabel && (
              <Typography.Text type="secondary">
                <EnvironmentOutlined /> {m.homeLabel}
              </Typography.Text>
            )}
            {m.note && <Typography.Text type="secondary">{m.note}</Typography.Text>}
          </div>
        )}
      />
      <DeclineApplicationModal teamId={team.id} member={declining} onClose={() => setDeclining(null)} />
    </div>
  );
}
