import type { Occurrence } from '@contract';
import { Calendar, Empty, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Dayjs, wallClock } from '../../lib/time';
import { OccurrenceCard, OccurrenceChip } from './CalendarParts';
import { formatDay } from './format';
import { DAY } from './formValues';

/** Occurrences by their local date, each day's in order of time. */
export type ByDate = ReadonlyMap<string, readonly Occurrence[]>;

/** Whether the occurrences shown come from more than one region (then each names its own). */
export function manyRegions(byDate: ByDate): boolean {
  const regions = new Set<number>();
  for (const items of byDate.values()) for (const o of items) regions.add(o.regionId);
  return regions.size > 1;
}

export function groupByDate(items: readonly Occurrence[]): ByDate {
  const map = new Map<string, Occurrence[]>();
  for (const o of [...items].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
    map.set(o.date, [...(map.get(o.date) ?? []), o]);
  }
  return map;
}

/** How many chips a desktop month cell shows before "+N". */
const CELL_MAX = 3;

type MonthProps = {
  value: Dayjs;
  byDate: ByDate;
  onSelect: (date: Dayjs) => void;
};

/** The month on a desktop: each day's cell lists its occurrences; "N more" opens the day's week. */
export function MonthGrid({
  value,
  byDate,
  onSelect,
  onShowWeek,
}: MonthProps & { onShowWeek: (date: Dayjs) => void }) {
  const { t } = useTranslation();
  const showRegion = manyRegions(byDate);
  return (
    <div data-testid="dedication-month">
      <Calendar
        className="gj-ded-month"
        // A day's occurrences show whole: the cell grows rather than scrolls.
        styles={{ itemContent: { height: 'auto', minHeight: 86 } }}
        value={value}
        headerRender={() => null}
        onSelect={(date, { source }) => source === 'date' && onSelect(date)}
        cellRender={(date, info) => {
          if (info.type !== 'date') return null;
          const items = byDate.get(date.format(DAY)) ?? [];
          return (
            <div className="gj-ded-cell" data-date={date.format(DAY)}>
              {items.slice(0, CELL_MAX).map((o) => (
                <OccurrenceChip key={o.id} occurrence={o} showRegion={showRegion} />
              ))}
              {items.length > CELL_MAX && (
                <Typography.Link
                  className="gj-ded-more"
                  onClick={(e) => {
                    e.stopPropagation();
                    onShowWeek(date);
                  }}
                  data-testid={`dedication-more-${date.format(DAY)}`}
                >
                  {t('dedication.calendar.more', { n: items.length - CELL_MAX })}
                </Typography.Link>
              )}
            </div>
          );
        }}
      />
    </div>
  );
}

/** Days one under another (a phone's week, a phone's month below its small calendar). */
function DayList({ days, byDate, hideEmpty }: { days: Dayjs[]; byDate: ByDate; hideEmpty: boolean }) {
  const { t } = useTranslation();
  const shown = hideEmpty ? days.filter((d) => byDate.has(d.format(DAY))) : days;
  if (shown.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dedication.calendar.empty')} />;
  }
  const today = wallClock().format(DAY);
  return (
    <ol className="gj-ded-daylist">
      {shown.map((d) => {
        const date = d.format(DAY);
        const items = byDate.get(date) ?? [];
        return (
          <li
            key={date}
            id={`ded-day-${date}`}
            className={date === today ? 'gj-ded-day gj-ded-today' : 'gj-ded-day'}
            data-testid={`dedication-day-${date}`}
          >
            <div className="gj-ded-daylist-head">{formatDay(t, date)}</div>
            {items.length === 0 ? (
              <Typography.Text type="secondary" className="gj-ded-none">
                {t('dedication.calendar.nothing')}
              </Typography.Text>
            ) : (
              items.map((o) => <OccurrenceCard key={o.id} occurrence={o} />)
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** A phone's month: a small calendar with a dot on the days that have something, then the list. */
export function MonthAgenda({ value, byDate, onSelect }: MonthProps) {
  const start = value.startOf('month');
  const days = Array.from({ length: value.daysInMonth() }, (_, i) => start.add(i, 'day'));
  return (
    <div data-testid="dedication-month">
      <Calendar
        className="gj-ded-mini"
        fullscreen={false}
        value={value}
        headerRender={() => null}
        onSelect={(date, { source }) => {
          if (source !== 'date') return;
          onSelect(date);
          document.getElementById(`ded-day-${date.format(DAY)}`)?.scrollIntoView({ behavior: 'smooth' });
        }}
        fullCellRender={(date, info) => {
          if (info.type !== 'date') return info.originNode;
          const items = byDate.get(date.format(DAY)) ?? [];
          const open = items.filter((o) => o.status !== 'cancelled');
          const full =
            open.length > 0 && open.every((o) => o.tasks.every((task) => task.signed >= task.capacity));
          return (
            <div className="ant-picker-cell-inner gj-ded-mini-cell">
              {date.date()}
              {items.length > 0 && (
                <span
                  className={
                    open.length === 0
                      ? 'gj-ded-dot gj-ded-dot-off'
                      : full
                        ? 'gj-ded-dot gj-ded-dot-full'
                        : 'gj-ded-dot'
                  }
                />
              )}
            </div>
          );
        }}
      />
      <DayList days={days} byDate={byDate} hideEmpty />
    </div>
  );
}

type WeekProps = { start: Dayjs; byDate: ByDate; stacked: boolean };

/** Seven columns on a desktop, or the seven days one under another on a phone. */
export function WeekView({ start, byDate, stacked }: WeekProps) {
  const { t } = useTranslation();
  const days = Array.from({ length: 7 }, (_, i) => start.add(i, 'day'));
  if (stacked) return <DayList days={days} byDate={byDate} hideEmpty={false} />;
  const today = wallClock().format(DAY);
  return (
    <div className="gj-ded-week" data-testid="dedication-week">
      {days.map((d) => {
        const date = d.format(DAY);
        const items = byDate.get(date) ?? [];
        return (
          <section
            key={date}
            className={date === today ? 'gj-ded-week-day gj-ded-today' : 'gj-ded-week-day'}
            data-testid={`dedication-day-${date}`}
          >
            <header className="gj-ded-week-head">
              <span>{d.format('ddd')}</span>
              <strong>{d.format(t('dedication.calendar.weekDayFormat'))}</strong>
            </header>
            {items.length === 0 ? (
              <Typography.Text type="secondary" className="gj-ded-none">
                {t('common.none')}
              </Typography.Text>
            ) : (
              items.map((o) => <OccurrenceCard key={o.id} occurrence={o} />)
            )}
          </section>
        );
      })}
    </div>
  );
}
