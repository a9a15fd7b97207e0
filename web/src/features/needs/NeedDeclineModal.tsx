import type { Need } from '@contract';
import { Form, Input, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../shared/feedback';
import { useLastDefined } from '../../shared/useLastDefined';
import { useDecideNeed } from './api';

type Values = { reason: string };

/** The contract's bounds on a decline's reason. */
const MIN_REASON = 2;
const MAX_REASON = 500;

/** Declining a need says why: the resident reads the reason on their phone. */
export function NeedDeclineModal({ need, onClose }: { need: Need | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const decide = useDecideNeed();
  const feedback = useFeedback();
  const shown = useLastDefined(need);

  const onFinish = ({ reason }: Values) => {
    if (!need) return;
    decide.mutate(
      { id: need.id, decision: 'decline', reason: reason.trim() },
      {
        onSuccess: () => {
          feedback.success(t('needs.declined', { title: need.title }));
          onClose();
        },
        onError: (error) => feedback.formError(form, error, ['reason']),
      },
    );
  };

  return (
    <Modal
      open={need !== null}
      title={t('needs.declineTitle', { title: shown?.title ?? '' })}
      onCancel={onClose}
      onOk={form.submit}
      okText={t('needs.decline')}
      okButtonProps={{ danger: true, 'data-testid': 'need-decline-submit' }}
      confirmLoading={decide.isPending}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('needs.declineHint')}</Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" clearOnDestroy onFinish={onFinish}>
        <Form.Item
          name="reason"
          label={t('needs.reason')}
          rules={[
            { required: true, whitespace: true, message: t('needs.reasonRequired') },
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
            data-testid="need-decline-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
