import type { Course } from '@contract';
import { Form, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../shared/feedback';
import { MemberSelect } from '../../shared/pickers/MemberSelect';
import { useEnrol } from './api';

type Props = { course: Course | null; onClose: () => void };
type Values = { personIds: number[] };

/** Organisers name people for a course (nominated courses take only these). */
export function NominateModal({ course, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const enrol = useEnrol();
  const feedback = useFeedback();
  const free = course ? Math.max(course.capacity - course.enrolled, 0) : 0;

  const onFinish = ({ personIds }: Values) => {
    if (!course) return;
    enrol.mutate(
      { courseId: course.id, personIds },
      {
        onSuccess: ({ enrolled }) => {
          feedback.success(t('courses.nominatedDone', { count: enrolled }));
          onClose();
        },
        onError: (error) => feedback.formError(form, error, ['personIds']),
      },
    );
  };

  return (
    <Modal
      open={course !== null}
      onCancel={onClose}
      title={t('courses.nominate')}
      okText={t('courses.nominateOk')}
      onOk={form.submit}
      confirmLoading={enrol.isPending}
      okButtonProps={{ 'data-testid': 'nominate-submit' }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('courses.nominateHint', { count: free })}
      </Typography.Paragraph>
      <Form<Values> form={form} layout="vertical" clearOnDestroy onFinish={onFinish}>
        <Form.Item
          name="personIds"
          label={t('courses.nominatePeople')}
          rules={[{ required: true, type: 'array', min: 1, message: t('courses.nominateRequired') }]}
        >
          <MemberSelect
            multiple
            regionId={course?.regionId}
            placeholder={t('courses.nominatePlaceholder')}
            data-testid="nominate-people"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
