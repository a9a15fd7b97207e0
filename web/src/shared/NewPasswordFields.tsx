import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/** The contract's minimum (ChangePasswordBody, PasswordResetBody, UserCreateBody). */
export const MIN_PASSWORD_LENGTH = 10;

/** "New password" and "confirm" fields, named newPassword and confirm. */
export function NewPasswordFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name="newPassword"
        label={t('auth.newPassword')}
        rules={[
          { required: true },
          { min: MIN_PASSWORD_LENGTH, message: t('auth.passwordTooShort', { min: MIN_PASSWORD_LENGTH }) },
        ]}
        extra={t('auth.passwordHint', { min: MIN_PASSWORD_LENGTH })}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('auth.confirmPassword')}
        dependencies={['newPassword']}
        rules={[
          { required: true },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('newPassword')
                ? Promise.resolve()
                : Promise.reject(new Error(t('auth.passwordMismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
