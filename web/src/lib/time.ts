/**
 * Every date and time the console shows is the district's (its time zone, a district setting),
 * whatever the browser's clock says: a meeting at 14:00 in Beijing reads 14:00 in New York too.
 * This is the only module that imports dayjs (biome refuses it elsewhere in web/src); the rest of
 * the console asks it for these:
 *
 * - instants shown: `zoned(at)` — an ISO instant as the district's wall-clock (`.format(…)`),
 *   `now()`, `today()` (YYYY-MM-DD), `dayStart(date)` (the instant a district day begins);
 * - wall-clock values: antd's pickers and the calendars' date arithmetic work in the browser's own
 *   zone, so their values carry the district's wall-clock fields in it: `wallClock(at)` for an
 *   instant, `day(date)` for a date (both default to now / today in the district), and
 *   `fromWallClock(value)` turns such a value back into the instant it means in the district
 *   (what a form sends). `wallClockAt(date, 'HH:mm')` is that instant for a date and a time.
 */
import dayjs, { type ConfigType, type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { setTimeZone, timeZone } from './zone';

dayjs.extend(utc);
dayjs.extend(timezone);

export type { Dayjs };

export { setTimeZone, timeZone };

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const WALL = 'YYYY-MM-DDTHH:mm:ss.SSS';

/**
 * An instant (ISO string, Date, epoch ms) as the district reads it: `.format('HH:mm')` is its
 * wall-clock time there. A bare date (YYYY-MM-DD) is that day's start in the district.
 */
export function zoned(at: ConfigType): Dayjs {
  if (typeof at === 'string' && DATE_ONLY.test(at)) return dayjs.tz(at, timeZone());
  const d = dayjs(at);
  // An invalid value stays invalid (`isValid()`), rather than throwing in Intl.
  return d.isValid() ? d.tz(timeZone()) : d;
}

/** Now, in the district. */
export const now = () => dayjs().tz(timeZone());

/** Today's date in the district, YYYY-MM-DD. */
export const today = () => now().format('YYYY-MM-DD');

/** The instant a district day (YYYY-MM-DD) begins, as a district time (add hours to it, compare instants). */
export const dayStart = (date: string) => dayjs.tz(date, timeZone());

/**
 * An instant's district wall-clock as a value in the browser's zone, for antd's pickers and
 * calendar arithmetic (now, when no instant is given).
 */
export const wallClock = (at?: ConfigType): Dayjs => dayjs(zoned(at ?? Date.now()).format(WALL));

/**
 * A calendar date (YYYY-MM-DD) as a value in the browser's zone, for pickers and date arithmetic
 * (today in the district, when no date is given). Invalid text gives an invalid value (`isValid()`).
 */
export const day = (date?: string | null): Dayjs =>
  date === undefined || date === null ? wallClock().startOf('day') : dayjs(date);

/** The instant a wall-clock value (a picker's) means in the district, as ISO 8601. */
export const fromWallClock = (value: Dayjs): string =>
  dayjs.tz(value.format('YYYY-MM-DDTHH:mm:ss'), timeZone()).toISOString();

/** The instant a date and a wall-clock time (HH:mm) mean in the district, as ISO 8601. */
export const wallClockAt = (date: string, time: string): string =>
  dayjs.tz(`${date} ${time}`, timeZone()).toISOString();
