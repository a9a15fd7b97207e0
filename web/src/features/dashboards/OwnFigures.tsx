import { TrophyOutlined } from '@ant-design/icons';
import { Card, Skeleton, Typography } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../shared/QueryError';
import { useMyFigures, useUnitFigures } from './api';
import { formatFigure, percentText } from './format';

// echarts loads with the chart, not with the page that shows it.
const MonthsChart = lazy(() => import('./Charts').then((m) => ({ default: m.MonthsChart })));

function BigFigure({
  value,
  unit,
  label,
  testId,
}: {
  value: string;
  unit: string;
  label: string;
  testId: string;
}) {
  return (
    <div className="gj-big-stat">
      <span className="gj-big-number" data-testid={testId}>
        {value}
      </span>
      <span className="gj-big-unit">{unit}</span>
      <span className="gj-big-label">{label}</span>
    </div>
  );
}

/** A member's own year month by month, next to their community ("my record" page). */
export function MyFigures() {
  const { t } = useTranslation();
  const figures = useMyFigures();
  const data = figures.data;
  return (
    <Card
      size="small"
      className="gj-dash-mine"
      title={data ? t('dashboards.mine.title', { year: data.year }) : t('dashboards.mine.titlePlain')}
      data-testid="my-figures"
    >
      {figures.error && <QueryError error={figures.error} onRetry={() => void figures.refetch()} />}
      {!data && !figures.error && <Skeleton active />}
      {data && (
        <>
          <div className="gj-big-stats gj-big-stats-small">
            <BigFigure
              value={formatFigure(t, data.totals.hours, 'index')}
              unit={t('dashboards.unit.hoursUnit')}
              label={t('dashboards.mine.hoursYear')}
              testId="my-figures-hours"
            />
            <BigFigure
              value={String(data.totals.acts)}
              unit={t('dashboards.unit.timesUnit')}
              label={t('dashboards.mine.actsYear')}
              testId="my-figures-acts"
            />
          </div>
          <Suspense fallback={<Skeleton active />}>
            <MonthsChart months={data.months} height={180} />
          </Suspense>
          <Typography.Paragraph className="gj-dash-mine-community" data-testid="my-figures-community">
            {t('dashboards.mine.community', {
              name: data.community.name,
              share: percentText(data.community.residentShare),
              hours: formatFigure(t, data.community.averageHours, 'index'),
            })}
          </Typography.Paragraph>
        </>
      )}
    </Card>
  );
}

/** A unit's own year month by month, and where it stands among the district's units (the unit drawer). */
export function UnitFigures({ unitId }: { unitId: number }) {
  const { t } = useTranslation();
  const figures = useUnitFigures(unitId);
  const data = figures.data;
  return (
    <div className="gj-dash-own" data-testid="unit-figures">
      {figures.error && <QueryError error={figures.error} onRetry={() => void figures.refetch()} />}
      {!data && !figures.error && <Skeleton active />}
      {data && (
        <>
          <div className="gj-big-stats gj-big-stats-small gj-no-bottom">
            <BigFigure
              value={formatFigure(t, data.totals.hours, 'index')}
              unit={t('dashboards.unit.hoursUnit')}
              label={t('dashboards.unitOwn.hoursYear', { year: data.year })}
              testId="unit-figures-hours"
            />
            <BigFigure
              value={String(data.totals.acts)}
              unit={t('dashboards.unit.timesUnit')}
              label={t('dashboards.unitOwn.actsYear')}
              testId="unit-figures-acts"
            />
          </div>
          <Typography.Text data-testid="unit-figures-rank" data-rank={data.rank ?? ''}>
            <TrophyOutlined />{' '}
            {data.rank === null
              ? t('dashboards.unitOwn.noRank', { total: data.unitsTakingPart })
              : t('dashboards.unitOwn.rank', { rank: data.rank, total: data.unitsTakingPart })}
          </Typography.Text>
          <Suspense fallback={<Skeleton active />}>
            <MonthsChart months={data.months} height={180} />
          </Suspense>
          <Typography.Text type="secondary" className="gj-dash-note">
            {t('dashboards.unitOwn.note')}
          </Typography.Text>
        </>
      )}
    </div>
  );
}
