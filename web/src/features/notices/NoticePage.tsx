import { BellOutlined, EditOutlined, SendOutlined } from '@ant-design/icons';
import type { Notice } from '@contract';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Empty,
  Result,
  Skeleton,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, api } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { zoned } from '../../lib/time';
import { idParam } from '../../shared/enums';
import { useFeedback } from '../../shared/feedback';
import { PageHeader } from '../../shared/PageHeader';
import { PlainList } from '../../shared/PlainList';
import { QueryError } from '../../shared/QueryError';
import { TableEmpty } from '../../shared/TableEmpty';
import { useIsMobile } from '../../shared/useIsMobile';
import { useCampaign } from '../campaigns';
import { Attachments } from './Attachments';
import {
  type AudiencePreviewData,
  type NoticeReadsData,
  percent,
  useNotice,
  useNoticeReads,
  usePublishNotice,
  useRemindUnread,
} from './api';
import { NoticeKindTag, NoticeStatusTag, ReadRateBar } from './NoticeTags';
import { RichText } from './RichText';

// echarts stays out of the first screen: the chart loads when a published notice shows it.
const ReadRateChart = lazy(() => import('./ReadRateChart'));

const TIME = 'YYYY-MM-DD HH:mm';
type Row = NoticeReadsData['byCommunity'][number];

/** Who the notice is for, in words: "八角街道 · 党员（在职） · 含驻区单位联络人". */
export function AudienceSummary({ notice }: { notice: Notice }) {
  const { t } = useTranslation();
  const a = notice.audience;
  const parts = [notice.regionName];
  if (a.partyOnly) {
    parts.push(
      a.partyStatus ? t(`notices.audience.partyOf.${a.partyStatus}`) : t('notices.audience.partyAll'),
    );
  } else {
    parts.push(t('notices.audience.everyone'));
  }
  if (a.teamId) parts.push(t('notices.audience.teamOnly'));
  if (a.unitContacts) parts.push(t('notices.audience.withUnitContacts'));
  return <span data-testid="notice-audience-summary">{parts.join(' · ')}</span>;
}

function CampaignLink({ id }: { id: number }) {
  const { can } = useAuth();
  const campaign = useCampaign(id);
  if (!campaign.data) return <span>{`#${id}`}</span>;
  return can('campaign.manage') ? (
    <Link to={`/campaigns/${id}`}>{campaign.data.title}</Link>
  ) : (
    <span>{campaign.data.title}</span>
  );
}

function ReadsByCommunity({ notice }: { notice: Notice }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const reads = useNoticeReads(notice.id, notice.status === 'published');
  if (reads.error) return <QueryError error={reads.error} onRetry={() => void reads.refetch()} />;
  if (!reads.data) return <Skeleton active />;
  const rows = [...reads.data.byCommunity].sort((a, b) => a.readRate - b.readRate);
  const columns: TableColumnsType<Row> = [
    { title: t('notices.community'), dataIndex: 'name' },
    { title: t('notices.recipients'), dataIndex: 'recipients', align: 'right', width: 100 },
    { title: t('notices.readers'), dataIndex: 'reads', align: 'right', width: 100 },
    {
      title: t('notices.readRate'),
      key: 'rate',
      width: 200,
      sorter: (a, b) => a.readRate - b.readRate,
      defaultSortOrder: 'ascend',
      render: (_, r) => <ReadRateBar rate={r.readRate} />,
    },
  ];
  return (
    <div data-testid="notice-reads">
      <div className="gj-pub-stats gj-pub-stats-3">
        <Card size="small">
          <Statistic title={t('notices.recipients')} value={reads.data.recipients} />
        </Card>
        <Card size="small">
          <Statistic title={t('notices.readers')} value={reads.data.reads} />
        </Card>
        <Card size="small">
          <Statistic
            title={t('notices.readRate')}
            value={percent(reads.data.readRate)}
            suffix="%"
            data-testid="notice-read-rate"
          />
        </Card>
      </div>
      {rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notices.noCommunities')} />
      ) : (
        <>
          <Typography.Title level={5} className="gj-section">
            {t('notices.byCommunity')}
          </Typography.Title>
          <Suspense fallback={<Skeleton active />}>
            <ReadRateChart rows={rows} />
          </Suspense>
          {isMobile ? (
            <PlainList
              items={rows}
              rowKey={(r) => r.regionId}
              empty={t('notices.noCommunities')}
              render={(r) => (
                <div className="gj-card-row" data-testid={`reads-row-${r.regionId}`}>
                  <div className="gj-card-row-head">
                    <strong>{r.name}</strong>
                    <Typography.Text type="secondary">
                      {t('notices.readsOf', { reads: r.reads, recipients: r.recipients })}
                    </Typography.Text>
                  </div>
                  <div className="gj-fill">
                    <ReadRateBar rate={r.readRate} />
                  </div>
                </div>
              )}
            />
          ) : (
            <Table<Row>
              rowKey="regionId"
              size="small"
              columns={columns}
              dataSource={rows}
              pagination={rows.length > 20 ? { pageSize: 20 } : false}
              locale={{ emptyText: <TableEmpty text={t('notices.noCommunities')} /> }}
              data-testid="notice-reads-table"
            />
          )}
        </>
      )}
    </div>
  );
}

function Actions({ notice }: { notice: Notice }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const navigate = useNavigate();
  const feedback = useFeedback();
  const publish = usePublishNotice();
  const remind = useRemindUnread();
  const unread = notice.recipients - notice.reads;

  const confirmPublish = async () => {
    let count: number;
    try {
      count = (await api.post<AudiencePreviewData>('/notices/preview', notice.audience)).count;
    } catch (error) {
      feedback.error(error);
      return;
    }
    modal.confirm({
      title: t('notices.publishTitle'),
      content: t('notices.publishConfirm', { title: notice.title, count }),
      okText: t('notices.publish'),
      okButtonProps: { 'data-testid': 'notice-publish-confirm' },
      onOk: () =>
        publish.mutateAsync(notice.id).then(
          () => feedback.success(t('notices.publishing')),
          (error: unknown) => feedback.error(error),
        ),
    });
  };
  const confirmRemind = () =>
    modal.confirm({
      title: t('notices.remindTitle'),
      content: t('notices.remindConfirm', { count: unread }),
      okText: t('notices.remind'),
      okButtonProps: { 'data-testid': 'notice-remind-confirm' },
      onOk: () =>
        remind.mutateAsync(notice.id).then(
          ({ reminded }) => feedback.success(t('notices.reminded', { count: reminded })),
          (error: unknown) => feedback.error(error),
        ),
    });

  return (
    <Space wrap>
      {notice.can.publish && (
        <>
          <Button
            icon={<EditOutlined />}
            onClick={() => navigate(`/notices/${notice.id}/edit`)}
            data-testid="notice-edit"
          >
            {t('common.edit')}
          </Button>
          <Button
            type="primary"
            icon={<SendOutlined />}
            onClick={() => void confirmPublish()}
            loading={publish.isPending}
            data-testid="notice-publish"
          >
            {t('notices.publish')}
          </Button>
        </>
      )}
      {notice.can.remind && (
        <Button
          icon={<BellOutlined />}
          onClick={confirmRemind}
          disabled={unread <= 0}
          loading={remind.isPending}
          data-testid="notice-remind"
        >
          {t('notices.remindUnread', { count: Math.max(unread, 0) })}
        </Button>
      )}
    </Space>
  );
}

/** A notice for its organisers: the text, its delivery, and the read rate by community. */
export function NoticePage() {
  const { t } = useTranslation();
  const id = idParam(useParams().id);
  const { data: notice, error, refetch } = useNotice(id);

  if (id === undefined || (error instanceof ApiError && error.status === 404)) {
    return (
      <Result
        status="404"
        title={t('notices.notFound')}
        extra={
          <Link to="/notices">
            <Button type="primary">{t('notices.backToList')}</Button>
          </Link>
        }
      />
    );
  }

  return (
    <>
      <Breadcrumb
        className="gj-breadcrumb"
        items={[{ title: <Link to="/notices">{t('nav.notices')}</Link> }, { title: notice?.title ?? '…' }]}
      />
      <PageHeader
        title={notice?.title ?? t('notices.detail')}
        extra={notice && <Actions notice={notice} />}
      />
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {!notice && !error && <Skeleton active />}
      {notice && (
        <>
          {notice.status === 'publishing' && (
            <Alert
              className="gj-block-gap"
              type="info"
              showIcon
              title={t('notices.publishingNow')}
              data-testid="notice-publishing"
            />
          )}
          <Card data-testid="notice-detail" data-status={notice.status}>
            <Descriptions
              column={{ xs: 1, sm: 2, lg: 3 }}
              size="small"
              items={[
                {
                  key: 'status',
                  label: t('common.status'),
                  children: (
                    <span className="gj-inline">
                      <NoticeKindTag kind={notice.kind} />
                      <NoticeStatusTag status={notice.status} testId="notice-status" />
                    </span>
                  ),
                },
                {
                  key: 'audience',
                  label: t('notices.audience.title'),
                  children: <AudienceSummary notice={notice} />,
                },
                { key: 'author', label: t('notices.author'), children: notice.author },
                {
                  key: 'when',
                  label: notice.publishedAt ? t('notices.publishedAt') : t('common.createdAt'),
                  children: zoned(notice.publishedAt ?? notice.createdAt).format(TIME),
                },
                ...(notice.status !== 'draft'
                  ? [
                      {
                        key: 'reach',
                        label: t('notices.readRate'),
                        children: (
                          <span className="gj-pub-reach">
                            <Typography.Text className="gj-nowrap">
                              {t('notices.readsOf', { reads: notice.reads, recipients: notice.recipients })}
                            </Typography.Text>
                            <ReadRateBar rate={notice.readRate} />
                          </span>
                        ),
                      },
                    ]
                  : []),
                ...(notice.campaignId !== null
                  ? [
                      {
                        key: 'campaign',
                        label: t('notices.campaign'),
                        children: <CampaignLink id={notice.campaignId} />,
                      },
                    ]
                  : []),
              ]}
            />
          </Card>
          {notice.status === 'published' && (
            <Card size="small" className="gj-section" title={t('notices.readsTitle')}>
              <ReadsByCommunity notice={notice} />
            </Card>
          )}
          <Card size="small" className="gj-section" title={t('notices.bodyLabel')}>
            <article className="gj-pub-article gj-pub-article-inset">
              <RichText html={notice.body} data-testid="notice-body-text" />
              <Attachments notice={notice} />
            </article>
          </Card>
        </>
      )}
    </>
  );
}
