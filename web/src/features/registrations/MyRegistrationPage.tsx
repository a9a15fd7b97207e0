import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  SendOutlined,
} from '@ant-design/icons';
import type { Member } from '@contract';
import { Alert, App, Button, Card, Descriptions, Result, Skeleton, Steps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../lib/auth';
import { zoned } from '../../lib/time';
import type { RegistrationStatus } from '../../shared/enums';
import { useFeedback } from '../../shared/feedback';
import { PageHeader } from '../../shared/PageHeader';
import { RegionSelect } from '../../shared/pickers/RegionSelect';
import { QueryError } from '../../shared/QueryError';
import { MembershipStatusTag, RegistrationStatusTag } from '../../shared/tags';
import { useMember } from '../members';
import { isLive, useRegistration, useRequestRegistration, useWithdrawRegistration } from './api';

type OwnRegistration = NonNullable<Member['registration']>;
const TIME = 'YYYY-MM-DD HH:mm';

/** Where the registration stands, as three steps: applied, reviewed by the community, registered. */
function RegistrationSteps({ status }: { status: RegistrationStatus | null }) {
  const { t } = useTranslation();
  const current = status === null ? 0 : status === 'approved' ? 2 : 1;
  return (
    <Steps
      size="small"
      responsive={false}
      titlePlacement="vertical"
      current={current}
      status={status === 'declined' ? 'error' : status === 'approved' ? 'finish' : 'process'}
      items={[
        { title: t('myRegistration.stepApply') },
        {
          title: status === 'declined' ? t('registrationStatus.declined') : t('myRegistration.stepReview'),
        },
        { title: t('myRegistration.stepDone') },
      ]}
    />
  );
}

function StatusPanel({ registration }: { registration: OwnRegistration }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const feedback = useFeedback();
  const withdraw = useWithdrawRegistration();
  // The full record says when it was asked and decided, and why a decline was given.
  const detail = useRegistration(registration.id);
  const { status, communityName } = registration;
  const full = detail.data?.status === status ? detail.data : undefined;

  const confirmWithdraw = () =>
    modal.confirm({
      title: t('myRegistration.withdrawTitle'),
      content: t('myRegistration.withdrawConfirm', { community: communityName }),
      okText: t('myRegistration.withdraw'),
      okButtonProps: { danger: true },
      onOk: () =>
        withdraw.mutateAsync(registration.id).then(
          () => feedback.success(t('myRegistration.withdrawn')),
          (error: unknown) => feedback.error(error),
        ),
    });

  const icon = {
    pending: <ClockCircleOutlined />,
    approved: <CheckCircleOutlined />,
    declined: <CloseCircleOutlined />,
    withdrawn: <CloseCircleOutlined />,
  }[status];

  return (
    <div data-testid="registration-status" data-status={status}>
      {status !== 'withdrawn' && <RegistrationSteps status={status} />}
      <Result
        className="gj-compact-result"
        status={status === 'approved' ? 'success' : status === 'declined' ? 'warning' : 'info'}
        icon={status === 'approved' || status === 'declined' ? undefined : icon}
        title={<RegistrationStatusTag status={status} />}
        subTitle={
          <>
            {t(`myRegistration.explain.${status}`, { community: communityName })}
            {full && (
              <Descriptions
                className="gj-result-facts"
                column={1}
                size="small"
                items={[
                  {
                    key: 'requestedAt',
                    label: t('registrations.requestedAt'),
                    children: zoned(full.requestedAt).format(TIME),
                  },
                  ...(full.decidedAt
                    ? [
                        {
                          key: 'decidedAt',
                          label: t('myRegistration.decidedAt'),
                          children: zoned(full.decidedAt).format(TIME),
                        },
                      ]
                    : []),
                  ...(full.reason
                    ? [
                        {
                          key: 'reason',
                          label: t('registrations.reason'),
                          children: <span data-testid="registration-reason">{full.reason}</span>,
                        },
                      ]
                    : []),
                ]}
              />
            )}
          </>
        }
        extra={
          status === 'pending' && (
            <Button
              danger
              onClick={confirmWithdraw}
              loading={withdraw.isPending}
              data-testid="registration-withdraw"
            >
              {t('myRegistration.withdraw')}
            </Button>
          )
        }
      />
    </div>
  );
}

function RequestForm({ member, again }: { member: Member; again: boolean }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const home = { id: member.homeCommunityId, name: member.homeCommunityName };
  const request = useRequestRegistration();
  const [picked, setPicked] = useState<number | undefined>();
  // The home community is the natural choice, so it is chosen until the member picks another.
  const communityId = picked ?? home.id;

  const submit = () => {
    if (communityId === undefined) return;
    request.mutate(
      { communityId },
      {
        onSuccess: (registration) =>
          feedback.success(t('myRegistration.submitted', { community: registration.communityName })),
        onError: feedback.error,
      },
    );
  };

  return (
    <div className="gj-stack gj-gap">
      <Typography.Paragraph className="gj-no-margin">
        {again ? t('myRegistration.applyAgain') : t('myRegistration.intro')}
      </Typography.Paragraph>
      <label htmlFor="registration-community" className="gj-field-label">
        {t('myRegistration.community')}
      </label>
      <RegionSelect
        id="registration-community"
        kind="community"
        value={communityId}
        onChange={setPicked}
        className="gj-fill"
        data-testid="registration-community"
      />
      <Typography.Text type="secondary">
        {communityId === home.id
          ? t('myRegistration.homeChosen', { community: home.name })
          : t('myRegistration.homeIs', { community: home.name })}
      </Typography.Text>
      <Button
        type="primary"
        size="large"
        block
        icon={<SendOutlined />}
        disabled={communityId === undefined}
        loading={request.isPending}
        onClick={submit}
        data-testid="registration-submit"
      >
        {t('myRegistration.submit')}
      </Button>
    </div>
  );
}

/** A Party member registers with the community they live in (到社区报到); made for a phone. */
export function MyRegistrationPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const personId = me.user.personId ?? undefined;
  const { data: member, error, refetch } = useMember(personId);
  const dash = t('common.none');

  if (personId === undefined) {
    return (
      <>
        <PageHeader title={t('nav.myRegistration')} />
        <Result status="info" title={t('myRegistration.noPerson')} />
      </>
    );
  }

  const registration = member?.registration ?? null;
  const membership = member?.membership ?? null;

  return (
    <div className="gj-narrow">
      <PageHeader title={t('nav.myRegistration')} />
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {!member && !error && <Skeleton active />}
      {member && (
        <>
          <Card size="small" title={t('myRegistration.me')}>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'name', label: t('members.name'), children: member.name },
                { key: 'home', label: t('members.home'), children: member.homeLabel },
                { key: 'org', label: t('members.org'), children: membership?.orgName ?? dash },
                {
                  key: 'status',
                  label: t('members.membershipStatus'),
                  children: membership ? <MembershipStatusTag status={membership.status} /> : dash,
                },
              ]}
            />
          </Card>
          <Card size="small" className="gj-section" title={t('myRegistration.title')}>
            {!membership ? (
              <Result status="info" title={t('myRegistration.notMember')} className="gj-compact-result" />
            ) : (
              <>
                {membership.status === 'retired' && (
                  <Alert
                    className="gj-block-gap"
                    type="info"
                    showIcon
                    title={t('myRegistration.retiredNote')}
                  />
                )}
                {registration ? (
                  <StatusPanel registration={registration} />
                ) : (
                  <div data-testid="registration-status" data-status="none" className="gj-block-gap">
                    <RegistrationSteps status={null} />
                    <Typography.Paragraph type="secondary" className="gj-status-line">
                      {t('myRegistration.notYet')}
                    </Typography.Paragraph>
                  </div>
                )}
                {!isLive(registration) && <RequestForm member={member} again={registration !== null} />}
              </>
            )}
          </Card>
        </>
      )}
    </div>
  );
}
