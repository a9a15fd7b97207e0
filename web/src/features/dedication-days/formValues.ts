import type { DedicationDay, DedicationException, DedicationTaskTemplate } from '@contract';
import { type Dayjs, day, timeZone } from '../../lib/time';
import type { DedicationDayChanges, NewDedicationDay } from './api';
import {
  buildRule,
  DEFAULT_RULE_FIELDS,
  fieldsToSpec,
  parseRule,
  type RuleFields,
  specToFields,
} from './rule';

export const DAY = 'YYYY-MM-DD';
export const TIME = 'HH:mm';
/** The zones offered, beside the district's own; a schedule saved with another keeps its own. */
export const TIME_ZONES = ['Asia/Shanghai', 'Asia/Urumqi', 'Asia/Hong_Kong', 'Asia/Macau'] as const;
/** The contract's bounds. */
export const MAX_TASKS = 20;
export const MAX_EXCEPTIONS = 200;
export const MAX_SPECIALTIES = 10;
export const MAX_CAPACITY = 500;

export type ExceptionValues = {
  date?: Dayjs | null;
  action: 'cancel' | 'move';
  movedTo?: Dayjs | null;
  reason?: string;
};
export type TaskValues = {
  title?: string;
  place?: string;
  capacity?: number | null;
  specialties?: string[];
  startTime?: Dayjs | null;
  endTime?: Dayjs | null;
};
export type DedicationFormValues = {
  regionId?: number;
  title?: string;
  place?: string;
  rule: RuleFields;
  /** The raw RRULE is typed rather than built. */
  advanced: boolean;
  /** Built from `rule` unless `advanced`. */
  rrule: string;
  startsOn?: Dayjs | null;
  startTime?: Dayjs | null;
  endTime?: Dayjs | null;
  timezone: string;
  exceptions?: ExceptionValues[];
  tasks?: TaskValues[];
};
/** The form's fields a server error may name. */
export const FORM_FIELDS = [
  'regionId',
  'title',
  'place',
  'rrule',
  'startsOn',
  'startTime',
  'endTime',
  'timezone',
  'exceptions',
  'tasks',
] as const;

/** "09:30" as a time of today, for the time pickers (a wall-clock value: the district's). */
export function timeOf(hhmm: string): Dayjs {
  const [hour = 0, minute = 0] = hhmm.split(':').map(Number);
  return day().hour(hour).minute(minute);
}

/** The builder's rule as RRULE text, or '' while it says nothing yet. */
export function ruleText(fields: RuleFields): string {
  const spec = fieldsToSpec(fields);
  return spec ? buildRule(spec) : '';
}

export const newTask = (): TaskValues => ({ title: '', place: '', capacity: 10, specialties: [] });

export const newException = (): ExceptionValues => ({ action: 'cancel', reason: '' });

/** A new schedule: the second Saturday of every month, 9:00–11:30, from today. */
export function createDefaults(regionId?: number): DedicationFormValues {
  return {
    regionId,
    title: '',
    place: '',
    rule: DEFAULT_RULE_FIELDS,
    advanced: false,
    rrule: ruleText(DEFAULT_RULE_FIELDS),
    startsOn: day(),
    startTime: timeOf('09:00'),
    endTime: timeOf('11:30'),
    // The district's zone: the day's times read as everything else does.
    timezone: timeZone(),
    exceptions: [],
    tasks: [newTask()],
  };
}

/** A saved schedule in the form; a rule the builder cannot say opens in the raw field. */
export function editValues(saved: DedicationDay): DedicationFormValues {
  const spec = parseRule(saved.rrule);
  return {
    regionId: saved.regionId,
    title: saved.title,
    place: saved.place,
    rule: spec ? specToFields(spec) : DEFAULT_RULE_FIELDS,
    advanced: spec === null,
    rrule: spec ? buildRule(spec) : saved.rrule,
    startsOn: day(saved.startsOn),
    startTime: timeOf(saved.startTime),
    endTime: timeOf(saved.endTime),
    timezone: saved.timezone,
    exceptions: saved.exceptions.map((e) => ({
      date: day(e.date),
      action: e.movedTo ? 'move' : 'cancel',
      movedTo: e.movedTo ? day(e.movedTo) : undefined,
      reason: e.reason,
    })),
    tasks: saved.tasks.map((task) => ({
      title: task.title,
      place: task.place,
      capacity: task.capacity,
      specialties: task.specialties,
      startTime: task.startTime ? timeOf(task.startTime) : undefined,
      endTime: task.endTime ? timeOf(task.endTime) : undefined,
    })),
  };
}

/** The exceptions with a date (a row being filled in is left out), as the contract has them. */
export function toExceptions(
  rows: readonly (ExceptionValues | undefined)[] | undefined,
): DedicationException[] {
  return (rows ?? []).flatMap((row) => {
    if (!row?.date) return [];
    const movedTo = row.action === 'move' && row.movedTo ? row.movedTo.format(DAY) : undefined;
    return [
      { date: row.date.format(DAY), ...(movedTo ? { movedTo } : {}), reason: (row.reason ?? '').trim() },
    ];
  });
}

function toTasks(rows: readonly TaskValues[] | undefined): DedicationTaskTemplate[] {
  return (rows ?? []).map((row) => ({
    title: (row.title ?? '').trim(),
    place: (row.place ?? '').trim(),
    capacity: row.capacity ?? 1,
    specialties: row.specialties ?? [],
    ...(row.startTime ? { startTime: row.startTime.format(TIME) } : {}),
    ...(row.endTime ? { endTime: row.endTime.format(TIME) } : {}),
  }));
}

type Fields = Omit<NewDedicationDay, 'regionId'>;

/** The validated form as the body the server takes. */
function toFields(values: DedicationFormValues): Fields {
  return {
    title: (values.title ?? '').trim(),
    place: (values.place ?? '').trim(),
    // A submitted form holds only the builder fields on screen; the others keep their defaults.
    rrule: (values.advanced ? values.rrule : ruleText({ ...DEFAULT_RULE_FIELDS, ...values.rule }))
      .trim()
      .toUpperCase(),
    startsOn: (values.startsOn ?? day()).format(DAY),
    startTime: (values.startTime ?? timeOf('09:00')).format(TIME),
    endTime: (values.endTime ?? timeOf('11:30')).format(TIME),
    timezone: values.timezone,
    exceptions: toExceptions(values.exceptions),
    tasks: toTasks(values.tasks),
  };
}

export function toCreateBody(values: DedicationFormValues): NewDedicationDay {
  return { regionId: values.regionId ?? 0, ...toFields(values) };
}

/** Only what differs from the saved schedule (the region is not changed here). */
export function toChanges(day: DedicationDay, values: DedicationFormValues): DedicationDayChanges {
  const next = toFields(values);
  const saved: Fields = {
    title: day.title,
    place: day.place,
    rrule: day.rrule.replace(/^RRULE:/i, ''),
    startsOn: day.startsOn,
    startTime: day.startTime,
    endTime: day.endTime,
    timezone: day.timezone,
    exceptions: toExceptions(editValues(day).exceptions),
    tasks: toTasks(editValues(day).tasks),
  };
  const changed = (Object.keys(next) as (keyof Fields)[]).filter((key) =>
    key === 'rrule'
      ? !sameRule(next.rrule, saved.rrule)
      : JSON.stringify(next[key]) !== JSON.stringify(saved[key]),
  );
  if (changed.length === 0) return {};
  // The update body gives a missing place, time zone or exception list its default ('' and []),
  // so a change always carries them as they are, lest it wipe them.
  const kept = new Set<keyof Fields>([...changed, ...DEFAULTED]);
  return Object.fromEntries([...kept].map((key) => [key, next[key]])) as DedicationDayChanges;
}

/** The fields DedicationDayUpdateBody fills with a default when they are left out. */
const DEFAULTED: readonly (keyof Fields)[] = ['place', 'timezone', 'exceptions'];

/** BYDAY=2SA and BYDAY=SA;BYSETPOS=2 are the same rule: re-saving one must not reschedule. */
function sameRule(a: string, b: string) {
  if (a.toUpperCase() === b.toUpperCase()) return true;
  const [specA, specB] = [parseRule(a), parseRule(b)];
  return specA !== null && specB !== null && buildRule(specA) === buildRule(specB);
}
