import { CalendarOutlined, EnvironmentOutlined, TeamOutlined } from '@ant-design/icons';
import type { Course } from '@contract';
import { Empty, Pagination, type PaginationProps, Skeleton, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CourseKindTag, courseDates, EnrolmentModeTag, MyCourseTag, SeatsBar } from './CourseTags';

function CourseCard({ course: c }: { course: Course }) {
  const { t } = useTranslation();
  const dates = courseDates(c);
  return (
    <div className="gj-pub-card" data-testid={`course-row-${c.id}`} data-kind={c.kind}>
      <div className="gj-card-row-head">
        <Link to={`/courses/${c.id}`} className="gj-strong-link">
          {c.title}
        </Link>
        <MyCourseTag mine={c.mine} />
      </div>
      <span className="gj-inline">
        <CourseKindTag kind={c.kind} />
        <EnrolmentModeTag mode={c.enrolment} />
      </span>
      <Typography.Text type="secondary" className="gj-inline">
        <span>
          <EnvironmentOutlined /> {c.regionName}
        </span>
        {c.audience && (
          <span>
            <TeamOutlined /> {c.audience}
          </span>
        )}
      </Typography.Text>
      <Typography.Text type="secondary">
        <CalendarOutlined /> {dates ?? t('courses.noSessions')}
        {c.sessions.length > 1 && ` · ${t('courses.sessionCount', { count: c.sessions.length })}`}
      </Typography.Text>
      <SeatsBar enrolled={c.enrolled} capacity={c.capacity} />
    </div>
  );
}

type Props = {
  courses: Course[] | undefined;
  loading: boolean;
  empty: string;
  pagination?: PaginationProps;
  testId?: string;
};

/** Courses as cards, on a desktop and a phone alike. */
export function CourseCards({ courses, loading, empty, pagination, testId = 'course-list' }: Props) {
  if (loading && !courses) return <Skeleton active />;
  return (
    <Spin spinning={loading}>
      <div data-testid={testId}>
        {courses && courses.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
        ) : (
          <div className="gj-pub-grid">
            {(courses ?? []).map((c) => (
              <CourseCard key={c.id} course={c} />
            ))}
          </div>
        )}
      </div>
      {pagination && <Pagination className="gj-card-pagination" size="small" {...pagination} />}
    </Spin>
  );
}
