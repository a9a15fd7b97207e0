import { UserOutlined } from '@ant-design/icons';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

/** The username as the login and reset-code forms ask it: required, typed as it is stored. */
export function UsernameField({ testId }: { testId: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="username"
      label={t('auth.username')}
      rules={[{ required: true, whitespace: true, message: t('auth.usernameRequired') }]}
    >
      <Input
        prefix={<UserOutlined />}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        data-testid={testId}
      />
    </Form.Item>
  );
}
