import { OWNER_KINDS } from '@contract';
import { Checkbox, DatePicker, Form, Input, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Dayjs, day } from '../../lib/time';
import type { OwnerKind } from '../../shared/enums';
import { useFeedback } from '../../shared/feedback';
import { useAddResolution } from './meetings.api';
import { OwnerSelect } from './OwnerSelect';

type Values = {
  text: string;
  withTask: boolean;
  task?: { title: string; ownerKind: OwnerKind; ownerId: number; dueOn: Dayjs };
};

type Props = { meetingId: number; open: boolean; onClose: () => void };

/** A resolution of the meeting; with a follow-up task it is tracked to its end. */
export function ResolutionModal({ meetingId, open, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const add = useAddResolution();
  const feedback = useFeedback();
  const withTask = Form.useWatch('withTask', form);
  const ownerKind: OwnerKind = Form.useWatch(['task', 'ownerKind'], form) ?? 'party_org';

  const onFinish = (values: Values) => {
    const task = values.withTask && values.task;
    add.mutate(
      {
        id: meetingId,
        text: values.text.trim(),
        task: task
          ? {
              title: task.title.trim(),
              owner: { kind: task.ownerKind, id: task.ownerId },
              dueOn: task.dueOn.format('YYYY-MM-DD'),
            }
          : undefined,
      },
      {
        onSuccess: () => {
          feedback.success(task ? t('meetings.resolutionAddedWithTask') : t('meetings.resolutionAdded'));
          onClose();
        },
        onError: (error) => feedback.formError(form, error, ['text', 'task']),
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t('meetings.addResolution')}
      onCancel={onClose}
      onOk={form.submit}
      okText={t('meetings.addResolution')}
      confirmLoading={add.isPending}
      okButtonProps={{ 'data-testid': 'resolution-submit' }}
      width={600}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        clearOnDestroy
        initialValues={{ withTask: false, task: { ownerKind: 'party_org' } }}
        onFinish={onFinish}
        onValuesChange={(changed: Partial<Values>, all: Values) => {
          // The task is named after the resolution until given a title of its own.
          if (changed.withTask && !all.task?.title?.trim() && all.text?.trim()) {
            form.setFieldValue(['task', 'title'], all.text.trim().slice(0, 100));
          }
          // The owner kind starts as a Party organisation, as the owner picker shows.
          if (changed.withTask && !all.task?.ownerKind)
            form.setFieldValue(['task', 'ownerKind'], 'party_org');
          if (changed.task?.ownerKind) form.setFieldValue(['task', 'ownerId'], undefined);
        }}
      >
        <Form.Item
          name="text"
          label={t('meetings.resolutionText')}
          rules={[
            { required: true, whitespace: true, message: t('meetings.resolutionRequired') },
            { min: 2, max: 2000 },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} data-testid="resolution-text" />
        </Form.Item>
        <Form.Item name="withTask" valuePropName="checked">
          <Checkbox data-testid="resolution-with-task">{t('meetings.withTask')}</Checkbox>
        </Form.Item>
        {withTask && (
          <div className="gj-subform">
            <Form.Item
              name={['task', 'title']}
              label={t('tasks.title')}
              rules={[{ required: true, whitespace: true, max: 100 }]}
            >
              <Input data-testid="resolution-task-title" />
            </Form.Item>
            <Form.Item name={['task', 'ownerKind']} label={t('tasks.ownerKind')} rules={[{ required: true }]}>
              <Radio.Group
                optionType="button"
                options={OWNER_KINDS.map((k) => ({ value: k, label: t(`ownerKind.${k}`) }))}
                data-testid="resolution-owner-kind"
              />
            </Form.Item>
            <div className="gj-form-pair">
              <Form.Item
                name={['task', 'ownerId']}
                label={t('tasks.owner')}
                rules={[{ required: true, message: t('tasks.ownerRequired') }]}
              >
                <OwnerSelect kind={ownerKind} data-testid="resolution-owner" />
              </Form.Item>
              <Form.Item name={['task', 'dueOn']} label={t('tasks.dueOn')} rules={[{ required: true }]}>
                <DatePicker
                  className="gj-fill"
                  disabledDate={(d) => d.isBefore(day(), 'day')}
                  data-testid="resolution-due"
                />
              </Form.Item>
            </div>
          </div>
        )}
      </Form>
    </Modal>
  );
}
