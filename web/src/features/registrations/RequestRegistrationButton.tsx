import type { Member } from '@contract';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../app/api';
import { useFeedback } from '../../shared/feedback';
import { useFetchCommunityOf } from '../regions/api';
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
  const fetchCommunityOf = useFetchCommunityOf();
  const request = useRequestRegistration();
  const [finding, setFinding] = useState(false);

  /** The member's home community, from the ancestors of their home. */
  const findCommunity = async (): Promise<{ id: number; name: string } | null> => {
    try {
      return await fetchCommunityOf(member.homeRegionId);
    } catch (error) {
      // A home outside the user's regions cannot be read; say what that means here.
      if (error instanceof ApiError && (error.status === 403 || error.status === 404)) return null;
      throw error;
    }
  };

  const onClick = async () => {
    setFinding(true);
    let community: { id: number; name: string } | null;
    try {
      community = await findCommunity();
    } catch (error) {
      feedback.error(error);
      return;
    } finally {
      setFinding(false);
    }
    if (!community) {
      feedback.warning(t('registrations.noCommunity'));
      return;
    }
    const { id: communityId, name: communityName } = community;
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
  };

  return (
    <Button
      type="link"
      size="small"
      loading={finding || request.isPending}
      onClick={() => void onClick()}
      data-testid={`registration-request-${member.id}`}
    >
      {t('registrations.request')}
    </Button>
  );
}
