import { QuestionCircleOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * "Forgot your password?" under the login form: there is no e-mail, so it says whom to ask —
 * the community worker, or whoever manages the account — and offers the form for the code
 * they give.
 */
export function ForgotPassword({ onUseCode }: { onUseCode: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <div className="gj-login-forgot">
      <Button
        type="link"
        size="small"
        icon={<QuestionCircleOutlined />}
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        data-testid="login-forgot"
      >
        {t('auth.forgot')}
      </Button>
      {open && (
        <Alert
          type="info"
          title={t('auth.forgotTitle')}
          description={
            <>
              <p className="gj-login-forgot-text">{t('auth.forgotHelp')}</p>
              <Button onClick={onUseCode} data-testid="login-use-code">
                {t('auth.useCode')}
              </Button>
            </>
          }
          data-testid="login-forgot-help"
        />
      )}
    </div>
  );
}
