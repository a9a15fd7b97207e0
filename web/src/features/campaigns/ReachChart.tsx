import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import type { CampaignReachData } from './api';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

type Props = { days: CampaignReachData['byDay']; height?: number };

/** Each day of a campaign: notices read and sessions attended (bars), hours served (line). Loaded on its own. */
export default function ReachChart({ days, height = 280 }: Props) {
  const { t } = useTranslation();
  const option = {
    color: ['#c8102e', '#722ed1', '#faad14'],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { bottom: 0 },
    grid: { left: 8, right: 8, top: 32, bottom: 36, containLabel: true },
    xAxis: {
      type: 'category',
      data: days.map((d) => d.date.slice(5)),
      axisLabel: { hideOverlap: true },
    },
    yAxis: [
      { type: 'value', name: t('campaigns.reach.peopleAxis'), minInterval: 1 },
      { type: 'value', name: t('campaigns.reach.hoursAxis'), splitLine: { show: false } },
    ],
    series: [
      { name: t('campaigns.reach.reads'), type: 'bar', data: days.map((d) => d.reads), barMaxWidth: 16 },
      {
        name: t('campaigns.reach.attendance'),
        type: 'bar',
        data: days.map((d) => d.attendance),
        barMaxWidth: 16,
      },
      {
        name: t('campaigns.reach.hours'),
        type: 'line',
        yAxisIndex: 1,
        data: days.map((d) => Math.round(d.hours * 10) / 10),
      },
    ],
  };
  return (
    <div data-testid="reach-chart">
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height, width: '100%' }} />
    </div>
  );
}
