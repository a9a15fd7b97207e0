import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Drawer, Dropdown, Empty, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../lib/api';
import { zoned } from '../../lib/time';
import { useFeedback } from '../../shared/feedback';
import { useIsMobile } from '../../shared/useIsMobile';
import { type NotificationData, useMarkRead, useUnreadNotifications } from './api';

/** Only a path of this site is followed. */
const isLocalPath = (link: string | null): link is string =>
  !!link?.startsWith('/') && !link.startsWith('//');

/** The bell in the header: unread count, and a list where a click marks one read and follows it. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const feedback = useFeedback();
  const unread = useUnreadNotifications();
  const markRead = useMarkRead();
  const isMobile = useIsMobile();
  const [open, setOpen] = useState(false);
  const items = unread.data?.items ?? [];
  const count = unread.data?.total ?? 0;

  const follow = (n: NotificationData) => {
    setOpen(false);
    markRead.mutate(n.id, { onError: feedback.error });
    if (isLocalPath(n.link)) navigate(n.link);
  };

  const list = (
    <>
      {unread.error ? (
        <span className="gj-secondary gj-notifications-empty">{errorMessage(unread.error)}</span>
      ) : !unread.data ? (
        <Spin className="gj-notifications-empty" />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} />
      ) : (
        <ul className="gj-list">
          {items.map((n) => (
            <li key={n.id}>
              <button
                type="button"
                className="gj-notification"
                onClick={() => follow(n)}
                data-testid={`notification-${n.id}`}
              >
                <span>{n.text}</span>
                <span className="gj-secondary gj-notification-time">
                  {zoned(n.createdAt).format('MM-DD HH:mm')}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {count > items.length && (
        <span className="gj-secondary gj-notifications-more">
          {t('notifications.more', { count: count - items.length })}
        </span>
      )}
      <div className="gj-notifications-foot">
        <Button
          type="link"
          size="small"
          onClick={() => {
            setOpen(false);
            navigate('/me/notifications');
          }}
          data-testid="notifications-all"
        >
          {t('notifications.openCentre')}
        </Button>
      </div>
    </>
  );

  const bell = (
    <Button
      type="text"
      aria-label={t('notifications.bell', { count })}
      onClick={isMobile ? () => setOpen(true) : undefined}
      data-testid="notifications-bell"
      data-count={count}
    >
      <Badge count={count} size="small" overflowCount={99}>
        <BellOutlined className="gj-bell" />
      </Badge>
    </Button>
  );

  // On a phone the list drops from the top as a sheet: a dropdown would run off the screen.
  if (isMobile) {
    return (
      <>
        {bell}
        <Drawer
          open={open}
          onClose={() => setOpen(false)}
          placement="top"
          size="auto"
          title={t('notifications.title')}
          className="gj-sheet-top"
        >
          <div data-testid="notifications-panel">{list}</div>
        </Drawer>
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
          {list}
        </div>
      )}
    >
      {bell}
    </Dropdown>
  );
}
