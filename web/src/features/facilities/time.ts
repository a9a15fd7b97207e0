import type { TFunction } from 'i18next';
import { type Dayjs, day, fromWallClock, zoned } from '../../lib/time';
import type { OpeningInterval } from './api';

export const DAY = 'YYYY-MM-DD';
export const TIME = 'HH:mm';

/** 1 = Monday … 7 = Sunday, as the contract counts weekdays. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const WEEKDAY_KEYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export const weekdayLabel = (t: TFunction, weekday: number) =>
  t(`facilities.weekday.${WEEKDAY_KEYS[(weekday - 1 + 7) % 7] ?? 'mon'}`);

/** The contract's weekday of a day: 1 = Monday … 7 = Sunday. */
export const weekdayOf = (d: Dayjs) => ((d.day() + 6) % 7) + 1;

/** The Monday starting the week of `d` (whatever the locale's first day). */
export const mondayOf = (d: Dayjs) => d.startOf('day').subtract(weekdayOf(d) - 1, 'day');

/** The instant a wall-clock value (a picker's, the calendar's) means in the district, as the contract asks. */
export const iso = (d: Dayjs) => fromWallClock(d.second(0).millisecond(0));

/** `day` at "HH:mm". */
export function atTime(day: Dayjs, hhmm: string): Dayjs {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return day.startOf('day').hour(h).minute(m);
}

/** Minutes since midnight of "HH:mm". */
export function minutesOf(hhmm: string): number {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/** "2026-05-16 周六 09:00–11:00": a slot on one day. */
export function slotText(startsAt: string, endsAt: string): string {
  const start = zoned(startsAt);
  const end = zoned(endsAt);
  const endFormat = end.isSame(start, 'day') ? TIME : `${DAY} ${TIME}`;
  return `${start.format(`${DAY} ddd ${TIME}`)}–${end.format(endFormat)}`;
}

/** A day's intervals, in order, as "08:00–12:00, 14:00–21:00". */
function dayKey(hours: readonly OpeningInterval[], weekday: number) {
  return hours
    .filter((h) => h.weekday === weekday)
    .sort((a, b) => a.opens.localeCompare(b.opens))
    .map((h) => `${h.opens}–${h.closes}`)
    .join(', ');
}

/** Each weekday with its intervals ("" when closed). */
export function hoursByWeekday(hours: readonly OpeningInterval[]) {
  return WEEKDAYS.map((weekday) => ({ weekday, text: dayKey(hours, weekday) }));
}

/**
 * Opening hours in a line: runs of weekdays with the same hours together, e.g.
 * "周一至周五 08:00–21:00；周六、周日 09:00–17:00". Closed days are left out.
 */
export function openingSummary(t: TFunction, hours: readonly OpeningInterval[]): string {
  if (hours.length === 0) return t('facilities.noHours');
  const days = hoursByWeekday(hours);
  const runs: { from: number; to: number; text: string }[] = [];
  for (const { weekday, text } of days) {
    const last = runs[runs.length - 1];
    if (last && last.text === text && last.to === weekday - 1) last.to = weekday;
    else runs.push({ from: weekday, to: weekday, text });
  }
  return runs
    .filter((r) => r.text !== '')
    .map((r) => {
      const label =
        r.from === r.to
          ? weekdayLabel(t, r.from)
          : t(r.to - r.from === 1 ? 'facilities.weekdayPair' : 'facilities.weekdayRange', {
              from: weekdayLabel(t, r.from),
              to: weekdayLabel(t, r.to),
            });
      return `${label} ${r.text}`;
    })
    .join(t('facilities.listSeparator'));
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const YMD = /^\d{4}-\d{2}-\d{2}$/;

/** The free slot asked about, as the API's instants, when the day and both times are given. */
export function freeSlot(
  date: string | undefined,
  start: string | undefined,
  end: string | undefined,
): { freeFrom?: string; freeTo?: string } {
  if (!date || !start || !end || !YMD.test(date) || !HHMM.test(start) || !HHMM.test(end)) return {};
  const on = day(date);
  if (!on.isValid() || end <= start) return {};
  return { freeFrom: iso(atTime(on, start)), freeTo: iso(atTime(on, end)) };
}
