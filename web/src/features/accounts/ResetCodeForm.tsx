import { KeyOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/api';
import { applyFieldErrors } from '../../shared/feedback';
import { NewPasswordFields } from '../../shared/NewPasswordFields';
import { useRedeemResetCode } from './api';
import { UsernameField } from './UsernameField';

type Values = { username: string; code: string; newPassword: string; confirm: string };
const FIELDS = ['code', 'newPassword'] as const;

type Props = {
  /** The username typed on the login form, if any. */
  username?: string;
  /** The password is set: back to the login form, for this username. */
  onDone: (username: string) => void;
  onCancel: () => void;
};

/** "Use a reset code" on the login page: username, the code, a new password. */
export function ResetCodeForm({ username, onDone, onCancel }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const redeem = useRedeemResetCode();
  // An answer about no field (too many tries: 429) shows above the form.
  const [unplaced, setUnplaced] = useState<unknown>(null);

  const onFinish = ({ username, code, newPassword }: Values) =>
    redeem.mutate(
      { username: username.trim(), code, newPassword },
      {
        onSuccess: () => onDone(username.trim()),
        onError: (error) => {
          if (!applyFieldErrors(form, error, FIELDS)) setUnplaced(error);
        },
      },
    );

  return (
    <Form
      form={form}
      name="reset"
      layout="vertical"
      size="large"
      requiredMark={false}
      initialValues={{ username }}
      onFinish={onFinish}
      onValuesChange={() => unplaced !== null && setUnplaced(null)}
      data-testid="reset-code-form"
    >
      <h2 className="gj-login-subtitle">{t('auth.useCode')}</h2>
      {unplaced !== null && (
        <Alert type="error" showIcon title={errorMessage(unplaced)} className="gj-login-error" />
      )}
      <UsernameField testId="reset-username" />
      <Form.Item
        name="code"
        label={t('auth.resetCode')}
        extra={t('auth.resetCodeHint')}
        rules={[{ required: true, whitespace: true, message: t('auth.resetCodeRequired') }]}
      >
        <Input
          prefix={<KeyOutlined />}
          autoComplete="one-time-code"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={40}
          className="gj-code"
          data-testid="reset-code"
        />
      </Form.Item>
      <NewPasswordFields />
      <Button type="primary" htmlType="submit" block loading={redeem.isPending} data-testid="reset-submit">
        {t('auth.setPassword')}
      </Button>
      <Button type="link" block onClick={onCancel} className="gj-login-back" data-testid="reset-back">
        {t('auth.backToLogin')}
      </Button>
    </Form>
  );
}
