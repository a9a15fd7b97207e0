import { RightOutlined } from '@ant-design/icons';
import type { Notice } from '@contract';
import { Card, Empty, Pagination, Skeleton, Spin, Switch, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { now, zoned } from '../../lib/time';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { paginationProps, useListParams } from '../../shared/useListParams';
import { useNotices } from './api';
import { NoticeKindTag } from './NoticeTags';
import { htmlToText } from './richText';

/** Characters of the body shown under the title. */
const EXCERPT = 64;

/** "今天 09:30", "05-16", or with the year when not this year's. */
export function shortTime(at: string) {
  const d = zoned(at);
  if (d.isSame(now(), 'day')) return d.format('HH:mm');
  return d.format(d.isSame(now(), 'year') ? 'MM-DD' : 'YYYY-MM-DD');
}

function InboxRow({ notice: n }: { notice: Notice }) {
  const { t } = useTranslation();
  const unread = n.readAt === null;
  const text = htmlToText(n.body);
  return (
    <Link
      to={`/me/inbox/${n.id}`}
      className="gj-pub-inbox-row"
      data-unread={unread || undefined}
      data-testid={`inbox-row-${n.id}`}
    >
      <span className="gj-pub-inbox-dot" aria-hidden />
      <span className="gj-pub-inbox-main">
        <span className="gj-pub-inbox-head">
          <span className="gj-pub-inbox-title">{n.title}</span>
          <Typography.Text type="secondary" className="gj-pub-inbox-time">
            {shortTime(n.publishedAt ?? n.createdAt)}
          </Typography.Text>
        </span>
        <span className="gj-inline">
          <NoticeKindTag kind={n.kind} />
          {unread && (
            <Tag color="red" data-testid={`inbox-unread-${n.id}`}>
              {t('notices.unread')}
            </Tag>
          )}
          <Typography.Text type="secondary" className="gj-pub-small">
            {n.author}
          </Typography.Text>
        </span>
        <Typography.Text type="secondary" className="gj-pub-inbox-excerpt">
          {text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text}
        </Typography.Text>
      </span>
      <RightOutlined className="gj-pub-inbox-go" />
    </Link>
  );
}

/** Notices sent to me, newest first; the unread ones marked. Opening one marks it read. */
export function InboxPage() {
  const { t } = useTranslation();
  const list = useListParams(['unread'] as const);
  const onlyUnread = list.filters.unread === 'true';
  const notices = useNotices({
    inbox: 'true',
    unread: onlyUnread ? 'true' : undefined,
    page: list.page,
    pageSize: list.pageSize,
  });
  const unread = useNotices({ inbox: 'true', unread: 'true', page: 1, pageSize: 1 });
  const unreadCount = unread.data?.total ?? 0;
  const items = notices.data?.items;

  return (
    <>
      <PageHeader title={t('nav.myInbox')} />
      <Card>
        <div className="gj-section-bar">
          <Typography.Text type={unreadCount > 0 ? undefined : 'secondary'} data-testid="inbox-unread-count">
            {unreadCount > 0 ? t('notices.unreadSummary', { count: unreadCount }) : t('notices.allRead')}
          </Typography.Text>
          <span className="gj-switch">
            <Switch
              id="inbox-unread-only"
              size="small"
              checked={onlyUnread}
              onChange={(on) => list.setFilters({ unread: on ? 'true' : undefined })}
              data-testid="inbox-unread-filter"
            />
            <label htmlFor="inbox-unread-only">{t('notices.onlyUnread')}</label>
          </span>
        </div>
        {notices.error && <QueryError error={notices.error} onRetry={() => void notices.refetch()} />}
        {!items && !notices.error && <Skeleton active />}
        {items && (
          <Spin spinning={notices.isFetching}>
            {items.length === 0 ? (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={onlyUnread ? t('notices.inboxNoUnread') : t('notices.inboxEmpty')}
              />
            ) : (
              <ul className="gj-list gj-pub-inbox" data-testid="inbox-list">
                {items.map((n) => (
                  <li key={n.id} className="gj-pub-flush">
                    <InboxRow notice={n} />
                  </li>
                ))}
              </ul>
            )}
            <Pagination
              hideOnSinglePage
              className="gj-card-pagination"
              size="small"
              {...paginationProps(list, notices.data?.total ?? 0, (total) =>
                notices.data?.capped ? t('common.totalMore', { total }) : t('common.total', { total }),
              )}
            />
          </Spin>
        )}
      </Card>
    </>
  );
}
