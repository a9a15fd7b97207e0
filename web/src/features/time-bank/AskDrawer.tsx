import type { TimeRequest } from '@contract';
import { Alert, Form, Input, InputNumber } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../shared/FormDrawer';
import { useFeedback } from '../../shared/feedback';
import { formatQuantity } from '../ledger';
import { useAskForHelp } from './api';

type Values = { title: string; description?: string; hours: number };
const FIELDS = ['title', 'description', 'hours'] as const;
/** At most this many hours a request (the server's rule). */
const MAX_HOURS = 8;

type Props = {
  open: boolean;
  /** What can still be promised; undefined while the account loads. */
  available: number | undefined;
  onClose: () => void;
  onAsked: (request: TimeRequest) => void;
};

/**
 * Ask neighbours for help, offering hours from one's account: held until the help is confirmed
 * (then paid to the helper) or the request is cancelled. Full screen on a phone.
 */
export function AskDrawer({ open, available, onClose, onAsked }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const ask = useAskForHelp();
  const feedback = useFeedback();

  const onFinish = (values: Values) =>
    ask.mutate(
      { title: values.title.trim(), description: (values.description ?? '').trim(), hours: values.hours },
      {
        onSuccess: (request) => {
          feedback.success(t('timeBank.asked', { hours: formatQuantity(request.hours) }));
          onAsked(request);
          onClose();
        },
        // Not enough hours (422) comes back as the server's words.
        onError: (error) => feedback.formError(form, error, FIELDS),
      },
    );

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={t('timeBank.askTitle')}
      onSubmit={form.submit}
      submitting={ask.isPending}
      submitLabel={t('timeBank.askSubmit')}
      submitTestId="timebank-ask-submit"
      width={480}
    >
      {available !== undefined && available <= 0 && (
        <Alert
          className="gj-form-facts"
          type="warning"
          showIcon
          title={t('timeBank.nothingAvailable')}
          data-testid="timebank-nothing-available"
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        clearOnDestroy
        requiredMark={false}
        initialValues={{ hours: 1 }}
        onFinish={onFinish}
        data-testid="timebank-ask-form"
      >
        <Form.Item
          name="title"
          label={t('timeBank.title')}
          rules={[
            { required: true, whitespace: true, message: t('timeBank.titleRequired') },
            { min: 2, max: 100, message: t('timeBank.titleLength') },
          ]}
        >
          <Input
            maxLength={100}
            placeholder={t('timeBank.titlePlaceholder')}
            data-testid="timebank-ask-title"
          />
        </Form.Item>
        <Form.Item name="description" label={t('timeBank.description')} rules={[{ max: 1000 }]}>
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            maxLength={1000}
            showCount
            placeholder={t('timeBank.descriptionPlaceholder')}
            data-testid="timebank-ask-description"
          />
        </Form.Item>
        <Form.Item
          name="hours"
          label={t('timeBank.hoursOffered')}
          extra={
            available === undefined
              ? t('timeBank.hoursHint')
              : t('timeBank.hoursHintAvailable', { available: formatQuantity(available) })
          }
          rules={[{ required: true, message: t('timeBank.hoursRequired') }]}
        >
          <InputNumber<number>
            min={0.5}
            max={MAX_HOURS}
            step={0.5}
            precision={1}
            suffix={t('timeBank.hoursUnit')}
            className="gj-fill"
            inputMode="decimal"
            data-testid="timebank-ask-hours"
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
