import i18next, { type TFunction } from 'i18next';

/**
 * The recurrence rules the form's builder can say, to and from RFC 5545 RRULE text. Anything
 * else is kept as raw text (the "advanced" field) and shown as it is.
 */

export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
/** The n-th such weekday of the month; -1 the last. */
export const SET_POSITIONS = [1, 2, 3, 4, -1] as const;
export type SetPos = (typeof SET_POSITIONS)[number];
export const INTERVALS = [1, 2] as const;
export type Interval = (typeof INTERVALS)[number];
export const MAX_MONTH_DAY = 31;

export type RuleSpec =
  | { freq: 'WEEKLY'; interval: Interval; weekdays: Weekday[] }
  | { freq: 'MONTHLY'; by: 'weekday'; setPos: SetPos; weekday: Weekday }
  | { freq: 'MONTHLY'; by: 'monthday'; monthDay: number };

/** The builder's fields, all of them kept while the organiser switches between kinds. */
export type RuleFields = {
  freq: 'WEEKLY' | 'MONTHLY';
  interval: Interval;
  weekdays: Weekday[];
  monthlyBy: 'weekday' | 'monthday';
  setPos: SetPos;
  weekday: Weekday;
  monthDay: number;
};

/** The second Saturday of every month: the usual fixed dedication day. */
export const DEFAULT_RULE_FIELDS: RuleFields = {
  freq: 'MONTHLY',
  interval: 1,
  weekdays: ['SA'],
  monthlyBy: 'weekday',
  setPos: 2,
  weekday: 'SA',
  monthDay: 15,
};

const SET_POS_NAME: Record<SetPos, 'first' | 'second' | 'third' | 'fourth' | 'last'> = {
  1: 'first',
  2: 'second',
  3: 'third',
  4: 'fourth',
  [-1]: 'last',
};

const isWeekday = (value: string): value is Weekday => WEEKDAYS.some((w) => w === value);
const isSetPos = (value: number): value is SetPos => SET_POSITIONS.some((p) => p === value);
const byWeekOrder = (days: Weekday[]) => WEEKDAYS.filter((w) => days.includes(w));

/** "FREQ=MONTHLY;BYDAY=SA;BYSETPOS=2" as the builder would write it. */
export function buildRule(spec: RuleSpec): string {
  if (spec.freq === 'WEEKLY') {
    const interval = spec.interval > 1 ? `;INTERVAL=${spec.interval}` : '';
    return `FREQ=WEEKLY${interval};BYDAY=${byWeekOrder(spec.weekdays).join(',')}`;
  }
  if (spec.by === 'weekday') return `FREQ=MONTHLY;BYDAY=${spec.weekday};BYSETPOS=${spec.setPos}`;
  return `FREQ=MONTHLY;BYMONTHDAY=${spec.monthDay}`;
}

/** The parts of an RRULE, or null when a part repeats or does not read as NAME=VALUE. */
function parts(rrule: string): Map<string, string> | null {
  const text = rrule
    .trim()
    .toUpperCase()
    .replace(/^RRULE:/, '');
  const map = new Map<string, string>();
  for (const part of text.split(';')) {
    const match = /^([A-Z]+)=([A-Z0-9,+-]+)$/.exec(part.trim());
    if (!match?.[1] || !match[2] || map.has(match[1])) return null;
    map.set(match[1], match[2]);
  }
  return map;
}

const KNOWN = new Set(['FREQ', 'INTERVAL', 'BYDAY', 'BYSETPOS', 'BYMONTHDAY', 'WKST']);

/** What the builder makes of an RRULE, or null for a rule it cannot say. */
export function parseRule(rrule: string): RuleSpec | null {
  const map = parts(rrule);
  if (!map || [...map.keys()].some((key) => !KNOWN.has(key))) return null;
  // The week starts on Monday (RFC 5545's default), as the builder writes it.
  const wkst = map.get('WKST');
  if (wkst !== undefined && wkst !== 'MO') return null;
  const interval = Number(map.get('INTERVAL') ?? '1');
  const byDay = map.get('BYDAY');
  const bySetPos = map.get('BYSETPOS');
  const byMonthDay = map.get('BYMONTHDAY');

  if (map.get('FREQ') === 'WEEKLY') {
    if (interval !== 1 && interval !== 2) return null;
    if (!byDay || bySetPos !== undefined || byMonthDay !== undefined) return null;
    const days = byDay.split(',');
    if (!days.every(isWeekday) || new Set(days).size !== days.length) return null;
    return { freq: 'WEEKLY', interval, weekdays: byWeekOrder(days) };
  }

  if (map.get('FREQ') === 'MONTHLY') {
    if (interval !== 1) return null;
    if (byMonthDay !== undefined) {
      const day = Number(byMonthDay);
      if (byDay !== undefined || bySetPos !== undefined) return null;
      if (!/^\d+$/.test(byMonthDay) || day < 1 || day > MAX_MONTH_DAY) return null;
      return { freq: 'MONTHLY', by: 'monthday', monthDay: day };
    }
    if (!byDay) return null;
    // Either BYDAY=SA;BYSETPOS=2 or the same said as BYDAY=2SA.
    const match = /^([+-]?\d)?([A-Z]{2})$/.exec(byDay);
    const weekday = match?.[2];
    if (!match || !weekday || !isWeekday(weekday)) return null;
    if (match[1] !== undefined && bySetPos !== undefined) return null;
    const position = Number(match[1] ?? bySetPos);
    if (!isSetPos(position)) return null;
    return { freq: 'MONTHLY', by: 'weekday', setPos: position, weekday };
  }
  return null;
}

/** The builder's fields as a rule; undefined while they say nothing yet (no weekday ticked). */
export function fieldsToSpec(fields: RuleFields): RuleSpec | undefined {
  if (fields.freq === 'WEEKLY') {
    if (fields.weekdays.length === 0) return undefined;
    return { freq: 'WEEKLY', interval: fields.interval, weekdays: fields.weekdays };
  }
  if (fields.monthlyBy === 'weekday') {
    return { freq: 'MONTHLY', by: 'weekday', setPos: fields.setPos, weekday: fields.weekday };
  }
  return { freq: 'MONTHLY', by: 'monthday', monthDay: fields.monthDay };
}

/** A rule in the builder's fields, the others left as they were. */
export function specToFields(spec: RuleSpec, base: RuleFields = DEFAULT_RULE_FIELDS): RuleFields {
  if (spec.freq === 'WEEKLY') {
    return { ...base, freq: 'WEEKLY', interval: spec.interval, weekdays: spec.weekdays };
  }
  if (spec.by === 'weekday') {
    return { ...base, freq: 'MONTHLY', monthlyBy: 'weekday', setPos: spec.setPos, weekday: spec.weekday };
  }
  return { ...base, freq: 'MONTHLY', monthlyBy: 'monthday', monthDay: spec.monthDay };
}

/** "周二和周六" / "Tuesday and Saturday", as the current language joins a list. */
function joinList(items: string[]) {
  const language = i18next.resolvedLanguage ?? i18next.language ?? 'zh-CN';
  return new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).format(items);
}

/**
 * A rule in words in the current language: "每月第二个星期六" / "Second Saturday of every month".
 * A rule the builder cannot say is shown as its RRULE text.
 */
export function describeRule(t: TFunction, rrule: string): string {
  const spec = parseRule(rrule);
  if (!spec) return t('dedication.rule.custom', { rrule: rrule.replace(/^RRULE:/i, '') });
  if (spec.freq === 'WEEKLY') {
    const days = joinList(spec.weekdays.map((w) => t(`dedication.weekdayInRule.${w}`)));
    return spec.interval === 2
      ? t('dedication.rule.biweekly', { days })
      : t('dedication.rule.weekly', { days });
  }
  if (spec.by === 'weekday') {
    return t('dedication.rule.monthlyWeekday', {
      pos: t(`dedication.setPos.${SET_POS_NAME[spec.setPos]}`),
      weekday: t(`dedication.weekday.${spec.weekday}`),
    });
  }
  return t('dedication.rule.monthDay', { day: spec.monthDay });
}

/** The i18n key naming a position in the month, for the builder's options. */
export const setPosKey = (pos: SetPos) => `dedication.setPos.${SET_POS_NAME[pos]}` as const;
