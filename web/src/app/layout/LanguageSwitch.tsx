import { GlobalOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLocale, setLocale } from '../../lib/i18n';
import { useIsMobile } from '../../shared/useIsMobile';

/**
 * One click switches to the other language; the button names the language it switches to
 * (briefly on a phone, where the header has room for little).
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const next = currentLocale() === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <Button
      type="text"
      icon={<GlobalOutlined />}
      onClick={() => void setLocale(next)}
      aria-label={t('lang.switchLabel')}
      data-testid="lang-switch"
      lang={next}
    >
      {isMobile ? t('lang.otherShort') : t('lang.other')}
    </Button>
  );
}
