import { ClockCircleOutlined, EnvironmentOutlined, UserOutlined } from '@ant-design/icons';
import type { Course } from '@contract';
import { Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { zoned } from '../../lib/time';
import { sessionTime } from './CourseTags';

type Props = {
  course: Course;
  /** Show how many were present (organisers and lecturers). */
  showPresent: boolean;
};

/** The course's sessions in order: past ones grey, the next one marked. */
export function SessionTimeline({ course, showPresent }: Props) {
  const { t } = useTranslation();
  const now = zoned(Date.now());
  const next = course.sessions.find((s) => zoned(s.endsAt).isAfter(now));
  return (
    <Timeline
      className="gj-pub-timeline"
      data-testid="course-sessions"
      items={course.sessions.map((s, i) => {
        const past = zoned(s.endsAt).isBefore(now);
        return {
          key: s.id,
          color: past ? 'gray' : s.id === next?.id ? 'red' : 'blue',
          content: (
            <div className="gj-pub-session" data-testid={`session-${s.id}`} data-past={past || undefined}>
              <span className="gj-inline">
                <strong>
                  {t('courses.sessionN', { n: i + 1 })} · {s.title}
                </strong>
                {s.id === next?.id && <Tag color="red">{t('courses.nextSession')}</Tag>}
                {s.mine && <Tag color="purple">{t('courses.iTeach')}</Tag>}
              </span>
              <Typography.Text type="secondary" className="gj-inline">
                <span>
                  <ClockCircleOutlined /> {sessionTime(s)}
                </span>
                {s.place && (
                  <span>
                    <EnvironmentOutlined /> {s.place}
                  </span>
                )}
                {s.lecturer && (
                  <span>
                    <UserOutlined /> {s.lecturer.name}
                  </span>
                )}
              </Typography.Text>
              {showPresent && past && (
                <Typography.Text type="secondary" className="gj-pub-small">
                  {t('courses.presentOfEnrolled', { present: s.present, enrolled: course.enrolled })}
                </Typography.Text>
              )}
            </div>
          ),
        };
      })}
    />
  );
}
