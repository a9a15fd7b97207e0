import { DownOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { Avatar, Button, Dropdown } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useAuth, useLogout } from '../../lib/auth';
import { useIsMobile } from '../../shared/useIsMobile';

// The password form loads when asked for, not with every page.
const ChangePasswordModal = lazy(() =>
  import('../../features/accounts/ChangePasswordModal').then((m) => ({ default: m.ChangePasswordModal })),
);

export function UserMenu() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const logout = useLogout();
  const [changingPassword, setChangingPassword] = useState(false);

  const items = [
    { key: 'password', icon: <KeyOutlined />, label: t('auth.changePassword') },
    { type: 'divider' as const },
    { key: 'logout', icon: <LogoutOutlined />, label: <span data-testid="logout">{t('auth.logout')}</span> },
  ];
  const onClick = ({ key }: { key: string }) => {
    if (key === 'password') setChangingPassword(true);
    if (key === 'logout')
      logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true }) });
  };

  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
        <Button
          type="text"
          data-testid="user-menu"
          aria-label={t('auth.userMenu')}
          className="gj-user-button"
        >
          <Avatar size="small" icon={<UserOutlined />} className="gj-avatar" />
          {!isMobile && <span className="gj-user-name">{me.user.displayName}</span>}
          <DownOutlined />
        </Button>
      </Dropdown>
      {changingPassword && (
        <Suspense fallback={null}>
          <ChangePasswordModal open onClose={() => setChangingPassword(false)} />
        </Suspense>
      )}
    </>
  );
}
