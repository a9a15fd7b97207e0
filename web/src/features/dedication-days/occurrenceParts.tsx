import { ClockCircleOutlined, QrcodeOutlined, UserOutlined } from '@ant-design/icons';
import type { DedicationTask, HoursStatus, OccurrenceStatus, Signup, SignupStatus } from '@contract';
import { Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { zoned } from '../../lib/time';
import { hasEnded, hasStarted } from './occurrences.api';

const SIGNUP_COLOR: Record<SignupStatus, string> = {
  signed: 'success',
  waiting: 'gold',
  withdrawn: 'default',
  removed: 'error',
};

const HOURS_COLOR: Record<HoursStatus, string> = {
  pending: 'default',
  confirmed: 'success',
  rejected: 'error',
};

export const DATE = 'YYYY-MM-DD';
export const TIME = 'HH:mm';
export const DATE_TIME = 'YYYY-MM-DD HH:mm';

/** "2026-05-16 周六" / "2026-05-16 Sat". */
export const dayLabel = (iso: string) => zoned(iso).format('YYYY-MM-DD ddd');

/** "09:00–11:30", with the end's date when it ends on another day. */
export function timeRange(x: { startsAt: string; endsAt: string }) {
  const start = zoned(x.startsAt);
  const end = zoned(x.endsAt);
  return `${start.format(TIME)}–${end.format(end.isSame(start, 'day') ? TIME : 'MM-DD HH:mm')}`;
}

/** "2026-05-16 周六 09:00–11:30". */
export const whenLabel = (x: { startsAt: string; endsAt: string }) =>
  `${dayLabel(x.startsAt)} ${timeRange(x)}`;

/** Whether a task keeps its occurrence's hours (then its own are not repeated). */
export const sameHours = (a: { startsAt: string; endsAt: string }, b: { startsAt: string; endsAt: string }) =>
  zoned(a.startsAt).isSame(b.startsAt, 'minute') && zoned(a.endsAt).isSame(b.endsAt, 'minute');

type Phase = 'upcoming' | 'ongoing' | 'ended' | 'cancelled';
const PHASE_COLOR: Record<Phase, string> = {
  upcoming: 'blue',
  ongoing: 'processing',
  ended: 'default',
  cancelled: 'default',
};

/** Where an occurrence stands: called off, or by the clock, ahead, under way or over. */
export function OccurrenceStatusTag({
  occurrence,
}: {
  occurrence: { status: OccurrenceStatus; startsAt: string; endsAt: string };
}) {
  const { t } = useTranslation();
  const phase: Phase =
    occurrence.status === 'cancelled'
      ? 'cancelled'
      : hasEnded(occurrence)
        ? 'ended'
        : hasStarted(occurrence)
          ? 'ongoing'
          : 'upcoming';
  return (
    <Tag
      color={PHASE_COLOR[phase]}
      data-status={occurrence.status}
      data-phase={phase}
      data-testid="occurrence-status"
    >
      {t(`occurrences.phase.${phase}`)}
    </Tag>
  );
}

/** 已报名, 候补第 N 位, 已取消, 已移出. */
export function SignupStatusTag({
  status,
  position,
  testId,
}: {
  status: SignupStatus;
  position: number | null;
  testId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Tag color={SIGNUP_COLOR[status]} data-status={status} data-testid={testId}>
      {status === 'waiting' && position !== null
        ? t('occurrences.waitingAt', { position })
        : t(`occurrences.signupStatus.${status}`)}
    </Tag>
  );
}

export function HoursStatusTag({ status }: { status: HoursStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={HOURS_COLOR[status]} data-status={status}>
      {t(`occurrences.hoursStatus.${status}`)}
    </Tag>
  );
}

/** "3/5 已报名 · 候补 2": a bar that turns green once the task is full. */
export function FillBar({ task }: { task: Pick<DedicationTask, 'signed' | 'capacity' | 'waiting'> }) {
  const { t } = useTranslation();
  const full = task.capacity > 0 && task.signed >= task.capacity;
  return (
    <span className="gj-slots">
      <Progress
        percent={
          task.capacity > 0 ? Math.round((Math.min(task.signed, task.capacity) / task.capacity) * 100) : 0
        }
        size="small"
        showInfo={false}
        strokeColor={full ? '#52c41a' : '#c8102e'}
        status="normal"
      />
      <Typography.Text type="secondary" className="gj-nowrap" data-testid="task-fill">
        {t('occurrences.fill', { signed: task.signed, capacity: task.capacity })}
        {task.waiting > 0 && ` · ${t('occurrences.waitingCount', { count: task.waiting })}`}
      </Typography.Text>
    </span>
  );
}

/** A check-in or check-out time, with how it was made (by the member's scan or by hand). */
export function CheckTime({ at, by }: { at: string | null; by: Signup['checkedBy'] }) {
  const { t } = useTranslation();
  if (!at) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <span className="gj-inline gj-nowrap">
      <span>{zoned(at).format(TIME)}</span>
      {by && (
        <Typography.Text type="secondary" className="gj-check-by">
          {by === 'qr' ? <QrcodeOutlined /> : <UserOutlined />} {t(`occurrences.checkedBy.${by}`)}
        </Typography.Text>
      )}
    </span>
  );
}

/** The hours of a sign-up: those decided, else those computed from the check times. */
export function HoursCell({ signup }: { signup: Signup }) {
  const { t } = useTranslation();
  // Hours come into question once the day has begun.
  if (signup.status !== 'signed' || (signup.hoursStatus === 'pending' && !hasStarted(signup)))
    return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return (
    <span className="gj-stack" data-testid={`signup-hours-${signup.id}`}>
      <span className="gj-inline">
        <HoursStatusTag status={signup.hoursStatus} />
        {signup.hoursStatus === 'confirmed' && signup.hours !== null && (
          <strong>{t('occurrences.hoursValue', { hours: signup.hours })}</strong>
        )}
      </span>
      {signup.hoursStatus !== 'confirmed' && signup.computedHours !== null && (
        <Typography.Text type="secondary">
          <ClockCircleOutlined /> {t('occurrences.computed', { hours: signup.computedHours })}
        </Typography.Text>
      )}
      {signup.reason && signup.hoursStatus !== 'pending' && (
        <Typography.Text type="secondary">{signup.reason}</Typography.Text>
      )}
    </span>
  );
}
