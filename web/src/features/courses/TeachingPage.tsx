import { ClockCircleOutlined, EnvironmentOutlined, FormOutlined } from '@ant-design/icons';
import type { Course } from '@contract';
import { Button, Card, Empty, Segmented, Skeleton, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { zoned } from '../../lib/time';
import { oneOf } from '../../shared/enums';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { useListParams } from '../../shared/useListParams';
import { AttendanceSheet } from './AttendanceSheet';
import { type CourseSessionData, hasStarted, useCourses } from './api';
import { CourseKindTag, sessionTime } from './CourseTags';

const WHEN = ['upcoming', 'past'] as const;
type When = (typeof WHEN)[number];
type Row = { course: Course; session: CourseSessionData; index: number };

/** Enough for a lecturer's year; the route's largest page. */
const PAGE_SIZE = 200;

function SessionCard({ row, open, onToggle }: { row: Row; open: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  const { course, session, index } = row;
  const started = hasStarted(session);
  return (
    <div className="gj-pub-card" data-testid={`teaching-session-${session.id}`}>
      <div className="gj-card-row-head">
        <strong>{session.title}</strong>
        {started && (
          <Tag color={session.present > 0 ? 'success' : 'warning'}>
            {session.present > 0
              ? t('courses.presentOfEnrolled', { present: session.present, enrolled: course.enrolled })
              : t('courses.attendanceMissing')}
          </Tag>
        )}
      </div>
      <span className="gj-inline">
        <CourseKindTag kind={course.kind} />
        <Link to={`/courses/${course.id}`}>{course.title}</Link>
        <Typography.Text type="secondary">
          {t('courses.sessionOf', { n: index + 1, total: course.sessions.length })}
        </Typography.Text>
      </span>
      <Typography.Text type="secondary" className="gj-inline">
        <span>
          <ClockCircleOutlined /> {sessionTime(session)}
        </span>
        {session.place && (
          <span>
            <EnvironmentOutlined /> {session.place}
          </span>
        )}
      </Typography.Text>
      <Typography.Text type="secondary">
        {t('courses.enrolledCount', { count: course.enrolled })}
      </Typography.Text>
      <Button
        type={open ? 'default' : started ? 'primary' : 'default'}
        icon={<FormOutlined />}
        onClick={onToggle}
        data-testid={`teaching-attendance-${session.id}`}
      >
        {open ? t('courses.hideSheet') : t('courses.openSheet')}
      </Button>
      {open && (
        <div className="gj-fill gj-pub-sheet">
          <AttendanceSheet course={course} session={session} />
        </div>
      )}
    </div>
  );
}

/** A lecturer's sessions, coming and past, each with its attendance sheet. */
export function TeachingPage() {
  const { t } = useTranslation();
  const list = useListParams(['when'] as const);
  const when: When = oneOf(WHEN, list.filters.when) ?? 'upcoming';
  const courses = useCourses({ teaching: 'true', page: 1, pageSize: PAGE_SIZE });
  const [open, setOpen] = useState<number | null>(null);
  const [now] = useState(() => zoned(Date.now()));

  const rows: Row[] = (courses.data?.items ?? []).flatMap((course) =>
    course.sessions.flatMap((session, index) => (session.mine ? [{ course, session, index }] : [])),
  );
  const upcoming = rows
    .filter((r) => zoned(r.session.endsAt).isAfter(now))
    .sort((a, b) => a.session.startsAt.localeCompare(b.session.startsAt));
  const past = rows
    .filter((r) => !zoned(r.session.endsAt).isAfter(now))
    .sort((a, b) => b.session.startsAt.localeCompare(a.session.startsAt));
  const shown = when === 'upcoming' ? upcoming : past;

  return (
    <>
      <PageHeader title={t('nav.myTeaching')} />
      <Card>
        <Segmented<When>
          className="gj-block-gap"
          value={when}
          onChange={(next) => list.setFilters({ when: next === 'upcoming' ? undefined : next })}
          options={WHEN.map((w) => ({
            value: w,
            label: t(`courses.when.${w}`, { count: w === 'upcoming' ? upcoming.length : past.length }),
          }))}
          data-testid="teaching-when"
        />
        {courses.error && <QueryError error={courses.error} onRetry={() => void courses.refetch()} />}
        {!courses.data && !courses.error && <Skeleton active />}
        {courses.data && (
          <Spin spinning={courses.isFetching}>
            {shown.length === 0 ? (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={
                  when === 'upcoming' ? t('courses.noUpcomingTeaching') : t('courses.noPastTeaching')
                }
              />
            ) : (
              <div className="gj-pub-grid gj-pub-grid-wide" data-testid="teaching-list">
                {shown.map((row) => (
                  <SessionCard
                    key={row.session.id}
                    row={row}
                    open={open === row.session.id}
                    onToggle={() => setOpen((prev) => (prev === row.session.id ? null : row.session.id))}
                  />
                ))}
              </div>
            )}
          </Spin>
        )}
      </Card>
    </>
  );
}
