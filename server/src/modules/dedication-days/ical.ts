/** A dedication day as an iCalendar file: one recurring event, with its exceptions, in its time zone. */
import ical from 'ical-generator';
import type { DedicationDay } from '../../../../contract';
import { nextDates } from './recurrence';

const stamp = (date: string, time: string) => `${date.replaceAll('-', '')}T${time.replace(':', '')}00`;

export function toICalendar(day: DedicationDay, host: string): string {
  const cal = ical({
    name: day.title,
    prodId: { company: 'Gongjian', product: 'dedication-days', language: 'ZH' },
  });
  cal.timezone(day.timezone);
  const tz = `;TZID=${day.timezone}:`;
  const lines = [`RRULE:${day.rrule}`];
  for (const e of day.exceptions) {
    lines.push(`EXDATE${tz}${stamp(e.date, day.startTime)}`);
    if (e.movedTo) lines.push(`RDATE${tz}${stamp(e.movedTo, day.startTime)}`);
  }
  // DTSTART counts as an occurrence whatever the rule says, so it must be the rule's first date.
  const first =
    nextDates({ rrule: day.rrule, startsOn: day.startsOn, exceptions: [] }, day.startsOn, 1)[0] ??
    day.startsOn;
  cal.createEvent({
    id: `dedication-day-${day.id}@${host}`,
    start: `${first}T${day.startTime}:00`,
    end: `${first}T${day.endTime}:00`,
    timezone: day.timezone,
    summary: day.title,
    location: [day.regionName, day.place].filter(Boolean).join(' '),
    description: day.tasks
      .map((t) => `${t.title}${t.place ? `（${t.place}）` : ''} × ${t.capacity}`)
      .join('\n'),
    repeating: lines.join('\r\n'),
  });
  return cal.toString();
}
