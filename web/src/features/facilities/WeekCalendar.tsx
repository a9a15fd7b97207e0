import { CalendarOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import type { Facility } from '@contract';
import { Button, Skeleton, Space, Spin, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Dayjs, day, wallClock } from '../../lib/time';
import { useFeedback } from '../../shared/feedback';
import { QueryError } from '../../shared/QueryError';
import { useIsMobile } from '../../shared/useIsMobile';
import { useFacilityCalendar } from './api';
import {
  CELLS,
  type CellState,
  cellState,
  clock,
  type DayModel,
  freeSpans,
  GRID_START,
  placement,
  rangeFree,
  STEP,
  type TakenSpan,
  weekModel,
} from './calendarModel';
import { DAY, mondayOf, weekdayLabel, weekdayOf } from './time';

type Props = {
  facility: Facility;
  /** The Monday of the week shown. */
  monday: Dayjs;
  onWeek: (monday: Dayjs) => void;
  /** A free slot chosen; absent where the user may not book. */
  onPick?: (startsAt: Dayjs, endsAt: Dayjs) => void;
};

type Point = { day: number; cell: number };

/** Each half hour's start, "07:00" … "21:30". */
const CELL_TIMES = Array.from({ length: CELLS }, (_, c) => clock(GRID_START + c * STEP));

function takenLabel(t: TFunction, span: TakenSpan) {
  const status = span.slot.status === 'pending' ? t('facilities.cal.pending') : t('facilities.cal.taken');
  return span.slot.purpose ? `${status} · ${span.slot.purpose}` : status;
}

function Legend({ compact }: { compact: boolean }) {
  const { t } = useTranslation();
  // A phone's day list shows only free and taken spans.
  const items: { state: string; label: string }[] = compact
    ? [
        { state: 'free', label: t('facilities.cal.free') },
        { state: 'pending', label: t('facilities.cal.pending') },
        { state: 'taken', label: t('facilities.cal.taken') },
      ]
    : [
        { state: 'open', label: t('facilities.cal.open') },
        { state: 'outside', label: t('facilities.cal.outside') },
        { state: 'closed', label: t('facilities.cal.closed') },
        { state: 'pending', label: t('facilities.cal.pending') },
        { state: 'taken', label: t('facilities.cal.taken') },
        { state: 'past', label: t('facilities.cal.past') },
      ];
  return (
    <div className="gj-fac-legend" data-testid="calendar-legend">
      {items.map((i) => (
        <span key={i.state} className="gj-inline">
          <span className="gj-fac-swatch" data-state={i.state} />
          {i.label}
        </span>
      ))}
    </div>
  );
}

/** The desktop grid: days across, half hours down; a click on a start cell and one on an end cell picks a slot. */
function WeekGrid({ days, onPick }: { days: DayModel[]; onPick?: Props['onPick'] }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [anchor, setAnchor] = useState<Point | null>(null);
  const [hover, setHover] = useState<Point | null>(null);
  const today = wallClock().format(DAY);

  const click = (p: Point) => {
    const day = days[p.day];
    if (!onPick || !day) return;
    if (cellState(day, p.cell) !== 'open') return;
    if (!anchor || anchor.day !== p.day) return setAnchor(p);
    if (!rangeFree(day, anchor.cell, p.cell)) {
      feedback.warning(t('facilities.cal.rangeNotFree'));
      return setAnchor(p);
    }
    const first = Math.min(anchor.cell, p.cell);
    const last = Math.max(anchor.cell, p.cell);
    setAnchor(null);
    setHover(null);
    onPick(
      day.date.add(GRID_START + first * STEP, 'minute'),
      day.date.add(GRID_START + (last + 1) * STEP, 'minute'),
    );
  };
  const inSelection = (d: number, c: number) => {
    if (!anchor || anchor.day !== d) return false;
    const other = hover && hover.day === d ? hover.cell : anchor.cell;
    return c >= Math.min(anchor.cell, other) && c <= Math.max(anchor.cell, other);
  };

  return (
    <>
      {onPick && (
        <div className="gj-fac-cal-hint" data-testid="calendar-hint">
          <Typography.Text type={anchor ? undefined : 'secondary'}>
            {anchor
              ? t('facilities.cal.pickEnd', {
                  time: clock(GRID_START + anchor.cell * STEP),
                  day: days[anchor.day]?.date.format('MM-DD ddd') ?? '',
                })
              : t('facilities.cal.pickStart')}
          </Typography.Text>
          {anchor && (
            <Button size="small" type="link" onClick={() => setAnchor(null)} data-testid="calendar-clear">
              {t('facilities.cal.clear')}
            </Button>
          )}
        </div>
      )}
      <div className="gj-fac-week" data-testid="week-grid">
        <div className="gj-fac-week-corner" />
        {days.map((d) => (
          <div
            key={d.key}
            className="gj-fac-week-head"
            data-today={d.key === today || undefined}
            data-testid={`week-head-${d.key}`}
          >
            <strong>{weekdayLabel(t, weekdayOf(d.date))}</strong>
            <span>{d.date.format('MM-DD')}</span>
            {d.closedReason !== undefined && (
              <Tag color="default" className="gj-fac-closed-tag" title={d.closedReason}>
                {t('facilities.cal.closed')}
              </Tag>
            )}
          </div>
        ))}
        <div className="gj-fac-week-times">
          {CELL_TIMES.map((time, c) => (
            <div key={time} className="gj-fac-week-time">
              {c % 2 === 0 ? time : ''}
            </div>
          ))}
        </div>
        {days.map((d, di) => (
          <div key={d.key} className="gj-fac-week-day" data-testid={`week-day-${d.key}`}>
            {CELL_TIMES.map((time, c) => {
              const state: CellState = cellState(d, c);
              const selectable = state === 'open' && onPick !== undefined;
              return (
                <button
                  key={time}
                  type="button"
                  className="gj-fac-cell"
                  data-state={state}
                  data-selected={inSelection(di, c) || undefined}
                  data-hour={c % 2 === 0 || undefined}
                  disabled={!selectable}
                  onClick={() => click({ day: di, cell: c })}
                  onMouseEnter={() => anchor && setHover({ day: di, cell: c })}
                  aria-label={`${d.date.format('MM-DD ddd')} ${time}`}
                  data-testid={`cell-${d.key}-${time}`}
                />
              );
            })}
            {d.closedReason !== undefined && (
              <div className="gj-fac-closed-note" title={d.closedReason}>
                {d.closedReason}
              </div>
            )}
            {d.taken.map((span) => {
              const place = placement(span);
              if (!place) return null;
              return (
                <div
                  key={`${span.slot.startsAt}-${span.slot.bookingId ?? ''}`}
                  className="gj-fac-taken"
                  data-status={span.slot.status}
                  style={place}
                  title={`${clock(span.from)}–${clock(span.to)} ${takenLabel(t, span)}`}
                  data-testid="calendar-taken"
                >
                  <span className="gj-fac-taken-time">
                    {clock(span.from)}–{clock(span.to)}
                  </span>
                  <span className="gj-fac-taken-label">{takenLabel(t, span)}</span>
                </div>
              );
            })}
          </div>
        ))}
      </div>
    </>
  );
}

/** A phone's week: day by day, the free spans (each to book) and the taken slots in order. */
function DayList({
  days,
  facility,
  onPick,
}: {
  days: DayModel[];
  facility: Facility;
  onPick?: Props['onPick'];
}) {
  const { t } = useTranslation();
  const today = wallClock().format(DAY);
  // A free span is offered from its start, for an hour or the shortest the rules allow, if it fits.
  const length = Math.min(Math.max(facility.bookingRules.minMinutes, 60), facility.bookingRules.maxMinutes);
  return (
    <div className="gj-fac-daylist" data-testid="week-list">
      {days.map((d) => {
        const free = freeSpans(d).map((s) => ({ ...s, kind: 'free' as const }));
        const taken = d.taken.map((s) => ({ from: s.from, to: s.to, kind: 'taken' as const, span: s }));
        const rows = [...free, ...taken].sort((a, b) => a.from - b.from);
        const past = d.date.add(1, 'day').isBefore(wallClock());
        return (
          <section
            key={d.key}
            className="gj-fac-daylist-day"
            data-today={d.key === today || undefined}
            data-past={past || undefined}
            data-testid={`day-${d.key}`}
          >
            <div className="gj-fac-daylist-head">
              <strong>
                {weekdayLabel(t, weekdayOf(d.date))} {d.date.format('MM-DD')}
              </strong>
              {d.key === today && <Tag color="red">{t('facilities.cal.today')}</Tag>}
            </div>
            {d.closedReason !== undefined ? (
              <Typography.Text type="secondary">
                {t('facilities.cal.closedBecause', { reason: d.closedReason })}
              </Typography.Text>
            ) : past ? (
              <Typography.Text type="secondary">{t('facilities.cal.dayPast')}</Typography.Text>
            ) : d.open.length === 0 ? (
              <Typography.Text type="secondary">{t('facilities.cal.notOpen')}</Typography.Text>
            ) : rows.length === 0 ? (
              <Typography.Text type="secondary">{t('facilities.cal.nothingLeft')}</Typography.Text>
            ) : (
              <ul className="gj-fac-daylist-rows">
                {rows.map((r) => (
                  <li
                    key={`${r.kind}-${r.from}`}
                    className="gj-fac-daylist-row"
                    data-state={r.kind === 'free' ? 'open' : r.span.slot.status}
                  >
                    <span className="gj-fac-daylist-time">
                      {clock(r.from)}–{clock(r.to)}
                    </span>
                    {r.kind === 'free' ? (
                      <>
                        <span className="gj-fac-daylist-what">{t('facilities.cal.free')}</span>
                        {onPick && (
                          <Button
                            type="primary"
                            size="small"
                            onClick={() =>
                              onPick(
                                d.date.add(r.from, 'minute'),
                                d.date.add(Math.min(r.to, r.from + length), 'minute'),
                              )
                            }
                            data-testid={`day-book-${d.key}-${clock(r.from)}`}
                          >
                            {t('bookings.book')}
                          </Button>
                        )}
                      </>
                    ) : (
                      <span className="gj-fac-daylist-what">{takenLabel(t, r.span)}</span>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}

/** A facility's week: open and outside hours, closed days, taken slots; free slots to book. */
export function WeekCalendar({ facility, monday, onWeek, onPick }: Props) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const from = monday.format(DAY);
  const to = monday.add(6, 'day').format(DAY);
  const calendar = useFacilityCalendar(facility.id, from, to);
  const days = weekModel(monday, calendar.data, facility.bookingRules.minNoticeHours);
  const thisWeek = mondayOf(day());
  const lastBookable = day().add(facility.bookingRules.maxDaysAhead, 'day');

  return (
    <div data-testid="week-calendar">
      <div className="gj-fac-week-nav">
        <Space wrap>
          <Button
            icon={<LeftOutlined />}
            onClick={() => onWeek(monday.subtract(7, 'day'))}
            aria-label={t('facilities.cal.prevWeek')}
            data-testid="week-prev"
          />
          <Button
            icon={<CalendarOutlined />}
            disabled={monday.isSame(thisWeek, 'day')}
            onClick={() => onWeek(thisWeek)}
            data-testid="week-this"
          >
            {t('facilities.cal.thisWeek')}
          </Button>
          <Button
            icon={<RightOutlined />}
            onClick={() => onWeek(monday.add(7, 'day'))}
            disabled={monday.add(7, 'day').isAfter(lastBookable.add(35, 'day'))}
            aria-label={t('facilities.cal.nextWeek')}
            data-testid="week-next"
          />
        </Space>
        <strong className="gj-fac-week-label" data-testid="week-label">
          {t('facilities.cal.weekOf', { from: monday.format(DAY), to: monday.add(6, 'day').format('MM-DD') })}
        </strong>
      </div>
      {calendar.error && <QueryError error={calendar.error} onRetry={() => void calendar.refetch()} />}
      {!calendar.data && !calendar.error ? (
        <Skeleton active />
      ) : (
        <Spin spinning={calendar.isFetching}>
          {isMobile ? (
            <DayList days={days} facility={facility} onPick={onPick} />
          ) : (
            <WeekGrid key={from} days={days} onPick={onPick} />
          )}
          <Legend compact={isMobile} />
        </Spin>
      )}
    </div>
  );
}
