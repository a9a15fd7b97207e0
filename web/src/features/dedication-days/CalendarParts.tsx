import { CheckCircleFilled, EnvironmentOutlined } from '@ant-design/icons';
import type { DedicationTask, Occurrence } from '@contract';
import { Tag, Tooltip, Typography } from 'antd';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { clock, fill, timeRange } from './format';

/** The occurrence's page (built with the sign-ups and check-in). */
export const occurrencePath = (o: Pick<Occurrence, 'id'>) => `/occurrences/${o.id}`;

/** A click on an occurrence is not also a click on its calendar cell. */
const stop = (e: MouseEvent) => e.stopPropagation();

const isMine = (task: DedicationTask) => task.mine?.status === 'signed' || task.mine?.status === 'waiting';

/** "已报 12/20" with a small bar: green while places are left, red once full. */
export function FillBar({ signed, capacity }: { signed: number; capacity: number }) {
  const { t } = useTranslation();
  const full = capacity > 0 && signed >= capacity;
  const percent = capacity > 0 ? Math.round((Math.min(signed, capacity) / capacity) * 100) : 0;
  return (
    <span className={full ? 'gj-ded-fill gj-ded-full' : 'gj-ded-fill'} data-full={full}>
      <span className="gj-ded-fill-track">
        <span className="gj-ded-fill-bar" style={{ width: `${percent}%` }} />
      </span>
      <span className="gj-ded-fill-text">{t('dedication.calendar.fill', { signed, capacity })}</span>
    </span>
  );
}

/** The reader's own sign-up for a task: signed, or waiting in line. */
export function MineTag({ task }: { task: DedicationTask }) {
  const { t } = useTranslation();
  if (!task.mine || !isMine(task)) return null;
  return (
    <Tag color="blue" className="gj-ded-mine" data-testid={`dedication-mine-${task.id}`}>
      {task.mine.status === 'waiting'
        ? t('dedication.calendar.mineWaiting', { position: task.mine.position ?? '' })
        : t('dedication.calendar.mineSigned')}
    </Tag>
  );
}

/**
 * An occurrence in a month cell: its time and title, and how full it is; with its region's name
 * when the month shows several (the communities' days are often named alike).
 */
export function OccurrenceChip({
  occurrence: o,
  showRegion,
}: {
  occurrence: Occurrence;
  showRegion: boolean;
}) {
  const { t } = useTranslation();
  const cancelled = o.status === 'cancelled';
  const total = fill(o.tasks);
  const mine = o.tasks.some(isMine);
  return (
    <Link
      to={occurrencePath(o)}
      onClick={stop}
      className="gj-ded-chip"
      title={[o.title, o.regionName, timeRange(clock(o.startsAt), clock(o.endsAt))].join(' · ')}
      data-status={o.status}
      data-testid={`occurrence-chip-${o.id}`}
    >
      <span className="gj-ded-chip-head">
        <span className="gj-ded-chip-time">{clock(o.startsAt)}</span>
        <span className="gj-ded-chip-title">{showRegion ? o.regionName : o.title}</span>
        {mine && (
          <Tooltip title={t('dedication.calendar.mineSigned')}>
            <CheckCircleFilled className="gj-ded-mine-icon" data-testid={`occurrence-mine-${o.id}`} />
          </Tooltip>
        )}
      </span>
      {cancelled ? (
        <span className="gj-ded-chip-note">{t('dedication.calendar.cancelled')}</span>
      ) : (
        <FillBar signed={total.signed} capacity={total.capacity} />
      )}
    </Link>
  );
}

/** An occurrence with each of its tasks' fill levels (the week view and a phone's list). */
export function OccurrenceCard({ occurrence: o }: { occurrence: Occurrence }) {
  const { t } = useTranslation();
  const cancelled = o.status === 'cancelled';
  return (
    <div className="gj-ded-occ" data-status={o.status} data-testid={`occurrence-card-${o.id}`}>
      <span className="gj-inline">
        <Link to={occurrencePath(o)} className="gj-strong-link gj-ded-occ-title">
          {o.title}
        </Link>
        {cancelled && <Tag>{t('dedication.calendar.cancelled')}</Tag>}
      </span>
      <Typography.Text type="secondary" className="gj-ded-occ-meta">
        {timeRange(clock(o.startsAt), clock(o.endsAt))}
        {' · '}
        <EnvironmentOutlined /> {[o.regionName, o.place].filter(Boolean).join(' · ')}
      </Typography.Text>
      {cancelled && o.reason && (
        <Typography.Text type="secondary" className="gj-ded-occ-meta">
          {t('dedication.calendar.reason', { reason: o.reason })}
        </Typography.Text>
      )}
      {!cancelled && (
        <ul className="gj-ded-tasks">
          {o.tasks.map((task) => (
            <li key={task.id} className="gj-ded-task" data-testid={`occurrence-task-${task.id}`}>
              <span className="gj-ded-task-name">
                <span>{task.title}</span>
                <MineTag task={task} />
              </span>
              <FillBar signed={task.signed} capacity={task.capacity} />
              {task.waiting > 0 && (
                <Typography.Text type="secondary" className="gj-ded-waiting">
                  {t('dedication.calendar.waiting', { n: task.waiting })}
                </Typography.Text>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** What the colours mean. */
export function CalendarLegend() {
  const { t } = useTranslation();
  return (
    <div className="gj-ded-legend">
      <span>
        <span className="gj-ded-swatch" /> {t('dedication.calendar.legendOpen')}
      </span>
      <span>
        <span className="gj-ded-swatch gj-ded-swatch-full" /> {t('dedication.calendar.legendFull')}
      </span>
      <span>
        <span className="gj-ded-struck">{t('dedication.calendar.legendCancelledSample')}</span>{' '}
        {t('dedication.calendar.legendCancelled')}
      </span>
      <span>
        <CheckCircleFilled className="gj-ded-mine-icon" /> {t('dedication.calendar.mineSigned')}
      </span>
    </div>
  );
}
