/**
 * The dashboards' charts. This module is loaded on its own (React.lazy), so echarts stays
 * out of the first screen's bundle: every chart of the dashboards comes from here.
 */

import { BarChart, LineChart, TreemapChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { zoned } from '../../lib/time';
import type { ChildFigures, Overview } from './api';
import { engagementShade, percentOf, periodTick } from './format';

echarts.use([
  BarChart,
  LineChart,
  TreemapChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  CanvasRenderer,
]);

/** What a chart hands its card: the instance, to save as an image (null once it is gone). */
export type ChartReady = (chart: echarts.EChartsType | null) => void;

const RED = '#c8102e';
const AMBER = '#f5a623';
const BLUE = '#1677ff';
const FONT = { fontFamily: 'inherit' };

function Chart({
  option,
  height,
  onReady,
  onEvents,
}: {
  option: object;
  height: number;
  onReady?: ChartReady;
  onEvents?: Record<string, (params: ClickParams) => void>;
}) {
  useEffect(() => () => onReady?.(null), [onReady]);
  return (
    <ReactEChartsCore
      echarts={echarts}
      option={{ textStyle: FONT, animationDuration: 400, ...option }}
      notMerge
      style={{ height, width: '100%' }}
      onChartReady={onReady}
      onEvents={onEvents}
    />
  );
}

/** The engagement index and the shares taking part, period by period, oldest first. */
export function TrendChart({ trend, onReady }: { trend: Overview['trend']; onReady?: ChartReady }) {
  const { t } = useTranslation();
  const option = {
    color: [RED, AMBER, BLUE],
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: number) => String(v),
    },
    legend: { top: 0 },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: trend.map((p) => periodTick(p.period)),
      axisLabel: { hideOverlap: true },
    },
    yAxis: { type: 'value', min: 0, max: 100, name: t('dashboards.charts.trendAxis') },
    series: [
      {
        name: t('dashboards.figure.engagement'),
        type: 'line',
        smooth: true,
        symbolSize: 7,
        lineStyle: { width: 3 },
        data: trend.map((p) => p.figures.engagement),
      },
      {
        name: t('dashboards.charts.residentsPercent'),
        type: 'line',
        smooth: true,
        data: trend.map((p) => percentOf(p.figures.residentShare)),
      },
      {
        name: t('dashboards.charts.membersPercent'),
        type: 'line',
        smooth: true,
        data: trend.map((p) => percentOf(p.figures.memberShare)),
      },
    ],
  };
  return <Chart option={option} height={300} onReady={onReady} />;
}

type ClickParams = { componentType?: string; value?: unknown; data?: unknown };

/** A click on a child's tile or bar, or on its name on the axis, picks that child. */
function pickEvents(items: ChildFigures[], onPick: (regionId: number) => void) {
  return {
    click: (p: ClickParams) => {
      const id =
        p.componentType === 'yAxis'
          ? items.find((c) => c.region.name === p.value)?.region.id
          : (p.data as { id?: number } | undefined)?.id;
      if (typeof id === 'number') onPick(id);
    },
  };
}

type ChildDatum = { id: number; name: string; value: number; engagement: number; residents: number };

/**
 * The children: a treemap (area: residents; colour: engagement) on a desktop, bars of the
 * engagement index on a phone. A click drills down.
 */
export function ChildrenChart({
  items,
  mobile,
  onPick,
  onReady,
}: {
  items: ChildFigures[];
  mobile: boolean;
  onPick: (regionId: number) => void;
  onReady?: ChartReady;
}) {
  const { t } = useTranslation();
  const data: ChildDatum[] = items.map((c) => ({
    id: c.region.id,
    name: c.region.name,
    value: c.figures.residents,
    engagement: c.figures.engagement,
    residents: c.figures.residents,
  }));
  const onEvents = pickEvents(items, onPick);
  const tooltip = {
    formatter: (p: { data: ChildDatum }) =>
      `${p.data.name}<br/>${t('dashboards.figure.engagement')}: ${p.data.engagement}<br/>${t(
        'dashboards.charts.residents',
      )}: ${p.data.residents}`,
  };
  if (mobile) {
    const rows = [...data].reverse();
    const option = {
      tooltip,
      grid: { left: 8, right: 40, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 100 },
      yAxis: {
        type: 'category',
        data: rows.map((d) => d.name),
        triggerEvent: true,
        axisLabel: { width: 110, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 18,
          label: { show: true, position: 'right' },
          data: rows.map((d) => ({
            ...d,
            value: d.engagement,
            itemStyle: { color: engagementShade(d.engagement) },
          })),
        },
      ],
    };
    return (
      <Chart
        option={option}
        height={Math.max(200, rows.length * 30 + 40)}
        onReady={onReady}
        onEvents={onEvents}
      />
    );
  }
  const option = {
    tooltip,
    series: [
      {
        type: 'treemap',
        roam: false,
        nodeClick: false,
        breadcrumb: { show: false },
        top: 0,
        left: 0,
        right: 0,
        bottom: 0,
        itemStyle: { borderColor: '#fff', borderWidth: 2, gapWidth: 2 },
        label: {
          color: '#1f1f1f',
          formatter: (p: { data: ChildDatum }) => `{name|${p.data.name}}\n{index|${p.data.engagement}}`,
          rich: {
            name: { fontSize: 13, lineHeight: 20, color: '#1f1f1f' },
            index: { fontSize: 18, fontWeight: 'bold', lineHeight: 24, color: '#1f1f1f' },
          },
        },
        // A node nobody lives under yet still shows, as a small tile.
        data: data.map((d) => ({
          ...d,
          value: Math.max(d.value, 1),
          itemStyle: { color: engagementShade(d.engagement) },
        })),
      },
    ],
  };
  // A treemap keeps its old tiles across updates: a new set of children gets a new chart.
  return (
    <Chart
      key={data.map((d) => d.id).join(',')}
      option={option}
      height={340}
      onReady={onReady}
      onEvents={onEvents}
    />
  );
}

/** Each child's community side against its participation side: one long bar and one short is "one side keen". */
export function SidesChart({
  items,
  onPick,
  onReady,
}: {
  items: ChildFigures[];
  onPick: (regionId: number) => void;
  onReady?: ChartReady;
}) {
  const { t } = useTranslation();
  const rows = [...items].reverse();
  const option = {
    color: [RED, AMBER],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v: number) => `${v}%` },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 56, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: {
      type: 'category',
      data: rows.map((c) => c.region.name),
      triggerEvent: true,
      axisLabel: { width: 120, overflow: 'truncate' },
    },
    series: [
      {
        name: t('dashboards.figure.communitySide'),
        type: 'bar',
        barMaxWidth: 12,
        data: rows.map((c) => ({ value: percentOf(c.figures.communitySide), id: c.region.id })),
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { type: 'dashed', color: '#8c8c8c' },
          label: { formatter: t('dashboards.charts.keenLine'), position: 'end' },
          data: [{ xAxis: 50 }],
        },
      },
      {
        name: t('dashboards.figure.participationSide'),
        type: 'bar',
        barMaxWidth: 12,
        data: rows.map((c) => ({ value: percentOf(c.figures.participationSide), id: c.region.id })),
      },
    ],
  };
  const onEvents = pickEvents(items, onPick);
  return (
    <Chart
      option={option}
      height={Math.max(220, rows.length * 40 + 60)}
      onReady={onReady}
      onEvents={onEvents}
    />
  );
}

/** Hours month by month through a year: a member's or a unit's own. */
export function MonthsChart({
  months,
  height = 200,
  onReady,
}: {
  months: { start: string; hours: number; acts: number }[];
  height?: number;
  onReady?: ChartReady;
}) {
  const { t } = useTranslation();
  const option = {
    color: [RED],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 4, right: 8, top: 28, bottom: 4, containLabel: true },
    xAxis: {
      type: 'category',
      data: months.map((m) => zoned(m.start).format('MMM')),
      axisLabel: { hideOverlap: true },
    },
    yAxis: { type: 'value', name: t('dashboards.unit.hoursAxis'), minInterval: 1 },
    series: [
      {
        name: t('dashboards.mine.hours'),
        type: 'bar',
        barMaxWidth: 16,
        data: months.map((m) => m.hours),
      },
    ],
  };
  return <Chart option={option} height={height} onReady={onReady} />;
}
