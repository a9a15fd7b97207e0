import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Campaign } from '@contract';
import {
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Empty,
  Result,
  Skeleton,
  Space,
  Spin,
  Statistic,
  Typography,
} from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { zoned } from '../../lib/time';
import { idParam } from '../../shared/enums';
import { PageHeader } from '../../shared/PageHeader';
import { PlainList } from '../../shared/PlainList';
import { QueryError } from '../../shared/QueryError';
import { CourseCards, CourseFormDrawer, type CourseFormTarget, useCourses } from '../courses';
import { NoticeKindTag, NoticeStatusTag, noticePath, percent, ReadRateBar, useNotices } from '../notices';
import { type CampaignReachData, useCampaign, useCampaignReach } from './api';
import { CampaignFormDrawer, type CampaignFormTarget } from './CampaignFormDrawer';
import { CampaignKindTag, CampaignPhaseTag } from './CampaignTags';

// echarts stays out of the first screen: the chart loads when this page shows it.
const ReachChart = lazy(() => import('./ReachChart'));

const hours = (h: number) => Math.round(h * 10) / 10;
/** Courses and notices shown on the page; the lists hold the rest. */
const SHOWN = 50;

function ReachStats({ reach }: { reach: CampaignReachData }) {
  const { t } = useTranslation();
  const stats: { key: string; title: string; value: number; suffix?: string; extra?: string }[] = [
    {
      key: 'people',
      title: t('campaigns.reach.people'),
      value: reach.peopleReached,
      suffix: t('notices.peopleUnit'),
    },
    {
      key: 'readRate',
      title: t('campaigns.reach.readRate'),
      value: percent(reach.readRate),
      suffix: '%',
      extra: t('notices.readsOf', { reads: reach.noticeReads, recipients: reach.noticeRecipients }),
    },
    { key: 'enrolments', title: t('campaigns.reach.enrolments'), value: reach.courseEnrolments },
    { key: 'attendance', title: t('campaigns.reach.attendanceTotal'), value: reach.sessionAttendance },
    {
      key: 'hours',
      title: t('campaigns.reach.hoursServed'),
      value: hours(reach.hoursServed),
      suffix: t('campaigns.reach.hoursUnit'),
      extra: t('campaigns.reach.activities', { projects: reach.projects, occurrences: reach.occurrences }),
    },
  ];
  return (
    <div className="gj-pub-stats" data-testid="campaign-reach">
      {stats.map((s) => (
        <Card size="small" key={s.key}>
          <Statistic title={s.title} value={s.value} suffix={s.suffix} data-testid={`reach-${s.key}`} />
          {s.extra && (
            <Typography.Text type="secondary" className="gj-pub-small">
              {s.extra}
            </Typography.Text>
          )}
        </Card>
      ))}
    </div>
  );
}

function Reach({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const reach = useCampaignReach(campaign.id);
  if (reach.error) return <QueryError error={reach.error} onRetry={() => void reach.refetch()} />;
  if (!reach.data) return <Skeleton active />;
  const anything = reach.data.byDay.some((d) => d.hours > 0 || d.reads > 0 || d.attendance > 0);
  return (
    <Spin spinning={reach.isFetching}>
      <ReachStats reach={reach.data} />
      <Typography.Title level={5} className="gj-section">
        {t('campaigns.reach.byDay')}
      </Typography.Title>
      {anything ? (
        <Suspense fallback={<Skeleton active />}>
          <ReachChart days={reach.data.byDay} />
        </Suspense>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('campaigns.reach.noDays')} />
      )}
    </Spin>
  );
}

function CampaignNotices({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const notices = useNotices({ campaignId: campaign.id, page: 1, pageSize: SHOWN });
  if (notices.error) return <QueryError error={notices.error} onRetry={() => void notices.refetch()} />;
  if (!notices.data) return <Skeleton active />;
  return (
    <div data-testid="campaign-notices">
      <PlainList
        items={notices.data.items}
        rowKey={(n) => n.id}
        empty={t('campaigns.noNotices')}
        render={(n) => (
          <div className="gj-card-row" data-testid={`campaign-notice-${n.id}`}>
            <div className="gj-card-row-head">
              <Link to={noticePath(n)} className="gj-strong-link">
                {n.title}
              </Link>
              <NoticeStatusTag status={n.status} />
            </div>
            <span className="gj-inline">
              <NoticeKindTag kind={n.kind} />
              <Typography.Text type="secondary" className="gj-pub-small">
                {n.regionName} · {zoned(n.publishedAt ?? n.createdAt).format('MM-DD HH:mm')}
              </Typography.Text>
            </span>
            {n.status !== 'draft' && (
              <span className="gj-pub-reach">
                <Typography.Text type="secondary" className="gj-nowrap">
                  {t('notices.readsOf', { reads: n.reads, recipients: n.recipients })}
                </Typography.Text>
                <ReadRateBar rate={n.readRate} />
              </span>
            )}
          </div>
        )}
      />
    </div>
  );
}

/** A campaign: what it grouped (courses, notices) and whom it reached, day by day. */
export function CampaignPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const id = idParam(useParams().id);
  const { data: campaign, error, refetch } = useCampaign(id);
  const courses = useCourses({ campaignId: id, page: 1, pageSize: SHOWN }, id !== undefined);
  const [editing, setEditing] = useState<CampaignFormTarget | null>(null);
  const [newCourse, setNewCourse] = useState<CourseFormTarget | null>(null);

  if (id === undefined || (error instanceof ApiError && error.status === 404)) {
    return (
      <Result
        status="404"
        title={t('campaigns.notFound')}
        extra={
          <Link to="/campaigns">
            <Button type="primary">{t('campaigns.backToList')}</Button>
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
          { title: <Link to="/campaigns">{t('nav.campaigns')}</Link> },
          { title: campaign?.title ?? '…' },
        ]}
      />
      <PageHeader
        title={campaign?.title ?? t('campaigns.detail')}
        extra={
          campaign?.can.edit && (
            <Button
              icon={<EditOutlined />}
              onClick={() => setEditing({ mode: 'edit', campaign })}
              data-testid="campaign-edit"
            >
              {t('common.edit')}
            </Button>
          )
        }
      />
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {!campaign && !error && <Skeleton active />}
      {campaign && (
        <>
          <Card data-testid="campaign-detail">
            <Descriptions
              column={{ xs: 1, sm: 2, lg: 3 }}
              size="small"
              items={[
                {
                  key: 'kind',
                  label: t('campaigns.kindLabel'),
                  children: (
                    <span className="gj-inline">
                      <CampaignKindTag kind={campaign.kind} />
                      <CampaignPhaseTag campaign={campaign} />
                    </span>
                  ),
                },
                { key: 'region', label: t('campaigns.region'), children: campaign.regionName },
                {
                  key: 'dates',
                  label: t('campaigns.dates'),
                  children: `${campaign.startsOn} ~ ${campaign.endsOn}`,
                },
              ]}
            />
            {campaign.theme && (
              <div className="gj-section">
                <Typography.Paragraph className="gj-prewrap gj-no-margin">
                  {campaign.theme}
                </Typography.Paragraph>
              </div>
            )}
          </Card>
          <Card size="small" className="gj-section" title={t('campaigns.reach.title')}>
            <Reach campaign={campaign} />
          </Card>
          <Card
            size="small"
            className="gj-section"
            title={t('campaigns.coursesTitle', { count: courses.data?.total ?? campaign.courses })}
            extra={
              can('course.manage') && (
                <Button
                  size="small"
                  icon={<PlusOutlined />}
                  onClick={() =>
                    setNewCourse({ mode: 'create', campaignId: campaign.id, regionId: campaign.regionId })
                  }
                  data-testid="campaign-add-course"
                >
                  {t('campaigns.addCourse')}
                </Button>
              )
            }
          >
            {courses.error && <QueryError error={courses.error} onRetry={() => void courses.refetch()} />}
            <CourseCards
              courses={courses.data?.items}
              loading={courses.isFetching}
              empty={t('campaigns.noCourses')}
              testId="campaign-courses"
            />
          </Card>
          <Card
            size="small"
            className="gj-section"
            title={t('campaigns.noticesTitle', { count: campaign.notices })}
            extra={
              can('notice.publish') && (
                <Space>
                  <Link to={`/notices/new?campaignId=${campaign.id}&regionId=${campaign.regionId}`}>
                    <Button size="small" icon={<PlusOutlined />} data-testid="campaign-add-notice">
                      {t('campaigns.addNotice')}
                    </Button>
                  </Link>
                </Space>
              )
            }
          >
            <CampaignNotices campaign={campaign} />
          </Card>
        </>
      )}
      <CampaignFormDrawer target={editing} onClose={() => setEditing(null)} />
      {can('course.manage') && (
        <CourseFormDrawer
          target={newCourse}
          onClose={() => setNewCourse(null)}
          onCreated={(course) => navigate(`/courses/${course.id}`)}
        />
      )}
    </>
  );
}
