import type { DedicationTask, Signup } from '@contract';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { useFeedback } from '../../shared/feedback';
import { SetValuesOnMount } from '../../shared/SetValuesOnMount';
import { useLastDefined } from '../../shared/useLastDefined';
import { useTeamsIRun } from './api';
import { TeamMemberSelect } from './TeamMemberSelect';

type Values = { teamId: number; personIds: number[] };
type Result = { signups: Signup[]; skipped: { personId: number; reason: string }[] };

/** A team's leader puts members forward for a dedication-day task, as the team. */
export function TeamSignupModal({ task, onClose }: { task: DedicationTask | null; onClose: () => void }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const queryClient = useQueryClient();
  const teams = useTeamsIRun();
  const [form] = Form.useForm<Values>();
  const teamId = Form.useWatch('teamId', form) ?? teams[0]?.id;
  const shown = useLastDefined(task);
  const submit = useMutation({
    mutationFn: ({ teamId, personIds }: Values) =>
      api.post<Result>(`/teams/${teamId}/signups`, { taskId: shown!.id, personIds }),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: ['occurrences'] });
      void queryClient.invalidateQueries({ queryKey: ['signups'] });
      feedback.success(t('teams.signupDone', { count: result.signups.length }));
      for (const s of result.skipped) feedback.warning(s.reason);
      onClose();
    },
    onError: (error) => feedback.formError(form, error, ['personIds']),
  });
  return (
    <Modal
      open={task !== null}
      title={t('teams.signupTitle', { task: shown?.title ?? '' })}
      onCancel={onClose}
      onOk={form.submit}
      okText={t('teams.signupSubmit')}
      okButtonProps={{ 'data-testid': 'team-signup-submit' }}
      confirmLoading={submit.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('teams.signupHint')}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" clearOnDestroy onFinish={(values) => submit.mutate(values)}>
        <SetValuesOnMount values={{ teamId: teams[0]?.id, personIds: [] }} />
        <Form.Item name="teamId" label={t('teams.team')} rules={[{ required: true }]}>
          <Select
            options={teams.map((team) => ({ value: team.id, label: team.name }))}
            onChange={() => form.setFieldValue('personIds', [])}
            data-testid="team-signup-team"
          />
        </Form.Item>
        {teamId !== undefined && (
          <Form.Item
            name="personIds"
            label={t('teams.signupMembers')}
            rules={[{ required: true, type: 'array', min: 1 }]}
          >
            <TeamMemberSelect teamId={teamId} data-testid="team-signup-members" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
