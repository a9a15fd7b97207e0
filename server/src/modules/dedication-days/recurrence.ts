/**
 * The dates a dedication day's rule gives, and the instants its wall-clock times mean.
 *
 * The rule works on calendar dates only: `rrule` runs on "floating" dates (a local date
 * held as midnight UTC), so no time zone can shift a Saturday into a Friday; the time
 * zone is applied afterwards, when a date and a wall-clock time become an instant.
 */
import * as rruleModule from 'rrule';
import type { DedicationException } from '../../../../contract';

// rrule ships CommonJS: under Node's ESM its exports sit on `default`, elsewhere at the top.
const { RRuleSet, rrulestr } =
  (rruleModule as unknown as { default?: typeof rruleModule }).default ?? rruleModule;

/** Day-level rules only: the times of day belong to the dedication day, not to the rule. */
const TIME_PARTS = /(^|;)(BYHOUR|BYMINUTE|BYSECOND|DTSTART|TZID)=/;
const FREQS = new Set(['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY']);

export class RuleError extends Error {}

const floating = (date: string) => new Date(`${date}T00:00:00Z`);
const dateOf = (d: Date) => d.toISOString().slice(0, 10);

/** The rule as stored: without the `RRULE:` prefix, upper case. */
export function normaliseRule(rule: string): string {
  const body = rule
    .trim()
    .toUpperCase()
    .replace(/^RRULE:/, '');
  const freq = /(?:^|;)FREQ=([A-Z]+)/.exec(body)?.[1];
  if (!freq || !FREQS.has(freq) || TIME_PARTS.test(body)) throw new RuleError(body);
  try {
    rrulestr(`RRULE:${body}`, { dtstart: floating('2000-01-01') });
  } catch {
    throw new RuleError(body);
  }
  return body;
}

type Schedule = { rrule: string; startsOn: string; exceptions: DedicationException[] };

function ruleSet(s: Schedule) {
  const set = new RRuleSet();
  set.rrule(rrulestr(`RRULE:${normaliseRule(s.rrule)}`, { dtstart: floating(s.startsOn) }) as never);
  for (const e of s.exceptions) {
    set.exdate(floating(e.date));
    if (e.movedTo) set.rdate(floating(e.movedTo));
  }
  return set;
}

/** The dates from `from` to `to` (inclusive, YYYY-MM-DD), exceptions applied, in order. */
export function datesBetween(s: Schedule, from: string, to: string): string[] {
  return [...new Set(ruleSet(s).between(floating(from), floating(to), true).map(dateOf))].sort();
}

/** The next `count` dates on or after `from`. */
export function nextDates(s: Schedule, from: string, count: number): string[] {
  const out: string[] = [];
  const set = ruleSet(s);
  set.all((d, i) => {
    if (i > 5000) return false;
    const day = dateOf(d);
    if (day >= from && !out.includes(day)) out.push(day);
    return out.length < count;
  });
  return out.sort();
}

// The wall-clock helpers live in server/src/time.ts; the rules' callers still find them here.
export { addDays, clockIn, instant, todayIn } from '../../time';

/** The later and the earlier of two dates (YYYY-MM-DD sorts as text). */
export const laterDate = (a: string, b: string) => [a, b].sort()[1]!;
export const earlierDate = (a: string, b: string) => [a, b].sort()[0]!;
