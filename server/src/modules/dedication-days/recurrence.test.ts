import { describe, expect, it } from 'vitest';
import { datesBetween, instant, nextDates, normaliseRule, RuleError } from './recurrence';

const secondSaturday = { rrule: 'FREQ=MONTHLY;BYDAY=SA;BYSETPOS=2', startsOn: '2026-01-01', exceptions: [] };

describe('the dedication day rule', () => {
  it('gives the second Saturday of every month of 2027', () => {
    expect(datesBetween(secondSaturday, '2027-01-01', '2027-12-31')).toEqual([
      '2027-01-09',
      '2027-02-13',
      '2027-03-13',
      '2027-04-10',
      '2027-05-08',
      '2027-06-12',
      '2027-07-10',
      '2027-08-14',
      '2027-09-11',
      '2027-10-09',
      '2027-11-13',
      '2027-12-11',
    ]);
  });

  it('applies exceptions: a day cancelled, a day moved for a holiday', () => {
    const s = {
      ...secondSaturday,
      exceptions: [
        { date: '2027-02-13', reason: '春节' },
        { date: '2027-10-09', movedTo: '2027-10-16', reason: '国庆调休' },
      ],
    };
    const dates = datesBetween(s, '2027-01-01', '2027-12-31');
    expect(dates).not.toContain('2027-02-13');
    expect(dates).not.toContain('2027-10-09');
    expect(dates).toContain('2027-10-16');
    expect(dates).toHaveLength(11);
    expect(nextDates(s, '2027-09-20', 2)).toEqual(['2027-10-16', '2027-11-13']);
  });

  it('puts the wall-clock time in Beijing, whatever the server runs on', () => {
    expect(instant('2027-01-09', '09:00', 'Asia/Shanghai')).toBe('2027-01-09T01:00:00.000Z');
    // A Saturday morning in Beijing is still Saturday there, though Friday night in UTC.
    expect(instant('2027-01-09', '07:30', 'Asia/Shanghai')).toBe('2027-01-08T23:30:00.000Z');
    // Another zone keeps its own daylight saving.
    expect(instant('2027-07-10', '09:00', 'Europe/Berlin')).toBe('2027-07-10T07:00:00.000Z');
    expect(instant('2027-01-09', '09:00', 'Europe/Berlin')).toBe('2027-01-09T08:00:00.000Z');
  });

  it('takes weekly rules with an interval, and starts on its first date', () => {
    const everyOtherTuesday = {
      rrule: 'RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=TU',
      startsOn: '2027-03-02',
      exceptions: [],
    };
    expect(nextDates(everyOtherTuesday, '2027-01-01', 3)).toEqual(['2027-03-02', '2027-03-16', '2027-03-30']);
  });

  it('refuses what is not a day-level rule', () => {
    expect(() => normaliseRule('FREQ=HOURLY')).toThrow(RuleError);
    expect(() => normaliseRule('FREQ=DAILY;BYHOUR=9')).toThrow(RuleError);
    expect(() => normaliseRule('BYDAY=SA')).toThrow(RuleError);
    expect(() => normaliseRule('FREQ=MONTHLY;BYDAY=XX')).toThrow(RuleError);
    expect(normaliseRule('rrule:freq=monthly;byday=sa;bysetpos=2')).toBe('FREQ=MONTHLY;BYDAY=SA;BYSETPOS=2');
  });
});
