import { Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { useAuth } from '../../lib/auth';
import { NAV_GROUPS, navItemsFor, selectedPath } from './navItems';

/** Past this many entries the menu is read in sections; a resident's or a lecturer's short one stays a plain list. */
const GROUPED_FROM = 14;

export function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const { me } = useAuth();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const entries = navItemsFor(me);
  const entry = ({ path, name, icon: Icon }: (typeof entries)[number]) => ({
    key: path,
    icon: <Icon />,
    label: <span data-testid={`menu-${name}`}>{t(`nav.${name}`)}</span>,
  });
  const items =
    entries.length < GROUPED_FROM
      ? entries.map(entry)
      : NAV_GROUPS.flatMap((group) => {
          const children = entries.filter((e) => e.group === group).map(entry);
          return children.length
            ? [{ type: 'group' as const, key: `group-${group}`, label: t(`nav.group.${group}`), children }]
            : [];
        });
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
