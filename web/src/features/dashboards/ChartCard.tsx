import { PictureOutlined } from '@ant-design/icons';
import { Button, Card, Skeleton, Tooltip } from 'antd';
import type { EChartsType } from 'echarts/core';
import { type ReactNode, Suspense, useCallback, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { saveBlob } from '../../shared/download';
import { useFeedback } from '../../shared/feedback';
import { dataUrlBlob } from './format';

/** Hands the card's chart its instance holder: the chart calls it when ready, and with null when gone. */
export type ChartSlot = (chart: EChartsType | null) => void;

type Props = {
  /** Names the test ids (`dashboard-chart-<name>`, `dashboard-save-image-<name>`). */
  name: string;
  title: ReactNode;
  /** The saved image's file name, without extension. */
  fileName: string;
  extra?: ReactNode;
  note?: ReactNode;
  /** Renders the (lazy) chart with the slot to hand its instance to. */
  children: (slot: ChartSlot) => ReactNode;
};

/** A chart in a card, with "save as image": the chart's own rendering, as a PNG. */
export function ChartCard({ name, title, fileName, extra, note, children }: Props) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const chart = useRef<EChartsType | null>(null);
  const slot = useCallback<ChartSlot>((c) => {
    chart.current = c;
  }, []);
  const save = () => {
    const instance = chart.current;
    if (!instance) {
      feedback.warning(t('dashboards.charts.notReady'));
      return;
    }
    const url = instance.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    saveBlob(dataUrlBlob(url), `${fileName}.png`);
  };
  return (
    <Card
      size="small"
      className="gj-dash-chart"
      title={title}
      extra={
        <span className="gj-inline">
          {extra}
          <Tooltip title={t('dashboards.charts.saveImage')}>
            <Button
              size="small"
              type="text"
              icon={<PictureOutlined />}
              aria-label={t('dashboards.charts.saveImage')}
              onClick={save}
              data-testid={`dashboard-save-image-${name}`}
            />
          </Tooltip>
        </span>
      }
    >
      {note}
      <div data-testid={`dashboard-chart-${name}`}>
        <Suspense fallback={<Skeleton active />}>{children(slot)}</Suspense>
      </div>
    </Card>
  );
}
