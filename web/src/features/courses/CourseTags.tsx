import { CheckCircleFilled } from '@ant-design/icons';
import type { Course } from '@contract';
import { Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Dayjs, now, zoned } from '../../lib/time';
import type { CourseKind, EnrolmentMode } from './api';

export function CourseKindTag({ kind }: { kind: CourseKind }) {
  const { t } = useTranslation();
  return (
    <Tag color={kind === 'course' ? 'red' : 'purple'} data-kind={kind}>
      {t(`courses.kind.${kind}`)}
    </Tag>
  );
}

export function EnrolmentModeTag({ mode }: { mode: EnrolmentMode }) {
  const { t } = useTranslation();
  return <Tag color={mode === 'open' ? 'green' : 'gold'}>{t(`courses.enrolmentMode.${mode}`)}</Tag>;
}

/** The reader's own standing: enrolled, or completed. */
export function MyCourseTag({ mine }: { mine: Course['mine'] }) {
  const { t } = useTranslation();
  if (!mine) return null;
  return mine.completedAt ? (
    <Tag color="success" icon={<CheckCircleFilled />} data-testid="course-mine-tag" data-state="completed">
      {t('courses.completed')}
    </Tag>
  ) : (
    <Tag color="processing" data-testid="course-mine-tag" data-state="enrolled">
      {t('courses.enrolled')}
    </Tag>
  );
}

/** "12/40": seats taken, with a small bar; green once full. */
export function SeatsBar({ enrolled, capacity }: { enrolled: number; capacity: number }) {
  const { t } = useTranslation();
  const full = enrolled >= capacity;
  return (
    <span className="gj-slots">
      <Progress
        percent={capacity > 0 ? Math.round((Math.min(enrolled, capacity) / capacity) * 100) : 0}
        size="small"
        showInfo={false}
        strokeColor={full ? '#52c41a' : '#c8102e'}
        status="normal"
      />
      <Typography.Text type="secondary" className="gj-nowrap">
        {t('courses.seats', { enrolled, capacity })}
      </Typography.Text>
    </span>
  );
}

const sameYear = (d: Dayjs) => d.isSame(now(), 'year');

/** "05-16 09:00–11:00", with the year when not this year's. */
export function sessionTime(s: { startsAt: string; endsAt: string }) {
  const start = zoned(s.startsAt);
  const end = zoned(s.endsAt);
  const day = sameYear(start) ? 'MM-DD' : 'YYYY-MM-DD';
  return `${start.format(`${day} ddd HH:mm`)}–${end.format(end.isSame(start, 'day') ? 'HH:mm' : `${day} HH:mm`)}`;
}

/** A course's dates: its first session's day to its last's. */
export function courseDates(c: Pick<Course, 'startsAt' | 'endsAt'>) {
  if (!c.startsAt) return null;
  const start = zoned(c.startsAt);
  const end = c.endsAt ? zoned(c.endsAt) : start;
  const day = sameYear(start) && sameYear(end) ? 'MM-DD' : 'YYYY-MM-DD';
  return end.isSame(start, 'day')
    ? `${start.format(`${day} HH:mm`)}–${end.format('HH:mm')}`
    : `${start.format(day)} ~ ${end.format(day)}`;
}
