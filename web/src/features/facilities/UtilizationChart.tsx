import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import type { UtilizationData } from './api';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Props = { weeks: UtilizationData['byWeek']; height?: number };

/** Booked and used hours per week (by its Monday), side by side. Loaded on its own: echarts is large. */
export default function UtilizationChart({ weeks, height = 280 }: Props) {
  const { t } = useTranslation();
  const option = {
    color: ['#f5a623', '#c8102e'],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: 0 },
    grid: { left: 8, right: 8, top: 36, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: weeks.map((w) => w.week.slice(5)),
      axisLabel: { hideOverlap: true },
    },
    yAxis: { type: 'value', name: t('facilities.util.hoursAxis'), minInterval: 1 },
    series: [
      {
        name: t('facilities.util.booked'),
        type: 'bar',
        data: weeks.map((w) => w.bookedHours),
        barMaxWidth: 18,
      },
      {
        name: t('facilities.util.used'),
        type: 'bar',
        data: weeks.map((w) => w.usedHours),
        barMaxWidth: 18,
      },
    ],
  };
  return (
    <div data-testid="utilization-chart">
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height, width: '100%' }} />
    </div>
  );
}
