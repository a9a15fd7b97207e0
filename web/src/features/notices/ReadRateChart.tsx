import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import type { NoticeReadsData } from './api';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

type Row = NoticeReadsData['byCommunity'][number];
type Props = { rows: Row[] };

const pct = (rate: number) => Math.round(rate * 1000) / 10;

/** Read rate per community as horizontal bars, lowest at the top: who to chase. Loaded on its own. */
export default function ReadRateChart({ rows }: Props) {
  const { t } = useTranslation();
  const sorted = [...rows].sort((a, b) => b.readRate - a.readRate);
  const option = {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: { dataIndex: number }[]) => {
        const r = sorted[params[0]?.dataIndex ?? 0];
        return r
          ? `${r.name}<br/>${t('notices.readsOf', { reads: r.reads, recipients: r.recipients })} · ${pct(r.readRate)}%`
          : '';
      },
    },
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: {
      type: 'category',
      data: sorted.map((r) => r.name),
      axisLabel: { width: 96, overflow: 'truncate' },
    },
    series: [
      {
        name: t('notices.readRate'),
        type: 'bar',
        data: sorted.map((r) => ({
          value: pct(r.readRate),
          itemStyle: { color: r.readRate >= 0.8 ? '#52c41a' : r.readRate >= 0.5 ? '#faad14' : '#c8102e' },
        })),
        barMaxWidth: 18,
        label: { show: true, position: 'right', formatter: '{c}%' },
      },
    ],
  };
  return (
    <div data-testid="read-rate-chart">
      <ReactEChartsCore
        echarts={echarts}
        option={option}
        notMerge
        style={{ height: Math.max(160, sorted.length * 32 + 40), width: '100%' }}
      />
    </div>
  );
}
