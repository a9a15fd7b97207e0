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

/** Today's date in a time zone (or the date of `now` there). */
export const todayIn = (tz: string, now: Date | string = new Date()) =>
  dayjs(now).tz(tz).format('YYYY-MM-DD');

/** A date `days` after another. */
export const addDays = (date: string, days: number) =>
  dayjs.utc(`${date}T00:00:00Z`).add(days, 'day').format('YYYY-MM-DD');

/** The wall-clock time of an instant in a time zone, HH:mm. */
export const clockIn = (at: string | Date, tz: string) => dayjs(at).tz(tz).format('HH:mm');

/** An instant as a date and wall-clock time in a time zone, `YYYY-MM-DD HH:mm`. */
export const dateTimeIn = (at: string | Date, tz: string) => dayjs(at).tz(tz).format('YYYY-MM-DD HH:mm');
