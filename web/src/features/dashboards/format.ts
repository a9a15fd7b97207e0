import type { ENGAGEMENT_STATES } from '@contract';
import type { TFunction } from 'i18next';
import { currentLocale } from '../../lib/i18n';
import { day } from '../../lib/time';
import type { Figures, Period, PeriodKind } from './api';

export type EngagementState = (typeof ENGAGEMENT_STATES)[number];
export type FigureKey = Exclude<keyof Figures, 'state'>;

/** How a figure reads: a share (0..1) as a percentage, hours, days or a plain count. */
export type FigureFormat = 'share' | 'hours' | 'days' | 'count' | 'index';

export const DAY = 'YYYY-MM-DD';

const number = (value: number, digits: number) =>
  new Intl.NumberFormat(currentLocale(), { maximumFractionDigits: digits }).format(value);

/** 0.2665 → "26.7%". */
export const percentText = (share: number) => `${number(share * 100, 1)}%`;
/** 0.2665 → 26.7 (for charts and progress bars). */
export const percentOf = (share: number) => Math.round(share * 1000) / 10;

/** A figure as shown, unit included. */
export function formatFigure(t: TFunction, value: number | null, format: FigureFormat): string {
  if (value === null) return t('common.none');
  switch (format) {
    case 'share':
      return percentText(value);
    case 'hours':
      return t('dashboards.unit.hours', { value: number(value, 1) });
    case 'days':
      return t('dashboards.unit.days', { value: number(value, 1) });
    case 'index':
      return number(value, 1);
    default:
      return number(value, 0);
  }
}

/** The change from the compare period: direction and a signed amount (points for shares). */
export function changeOf(
  t: TFunction,
  now: number | null,
  was: number | null,
  format: FigureFormat,
): { dir: 'up' | 'down' | 'same'; text: string } | null {
  if (now === null || was === null) return null;
  const diff = format === 'share' ? (now - was) * 100 : now - was;
  const rounded = Math.round(diff * 10) / 10;
  if (rounded === 0) return { dir: 'same', text: t('dashboards.change.same') };
  const amount = number(Math.abs(rounded), 1);
  const text =
    format === 'share'
      ? t('dashboards.change.points', { value: amount })
      : format === 'hours'
        ? t('dashboards.unit.hours', { value: amount })
        : format === 'days'
          ? t('dashboards.unit.days', { value: amount })
          : amount;
  return { dir: rounded > 0 ? 'up' : 'down', text };
}

export const STATE_COLOR: Record<EngagementState, string> = {
  both: 'green',
  community_only: 'orange',
  residents_only: 'gold',
  neither: 'red',
};

/** Red below 40, amber below 70, green from 70: the engagement index's colour, as on the coverage page. */
export function engagementColor(index: number) {
  if (index >= 70) return '#52c41a';
  if (index >= 40) return '#faad14';
  return '#ff4d4f';
}

/** A continuous scale for the treemap: red (0) through amber (50) to green (100). */
export function engagementShade(index: number) {
  const stops: [number, [number, number, number]][] = [
    [0, [255, 120, 117]],
    [50, [255, 197, 61]],
    [100, [115, 209, 61]],
  ];
  const x = Math.max(0, Math.min(100, index));
  const i = x <= 50 ? 0 : 1;
  const [a, ca] = stops[i]!;
  const [b, cb] = stops[i + 1]!;
  const f = (x - a) / (b - a);
  const c = ca.map((v, k) => Math.round(v + (cb[k]! - v) * f));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

/** The antd DatePicker's mode and display format for a period kind. */
export const PICKER: Record<PeriodKind, { picker: 'month' | 'quarter' | 'year'; format: string }> = {
  month: { picker: 'month', format: 'YYYY-MM' },
  quarter: { picker: 'quarter', format: 'YYYY-[Q]Q' },
  year: { picker: 'year', format: 'YYYY' },
};

/** "2026年11月", "2026年第4季度", "2026年" (Nov 2026, Q4 2026, 2026). */
export function periodLabel(t: TFunction, period: Pick<Period, 'kind' | 'start'>) {
  const d = day(period.start);
  const year = d.year();
  if (period.kind === 'year') return t('dashboards.period.year', { year });
  if (period.kind === 'quarter')
    return t('dashboards.period.quarter', { year, quarter: Math.floor(d.month() / 3) + 1 });
  return t('dashboards.period.month', { year, month: d.month() + 1, monthName: d.format('MMMM') });
}

/** Short labels for a chart's axis: "2026-11", "2026Q4", "2026". */
export function periodTick(period: Pick<Period, 'kind' | 'start'>) {
  const d = day(period.start);
  if (period.kind === 'year') return String(d.year());
  if (period.kind === 'quarter') return `${d.year()}Q${Math.floor(d.month() / 3) + 1}`;
  return d.format('YYYY-MM');
}

/** Decodes an image data URL (from echarts' getDataURL) into a Blob to save. */
export function dataUrlBlob(url: string): Blob {
  const [head, body = ''] = url.split(',');
  const type = /data:([^;]+)/.exec(head ?? '')?.[1] ?? 'image/png';
  const bytes = atob(body);
  const buf = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) buf[i] = bytes.charCodeAt(i);
  return new Blob([buf], { type });
}
