import { CopyOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Space, TimePicker, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Dayjs, wallClock } from '../../lib/time';
import type { OpeningInterval } from './api';
import { atTime, minutesOf, TIME, WEEKDAYS, weekdayLabel } from './time';

type Props = {
  value?: OpeningInterval[];
  onChange?: (value: OpeningInterval[]) => void;
  id?: string;
};

/** The hours a new interval gets: after the day's last one, else a working day. */
function nextInterval(day: OpeningInterval[], weekday: number): OpeningInterval {
  const last = day[day.length - 1];
  if (!last) return { weekday, opens: '09:00', closes: '17:00' };
  const start = Math.min(minutesOf(last.closes) + 60, 22 * 60);
  const end = Math.min(start + 120, 23 * 60 + 59);
  const hhmm = (m: number) =>
    `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return { weekday, opens: hhmm(start), closes: hhmm(end) };
}

const byOpening = (a: OpeningInterval, b: OpeningInterval) =>
  a.weekday - b.weekday || a.opens.localeCompare(b.opens);

/** The weekdays' problems: an interval that ends before it starts, or two that overlap. */
export function openingHoursProblem(
  hours: readonly OpeningInterval[] | undefined,
): 'order' | 'overlap' | null {
  const sorted = [...(hours ?? [])].sort(byOpening);
  for (const [i, h] of sorted.entries()) {
    if (minutesOf(h.closes) <= minutesOf(h.opens)) return 'order';
    const prev = sorted[i - 1];
    if (prev && prev.weekday === h.weekday && minutesOf(prev.closes) > minutesOf(h.opens)) return 'overlap';
  }
  return null;
}

/**
 * A facility's week: per weekday none (closed), one or more open intervals. A form control
 * whose value is the contract's list of {weekday, opens, closes}.
 */
export function OpeningHoursEditor({ value = [], onChange, id }: Props) {
  const { t } = useTranslation();
  const days = WEEKDAYS.map((weekday) => value.filter((h) => h.weekday === weekday));
  const set = (next: OpeningInterval[]) => onChange?.([...next].sort(byOpening));
  const replaceDay = (weekday: number, intervals: OpeningInterval[]) =>
    set([...value.filter((h) => h.weekday !== weekday), ...intervals]);
  const monday = days[0] ?? [];
  const copyMonday = (to: readonly number[]) =>
    set([
      ...value.filter((h) => !to.includes(h.weekday)),
      ...to.flatMap((weekday) => monday.map((h) => ({ ...h, weekday }))),
    ]);

  return (
    <div className="gj-fac-hours" id={id} data-testid="opening-hours">
      <Space wrap className="gj-block-gap">
        <Button
          size="small"
          icon={<CopyOutlined />}
          disabled={monday.length === 0}
          onClick={() => copyMonday([2, 3, 4, 5])}
          data-testid="hours-copy-weekdays"
        >
          {t('facilities.copyMondayToWeekdays')}
        </Button>
        <Button
          size="small"
          icon={<CopyOutlined />}
          disabled={monday.length === 0}
          onClick={() => copyMonday([2, 3, 4, 5, 6, 7])}
          data-testid="hours-copy-all"
        >
          {t('facilities.copyMondayToAll')}
        </Button>
      </Space>
      {WEEKDAYS.map((weekday, i) => {
        const day = days[i] ?? [];
        return (
          <div key={weekday} className="gj-fac-hours-day" data-testid={`hours-day-${weekday}`}>
            <strong className="gj-fac-hours-label">{weekdayLabel(t, weekday)}</strong>
            <div className="gj-fac-hours-intervals">
              {day.length === 0 && (
                <Typography.Text type="secondary">{t('facilities.closedDay')}</Typography.Text>
              )}
              {day.map((h, j) => (
                <span key={`${h.opens}-${h.closes}`} className="gj-fac-hours-interval">
                  <TimePicker.RangePicker
                    format={TIME}
                    minuteStep={15}
                    needConfirm={false}
                    allowClear={false}
                    inputReadOnly
                    order
                    value={[atTime(wallClock(), h.opens), atTime(wallClock(), h.closes)]}
                    onChange={(range) => {
                      const [from, to] = (range ?? []) as [Dayjs | null, Dayjs | null];
                      if (!from || !to) return;
                      replaceDay(
                        weekday,
                        day.map((x, k) =>
                          k === j ? { weekday, opens: from.format(TIME), closes: to.format(TIME) } : x,
                        ),
                      );
                    }}
                    aria-label={t('facilities.intervalOf', { day: weekdayLabel(t, weekday) })}
                    data-testid={`hours-${weekday}-${j}`}
                  />
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() =>
                      replaceDay(
                        weekday,
                        day.filter((_, k) => k !== j),
                      )
                    }
                    aria-label={t('facilities.removeInterval')}
                    data-testid={`hours-remove-${weekday}-${j}`}
                  />
                </span>
              ))}
            </div>
            <Button
              type="dashed"
              size="small"
              icon={<PlusOutlined />}
              onClick={() => replaceDay(weekday, [...day, nextInterval(day, weekday)])}
              data-testid={`hours-add-${weekday}`}
            >
              {t('facilities.addInterval')}
            </Button>
          </div>
        );
      })}
    </div>
  );
}
