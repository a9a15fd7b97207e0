import { useQueryClient } from '@tanstack/react-query';
import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useChangePassword } from '../../lib/auth';
import { ME_KEY } from '../../lib/queryClient';
import { useFeedback } from '../../shared/feedback';
import { NewPasswordFields } from '../../shared/NewPasswordFields';

type Values = { currentPassword: string; newPassword: string; confirm: string };
const FIELDS = ['currentPassword', 'newPassword'] as const;

export function ChangePasswordModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const feedback = useFeedback();
  const queryClient = useQueryClient();

  const onFinish = ({ currentPassword, newPassword }: Values) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          feedback.success(t('auth.passwordChanged'));
          // The server may have rotated the session; fetch the fresh CSRF token.
          void queryClient.invalidateQueries({ queryKey: ME_KEY });
          onClose();
        },
        onError: (error) => feedback.formError(form, error, FIELDS),
      },
    );

  return (
    <Modal
      open={open}
      title={t('auth.changePassword')}
      onCancel={onClose}
      onOk={form.submit}
      okText={t('common.save')}
      confirmLoading={change.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" clearOnDestroy onFinish={onFinish}>
        <Form.Item name="currentPassword" label={t('auth.currentPassword')} rules={[{ required: true }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <NewPasswordFields />
      </Form>
    </Modal>
  );
}
