import type { Team, TeamMember } from '@contract';
import { Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../shared/feedback';
import { MemberSelect } from '../../shared/pickers/MemberSelect';
import { useLastDefined } from '../../shared/useLastDefined';
import { useDecideMember, useInviteToTeam } from './api';

const MAX_NOTE = 500;

/** Those who run a team invite someone of its street by name; the person is told and answers. */
export function InviteMemberModal({
  team,
  open,
  onClose,
}: {
  team: Team;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ personId: number; note?: string }>();
  const invite = useInviteToTeam();
  const feedback = useFeedback();

  const onFinish = ({ personId, note }: { personId: number; note?: string }) =>
    invite.mutate(
      { id: team.id, personId, note: note?.trim() },
      {
        onSuccess: (member) => {
          feedback.success(t('teams.invitedOne', { name: member.person.name }));
          onClose();
        },
        onError: (error) => feedback.formError(form, error, ['personId', 'note']),
      },
    );

  return (
    <Modal
      open={open}
      title={t('teams.inviteTitle', { name: team.name })}
      onCancel={onClose}
      onOk={form.submit}
      okText={t('teams.inviteSubmit')}
      okButtonProps={{ 'data-testid': 'team-invite-submit' }}
      confirmLoading={invite.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('teams.inviteHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" clearOnDestroy onFinish={onFinish}>
        <Form.Item
          name="personId"
          label={t('teams.invitePerson')}
          rules={[{ required: true, message: t('teams.invitePersonRequired') }]}
        >
          <MemberSelect data-testid="team-invite-person" />
        </Form.Item>
        <Form.Item name="note" label={t('teams.inviteNote')} rules={[{ max: MAX_NOTE }]}>
          <Input.TextArea rows={2} maxLength={MAX_NOTE} showCount data-testid="team-invite-note" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The leader declines an application, saying why if they wish; the applicant is told. */
export function DeclineApplicationModal({
  teamId,
  member,
  onClose,
}: {
  teamId: number;
  member: TeamMember | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason?: string }>();
  const decide = useDecideMember();
  const feedback = useFeedback();
  const shown = useLastDefined(member);

  const onFinish = ({ reason }: { reason?: string }) => {
    if (!member) return;
    decide.mutate(
      { teamId, memberId: member.id, decision: 'decline', reason: reason?.trim() || undefined },
      {
        onSuccess: () => {
          feedback.success(t('teams.declinedOne', { name: member.person.name }));
          onClose();
        },
        onError: (error) => feedback.formError(form, error, ['reason']),
      },
    );
  };

  return (
    <Modal
      open={member !== null}
      title={t('teams.declineTitle', { name: shown?.person.name ?? '' })}
      onCancel={onClose}
      onOk={form.submit}
      okText={t('teams.decline')}
      okButtonProps={{ danger: true, 'data-testid': 'team-decline-submit' }}
      confirmLoading={decide.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" clearOnDestroy onFinish={onFinish}>
        <Form.Item
          name="reason"
          label={t('teams.declineReason')}
          extra={t('teams.declineReasonHint')}
          rules={[{ max: MAX_NOTE }]}
        >
          <Input.TextArea
            rows={3}
            maxLength={MAX_NOTE}
            showCount
            autoFocus
            data-testid="team-decline-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
