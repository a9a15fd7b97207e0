/**
 * Dates and times as people read them: in the district's time zone (regions.queries'
 * `districtTimeZone`, or `zoneOf` inside a statement), never the server's own. Instants travel
 * as ISO 8601; what a person reads (an export's cell, a notification's text, a PDF) is turned
 * into wall-clock time here.
 */
import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);
dayjs.extend(timezone);

/** The instant a wall-clock time on a date means in a time zone, as ISO 8601 UTC. */
export const instant = (date: string, time: string, tz: string) =>
  dayjs.tz(`${date} ${time}`, 'YYYY-MM-DD HH:mm', tz).toISOString();

/**
 * An instant's wall clock in a time zone, as `YYYY-MM-DD` and `HH:mm`. dayjs's `.tz()` asks
 * `toLocaleString` each time, which builds a formatter per call (~0.2 ms: a booking's rules
 * took five); one formatter per zone, kept, reads it in microseconds. dayjs still parses, so a
 * string means what it meant.
 */
const clocks = new Map<string, Intl.DateTimeFormat>();
function wallClock(at: Date | string, tz: string): { date: string; time: string } {
  let f = clocks.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', {
      timeZone: tz,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    clocks.set(tz, f);
  }
  const d = dayjs(at);
  if (!d.isValid()) return { date: d.format('YYYY-MM-DD'), time: d.format('HH:mm') };
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(d.toDate())) p[part.type] = part.value;
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** Today's date in a time zone (or the date of `now` there). */
export const todayIn = (tz: string, now: Date | string = new Date()) => wallClock(now, tz).date;

/** A date `days` after another. */
export const addDays = (date: string, days: number) =>
  dayjs.utc(`${date}T00:00:00Z`).add(days, 'day').format('YYYY-MM-DD');

/** The wall-clock time of an instant in a time zone, HH:mm. */
export const clockIn = (at: string | Date, tz: string) => wallClock(at, tz).time;

/** An instant as a date and wall-clock time in a time zone, `YYYY-MM-DD HH:mm`. */
export const dateTimeIn = (at: string | Date, tz: string) => {
  const c = wallClock(at, tz);
  return `${c.date} ${c.time}`;
};
