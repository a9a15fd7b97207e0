import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Dropdown, Spin } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from '../../shared/useIsMobile';
import { useUnreadNotifications } from './api';

// The list and the phone's sheet load when the bell is first opened: the home screen's code
// carries the bell and its count only (npm run size).
const NotificationList = lazy(() =>
  import('./NotificationList').then((m) => ({ default: m.NotificationList })),
);
const NotificationSheet = lazy(() =>
  import('./NotificationSheet').then((m) => ({ default: m.NotificationSheet })),
);

/** The bell in the header: unread count, and a list where a click marks one read and follows it. */
export function NotificationBell() {
  const { t } = useTranslation();
  const unread = useUnreadNotifications();
  const isMobile = useIsMobile();
  const [open, setOpen] = useState(false);
  const [opened, setOpened] = useState(false);
  const count = unread.data?.total ?? 0;
  const close = () => setOpen(false);

  const bell = (
    <Button
      type="text"
      aria-label={t('notifications.bell', { count })}
      onClick={
        isMobile
          ? () => {
              setOpened(true);
              setOpen(true);
            }
          : undefined
      }
      data-testid="notifications-bell"
      data-count={count}
    >
      <Badge count={count} size="small" overflowCount={99}>
        <BellOutlined className="gj-bell" />
      </Badge>
    </Button>
  );

  if (isMobile) {
    return (
      <>
        {bell}
        {opened && (
          <Suspense fallback={null}>
            <NotificationSheet open={open} unread={unread} onClose={close} />
          </Suspense>
        )}
      </>
    );
  }

  return (
    <Dropdown
      open={open}
      onOpenChange={setOpen}
      trigger={['click']}
      placement="bottomRight"
      popupRender={() => (
        <div className="gj-notifications" data-testid="notifications-panel">
          <div className="gj-notifications-head">{t('notifications.title')}</div>
          <Suspense fallback={<Spin className="gj-notifications-empty" />}>
            <NotificationList unread={unread} onClose={close} />
          </Suspense>
        </div>
      )}
    >
      {bell}
    </Dropdown>
  );
}
