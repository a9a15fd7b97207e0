import { Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useAuth } from '../../lib/auth';
import { navItemsFor, selectedPath } from './navItems';

export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const items = navItemsFor(me).map(({ path, name, icon: Icon }) => ({
    key: path,
    icon: <Icon />,
    label: <span data-testid={`menu-${name}`}>{t(`nav.${name}`)}</span>,
  }));
  return (
    <Menu
      mode="inline"
      items={items}
      selectedKeys={[selectedPath(pathname)]}
      onClick={({ key }) => {
        navigate(key);
        onNavigate?.();
      }}
      style={{ borderInlineEnd: 'none' }}
    />
  );
}
