import type { Occurrence } from '@contract';
import { Alert, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../shared/feedback';
import { dayLabel } from './occurrenceParts';
import { useCancelOccurrence } from './occurrences.api';

export const MIN_REASON = 2;
export const MAX_REASON = 200;

/** The contract's reason: 2 to 200 characters, not only spaces. */
export function useReasonRules(required = true) {
  const { t } = useTranslation();
  return [
    { required, whitespace: true, message: t('occurrences.reasonRequired') },
    {
      validator: (_: unknown, value: string | undefined) =>
        !value || value.trim().length >= MIN_REASON
          ? Promise.resolve()
          : Promise.reject(new Error(t('occurrences.reasonTooShort', { min: MIN_REASON }))),
    },
    { max: MAX_REASON },
  ];
}

/** The organiser calls one occurrence off, saying why; those signed up are told. */
export function CancelOccurrenceModal({
  occurrence,
  open,
  onClose,
}: {
  occurrence: Occurrence;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const cancel = useCancelOccurrence();
  const feedback = useFeedback();
  const reasonRules = useReasonRules();
  const people = occurrence.tasks.reduce((sum, task) => sum + task.signed + task.waiting, 0);

  const onFinish = ({ reason }: { reason: string }) =>
    cancel.mutate(
      { id: occurrence.id, reason: reason.trim() },
      {
        onSuccess: () => {
          feedback.success(t('occurrences.cancelled'));
          onClose();
        },
        onError: (error) => feedback.formError(form, error, ['reason']),
      },
    );

  return (
    <Modal
      open={open}
      title={t('occurrences.cancelTitle')}
      onCancel={onClose}
      onOk={form.submit}
      okText={t('occurrences.cancelOk')}
      okButtonProps={{ danger: true, 'data-testid': 'occurrence-cancel-submit' }}
      cancelText={t('occurrences.keep')}
      confirmLoading={cancel.isPending}
      destroyOnHidden
    >
      <Alert
        className="gj-block-gap"
        type="warning"
        showIcon
        title={t('occurrences.cancelConfirm', {
          title: occurrence.title,
          date: dayLabel(occurrence.startsAt),
          count: people,
        })}
      />
      <Form<{ reason: string }> form={form} layout="vertical" clearOnDestroy onFinish={onFinish}>
        <Form.Item name="reason" label={t('occurrences.cancelReason')} rules={reasonRules}>
          <Input.TextArea
            rows={3}
            maxLength={MAX_REASON}
            showCount
            autoFocus
            placeholder={t('occurrences.cancelReasonPlaceholder')}
            data-testid="occurrence-cancel-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
