import { EditOutlined, UserAddOutlined } from '@ant-design/icons';
import type { Course } from '@contract';
import { Breadcrumb, Button, Card, Descriptions, Result, Select, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { idParam } from '../../shared/enums';
import { PageHeader } from '../../shared/PageHeader';
import { PrintButton, PrintStamp, usePrintRequest } from '../../shared/Print';
import { QueryError } from '../../shared/QueryError';
import { useCampaign } from '../campaigns';
import { AttendanceSheet } from './AttendanceSheet';
import { type CourseSessionData, hasStarted, useCourse } from './api';
import { CourseFormDrawer, type CourseFormTarget } from './CourseFormDrawer';
import {
  CourseKindTag,
  courseDates,
  EnrolmentModeTag,
  MyCourseTag,
  SeatsBar,
  sessionTime,
} from './CourseTags';
import { EnrolmentTable } from './EnrolmentTable';
import { MyEnrolment } from './MyEnrolment';
import { NominateModal } from './NominateModal';
import { SessionTimeline } from './SessionTimeline';

/** The campaign a course belongs to, linked for those who run campaigns. */
function CampaignName({ id }: { id: number }) {
  const { can } = useAuth();
  const campaign = useCampaign(id);
  if (!campaign.data) return <span>{`#${id}`}</span>;
  return can('campaign.manage') ? (
    <Link to={`/campaigns/${id}`}>{campaign.data.title}</Link>
  ) : (
    <span>{campaign.data.title}</span>
  );
}

/** The sessions the reader records: all for an organiser, their own for a lecturer. */
function AttendanceCard({ course, sessions }: { course: Course; sessions: CourseSessionData[] }) {
  const { t } = useTranslation();
  // The session asked for (a to-do links to it), else the latest that has begun, else the first.
  const asked = idParam(useSearchParams()[0].get('session') ?? undefined);
  const started = sessions.filter(hasStarted);
  const [chosen, setChosen] = useState<number | undefined>(
    sessions.find((s) => s.id === asked)?.id ?? (started[started.length - 1] ?? sessions[0])?.id,
  );
  const session = sessions.find((s) => s.id === chosen) ?? sessions[0];
  if (!session) return null;
  return (
    <Card
      size="small"
      className="gj-section no-print"
      title={t('courses.attendanceTitle')}
      data-testid="course-attendance"
    >
      <Select<number>
        className="gj-fill gj-block-gap"
        value={session.id}
        onChange={setChosen}
        options={sessions.map((s) => {
          const i = course.sessions.findIndex((x) => x.id === s.id);
          return {
            value: s.id,
            label: `${t('courses.sessionN', { n: i + 1 })} · ${s.title} · ${sessionTime(s)}`,
          };
        })}
        data-testid="attendance-session"
      />
      <AttendanceSheet key={session.id} course={course} session={session} />
    </Card>
  );
}

/** A course or lecture: its sessions, one's enrolment and certificate; attendance for those who keep it. */
export function CoursePage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const id = idParam(useParams().id);
  const { data: course, error, refetch } = useCourse(id);
  const [editing, setEditing] = useState<CourseFormTarget | null>(null);
  const [nominating, setNominating] = useState<Course | null>(null);
  const print = usePrintRequest();

  if (id === undefined || (error instanceof ApiError && error.status === 404)) {
    return (
      <Result
        status="404"
        title={t('courses.notFound')}
        extra={
          <Link to="/courses">
            <Button type="primary">{t('courses.backToList')}</Button>
          </Link>
        }
      />
    );
  }

  const manages = course?.can.edit ?? false;
  const mySessions = course?.sessions.filter((s) => manages || s.mine) ?? [];
  const teaches = mySessions.length > 0;
  // Only a person may enrol: an account without one has no "my learning".
  const learner = me.user.personId !== null;

  return (
    <>
      <Breadcrumb
        className="gj-breadcrumb"
        items={[{ title: <Link to="/courses">{t('nav.courses')}</Link> }, { title: course?.title ?? '…' }]}
      />
      <PageHeader
        title={course?.title ?? t('courses.detail')}
        extra={
          course &&
          manages && (
            <Space wrap>
              <Button
                icon={<UserAddOutlined />}
                onClick={() => setNominating(course)}
                data-testid="course-nominate"
              >
                {t('courses.nominate')}
              </Button>
              <Button
                icon={<EditOutlined />}
                onClick={() => setEditing({ mode: 'edit', course })}
                data-testid="course-edit"
              >
                {t('common.edit')}
              </Button>
            </Space>
          )
        }
      />
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {!course && !error && <Skeleton active />}
      {course && (
        <>
          {(manages || teaches) && <PrintStamp subject={t('print.enrolment')} />}
          <div className="gj-pub-course-grid" data-single={!learner || undefined}>
            {learner && (
              <Card size="small" className="gj-pub-area-mine no-print" title={t('courses.myLearning')}>
                <MyEnrolment course={course} />
              </Card>
            )}
            <Card className="gj-pub-area-facts" data-testid="course-detail" data-kind={course.kind}>
              <Descriptions
                column={{ xs: 1, sm: 2 }}
                size="small"
                items={[
                  {
                    key: 'kind',
                    label: t('courses.kindLabel'),
                    children: (
                      <span className="gj-inline">
                        <CourseKindTag kind={course.kind} />
                        <EnrolmentModeTag mode={course.enrolment} />
                        <MyCourseTag mine={course.mine} />
                      </span>
                    ),
                  },
                  { key: 'region', label: t('courses.region'), children: course.regionName },
                  ...(course.audience
                    ? [{ key: 'audience', label: t('courses.audience'), children: course.audience }]
                    : []),
                  {
                    key: 'dates',
                    label: t('courses.dates'),
                    children: courseDates(course) ?? t('courses.noSessions'),
                  },
                  {
                    key: 'seats',
                    label: t('courses.capacity'),
                    children: <SeatsBar enrolled={course.enrolled} capacity={course.capacity} />,
                  },
                  {
                    key: 'completion',
                    label: t('courses.completionRule'),
                    children: t('courses.completionRuleValue', {
                      min: course.minSessions,
                      total: course.sessions.length,
                    }),
                  },
                  ...(manages
                    ? [
                        {
                          key: 'completed',
                          label: t('courses.completedCount'),
                          children: t('courses.completedOfEnrolled', {
                            completed: course.completed,
                            enrolled: course.enrolled,
                          }),
                        },
                      ]
                    : []),
                  ...(course.campaignId !== null
                    ? [
                        {
                          key: 'campaign',
                          label: t('courses.campaign'),
                          children: <CampaignName id={course.campaignId} />,
                        },
                      ]
                    : []),
                ]}
              />
              {course.description && (
                <div className="gj-section">
                  <Typography.Paragraph className="gj-prewrap gj-no-margin">
                    {course.description}
                  </Typography.Paragraph>
                </div>
              )}
            </Card>
            <Card
              size="small"
              className="gj-pub-area-sessions"
              title={t('courses.sessionsTitle', { count: course.sessions.length })}
            >
              <SessionTimeline course={course} showPresent={manages || teaches} />
            </Card>
          </div>
          {teaches && <AttendanceCard course={course} sessions={mySessions} />}
          {(manages || teaches) && (
            <Card
              size="small"
              className="gj-section"
              title={t('courses.enrolmentsTitle', { count: course.enrolled })}
              extra={<PrintButton onPrint={print.ask} testId="enrolments-print" />}
            >
              <EnrolmentTable course={course} print={print} />
            </Card>
          )}
        </>
      )}
      <CourseFormDrawer target={editing} onClose={() => setEditing(null)} />
      <NominateModal course={nominating} onClose={() => setNominating(null)} />
    </>
  );
}
