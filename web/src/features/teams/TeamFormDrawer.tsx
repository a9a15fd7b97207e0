import type { Team } from '@contract';
import { Descriptions, Form, Input, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../lib/auth';
import { FormDrawer } from '../../shared/FormDrawer';
import { useFeedback } from '../../shared/feedback';
import { MemberSelect } from '../../shared/pickers/MemberSelect';
import { RegionSelect } from '../../shared/pickers/RegionSelect';
import { SpecialtySelect } from '../../shared/pickers/SpecialtySelect';
import { useLastDefined } from '../../shared/useLastDefined';
import { type TeamChanges, useCreateTeam, useUpdateTeam } from './api';

export type TeamFormTarget = { mode: 'create' } | { mode: 'edit'; team: Team };

type Values = {
  regionId: number;
  name: string;
  specialty: string;
  leaderPersonId: number;
  description?: string;
  recruiting: boolean;
  recruitment?: string;
};
const FIELDS = [
  'regionId',
  'name',
  'specialty',
  'leaderPersonId',
  'description',
  'recruiting',
  'recruitment',
] as const;

type Props = {
  target: TeamFormTarget | null;
  onClose: () => void;
  onCreated?: (team: Team) => void;
};

/** An organiser sets a team up; its leader (or an organiser) edits it. Only organisers change the leader. */
export function TeamFormDrawer({ target, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [form] = Form.useForm<Values>();
  const create = useCreateTeam();
  const update = useUpdateTeam();
  const feedback = useFeedback();
  const shown = useLastDefined(target);
  const team = shown?.mode === 'edit' ? shown.team : undefined;
  const recruiting = Form.useWatch('recruiting', form);
  // The leader is the organisers' call (and the picker searches people, which they may read).
  const mayChooseLeader = can('team.manage') && can('person.read');

  const onFinish = (values: Values) => {
    const onError = (error: unknown) => feedback.formError(form, error, FIELDS);
    const description = (values.description ?? '').trim();
    const recruitment = values.recruiting ? (values.recruitment ?? '').trim() : '';
    if (team) {
      const changes: TeamChanges = {};
      if (values.name.trim() !== team.name) changes.name = values.name.trim();
      if (values.specialty !== team.specialty) changes.specialty = values.specialty;
      if (description !== team.description) changes.description = description;
      if (values.recruiting !== team.recruiting) changes.recruiting = values.recruiting;
      if (recruitment !== team.recruitment) changes.recruitment = recruitment;
      if (mayChooseLeader && values.leaderPersonId !== team.leader?.id)
        changes.leaderPersonId = values.leaderPersonId;
      if (Object.keys(changes).length === 0) return feedback.success(t('common.noChanges'));
      update.mutate(
        { id: team.id, ...changes },
        {
          onSuccess: () => {
            feedback.success(t('common.saved'));
            onClose();
          },
          onError,
        },
      );
      return;
    }
    create.mutate(
      {
        regionId: values.regionId,
        name: values.name.trim(),
        specialty: values.specialty,
        leaderPersonId: values.leaderPersonId,
        description,
        recruiting: values.recruiting,
        recruitment,
      },
      {
        onSuccess: (created) => {
          feedback.success(t('teams.created', { name: created.name }));
          onCreated?.(created);
          onClose();
        },
        onError,
      },
    );
  };

  const initialValues: Partial<Values> = team
    ? {
        name: team.name,
        specialty: team.specialty,
        leaderPersonId: team.leader?.id,
        description: team.description,
        recruiting: team.recruiting,
        recruitment: team.recruitment,
      }
    : { recruiting: true };

  return (
    <FormDrawer
      open={target !== null}
      onClose={onClose}
      title={team ? t('teams.editTitle', { name: team.name }) : t('teams.create')}
      onSubmit={form.submit}
      submitting={create.isPending || update.isPending}
      submitLabel={team ? t('common.save') : t('common.create')}
      submitTestId="team-form-submit"
    >
      {team && (
        <Descriptions
          className="gj-form-facts"
          column={1}
          size="small"
          bordered
          items={[
            { key: 'region', label: t('teams.region'), children: team.regionName },
            ...(mayChooseLeader
              ? []
              : [
                  {
                    key: 'leader',
                    label: t('teams.leader'),
                    children: team.leader?.name ?? t('common.none'),
                  },
                ]),
          ]}
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        clearOnDestroy
        initialValues={initialValues}
        onFinish={onFinish}
        data-testid="team-form"
      >
        {!team && (
          <Form.Item
            name="regionId"
            label={t('teams.region')}
            extra={t('teams.regionHint')}
            rules={[{ required: true, message: t('teams.regionRequired') }]}
          >
            <RegionSelect kinds={['community', 'street']} data-testid="team-form-region" />
          </Form.Item>
        )}
        <Form.Item
          name="name"
          label={t('teams.name')}
          rules={[
            { required: true, whitespace: true, message: t('teams.nameRequired') },
            { min: 2, max: 60 },
          ]}
        >
          <Input maxLength={60} placeholder={t('teams.namePlaceholder')} data-testid="team-form-name" />
        </Form.Item>
        <Form.Item
          name="specialty"
          label={t('teams.specialty')}
          extra={t('teams.specialtyHint')}
          rules={[{ required: true, message: t('teams.specialtyRequired') }]}
        >
          <SpecialtySelect data-testid="team-form-specialty" />
        </Form.Item>
        {mayChooseLeader && (
          <Form.Item
            name="leaderPersonId"
            label={t('teams.leader')}
            extra={t('teams.leaderHint')}
            rules={[{ required: true, message: t('teams.leaderRequired') }]}
          >
            <MemberSelect placeholder={t('teams.leaderPick')} data-testid="team-form-leader" />
          </Form.Item>
        )}
        <Form.Item name="description" label={t('teams.description')} rules={[{ max: 2000 }]}>
          <Input.TextArea
            rows={3}
            maxLength={2000}
            showCount
            placeholder={t('teams.descriptionPlaceholder')}
            data-testid="team-form-description"
          />
        </Form.Item>
        <Form.Item name="recruiting" label={t('teams.recruitingLabel')} valuePropName="checked">
          <Switch data-testid="team-form-recruiting" />
        </Form.Item>
        {recruiting && (
          <Form.Item
            name="recruitment"
            label={t('teams.recruitment')}
            extra={t('teams.recruitmentHint')}
            rules={[{ max: 2000 }]}
          >
            <Input.TextArea
              rows={3}
              maxLength={2000}
              placeholder={t('teams.recruitmentPlaceholder')}
              data-testid="team-form-recruitment"
            />
          </Form.Item>
        )}
      </Form>
    </FormDrawer>
  );
}
