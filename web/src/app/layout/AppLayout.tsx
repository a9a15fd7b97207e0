import { MenuOutlined } from '@ant-design/icons';
import { Button, Layout, Skeleton } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { NotificationBell } from '../../features/notifications/NotificationBell';
import { withAllTexts } from '../../lib/i18n';
import { useIsMobile } from '../../shared/useIsMobile';
import { Brand } from './Brand';
import { FeedbackHost } from './Feedback';
import { HelpMenu } from './HelpMenu';
import { LanguageSwitch } from './LanguageSwitch';
import { NavMenu } from './NavMenu';
import { UserMenu } from './UserMenu';

// The search loads apart, once the page is up and its texts are in: the home screen's code
// does not carry it (npm run size).
const HeaderSearch = lazy(
  withAllTexts(() => import('../../features/search/HeaderSearch').then((m) => ({ default: m.HeaderSearch }))),
);
// A phone's menu drawer loads when it is first opened.
const MobileNav = lazy(() => import('./MobileNav').then((m) => ({ default: m.MobileNav })));

export function AppLayout() {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [drawerUsed, setDrawerUsed] = useState(false);
  const search = (
    <Suspense fallback={null}>
      <HeaderSearch />
    </Suspense>
  );

  // antd's App (messages, confirmations) lives here, not at the root: the login page does
  // without it and stays light.
  return (
    <FeedbackHost>
      <Layout className="gj-app">
        {!isMobile && (
          <Layout.Sider
            className="gj-sider"
            width={220}
            collapsible
            collapsed={collapsed}
            onCollapse={setCollapsed}
            theme="light"
          >
            <Brand collapsed={collapsed} />
            <NavMenu />
          </Layout.Sider>
        )}
        <Layout>
          <Layout.Header className="gj-header">
            {isMobile && (
              <>
                <Button
                  type="text"
                  icon={<MenuOutlined />}
                  aria-label={t('nav.openMenu')}
                  onClick={() => {
                    setDrawerUsed(true);
                    setDrawerOpen(true);
                  }}
                  data-testid="menu-toggle"
                />
                <Brand />
              </>
            )}
            {!isMobile && search}
            <div className="gj-header-spacer" />
            {isMobile && search}
            <NotificationBell />
            <LanguageSwitch />
            <HelpMenu />
            <UserMenu />
          </Layout.Header>
          <Layout.Content className="gj-content">
            <Suspense fallback={<Skeleton active />}>
              <Outlet />
            </Suspense>
          </Layout.Content>
        </Layout>
        {isMobile && drawerUsed && (
          <Suspense fallback={null}>
            <MobileNav open={drawerOpen} onClose={() => setDrawerOpen(false)} />
          </Suspense>
        )}
      </Layout>
    </FeedbackHost>
  );
}
