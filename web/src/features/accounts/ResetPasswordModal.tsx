import type { User } from '@contract';
import { Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../shared/feedback';
import { NewPasswordFields } from '../../shared/NewPasswordFields';
import { useLastDefined } from '../../shared/useLastDefined';
import { useResetPassword } from './api';

type Values = { newPassword: string; confirm: string };

export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const reset = useResetPassword();
  const feedback = useFeedback();
  const shown = useLastDefined(user);

  const onFinish = ({ newPassword }: Values) => {
    if (!user) return;
    reset.mutate(
      { id: user.id, newPassword },
      {
        onSuccess: () => {
          feedback.success(t('users.passwordReset', { name: user.displayName }));
          onClose();
        },
        onError: (error) => feedback.formError(form, error, ['newPassword']),
      },
    );
  };

  return (
    <Modal
      open={user !== null}
      title={t('users.resetPasswordTitle', { name: shown?.displayName ?? '' })}
      onCancel={onClose}
      onOk={form.submit}
      okText={t('users.resetPassword')}
      confirmLoading={reset.isPending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" clearOnDestroy onFinish={onFinish}>
        <NewPasswordFields />
      </Form>
    </Modal>
  );
}
