import type { Facility } from '@contract';
import type { TFunction } from 'i18next';

/** A facility's booking rules in a line: length, how far ahead, notice, approval. */
export function rulesText(t: TFunction, facility: Pick<Facility, 'bookingRules'>): string {
  const r = facility.bookingRules;
  return [
    t('bookings.rules.length', { min: r.minMinutes, max: r.maxMinutes }),
    t('bookings.rules.ahead', { days: r.maxDaysAhead }),
    r.minNoticeHours > 0 ? t('bookings.rules.notice', { hours: r.minNoticeHours }) : null,
    r.needsApproval ? t('bookings.rules.approval') : t('bookings.rules.instant'),
  ]
    .filter(Boolean)
    .join(t('bookings.rules.separator'));
}
