import { ArrowRightOutlined, CheckOutlined, CloseOutlined, TeamOutlined } from '@ant-design/icons';
import type { Invitation } from '@contract';
import { App, Button, Card, Pagination, Result, Skeleton, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../lib/auth';
import { zoned } from '../../lib/time';
import { useFeedback } from '../../shared/feedback';
import { PageHeader } from '../../shared/PageHeader';
import { PlainList } from '../../shared/PlainList';
import { QueryError } from '../../shared/QueryError';
import { useTeams } from './api';
import { InvitationKindTag, InvitationStatusTag } from './InvitationStatusTag';
import { useAnswerInvitation, useInvitations } from './invitations.api';
import { TeamSpecialtyTag } from './TeamTags';

const PAGE_SIZE = 10;

/** Accept (the role is claimed, or the task signed up for, in one's name) or decline. */
function Answer({ invitation: i }: { invitation: Invitation }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const feedback = useFeedback();
  const navigate = useNavigate();
  const answer = useAnswerInvitation();
  const busy = answer.isPending ? answer.variables?.accept : undefined;

  const accept = () =>
    answer.mutate(
      { id: i.id, accept: true },
      {
        onSuccess: () => {
          feedback.success(t(i.kind === 'role' ? 'invitations.acceptedRole' : 'invitations.acceptedTask'));
          navigate(i.link);
        },
        // A full role or task, or one already started, answers with the server's words.
        onError: feedback.error,
      },
    );
  const decline = () =>
    modal.confirm({
      title: t('invitations.declineTitle'),
      content: t('invitations.declineConfirm', { title: i.title }),
      okText: t('invitations.decline'),
      okButtonProps: { 'data-testid': 'invitation-decline-confirm' },
      onOk: () =>
        answer.mutateAsync({ id: i.id, accept: false }).then(
          () => feedback.success(t('invitations.declined')),
          (error: unknown) => feedback.error(error),
        ),
    });

  return (
    <div className="gj-invitation-actions">
      <Button
        type="primary"
        size="large"
        icon={<CheckOutlined />}
        loading={busy === true}
        disabled={busy === false}
        onClick={accept}
        data-testid={`invitation-accept-${i.id}`}
      >
        {t(i.kind === 'role' ? 'invitations.acceptRole' : 'invitations.acceptTask')}
      </Button>
      <Button
        size="large"
        icon={<CloseOutlined />}
        loading={busy === false}
        disabled={busy === true}
        onClick={decline}
        data-testid={`invitation-decline-${i.id}`}
      >
        {t('invitations.decline')}
      </Button>
    </div>
  );
}

function InvitationRow({ invitation: i }: { invitation: Invitation }) {
  const { t } = useTranslation();
  return (
    <div className="gj-card-row" data-testid={`invitation-${i.id}`} data-status={i.status}>
      <div className="gj-card-row-head">
        <Link to={i.link} className="gj-strong-link">
          {i.title}
        </Link>
        <InvitationStatusTag status={i.status} />
      </div>
      <Typography.Text type="secondary" className="gj-inline">
        <InvitationKindTag kind={i.kind} />
        <span>
          {t('invitations.from', {
            by: i.invitedBy || t('common.none'),
            at: zoned(i.createdAt).format('YYYY-MM-DD HH:mm'),
          })}
        </span>
      </Typography.Text>
      {i.status === 'pending' ? (
        <Answer invitation={i} />
      ) : (
        i.status === 'accepted' && (
          <Link to={i.link} data-testid={`invitation-open-${i.id}`}>
            {t(i.kind === 'role' ? 'invitations.openProject' : 'invitations.openOccurrence')}{' '}
            <ArrowRightOutlined />
          </Link>
        )
      )}
    </div>
  );
}

/** Teams that invited the reader to join: answered on the team's page. */
function TeamInvitations() {
  const { t } = useTranslation();
  const teams = useTeams({ mine: 'true', page: 1, pageSize: 100 });
  const invited = (teams.data?.items ?? []).filter((team) => team.myStatus === 'invited');
  if (invited.length === 0) return null;
  return (
    <Card
      size="small"
      className="gj-block-gap"
      title={t('invitations.teamsTitle')}
      data-testid="team-invitations"
    >
      <PlainList
        items={invited}
        rowKey={(team) => team.id}
        empty={t('common.empty')}
        render={(team) => (
          <div className="gj-card-row-head" data-testid={`team-invitation-${team.id}`}>
            <span className="gj-inline">
              <TeamOutlined />
              <Link to={`/teams/${team.id}`} className="gj-strong-link">
                {team.name}
              </Link>
              <TeamSpecialtyTag code={team.specialty} />
            </span>
            <Link to={`/teams/${team.id}`}>
              <Button size="small" type="primary">
                {t('invitations.answer')}
              </Button>
            </Link>
          </div>
        )}
      />
    </Card>
  );
}

/** Invitations to a project role or a dedication-day task: answer the pending ones; see the past ones. */
export function MyInvitationsPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const [page, setPage] = useState(1);
  const hasPerson = me.user.personId !== null;
  const invitations = useInvitations({ mine: 'true', page, pageSize: PAGE_SIZE }, hasPerson);

  if (!hasPerson) {
    return (
      <>
        <PageHeader title={t('nav.myInvitations')} />
        <Result status="info" title={t('invitations.noPerson')} />
      </>
    );
  }

  const items = invitations.data?.items ?? [];
  const pending = items.filter((i) => i.status === 'pending');
  const past = items.filter((i) => i.status !== 'pending');

  return (
    <div className="gj-narrow">
      <PageHeader title={t('nav.myInvitations')} />
      <Typography.Paragraph type="secondary">{t('invitations.intro')}</Typography.Paragraph>
      <TeamInvitations />
      {invitations.error && (
        <QueryError error={invitations.error} onRetry={() => void invitations.refetch()} />
      )}
      {!invitations.data && !invitations.error && <Skeleton active />}
      {invitations.data && (
        <Spin spinning={invitations.isFetching}>
          <div className="gj-invitations" data-testid="my-invitations">
            <Card size="small" title={t('invitations.pendingTitle', { count: pending.length })}>
              <PlainList
                items={pending}
                rowKey={(i) => i.id}
                empty={t('invitations.nonePending')}
                render={(i) => <InvitationRow invitation={i} />}
              />
            </Card>
            {past.length > 0 && (
              <Card size="small" title={t('invitations.pastTitle')}>
                <PlainList
                  items={past}
                  rowKey={(i) => i.id}
                  empty={t('common.empty')}
                  render={(i) => <InvitationRow invitation={i} />}
                />
              </Card>
            )}
            {invitations.data.total > PAGE_SIZE && (
              <Pagination
                className="gj-card-pagination"
                size="small"
                current={page}
                pageSize={PAGE_SIZE}
                total={invitations.data.total}
                onChange={setPage}
              />
            )}
          </div>
        </Spin>
      )}
    </div>
  );
}
