import { SendOutlined } from '@ant-design/icons';
import type { Team } from '@contract';
import { Descriptions, Input, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmSheet } from '../../shared/ConfirmSheet';
import { useFeedback } from '../../shared/feedback';
import { useLastDefined } from '../../shared/useLastDefined';
import { useApplyToTeam } from './api';
import { TeamSpecialtyTag } from './TeamTags';

const MAX_NOTE = 500;

/**
 * The second tap of joining a team: what it is, an optional word to the leader, then "apply".
 * A sheet from the bottom on a phone.
 */
export function ApplySheet({
  team,
  onClose,
  onApplied,
}: {
  team: Team | null;
  onClose: () => void;
  onApplied?: (team: Team) => void;
}) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const apply = useApplyToTeam();
  const shown = useLastDefined(team);
  const [note, setNote] = useState('');

  useEffect(() => {
    if (team) setNote('');
  }, [team]);

  const confirm = () => {
    if (!team) return;
    apply.mutate(
      { id: team.id, note: note.trim() },
      {
        onSuccess: () => {
          feedback.success(t('teams.applied', { name: team.name }));
          onApplied?.(team);
          onClose();
        },
        // Not recruiting (422) or already in (409): the server says which.
        onError: feedback.error,
      },
    );
  };

  const body = shown && (
    <div className="gj-team-sheet" data-testid="apply-sheet">
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'team', label: t('teams.team'), children: shown.name },
          {
            key: 'specialty',
            label: t('teams.specialty'),
            children: <TeamSpecialtyTag code={shown.specialty} />,
          },
          { key: 'region', label: t('teams.region'), children: shown.regionName },
          { key: 'leader', label: t('teams.leader'), children: shown.leader?.name ?? t('teams.noLeader') },
        ]}
      />
      {shown.recruitment && (
        <Typography.Paragraph type="secondary" className="gj-prewrap gj-no-margin" ellipsis={{ rows: 4 }}>
          {shown.recruitment}
        </Typography.Paragraph>
      )}
      <label htmlFor="apply-note" className="gj-field-label">
        {t('teams.applyNote')}
      </label>
      <Input.TextArea
        id="apply-note"
        rows={3}
        maxLength={MAX_NOTE}
        showCount
        value={note}
        onChange={(e) => setNote(e.target.value)}
        placeholder={t('teams.applyNotePlaceholder')}
        data-testid="apply-note"
      />
      <Typography.Text type="secondary">{t('teams.applyHint')}</Typography.Text>
    </div>
  );

  return (
    <ConfirmSheet
      open={team !== null}
      onClose={onClose}
      title={t('teams.applyTitle')}
      okText={t('teams.applySubmit')}
      onOk={confirm}
      okIcon={<SendOutlined />}
      loading={apply.isPending}
      okTestId="apply-confirm"
    >
      {body}
    </ConfirmSheet>
  );
}
