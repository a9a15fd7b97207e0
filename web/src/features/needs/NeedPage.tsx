import type { NeedDetail } from '@contract';
import { Breadcrumb, Button, Card, Descriptions, Result, Skeleton, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { zoned } from '../../lib/time';
import { idParam } from '../../shared/enums';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { NeedCategoryTag, NeedStatusTag } from '../../shared/tags';
import { useNeed } from './api';
import { useNeedAnswers } from './NeedAnswers';
import { NeedDecisions } from './NeedDecisions';
import { NeedOutcome } from './NeedOutcome';
import { NeedWaited } from './NeedWaited';

const TIME = 'YYYY-MM-DD HH:mm';

/** What it is, where, for when, who asked, and how long it has waited. */
function NeedFacts({ need }: { need: NeedDetail }) {
  const { t } = useTranslation();
  return (
    <Card data-testid="need-detail" data-status={need.status}>
      <Descriptions
        column={{ xs: 1, sm: 2, lg: 3 }}
        size="small"
        items={[
          {
            key: 'status',
            label: t('common.status'),
            children: (
              <span data-testid="need-status">
                <NeedStatusTag status={need.status} />
              </span>
            ),
          },
          {
            key: 'category',
            label: t('needs.category'),
            children: <NeedCategoryTag category={need.category} />,
          },
          {
            key: 'waited',
            label: t('needs.waitedLabel'),
            children: <NeedWaited need={need} answered overdueDays={need.overdueDays} />,
          },
          { key: 'community', label: t('needs.community'), children: need.communityName },
          ...(need.place ? [{ key: 'place', label: t('needs.place'), children: need.place }] : []),
          ...(need.wantedBy
            ? [{ key: 'wantedBy', label: t('needs.wantedBy'), children: need.wantedBy }]
            : []),
          {
            key: 'raisedBy',
            label: t('needs.raisedBy'),
            children: <span data-testid="need-raised-by">{need.raisedBy?.name ?? t('common.none')}</span>,
          },
          { key: 'raisedAt', label: t('needs.raisedAt'), children: zoned(need.createdAt).format(TIME) },
        ]}
      />
      <div className="gj-section">
        <Typography.Text type="secondary">{t('needs.description')}</Typography.Text>
        {need.description ? (
          <Typography.Paragraph className="gj-prewrap gj-no-margin" data-testid="need-description-text">
            {need.description}
          </Typography.Paragraph>
        ) : (
          <Typography.Paragraph type="secondary" className="gj-no-margin">
            {t('needs.noDescription')}
          </Typography.Paragraph>
        )}
      </div>
      {need.status !== 'open' && (
        <div className="gj-section gj-stack">
          <NeedOutcome need={need} />
          {need.mergedInto && (
            <Link to={`/needs/${need.mergedInto.id}`} data-testid="need-merged-into">
              {t('needs.mergedInto', { title: need.mergedInto.name })}
            </Link>
          )}
        </div>
      )}
    </Card>
  );
}

/** Raised, then its answer: what happened, who did it, when. */
function NeedHistory({ need }: { need: NeedDetail }) {
  const { t } = useTranslation();
  return (
    <Card className="gj-section" size="small" title={t('needs.history')}>
      <Timeline
        data-testid="need-history"
        items={need.history.map((e) => ({
          key: e.kind,
          color: e.kind === 'declined' ? 'red' : e.kind === 'raised' ? 'blue' : 'green',
          content: (
            <span className="gj-stack" data-testid={`need-event-${e.kind}`}>
              <strong>{t(`needs.event.${e.kind}`)}</strong>
              <Typography.Text type="secondary">
                {[zoned(e.at).format(TIME), e.by].filter(Boolean).join(' · ')}
              </Typography.Text>
            </span>
          ),
        }))}
      />
    </Card>
  );
}

/** A resident's need, read whole before it is answered: by its community's organisers, and its raiser. */
export function NeedPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const id = idParam(useParams().id);
  const { data: need, error, refetch } = useNeed(id);
  // The project form is mounted for those who run projects, as on the list; the need says if it may be converted.
  const { actions, modals } = useNeedAnswers(can('project.manage'));
  // Back to the list the reader came from: the inbox, or their own needs.
  const inbox = can('need.decide');
  const back = inbox ? '/needs' : '/me/needs';

  if (id === undefined || (error instanceof ApiError && error.status === 404)) {
    return (
      <Result
        status="404"
        title={t('needs.notFound')}
        extra={
          <Link to={back}>
            <Button type="primary">{t('needs.backToList')}</Button>
          </Link>
        }
      />
    );
  }

  return (
    <>
      <Breadcrumb
        className="gj-breadcrumb"
        items={[
          { title: <Link to={back}>{t(inbox ? 'nav.needs' : 'nav.myNeeds')}</Link> },
          { title: need?.title ?? '…' },
        ]}
      />
      <PageHeader
        title={need?.title ?? t('needs.detail')}
        extra={need && <NeedDecisions need={need} size="middle" {...actions} />}
      />
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {!need && !error && <Skeleton active />}
      {need && (
        <>
          <NeedFacts need={need} />
          <NeedHistory need={need} />
        </>
      )}
      {modals}
    </>
  );
}
