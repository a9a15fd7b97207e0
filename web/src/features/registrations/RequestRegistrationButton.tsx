import type { Member } from '@contract';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../shared/feedback';
import { isLive, useRequestRegistration } from './api';

/** Whether a unit contact may ask for this member's registration with the home community. */
export function canRequestFor(member: Member) {
  return member.membership?.status === 'in_service' && !isLive(member.registration);
}

/** Registers a unit's member with the community of their home, after a confirmation. */
export function RequestRegistrationButton({ member }: { member: Member }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const feedback = useFeedback();
  const request = useRequestRegistration();
  // The person record names its home community, wherever the home lies.
  const { homeCommunityId: communityId, homeCommunityName: communityName } = member;

  const onClick = () =>
    modal.confirm({
      title: t('registrations.requestTitle'),
      content: t('registrations.requestConfirm', { name: member.name, community: communityName }),
      okText: t('registrations.request'),
      okButtonProps: { 'data-testid': 'registration-request-confirm' },
      onOk: () =>
        request.mutateAsync({ personId: member.id, communityId }).then(
          () =>
            feedback.success(t('registrations.requested', { name: member.name, community: communityName })),
          (error: unknown) => feedback.error(error),
        ),
    });

  return (
    <Button
      type="link"
      size="small"
      loading={request.isPending}
      onClick={onClick}
      data-testid={`registration-request-${member.id}`}
    >
      {t('registrations.request')}
    </Button>
  );
}
