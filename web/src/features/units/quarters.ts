import { now } from '../../lib/time';

/** A calendar quarter, as the report's query names it. */
export type Quarter = { year: number; quarter: number };

/** The quarter of today in the district. */
export function currentQuarter(): Quarter {
  const today = now();
  return { year: today.year(), quarter: Math.floor(today.month() / 3) + 1 };
}

/** "2026Q2": a quarter as one value for a select. */
export const quarterKey = (q: Quarter) => `${q.year}Q${q.quarter}`;

/** This quarter and the `count - 1` before it, newest first: the quarters a report may be read for. */
export function recentQuarters(count = 8, from: Quarter = currentQuarter()): Quarter[] {
  const index = from.year * 4 + from.quarter - 1;
  return Array.from({ length: count }, (_, i) => ({
    year: Math.floor((index - i) / 4),
    quarter: ((index - i) % 4) + 1,
  }));
}
