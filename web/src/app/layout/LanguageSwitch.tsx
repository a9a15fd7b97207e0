import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLocale, setLocale } from '../i18n';

/** One click switches to the other language; the button names the language it switches to. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const next = currentLocale() === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      onClick={() => setLocale(next)}
      aria-label={t('lang.switchLabel')}
      data-testid="lang-switch"
      lang={next}
    >
      {t('lang.other')}
    </Button>
  );
}
