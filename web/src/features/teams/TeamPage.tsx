import {
  CheckOutlined,
  CloseOutlined,
  EditOutlined,
  LogoutOutlined,
  SendOutlined,
  SoundOutlined,
  UserAddOutlined,
} from '@ant-design/icons';
import type { Team } from '@contract';
import {
  Alert,
  App,
  Badge,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Result,
  Skeleton,
  Space,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { idParam } from '../../shared/enums';
import { useFeedback } from '../../shared/feedback';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { useIsMobile } from '../../shared/useIsMobile';
import { ApplySheet } from './ApplySheet';
import { useDecideMember, useLeaveTeam, useMyMembership, useTeam, useTeamMembers } from './api';
import { SuggestionPanel } from './SuggestionPanel';
import { TeamActivities } from './TeamActivities';
import { TeamFormDrawer } from './TeamFormDrawer';
import { MemberCount } from './TeamList';
import { TeamInbox, TeamMembers } from './TeamMembers';
import { InviteMemberModal } from './TeamModals';
import { MyStandingTag, RecruitingTag, TeamSpecialtyTag } from './TeamTags';

const TABS = ['members', 'inbox', 'suggestions', 'activities'] as const;
type TabKey = (typeof TABS)[number];

/** What the reader may do about the team themselves: apply, answer an invitation, or leave. */
function StandingActions({ team, onApply }: { team: Team; onApply: () => void }) {
  const { t } = useTranslation();
  const { me, can } = useAuth();
  const { modal } = App.useApp();
  const feedback = useFeedback();
  const mine = useMyMembership(team);
  const decide = useDecideMember();
  const leave = useLeaveTeam();
  if (me.user.personId === null || team.retiredAt !== null) return null;

  const answer = (decision: 'accept' | 'decline') => {
    if (!mine) return;
    decide.mutate(
      { teamId: team.id, memberId: mine.id, decision },
      {
        onSuccess: () =>
          feedback.success(
            t(decision === 'accept' ? 'teams.joined' : 'teams.invitationDeclined', { name: team.name }),
          ),
        onError: feedback.error,
      },
    );
  };

  switch (team.myStatus) {
    case 'applied':
      return (
        <Tag color="gold" className="gj-team-standing" data-testid="team-applied">
          {t('teams.appliedWaiting')}
        </Tag>
      );
    case 'invited':
      // The invitation is answered on the member's own row; without it, the tag says where things stand.
      return mine ? (
        <Space wrap>
          <Button
            type="primary"
            icon={<CheckOutlined />}
            loading={decide.isPending && decide.variables?.decision === 'accept'}
            onClick={() => answer('accept')}
            data-testid="team-invitation-accept"
          >
            {t('teams.acceptInvitation')}
          </Button>
          <Button
            icon={<CloseOutlined />}
            loading={decide.isPending && decide.variables?.decision === 'decline'}
            onClick={() =>
              modal.confirm({
                title: t('teams.declineInvitationTitle'),
                content: t('teams.declineInvitationConfirm', { name: team.name }),
                okText: t('teams.declineInvitation'),
                okButtonProps: { 'data-testid': 'team-invitation-decline-confirm' },
                onOk: () => answer('decline'),
              })
            }
            data-testid="team-invitation-decline"
          >
            {t('teams.declineInvitation')}
          </Button>
        </Space>
      ) : (
        <MyStandingTag team={team} />
      );
    case 'active':
      if (!team.can.leave || !mine) return <MyStandingTag team={team} />;
      return (
        <Button
          danger
          icon={<LogoutOutlined />}
          loading={leave.isPending}
          onClick={() =>
            modal.confirm({
              title: t('teams.leaveTitle'),
              content: t('teams.leaveConfirm', { name: team.name }),
              okText: t('teams.leave'),
              okButtonProps: { danger: true, 'data-testid': 'team-leave-confirm' },
              onOk: () =>
                leave.mutateAsync({ teamId: team.id, memberId: mine.id }).then(
                  () => feedback.success(t('teams.left', { name: team.name })),
                  (error: unknown) => feedback.error(error),
                ),
            })
          }
          data-testid="team-leave"
        >
          {t('teams.leave')}
        </Button>
      );
    default:
      if (!can('team.join')) return null;
      if (!team.recruiting) return <Tag data-testid="team-not-recruiting">{t('teams.notRecruiting')}</Tag>;
      return (
        <Button type="primary" icon={<SendOutlined />} onClick={onApply} data-testid="team-apply">
          {t('teams.apply')}
        </Button>
      );
  }
}

function TeamFacts({ team }: { team: Team }) {
  const { t } = useTranslation();
  return (
    <Card data-testid="team-detail">
      <Descriptions
        column={{ xs: 1, sm: 2, lg: 3 }}
        size="small"
        items={[
          {
            key: 'specialty',
            label: t('teams.specialty'),
            children: <TeamSpecialtyTag code={team.specialty} />,
          },
          { key: 'region', label: t('teams.region'), children: team.regionName },
          {
            key: 'leader',
            label: t('teams.leader'),
            children: <span data-testid="team-leader">{team.leader?.name ?? t('teams.noLeader')}</span>,
          },
          { key: 'members', label: t('teams.members'), children: <MemberCount team={team} /> },
          {
            key: 'hoursYear',
            label: t('teams.hoursYearLabel'),
            children: t('teams.hoursValue', { hours: team.hoursYear }),
          },
          {
            key: 'hoursAll',
            label: t('teams.hoursAllLabel'),
            children: t('teams.hoursValue', { hours: team.hoursAll }),
          },
        ]}
      />
      {team.description && (
        <div className="gj-section">
          <Typography.Paragraph className="gj-prewrap gj-no-margin" data-testid="team-description">
            {team.description}
          </Typography.Paragraph>
        </div>
      )}
      {team.recruiting && (
        <div className="gj-team-recruitment gj-section" data-testid="team-recruitment">
          <strong className="gj-inline">
            <SoundOutlined /> {t('teams.recruitmentPost')}
          </strong>
          <Typography.Paragraph className="gj-prewrap gj-no-margin">
            {team.recruitment || t('teams.recruitmentDefault')}
          </Typography.Paragraph>
        </div>
      )}
    </Card>
  );
}

/** A volunteer team: who it is, who is in it, what it has done; for those who run it, its inbox and suggestions. */
export function TeamPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const id = idParam(useParams().id);
  const [params, setParams] = useSearchParams();
  const { data: team, error, refetch } = useTeam(id);
  const runs = team?.can.seeApplications === true;
  const applied = useTeamMembers(team?.id, { status: 'applied', page: 1, pageSize: 1 }, runs);
  const [editing, setEditing] = useState(false);
  const [inviting, setInviting] = useState(false);
  const [applying, setApplying] = useState<Team | null>(null);
  const isMobile = useIsMobile();

  if (id === undefined || (error instanceof ApiError && error.status === 404)) {
    return (
      <Result
        status="404"
        title={t('teams.notFound')}
        extra={
          <Link to="/teams">
            <Button type="primary">{t('teams.backToList')}</Button>
          </Link>
        }
      />
    );
  }

  const pending = applied.data?.total ?? 0;
  const asked = TABS.find((k) => k === params.get('tab'));
  const available: TabKey[] = runs ? [...TABS] : ['members', 'activities'];
  // Someone who runs the team, with applications waiting, lands on them.
  const tab: TabKey = asked && available.includes(asked) ? asked : runs && pending > 0 ? 'inbox' : 'members';
  const setTab = (key: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('tab', key);
        return next;
      },
      { replace: true },
    );

  return (
    <>
      <Breadcrumb
        className="gj-breadcrumb"
        items={[{ title: <Link to="/teams">{t('nav.teams')}</Link> }, { title: team?.name ?? '…' }]}
      />
      <PageHeader
        title={team?.name ?? t('teams.detail')}
        extra={
          team && (
            <Space wrap>
              <RecruitingTag team={team} />
              <StandingActions team={team} onApply={() => setApplying(team)} />
              {team.can.edit && (
                <>
                  {can('person.read') && (
                    <Button
                      icon={<UserAddOutlined />}
                      onClick={() => setInviting(true)}
                      data-testid="team-invite"
                    >
                      {t('teams.invite')}
                    </Button>
                  )}
                  <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="team-edit">
                    {t('common.edit')}
                  </Button>
                </>
              )}
            </Space>
          )
        }
      />
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {!team && !error && <Skeleton active />}
      {team && (
        <>
          {team.retiredAt !== null && (
            <Alert className="gj-block-gap" type="warning" showIcon title={t('teams.retired')} />
          )}
          <TeamFacts team={team} />
          <Card className="gj-section" size="small">
            <Tabs
              activeKey={tab}
              size={isMobile ? 'small' : 'middle'}
              tabBarGutter={isMobile ? 16 : undefined}
              onChange={setTab}
              items={[
                {
                  key: 'members',
                  label: t('teams.membersTab', { count: team.memberCount }),
                  children: <TeamMembers team={team} />,
                },
                ...(runs
                  ? [
                      {
                        key: 'inbox',
                        label: (
                          <Badge count={pending} size="small" offset={[8, -2]}>
                            <span data-testid="team-tab-inbox">{t('teams.inboxTab')}</span>
                          </Badge>
                        ),
                        children: <TeamInbox team={team} />,
                      },
                      {
                        key: 'suggestions',
                        label: <span data-testid="team-tab-suggestions">{t('suggestions.title')}</span>,
                        children: <SuggestionPanel target={{ teamId: team.id }} />,
                      },
                    ]
                  : []),
                {
                  key: 'activities',
                  label: <span data-testid="team-tab-activities">{t('teams.activitiesTab')}</span>,
                  children: <TeamActivities teamId={team.id} />,
                },
              ]}
            />
          </Card>
          {runs && (
            <>
              <TeamFormDrawer
                target={editing ? { mode: 'edit', team } : null}
                onClose={() => setEditing(false)}
              />
              <InviteMemberModal team={team} open={inviting} onClose={() => setInviting(false)} />
            </>
          )}
          <ApplySheet team={applying} onClose={() => setApplying(null)} />
        </>
      )}
    </>
  );
}
