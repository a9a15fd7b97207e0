import type { Claim } from '@contract';
import { Form, Input, InputNumber, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../shared/feedback';
import { useLastDefined } from '../../shared/useLastDefined';
import { useConfirmHours, useRemoveClaim } from './api';

/** A claim with the hours its role suggests: hours per slot × slots. */
export type HoursTarget = { claim: Claim; suggested: number };

/** The organiser confirms the hours a claimant served; they go into the ledger. */
export function HoursModal({ target, onClose }: { target: HoursTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ hours: number }>();
  const confirm = useConfirmHours();
  const feedback = useFeedback();
  const shown = useLastDefined(target);

  useEffect(() => {
    // The suggestion is set when the modal opens, whenever the form's store was made.
    if (target) form.setFieldsValue({ hours: target.claim.hoursConfirmed ?? target.suggested });
  }, [target, form]);

  const onFinish = ({ hours }: { hours: number }) => {
    if (!target) return;
    confirm.mutate(
      { id: target.claim.id, hours },
      {
        onSuccess: (claim) => {
          feedback.success(t('claims.hoursSaved', { name: claim.claimant.name, hours }));
          onClose();
        },
        onError: (error) => feedback.formError(form, error, ['hours']),
      },
    );
  };

  return (
    <Modal
      open={target !== null}
      title={t('claims.hoursTitle', { name: shown?.claim.claimant.name ?? '' })}
      onCancel={onClose}
      onOk={form.submit}
      okText={t('claims.confirmHours')}
      okButtonProps={{ 'data-testid': 'claim-hours-submit' }}
      confirmLoading={confirm.isPending}
      destroyOnHidden
    >
      {shown && (
        <Typography.Paragraph type="secondary">
          {t('claims.hoursHint', {
            role: shown.claim.roleName,
            slots: shown.claim.slots,
            hours: shown.suggested,
          })}
        </Typography.Paragraph>
      )}
      <Form<{ hours: number }>
        form={form}
        layout="vertical"
        clearOnDestroy
        initialValues={{ hours: shown?.claim.hoursConfirmed ?? shown?.suggested }}
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
