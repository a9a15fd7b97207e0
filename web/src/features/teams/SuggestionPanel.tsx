import { CheckOutlined, EnvironmentOutlined, ReloadOutlined, UserAddOutlined } from '@ant-design/icons';
import type { Invitation, Suggestion } from '@contract';
import { Button, Empty, Skeleton, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../shared/feedback';
import { QueryError } from '../../shared/QueryError';
import { useSpecialtyLabel } from '../../shared/specialties';
import { type SuggestionTarget, useInviteToTeam, useSuggestions } from './api';
import { useInvitations, useInvite } from './invitations.api';
import { PartyBadge } from './TeamTags';

type Props = {
  target: SuggestionTarget;
  /** How many to show (10 unless told). */
  limit?: number;
};

/** The invitations already sent for a role or a task, by person: those pending show as invited. */
function useSentInvitations(target: SuggestionTarget) {
  const params =
    'roleId' in target
      ? { roleId: target.roleId }
      : 'taskId' in target
        ? { taskId: target.taskId }
        : undefined;
  const sent = useInvitations({ ...params, page: 1, pageSize: 200 }, params !== undefined);
  const byPerson = new Map<number, Invitation>();
  // The newest first: the server lists pending ones first, then by time.
  for (const i of sent.data?.items ?? []) if (!byPerson.has(i.person.id)) byPerson.set(i.person.id, i);
  return byPerson;
}

function SuggestionRow({
  suggestion: s,
  rank,
  invited,
  declinedBefore,
  inviting,
  onInvite,
}: {
  suggestion: Suggestion;
  rank: number;
  invited: boolean;
  declinedBefore: boolean;
  inviting: boolean;
  onInvite: () => void;
}) {
  const { t } = useTranslation();
  const label = useSpecialtyLabel();
  return (
    <li className="gj-suggestion" data-testid={`suggestion-${s.person.id}`}>
      <span className="gj-suggestion-rank" aria-hidden>
        {rank}
      </span>
      <div className="gj-suggestion-body">
        <div className="gj-card-row-head">
          <span className="gj-inline">
            <strong>{s.person.name}</strong>
            {s.party && <PartyBadge />}
          </span>
          {invited ? (
            <Tag color="blue" icon={<CheckOutlined />} data-testid={`suggestion-invited-${s.person.id}`}>
              {t('suggestions.invited')}
            </Tag>
          ) : (
            <Button
              type="primary"
              size="small"
              icon={<UserAddOutlined />}
              loading={inviting}
              onClick={onInvite}
              data-testid={`suggestion-invite-${s.person.id}`}
            >
              {t('suggestions.invite')}
            </Button>
          )}
        </div>
        {s.homeLabel && (
          <Typography.Text type="secondary">
            <EnvironmentOutlined /> {s.homeLabel}
          </Typography.Text>
        )}
        {s.specialties.length > 0 && (
          <span className="gj-tags">
            {s.specialties.map((code) => (
              <Tag key={code} color={s.specialtyMatch.includes(code) ? 'blue' : undefined}>
                {label(code)}
              </Tag>
            ))}
          </span>
        )}
        <ul className="gj-reasons" data-testid={`suggestion-reasons-${s.person.id}`}>
          {s.reasons.map((reason) => (
            <li key={reason} className="gj-reason">
              {reason}
            </li>
          ))}
        </ul>
        {declinedBefore && !invited && (
          <Typography.Text type="secondary">{t('suggestions.declinedBefore')}</Typography.Text>
        )}
      </div>
    </li>
  );
}

/**
 * Suggested people for a team, a project role or a dedication-day task, ranked by the server
 * (specialty, nearness of home, free at that time, fewer recent hours), each with its reasons
 * and a one-click "invite".
 */
export function SuggestionPanel({ target, limit = 10 }: Props) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const suggestions = useSuggestions(target, limit);
  const sent = useSentInvitations(target);
  const invite = useInvite();
  const inviteToTeam = useInviteToTeam();
  // Invited from here: shown as invited at once (a team's suggestions drop them on the next load).
  const [invitedHere, setInvitedHere] = useState<ReadonlySet<number>>(new Set());
  const [busy, setBusy] = useState<number | null>(null);

  const onInvite = async (s: Suggestion) => {
    setBusy(s.person.id);
    try {
      if ('teamId' in target) {
        await inviteToTeam.mutateAsync({ id: target.teamId, personId: s.person.id });
      } else {
        await invite.mutateAsync({ ...target, personId: s.person.id });
      }
      setInvitedHere((prev) => new Set([...prev, s.person.id]));
      feedback.success(t('suggestions.invitedOne', { name: s.person.name }));
    } catch (error) {
      feedback.error(error);
    } finally {
      setBusy(null);
    }
  };

  if (suggestions.error) {
    return <QueryError error={suggestions.error} onRetry={() => void suggestions.refetch()} />;
  }
  if (!suggestions.data) return <Skeleton active />;
  return (
    <Spin spinning={suggestions.isFetching}>
      <div data-testid="suggestions">
        <div className="gj-suggestions-head">
          <Typography.Text type="secondary">
            {'teamId' in target ? t('suggestions.howTeam') : t('suggestions.how')}
          </Typography.Text>
          <Button
            size="small"
            type="text"
            icon={<ReloadOutlined />}
            onClick={() => void suggestions.refetch()}
            aria-label={t('suggestions.refresh')}
            data-testid="suggestions-refresh"
          />
        </div>
        {suggestions.data.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('suggestions.empty')} />
        ) : (
          <ol className="gj-suggestions">
            {suggestions.data.map((s, index) => {
              const sentOne = sent.get(s.person.id);
              return (
                <SuggestionRow
                  key={s.person.id}
                  suggestion={s}
                  rank={index + 1}
                  invited={invitedHere.has(s.person.id) || sentOne?.status === 'pending'}
                  declinedBefore={sentOne?.status === 'declined'}
                  inviting={busy === s.person.id}
                  onInvite={() => void onInvite(s)}
                />
              );
            })}
          </ol>
        )}
      </div>
    </Spin>
  );
}
