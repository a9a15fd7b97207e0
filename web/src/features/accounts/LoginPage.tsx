import { LockOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { LanguageSwitch } from '../../app/layout/LanguageSwitch';
import { api, errorMessage } from '../../lib/api';
import { safeNext, useLogin, useMeQuery } from '../../lib/auth';
import { Panel } from '../../shared/Panel';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { DemoAccounts } from './DemoAccounts';
import { ForgotPassword } from './ForgotPassword';
import { ResetCodeForm } from './ResetCodeForm';
import { UsernameField } from './UsernameField';

type Health = { status: string; demo: boolean };
type Credentials = { username: string; password: string };

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const { data: me } = useMeQuery();
  const health = useQuery({
    queryKey: ['health'],
    queryFn: () => api.get<Health>('/health'),
    staleTime: Infinity,
  });
  const login = useLogin();
  const [form] = Form.useForm<Credentials>();
  // The login form, or the reset-code form ("forgot your password?"); `passwordSet` after a reset.
  const [mode, setMode] = useState<'login' | 'reset'>('login');
  const [passwordSet, setPasswordSet] = useState(false);

  useDocumentTitle(t('auth.login'));

  if (me) return <Navigate to={next} replace />;

  return (
    <main className="gj-login">
      <div className="gj-login-lang">
        <LanguageSwitch />
      </div>
      <Panel className="gj-login-card">
        <header className="gj-login-brand">
          <span className="gj-brand-mark gj-brand-mark-large" aria-hidden>
            {t('app.mark')}
          </span>
          <h1 className="gj-login-title">{t('app.name')}</h1>
          <span className="gj-secondary">{t('app.tagline')}</span>
        </header>
        {mode === 'reset' && (
          <ResetCodeForm
            username={form.getFieldValue('username')}
            onDone={(username) => {
              form.setFieldsValue({ username, password: '' });
              login.reset();
              setPasswordSet(true);
              setMode('login');
            }}
            onCancel={() => setMode('login')}
          />
        )}
        <Form
          form={form}
          layout="vertical"
          size="large"
          requiredMark={false}
          hidden={mode !== 'login'}
          onFinish={(values) => login.mutate(values)}
          onValuesChange={() => login.error && login.reset()}
        >
          {passwordSet && !login.error && (
            <Alert
              type="success"
              showIcon
              title={t('auth.passwordSet')}
              className="gj-login-error"
              data-testid="login-password-set"
            />
          )}
          {login.error && (
            <Alert type="error" showIcon title={errorMessage(login.error)} className="gj-login-error" />
          )}
          <UsernameField testId="login-username" />
          <Form.Item
            name="password"
            label={t('auth.password')}
            rules={[{ required: true, message: t('auth.passwordRequired') }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {t('auth.login')}
          </Button>
          <ForgotPassword
            onUseCode={() => {
              setPasswordSet(false);
              setMode('reset');
            }}
          />
        </Form>
        {health.data?.demo && mode === 'login' && (
          <DemoAccounts
            onPick={(username, password) => {
              login.reset();
              form.setFieldsValue({ username, password });
            }}
          />
        )}
      </Panel>
      <footer className="gj-login-footer">{t('app.footer')}</footer>
    </main>
  );
}
