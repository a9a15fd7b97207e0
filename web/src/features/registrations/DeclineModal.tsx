import type { Registration } from '@contract';
import { Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../shared/feedback';
import { useLastDefined } from '../../shared/useLastDefined';
import { useDecideRegistration } from './api';

type Values = { reason: string };

/** The contract's bounds on a decline's reason. */
const MIN_REASON = 2;
const MAX_REASON = 500;

export function DeclineModal({
  registration,
  onClose,
}: {
  registration: Registration | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const decide = useDecideRegistration();
  const feedback = useFeedback();
  const shown = useLastDefined(registration);

  const onFinish = ({ reason }: Values) => {
    if (!registration) return;
    decide.mutate(
      { id: registration.id, decision: 'decline', reason: reason.trim() },
      {
        onSuccess: () => {
          feedback.success(t('registrations.declined', { name: registration.personName }));
          onClose();
        },
        onError: (error) => feedback.formError(form, error, ['reason']),
      },
    );
  };

  return (
    <Modal
      open={registration !== null}
      title={t('registrations.declineTitle', { name: shown?.personName ?? '' })}
      onCancel={onClose}
      onOk={form.submit}
      okText={t('registrations.decline')}
      okButtonProps={{ danger: true, 'data-testid': 'decline-submit' }}
      confirmLoading={decide.isPending}
      destroyOnHidden
    >
      {shown && (
        <Typography.Paragraph type="secondary">
          {t('registrations.declineContext', { community: shown.communityName })}
        </Typography.Paragraph>
      )}
      <Form<Values> form={form} layout="vertical" clearOnDestroy onFinish={onFinish}>
        <Form.Item
          name="reason"
          label={t('registrations.reason')}
          rules={[
            { required: true, whitespace: true, message: t('registrations.reasonRequired') },
            {
              validator: (_, value: string | undefined) =>
                !value || value.trim().length >= MIN_REASON
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('registrations.reasonTooShort', { min: MIN_REASON }))),
            },
            { max: MAX_REASON },
          ]}
        >
          <Input.TextArea rows={3} maxLength={MAX_REASON} showCount autoFocus data-testid="decline-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
