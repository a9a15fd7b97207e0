import { BookOutlined, QuestionCircleOutlined, ReadOutlined } from '@ant-design/icons';
import { Button, Dropdown } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useIsMobile } from '../../shared/useIsMobile';

/**
 * 帮助, beside the user menu: the user's guide of the reader's role, or the guide's overview of
 * every role (features/help). The button is named by its visible word; on a phone, the word alone.
 */
export function HelpMenu() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const items = [
    {
      key: '/help',
      icon: <ReadOutlined aria-hidden />,
      label: <span data-testid="help-guide">{t('nav.guide')}</span>,
    },
    {
      key: '/help/overview',
      icon: <BookOutlined aria-hidden />,
      label: <span data-testid="help-all">{t('nav.allGuides')}</span>,
    },
  ];
  return (
    <Dropdown
      menu={{ items, onClick: ({ key }) => navigate(key) }}
      trigger={['click']}
      placement="bottomRight"
    >
      <Button
        type="text"
        icon={isMobile ? undefined : <QuestionCircleOutlined aria-hidden />}
        data-testid="help-menu"
      >
        {t('nav.help')}
      </Button>
    </Dropdown>
  );
}
