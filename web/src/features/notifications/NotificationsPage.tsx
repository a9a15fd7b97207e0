import { CheckOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Pagination, Segmented, Skeleton, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { now, zoned } from '../../lib/time';
import { oneOf } from '../../shared/enums';
import { useFeedback } from '../../shared/feedback';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { paginationProps, useListParams } from '../../shared/useListParams';
import {
  type NotificationData,
  useMarkAllRead,
  useMarkRead,
  useNotifications,
  useUnreadNotifications,
} from './api';
import { groupOf } from './kinds';
import { NotificationPrefsCard } from './NotificationPrefsCard';

const VIEWS = ['unread', 'all'] as const;
type View = (typeof VIEWS)[number];

/** Only a path of this site is followed. */
const isLocalPath = (link: string | null): link is string =>
  !!link?.startsWith('/') && !link.startsWith('//');

function when(at: string) {
  const d = zoned(at);
  return d.format(d.isSame(now(), 'year') ? 'MM-DD HH:mm' : 'YYYY-MM-DD HH:mm');
}

function Row({ n, onOpen }: { n: NotificationData; onOpen: (n: NotificationData) => void }) {
  const { t } = useTranslation();
  const group = groupOf(n.kind);
  const unread = n.readAt === null;
  return (
    <button
      type="button"
      className="gj-pub-notice-row"
      data-unread={unread || undefined}
      onClick={() => onOpen(n)}
      data-testid={`notification-row-${n.id}`}
    >
      <span className="gj-pub-inbox-dot" aria-hidden />
      <span className="gj-pub-inbox-main">
        <span>{n.text}</span>
        <span className="gj-inline">
          {group && <Tag>{t(`notifications.groups.${group}`)}</Tag>}
          <Typography.Text type="secondary" className="gj-pub-small">
            {when(n.createdAt)}
          </Typography.Text>
        </span>
      </span>
    </button>
  );
}

/** All one's notifications (the unread first), marking them read, and what to be told about. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const feedback = useFeedback();
  const unread = useUnreadNotifications();
  const unreadCount = unread.data?.total ?? 0;
  const list = useListParams(['view'] as const);
  // The unread come first; with none left, everything.
  const chosen = oneOf(VIEWS, list.filters.view);
  const view: View = chosen ?? (unread.data && unreadCount === 0 ? 'all' : 'unread');
  const notifications = useNotifications({
    unread: view === 'unread' ? 'true' : undefined,
    page: list.page,
    pageSize: list.pageSize,
  });
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const items = notifications.data?.items;

  const open = (n: NotificationData) => {
    if (n.readAt === null) markRead.mutate(n.id, { onError: feedback.error });
    if (isLocalPath(n.link)) navigate(n.link);
  };

  return (
    <>
      <PageHeader
        title={t('nav.myNotifications')}
        extra={
          <Button
            icon={<CheckOutlined />}
            disabled={unreadCount === 0}
            loading={markAll.isPending}
            onClick={() =>
              markAll.mutate(undefined, {
                onSuccess: ({ marked }) => feedback.success(t('notifications.allMarked', { count: marked })),
                onError: feedback.error,
              })
            }
            data-testid="notifications-mark-all"
          >
            {t('notifications.markAll')}
          </Button>
        }
      />
      <div className="gj-pub-centre">
        <Card className="gj-pub-centre-list">
          <Segmented<View>
            className="gj-block-gap"
            value={view}
            onChange={(next) => list.setFilters({ view: next })}
            options={VIEWS.map((v) => ({
              value: v,
              label:
                v === 'unread'
                  ? t('notifications.view.unread', { count: unreadCount })
                  : t('notifications.view.all'),
            }))}
            data-testid="notifications-view"
          />
          {notifications.error && (
            <QueryError error={notifications.error} onRetry={() => void notifications.refetch()} />
          )}
          {!items && !notifications.error && <Skeleton active />}
          {items && (
            <Spin spinning={notifications.isFetching}>
              {items.length === 0 ? (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={view === 'unread' ? t('notifications.empty') : t('notifications.none')}
                />
              ) : (
                <ul className="gj-list" data-testid="notifications-list">
                  {items.map((n) => (
                    <li key={n.id} className="gj-pub-flush">
                      <Row n={n} onOpen={open} />
                    </li>
                  ))}
                </ul>
              )}
              <Pagination
                hideOnSinglePage
                className="gj-card-pagination"
                size="small"
                {...paginationProps(list, notifications.data?.total ?? 0, (total) =>
                  t('common.total', { total }),
                )}
              />
            </Spin>
          )}
        </Card>
        <Card className="gj-pub-centre-prefs" size="small" title={t('notifications.prefs.title')}>
          <NotificationPrefsCard />
        </Card>
      </div>
    </>
  );
}
