import type { Signup } from '@contract';
import { Form, Input, InputNumber, Modal, Radio, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../shared/feedback';
import { useLastDefined } from '../../shared/useLastDefined';
import { MAX_REASON, useReasonRules } from './CancelOccurrenceModal';
import { useDecideHours, useRemoveSignup } from './occurrences.api';

/** A sign-up's hours to decide: `adjust` starts from a figure, `reject` from a refusal. */
export type HoursTarget = { signup: Signup; mode: 'adjust' | 'reject' };

type HoursValues = { decision: 'confirm' | 'reject'; hours?: number; reason?: string };

/** The contract's bound on a day's hours. */
const MAX_HOURS = 24;

const startingHours = (s: Signup | undefined) => s?.hours ?? s?.computedHours ?? undefined;
/** The reason given with an earlier decision, to start from when changing it. */
const startingReason = (s: Signup | undefined) =>
  s && s.hoursStatus !== 'pending' ? (s.reason ?? undefined) : undefined;

/**
 * The organiser settles a sign-up's hours: another figure than the one computed from the
 * check-in and check-out, or none at all; either needs a reason. Confirmed hours go into the
 * member's record.
 */
export function HoursModal({ target, onClose }: { target: HoursTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<HoursValues>();
  const decide = useDecideHours();
  const feedback = useFeedback();
  const shown = useLastDefined(target);
  const decision = Form.useWatch('decision', form);
  const hours = Form.useWatch('hours', form);
  const computed = shown?.signup.computedHours ?? null;
  // A figure other than the computed one, or a refusal, needs a reason.
  const reasonNeeded = decision === 'reject' || computed === null || hours !== computed;
  const reasonRules = useReasonRules(reasonNeeded);

  useEffect(() => {
    if (target) {
      form.setFieldsValue({
        decision: target.mode === 'reject' ? 'reject' : 'confirm',
        hours: startingHours(target.signup),
        reason: startingReason(target.signup),
      });
    }
  }, [target, form]);

  const onFinish = (values: HoursValues) => {
    if (!target) return;
    const { signup } = target;
    const reason = values.reason?.trim() || undefined;
    const body =
      values.decision === 'reject'
        ? { decision: 'reject' as const, reason: reason ?? '' }
        : { decision: 'confirm' as const, hours: values.hours, ...(reason ? { reason } : {}) };
    decide.mutate(
      { id: signup.id, ...body },
      {
        onSuccess: (next) => {
          feedback.success(
            next.hoursStatus === 'rejected'
              ? t('occurrences.hoursRejected', { name: next.person.name })
              : t('occurrences.hoursConfirmed', { name: next.person.name, hours: next.hours ?? 0 }),
          );
          onClose();
        },
        onError: (error) => feedback.formError(form, error, ['hours', 'reason']),
      },
    );
  };

  return (
    <Modal
      open={target !== null}
      title={t('occurrences.hoursTitle', { name: shown?.signup.person.name ?? '' })}
      onCancel={onClose}
      onOk={form.submit}
      okText={decision === 'reject' ? t('occurrences.rejectHours') : t('occurrences.confirmHoursShort')}
      okButtonProps={{ danger: decision === 'reject', 'data-testid': 'hours-submit' }}
      confirmLoading={decide.isPending}
      destroyOnHidden
    >
      {shown && (
        <Typography.Paragraph type="secondary">
          {computed === null
            ? t('occurrences.hoursNoComputed', { task: shown.signup.taskTitle })
            : t('occurrences.hoursComputedHint', { task: shown.signup.taskTitle, hours: computed })}
        </Typography.Paragraph>
      )}
      <Form<HoursValues>
        form={form}
        layout="vertical"
        clearOnDestroy
        initialValues={{
          decision: shown?.mode === 'reject' ? 'reject' : 'confirm',
          hours: startingHours(shown?.signup),
          reason: startingReason(shown?.signup),
        }}
        onFinish={onFinish}
      >
        <Form.Item name="decision">
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'confirm', label: t('occurrences.decision.confirm') },
              { value: 'reject', label: t('occurrences.decision.reject') },
            ]}
            data-testid="hours-decision"
          />
        </Form.Item>
        {decision !== 'reject' && (
          <Form.Item name="hours" label={t('occurrences.hours')} rules={[{ required: true }]}>
            <InputNumber<number>
              min={0}
              max={MAX_HOURS}
              step={0.5}
              precision={1}
              suffix={t('occurrences.hoursUnit')}
              autoFocus
              data-testid="hours-input"
            />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label={t('occurrences.reason')}
          extra={reasonNeeded ? t('occurrences.reasonNeededHint') : t('occurrences.reasonOptional')}
          rules={reasonRules}
        >
          <Input.TextArea rows={2} maxLength={MAX_REASON} showCount data-testid="hours-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The organiser takes someone off a task, saying why; they are told. */
export function RemoveSignupModal({ signup, onClose }: { signup: Signup | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const remove = useRemoveSignup();
  const feedback = useFeedback();
  const shown = useLastDefined(signup);
  const reasonRules = useReasonRules();

  const onFinish = ({ reason }: { reason: string }) => {
    if (!signup) return;
    remove.mutate(
      { id: signup.id, reason: reason.trim() },
      {
        onSuccess: () => {
          feedback.success(t('occurrences.removed', { name: signup.person.name }));
          onClose();
        },
        onError: (error) => feedback.formError(form, error, ['reason']),
      },
    );
  };

  return (
    <Modal
      open={signup !== null}
      title={t('occurrences.removeTitle', { name: shown?.person.name ?? '' })}
      onCancel={onClose}
      onOk={form.submit}
      okText={t('occurrences.remove')}
      okButtonProps={{ danger: true, 'data-testid': 'signup-remove-submit' }}
      confirmLoading={remove.isPending}
      destroyOnHidden
    >
      {shown && (
        <Typography.Paragraph type="secondary">
          {t('occurrences.removeHint', { name: shown.person.name, task: shown.taskTitle })}
        </Typography.Paragraph>
      )}
      <Form<{ reason: string }> form={form} layout="vertical" clearOnDestroy onFinish={onFinish}>
        <Form.Item name="reason" label={t('occurrences.reason')} rules={reasonRules}>
          <Input.TextArea
            rows={3}
            maxLength={MAX_REASON}
            showCount
            autoFocus
            data-testid="signup-remove-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
