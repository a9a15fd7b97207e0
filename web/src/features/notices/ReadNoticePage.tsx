import { ArrowLeftOutlined, CheckCircleOutlined } from '@ant-design/icons';
import { Button, Result, Skeleton, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../lib/api';
import { zoned } from '../../lib/time';
import { idParam } from '../../shared/enums';
import { useFeedback } from '../../shared/feedback';
import { QueryError } from '../../shared/QueryError';
import { useDocumentTitle } from '../../shared/useDocumentTitle';
import { useMarkReadByLink } from '../notifications';
import { Attachments } from './Attachments';
import { useMarkNoticeRead, useNotice } from './api';
import { NoticeKindTag } from './NoticeTags';
import { RichText } from './RichText';

/** A notice from my inbox, full width and easy to read on a phone; opening it marks it read. */
export function ReadNoticePage() {
  const { t } = useTranslation();
  const id = idParam(useParams().id);
  const feedback = useFeedback();
  const { data: notice, error, refetch } = useNotice(id);
  const markRead = useMarkNoticeRead();
  const markBell = useMarkReadByLink();
  const marked = useRef<number | null>(null);
  useDocumentTitle(notice?.title ?? t('nav.myInbox'));

  useEffect(() => {
    if (!notice || notice.readAt !== null || notice.status !== 'published' || marked.current === notice.id)
      return;
    marked.current = notice.id;
    markRead.mutate(notice.id, {
      // Its "new notice" in the bell has been answered too.
      onSuccess: () => markBell.mutate(`/me/inbox/${notice.id}`),
      onError: feedback.error,
    });
  }, [notice, markRead, markBell, feedback]);

  const back = (
    <Link to="/me/inbox" className="gj-pub-back" data-testid="inbox-back">
      <ArrowLeftOutlined /> {t('nav.myInbox')}
    </Link>
  );

  if (id === undefined || (error instanceof ApiError && (error.status === 404 || error.status === 403))) {
    return (
      <Result
        status="404"
        title={t('notices.notFound')}
        extra={
          <Link to="/me/inbox">
            <Button type="primary">{t('notices.backToInbox')}</Button>
          </Link>
        }
      />
    );
  }

  return (
    <div className="gj-pub-reader">
      {back}
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {!notice && !error && <Skeleton active paragraph={{ rows: 10 }} />}
      {notice && (
        <article
          className="gj-pub-article"
          data-testid="inbox-notice"
          data-read={notice.readAt !== null || undefined}
        >
          <header className="gj-pub-article-head">
            <NoticeKindTag kind={notice.kind} />
            <h1 className="gj-pub-article-title">{notice.title}</h1>
            <Typography.Text type="secondary" className="gj-pub-article-meta">
              {notice.author} · {notice.regionName}
              {notice.publishedAt && ` · ${zoned(notice.publishedAt).format('YYYY-MM-DD HH:mm')}`}
            </Typography.Text>
          </header>
          <RichText html={notice.body} data-testid="inbox-notice-body" />
          <Attachments notice={notice} />
          <footer className="gj-pub-article-foot">
            {notice.readAt !== null && (
              <Typography.Text type="secondary" data-testid="inbox-notice-read">
                <CheckCircleOutlined />{' '}
                {t('notices.readAt', { at: zoned(notice.readAt).format('YYYY-MM-DD HH:mm') })}
              </Typography.Text>
            )}
            {back}
          </footer>
        </article>
      )}
    </div>
  );
}
