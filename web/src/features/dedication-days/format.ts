import type { TFunction } from 'i18next';
import { day, zoned } from '../../lib/time';

/** "6月13日 周六" / "Sat, Jun 13", with the year when it is not this year's. */
export function formatDay(t: TFunction, ymd: string): string {
  const d = day(ymd);
  return d.format(d.isSame(day(), 'year') ? t('dedication.dayFormat') : t('dedication.dayFormatYear'));
}

/** "09:00–11:30". */
export const timeRange = (start: string, end: string) => `${start}–${end}`;

/** An instant's wall-clock time in the district (its time zone, as the schedules), wherever the reader is. */
export const clock = (iso: string) => zoned(iso).format('HH:mm');

/** Places taken of all places, summed over tasks. */
export function fill(tasks: readonly { capacity: number; signed: number; waiting: number }[]) {
  return tasks.reduce(
    (sum, task) => ({
      signed: sum.signed + task.signed,
      capacity: sum.capacity + task.capacity,
      waiting: sum.waiting + task.waiting,
    }),
    { signed: 0, capacity: 0, waiting: 0 },
  );
}
