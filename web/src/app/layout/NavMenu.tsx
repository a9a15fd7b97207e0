import { ApartmentOutlined, AuditOutlined, HomeOutlined, TeamOutlined } from '@ant-design/icons';
import type { Action } from '@contract';
import { Menu } from 'antd';
import type { ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useAuth } from '../auth';

type NavItem = {
  path: string;
  name: 'home' | 'regions' | 'users' | 'audit';
  icon: ComponentType;
  action?: Action;
};

const NAV: NavItem[] = [
  { path: '/', name: 'home', icon: HomeOutlined },
  { path: '/regions', name: 'regions', icon: ApartmentOutlined, action: 'region.read' },
  { path: '/users', name: 'users', icon: TeamOutlined, action: 'user.read' },
  { path: '/audit', name: 'audit', icon: AuditOutlined, action: 'audit.read' },
];

function selectedPath(pathname: string) {
  const first = `/${pathname.split('/')[1] ?? ''}`;
  return NAV.some((item) => item.path === first) ? first : '/';
}

export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const items = NAV.filter((item) => !item.action || can(item.action)).map(({ path, name, icon: Icon }) => ({
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
