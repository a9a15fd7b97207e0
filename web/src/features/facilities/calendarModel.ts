import { type Dayjs, dayStart, zoned } from '../../lib/time';
import type { FacilityCalendarData } from './api';
import { DAY } from './time';

/** The grid's day: 07:00 to 22:00 in half hours. */
export const GRID_START = 7 * 60;
export const GRID_END = 22 * 60;
export const STEP = 30;
export const CELLS = (GRID_END - GRID_START) / STEP;

export type Taken = FacilityCalendarData['taken'][number];
/** A span within one day, in minutes since its midnight. */
export type Span = { from: number; to: number };
export type TakenSpan = Span & { slot: Taken };
export type CellState = 'open' | 'outside' | 'closed' | 'taken' | 'past';

export type DayModel = {
  date: Dayjs;
  key: string;
  closedReason: string | undefined;
  open: Span[];
  taken: TakenSpan[];
  /** Minutes since midnight before which no booking can start (now and the notice); -1 if none. */
  bookableFrom: number;
};

/** Minutes of `instant` within the day starting at `day` (an instant: the district's midnight), clipped to that day. */
function minutesIn(day: Dayjs, instant: string): number {
  const m = zoned(instant).diff(day, 'minute');
  return Math.max(0, Math.min(24 * 60, m));
}

function spansOf<T extends { startsAt: string; endsAt: string }>(day: Dayjs, items: readonly T[]) {
  const end = day.add(1, 'day');
  return items
    .filter((x) => zoned(x.startsAt).isBefore(end) && zoned(x.endsAt).isAfter(day))
    .map((x) => ({ from: minutesIn(day, x.startsAt), to: minutesIn(day, x.endsAt), item: x }));
}

/**
 * The week from `monday` (a wall-clock date): each day's open spans, taken slots and closure, in
 * minutes of the district's day, whatever the browser's zone.
 */
export function weekModel(
  monday: Dayjs,
  calendar: FacilityCalendarData | undefined,
  noticeHours: number,
  now = zoned(Date.now()),
): DayModel[] {
  const earliest = now.add(noticeHours, 'hour');
  return Array.from({ length: 7 }, (_, i) => {
    const date = monday.add(i, 'day');
    const key = date.format(DAY);
    const start = dayStart(key);
    const bookableFrom = earliest.isBefore(start)
      ? -1
      : earliest.isBefore(start.add(1, 'day'))
        ? earliest.diff(start, 'minute')
        : 24 * 60;
    return {
      date,
      key,
      closedReason: calendar?.closed.find((c) => c.date === key)?.reason,
      open: spansOf(start, calendar?.open ?? []).map(({ from, to }) => ({ from, to })),
      taken: spansOf(start, calendar?.taken ?? []).map(({ from, to, item }) => ({ from, to, slot: item })),
      bookableFrom,
    };
  });
}

const covers = (spans: readonly Span[], from: number, to: number) =>
  spans.some((s) => s.from <= from && s.to >= to);
const overlaps = (spans: readonly Span[], from: number, to: number) =>
  spans.some((s) => s.from < to && s.to > from);

/** A half hour of the grid: open and free, taken, outside the hours, on a closed day, or past. */
export function cellState(day: DayModel, cell: number): CellState {
  const from = GRID_START + cell * STEP;
  const to = from + STEP;
  if (day.closedReason !== undefined) return 'closed';
  if (overlaps(day.taken, from, to)) return 'taken';
  if (!covers(day.open, from, to)) return 'outside';
  if (from < day.bookableFrom) return 'past';
  return 'open';
}

/** Whether the cells from `a` to `b` (either order) of a day are all free to book. */
export function rangeFree(day: DayModel, a: number, b: number): boolean {
  for (let c = Math.min(a, b); c <= Math.max(a, b); c++) if (cellState(day, c) !== 'open') return false;
  return true;
}

/** The day's free spans (open, not taken, not past), for a list on a phone. */
export function freeSpans(day: DayModel): Span[] {
  if (day.closedReason !== undefined) return [];
  const out: Span[] = [];
  for (const open of day.open) {
    // A start on the half hour after the earliest bookable minute.
    const earliest = day.bookableFrom < 0 ? open.from : Math.ceil(day.bookableFrom / STEP) * STEP;
    let from = Math.max(open.from, earliest);
    const taken = day.taken.filter((t) => t.to > from && t.from < open.to).sort((x, y) => x.from - y.from);
    for (const t of taken) {
      if (t.from > from) out.push({ from, to: t.from });
      from = Math.max(from, t.to);
    }
    if (open.to > from) out.push({ from, to: open.to });
  }
  return out.filter((s) => s.to - s.from >= 15);
}

/** "HH:mm" of minutes since midnight (24:00 at the day's end). */
export function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Top and height of a span on the grid, in percent. */
export function placement(span: Span): { top: string; height: string } | null {
  const from = Math.max(span.from, GRID_START);
  const to = Math.min(span.to, GRID_END);
  if (to <= from) return null;
  const whole = GRID_END - GRID_START;
  return { top: `${((from - GRID_START) / whole) * 100}%`, height: `${((to - from) / whole) * 100}%` };
}
