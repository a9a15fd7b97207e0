import type { Claim } from '@contract';
import { Alert, Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../shared/feedback';
import { MemberSelect } from '../../shared/pickers/MemberSelect';
import { useLastDefined } from '../../shared/useLastDefined';
import { TeamMemberSelect } from '../teams';
import { useConfirmHours, useNameClaimMembers, useRemoveClaim } from './api';
import { roleLabel } from './RoleSlots';

export type ClaimMember = Claim['members'][number];

/**
 * A claim with the hours its role suggests: hours per slot × slots, or for one member a unit
 * named, that member's own hours (hours per slot).
 */
export type HoursTarget = { claim: Claim; suggested: number; person?: ClaimMember };

/** The hours to start from: those confirmed before, else the suggestion. */
const startingHours = (x: HoursTarget | undefined) =>
  x ? ((x.person ? x.person.hoursConfirmed : x.claim.hoursConfirmed) ?? x.suggested) : undefined;

/** The organiser confirms the hours a claimant (or one member a unit named) served; they go into the ledger. */
export function HoursModal({ target, onClose }: { target: HoursTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ hours: number }>();
  const confirm = useConfirmHours();
  const feedback = useFeedback();
  const shown = useLastDefined(target);

  useEffect(() => {
    // The suggestion is set when the modal opens, whenever the form's store was made.
    if (target) form.setFieldsValue({ hours: startingHours(target) });
  }, [target, form]);

  const onFinish = ({ hours }: { hours: number }) => {
    if (!target) return;
    const { person } = target;
    confirm.mutate(
      { id: target.claim.id, hours, personId: person?.id },
      {
        onSuccess: (claim) => {
          feedback.success(t('claims.hoursSaved', { name: person?.name ?? claim.claimant.name, hours }));
          onClose();
        },
        onError: (error) => feedback.formError(form, error, ['hours']),
      },
    );
  };

  return (
    <Modal
      open={target !== null}
      title={t('claims.hoursTitle', { name: shown?.person?.name ?? shown?.claim.claimant.name ?? '' })}
      onCancel={onClose}
      onOk={form.submit}
      okText={t('claims.confirmHours')}
      okButtonProps={{ 'data-testid': 'claim-hours-submit' }}
      confirmLoading={confirm.isPending}
      destroyOnHidden
    >
      {shown && (
        <Typography.Paragraph type="secondary">
          {shown.person
            ? t('claims.memberHoursHint', {
                unit: shown.claim.claimant.name,
                role: roleLabel(t, shown.claim.roleKind, shown.claim.roleName),
                hours: shown.suggested,
              })
            : t('claims.hoursHint', {
                role: roleLabel(t, shown.claim.roleKind, shown.claim.roleName),
                slots: shown.claim.slots,
                hours: shown.suggested,
              })}
        </Typography.Paragraph>
      )}
      <Form<{ hours: number }>
        form={form}
        layout="vertical"
        clearOnDestroy
        initialValues={{ hours: startingHours(shown) }}
        onFinish={onFinish}
      >
        <Form.Item name="hours" label={t('claims.hours')} rules={[{ required: true }]}>
          <InputNumber<number>
            min={0}
            max={24 * 14}
            step={0.5}
            precision={1}
            suffix={t('projects.hoursUnit')}
            autoFocus
            data-testid="claim-hours-input"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * A unit's contact names which of the unit's Party members fill the slots it claimed; a team's
 * leader, which of the team's active members.
 */
export function NameMembersModal({ claim, onClose }: { claim: Claim | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ personIds: number[] }>();
  const name = useNameClaimMembers();
  const feedback = useFeedback();
  const shown = useLastDefined(claim);
  const confirmed = shown?.members.filter((m) => m.hoursConfirmed !== null) ?? [];
  const team = shown?.claimant.kind === 'team';

  useEffect(() => {
    if (claim) form.setFieldsValue({ personIds: claim.members.map((m) => m.id) });
  }, [claim, form]);

  const onFinish = ({ personIds }: { personIds: number[] }) => {
    if (!claim) return;
    name.mutate(
      { id: claim.id, personIds },
      {
        onSuccess: () => {
          feedback.success(t('claims.membersSaved'));
          onClose();
        },
        onError: (error) => feedback.formError(form, error, ['personIds']),
      },
    );
  };

  return (
    <Modal
      open={claim !== null}
      title={t('claims.nameMembersTitle', { unit: shown?.claimant.name ?? '' })}
      onCancel={onClose}
      onOk={form.submit}
      okText={t('common.save')}
      okButtonProps={{ 'data-testid': 'claim-members-submit' }}
      confirmLoading={name.isPending}
      destroyOnHidden
    >
      {shown && (
        <Typography.Paragraph type="secondary">
          {t(team ? 'teams.nameMembersHint' : 'claims.nameMembersHint', {
            role: roleLabel(t, shown.roleKind, shown.roleName),
            project: shown.projectTitle,
          })}
        </Typography.Paragraph>
      )}
      {confirmed.length > 0 && (
        <Alert
          className="gj-block-gap"
          type="info"
          showIcon
          title={t('claims.membersConfirmedKept', {
            names: confirmed.map((m) => m.name).join(t('claims.namesJoiner')),
          })}
        />
      )}
      <Form<{ personIds: number[] }>
        form={form}
        layout="vertical"
        clearOnDestroy
        initialValues={{ personIds: shown?.members.map((m) => m.id) ?? [] }}
        onFinish={onFinish}
      >
        <Form.Item
          name="personIds"
          label={t('claims.members')}
          extra={shown && t('claims.membersAtMost', { count: shown.slots })}
          rules={[
            {
              validator: (_, value: number[] | undefined) =>
                !shown || (value ?? []).length <= shown.slots
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('claims.membersTooMany', { count: shown.slots }))),
            },
          ]}
        >
          {team && shown ? (
            <TeamMemberSelect teamId={shown.claimant.id} allowClear data-testid="claim-members-select" />
          ) : (
            <MemberSelect
              multiple
              party
              unitId={shown?.claimant.id}
              allowClear
              placeholder={t('claims.membersPick')}
              data-testid="claim-members-select"
            />
          )}
        </Form.Item>
      </Form>
    </Modal>
  );
}

const MIN_REASON = 2;
const MAX_REASON = 500;

/** The organiser takes a claim away, saying why; the claimant is told. */
export function RemoveClaimModal({ claim, onClose }: { claim: Claim | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const remove = useRemoveClaim();
  const feedback = useFeedback();
  const shown = useLastDefined(claim);

  const onFinish = ({ reason }: { reason: string }) => {
    if (!claim) return;
    remove.mutate(
      { id: claim.id, reason: reason.trim() },
      {
        onSuccess: () => {
          feedback.success(t('claims.removed', { name: claim.claimant.name }));
          onClose();
        },
        onError: (error) => feedback.formError(form, error, ['reason']),
      },
    );
  };

  return (
    <Modal
      open={claim !== null}
      title={t('claims.removeTitle', { name: shown?.claimant.name ?? '' })}
      onCancel={onClose}
      onOk={form.submit}
      okText={t('claims.remove')}
      okButtonProps={{ danger: true, 'data-testid': 'claim-remove-submit' }}
      confirmLoading={remove.isPending}
      destroyOnHidden
    >
      <Form<{ reason: string }> form={form} layout="vertical" clearOnDestroy onFinish={onFinish}>
        <Form.Item
          name="reason"
          label={t('claims.reason')}
          rules={[
            { required: true, whitespace: true, message: t('claims.reasonRequired') },
            {
              validator: (_, value: string | undefined) =>
                !value || value.trim().length >= MIN_REASON
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('needs.reasonTooShort', { min: MIN_REASON }))),
            },
            { max: MAX_REASON },
          ]}
        >
          <Input.TextArea
            rows={3}
            maxLength={MAX_REASON}
            showCount
            autoFocus
            data-testid="claim-remove-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
