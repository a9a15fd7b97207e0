import type { UseQueryResult } from '@tanstack/react-query';
import { Button, Empty, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorMessage, type Page } from '../../lib/api';
import { zoned } from '../../lib/time';
import { useFeedback } from '../../shared/feedback';
import { type NotificationData, useMarkRead } from './api';

/** Only a path of this site is followed. */
const isLocalPath = (link: string | null): link is string =>
  !!link?.startsWith('/') && !link.startsWith('//');

/**
 * The bell's list (loaded when it is first opened): a click marks one read and follows it;
 * `onClose` closes the dropdown or sheet it is in.
 */
export function NotificationList({
  unread,
  onClose,
}: {
  unread: UseQueryResult<Page<NotificationData>>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const feedback = useFeedback();
  const markRead = useMarkRead();
  const items = unread.data?.items ?? [];
  const count = unread.data?.total ?? 0;

  const follow = (n: NotificationData) => {
    onClose();
    markRead.mutate(n.id, { onError: feedback.error });
    if (isLocalPath(n.link)) navigate(n.link);
  };

  return (
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
            onClose();
            navigate('/me/notifications');
          }}
          data-testid="notifications-all"
        >
          {t('notifications.openCentre')}
        </Button>
      </div>
    </>
  );
}
