import { BarChartOutlined, LoadingOutlined, PieChartOutlined } from '@ant-design/icons';
import { PERIOD_KINDS } from '@contract';
import {
  Breadcrumb,
  Button,
  Card,
  DatePicker,
  Empty,
  Segmented,
  Skeleton,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { lazy } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../../lib/auth';
import { type Dayjs, day } from '../../lib/time';
import { DownloadButton } from '../../shared/DownloadButton';
import { idParam, oneOf } from '../../shared/enums';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { RegionKindTag } from '../../shared/tags';
import { useIsMobile } from '../../shared/useIsMobile';
import { downloadOverview, type Overview, type PeriodKind, useOverview } from './api';
import { ChartCard } from './ChartCard';
import { ChildrenList } from './ChildrenList';
import { Definitions } from './Definitions';
import { FigureCards } from './FigureCards';
import { DAY, PICKER, periodLabel } from './format';
import { LeadersSection } from './LeadersSection';

// echarts stays out of the first screen: the charts load when this page shows them.
const TrendChart = lazy(() => import('./Charts').then((m) => ({ default: m.TrendChart })));
const ChildrenChart = lazy(() => import('./Charts').then((m) => ({ default: m.ChildrenChart })));
const SidesChart = lazy(() => import('./Charts').then((m) => ({ default: m.SidesChart })));

/** The kind of node a node's children are. */
const CHILD_KIND = {
  district: 'street',
  street: 'community',
  community: 'building',
  building: 'entrance',
  entrance: 'entrance',
} as const;

const MONTHS: Record<PeriodKind, number> = { month: 1, quarter: 3, year: 12 };

/** A date from the address bar, if it is one. */
function dayParam(value: string | null): string | undefined {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) && day(value).isValid() ? value : undefined;
}

/** Periods that have not begun yet cannot be picked. */
function notYet(kind: PeriodKind) {
  const today = day();
  return (d: Dayjs) => d.startOf(kind === 'year' ? 'year' : 'month').isAfter(today);
}

function PeriodControls({
  kind,
  at,
  compareAt,
  onChange,
}: {
  kind: PeriodKind;
  at: Dayjs;
  compareAt: Dayjs | null;
  onChange: (patch: { kind?: PeriodKind; at?: string; compareAt?: string | null }) => void;
}) {
  const { t } = useTranslation();
  const { picker, format } = PICKER[kind];
  const previous = at.subtract(MONTHS[kind], 'month');
  const presets = [
    { label: t('dashboards.controls.previous'), value: previous },
    ...(kind === 'year' ? [] : [{ label: t('dashboards.controls.lastYear'), value: at.subtract(1, 'year') }]),
  ];
  return (
    <div className="gj-toolbar gj-dash-controls" data-testid="dashboard-controls">
      <Segmented<PeriodKind>
        value={kind}
        onChange={(next) => onChange({ kind: next, compareAt: null })}
        options={PERIOD_KINDS.map((k) => ({ value: k, label: t(`dashboards.kind.${k}`) }))}
        data-testid="dashboard-kind"
      />
      <DatePicker
        picker={picker}
        format={format}
        value={at}
        allowClear={false}
        inputReadOnly
        disabledDate={notYet(kind)}
        onChange={(d) => d && onChange({ at: d.format(DAY) })}
        aria-label={t('dashboards.controls.period')}
        data-testid="dashboard-at"
      />
      <span className="gj-inline gj-dash-compare-pick">
        <Typography.Text type="secondary">{t('dashboards.controls.compareWith')}</Typography.Text>
        <DatePicker
          picker={picker}
          format={format}
          value={compareAt}
          inputReadOnly
          presets={presets}
          placeholder={t('dashboards.controls.comparePlaceholder')}
          disabledDate={notYet(kind)}
          onChange={(d) => onChange({ compareAt: d ? d.format(DAY) : null })}
          aria-label={t('dashboards.controls.compareWith')}
          data-testid="dashboard-compare"
        />
      </span>
    </div>
  );
}

/** District → street → community → building: each step back up is a link where the server says it opens. */
function Trail({ trail, onGo }: { trail: Overview['trail']; onGo: (id: number) => void }) {
  return (
    <Breadcrumb
      className="gj-breadcrumb"
      data-testid="dashboard-trail"
      items={trail.map((r, i) => {
        const last = i === trail.length - 1;
        return {
          key: r.id,
          title:
            last || !r.can.open ? (
              <span data-testid={`dashboard-trail-${r.id}`}>{r.name}</span>
            ) : (
              <Typography.Link onClick={() => onGo(r.id)} data-testid={`dashboard-trail-${r.id}`}>
                {r.name}
              </Typography.Link>
            ),
        };
      })}
    />
  );
}

/** "正在计算…": a fresh start, before the first refresh is done; the answer is asked again until it is. */
function ComputingNotice() {
  const { t } = useTranslation();
  return (
    <div className="gj-dash-computing gj-section" role="status" data-testid="dashboard-computing">
      <LoadingOutlined className="gj-dash-computing-icon" />
      <div>
        <Typography.Text strong>{t('dashboards.computing')}</Typography.Text>
        <br />
        <Typography.Text type="secondary">{t('dashboards.computingHint')}</Typography.Text>
      </div>
    </div>
  );
}

function DashboardExport({ params }: { params: { regionId: number; kind: PeriodKind; at: string } }) {
  return <DownloadButton download={() => downloadOverview(params)} testId="dashboard-export" />;
}

/** 参与情况: is participation rising, and on both sides? Per node of the tree, drilling down to buildings. */
export function DashboardPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const isMobile = useIsMobile();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const regionId = idParam(params.get('regionId') ?? undefined);
  const kind = oneOf(PERIOD_KINDS, params.get('kind') ?? undefined) ?? 'month';
  const at = dayParam(params.get('at'));
  const compareAt = dayParam(params.get('compareAt'));
  // The card to bring into view (the workbench's 概况 links to one).
  const focus = params.get('figure');
  const overview = useOverview({ regionId, kind, at, compareAt });
  const data = overview.data;

  // A drill-down is a step in the history (back returns); a new period replaces the address.
  const go = (id: number) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      next.set('regionId', String(id));
      return next;
    });
  const setPeriod = (patch: { kind?: PeriodKind; at?: string; compareAt?: string | null }) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(patch)) {
          if (value === null || value === undefined || (key === 'kind' && value === 'month'))
            next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );

  const period = data?.period;
  const atDay = day(period?.start ?? at);
  const exportParams = data && !data.computing && { regionId: data.region.id, kind, at: data.period.start };
  const children = data?.children ?? [];
  const title = data ? `${data.region.name} · ${periodLabel(t, data.period)}` : '';
  const drillable = data && data.region.kind !== 'building';

  return (
    <div data-testid="dashboard-page">
      <PageHeader
        title={t('nav.dashboards')}
        extra={
          <>
            {can('coverage.read') && (
              <Button
                icon={<PieChartOutlined />}
                onClick={() => navigate(data ? `/coverage?regionId=${data.region.id}` : '/coverage')}
                data-testid="dashboard-coverage-link"
              >
                {t('dashboards.links.coverage')}
              </Button>
            )}
            {can('facility.manage') && (
              <Button
                icon={<BarChartOutlined />}
                onClick={() =>
                  navigate(
                    data && (data.region.kind === 'street' || data.region.kind === 'community')
                      ? `/facilities/utilization?regionId=${data.region.id}`
                      : '/facilities/utilization',
                  )
                }
                data-testid="dashboard-utilization-link"
              >
                {t('dashboards.links.utilization')}
              </Button>
            )}
            {exportParams && <DashboardExport params={exportParams} />}
          </>
        }
      />
      <PeriodControls
        kind={kind}
        at={atDay}
        compareAt={compareAt ? day(compareAt) : null}
        onChange={setPeriod}
      />
      {data && data.trail.length > 1 && <Trail trail={data.trail} onGo={go} />}
      {overview.error && <QueryError error={overview.error} onRetry={() => void overview.refetch()} />}
      {!data && !overview.error && <Skeleton active />}
      {data && (
        <Spin spinning={overview.isFetching && !data.computing}>
          <div className="gj-dash-head">
            <Typography.Title level={5} className="gj-no-margin" data-testid="dashboard-title">
              {data.region.name}
            </Typography.Title>
            <RegionKindTag kind={data.region.kind} />
            <Typography.Text type="secondary" data-testid="dashboard-period">
              {t('dashboards.periodRange', {
                label: periodLabel(t, data.period),
                start: data.period.start,
                end: data.period.end,
              })}
            </Typography.Text>
            {data.period.ongoing && (
              <Tag color="processing" data-testid="dashboard-ongoing">
                {t('dashboards.ongoing')}
              </Tag>
            )}
            {data.compare && (
              <Typography.Text type="secondary" data-testid="dashboard-compare-period">
                {t('dashboards.comparedWith', { label: periodLabel(t, data.compare.period) })}
              </Typography.Text>
            )}
          </div>
          {data.computing ? (
            <ComputingNotice />
          ) : (
            <FigureCards figures={data.figures} compare={data.compare?.figures ?? null} focus={focus} />
          )}
          {/* Until the figures are computed, nothing below would read anything but 0. */}
          {!data.computing && (
            <>
              {data.coverage.some((l) => l.total > 0) && (
                <div className="gj-dash-coverage" data-testid="dashboard-coverage">
                  <Link to={`/coverage?regionId=${data.region.id}`}>{t('dashboards.coverage')}</Link>
                  {data.coverage
                    .filter((l) => l.total > 0)
                    .map((l) => (
                      <Typography.Text
                        key={l.kind}
                        type="secondary"
                        data-testid={`dashboard-coverage-${l.kind}`}
                      >
                        {t('coverage.levelTitle', { kind: t(`regionKind.${l.kind}`) })}{' '}
                        {t('coverage.coveredOf', { covered: l.covered, total: l.total })}
                      </Typography.Text>
                    ))}
                </div>
              )}
              <div className="gj-dash-charts">
                <ChartCard
                  name="trend"
                  title={t('dashboards.charts.trend')}
                  fileName={`${title} ${t('dashboards.charts.trend')}`}
                >
                  {(slot) => <TrendChart trend={data.trend} onReady={slot} />}
                </ChartCard>
                {drillable && children.length > 0 && (
                  <ChartCard
                    name="children"
                    title={t('dashboards.charts.children', {
                      kinds: t(`dashboards.kindPlural.${children[0]!.region.kind}`),
                    })}
                    fileName={`${title} ${t('dashboards.charts.childrenFile')}`}
                    note={
                      <Typography.Text type="secondary" className="gj-dash-note">
                        {isMobile
                          ? t('dashboards.charts.childrenNoteBars')
                          : t('dashboards.charts.childrenNote')}
                      </Typography.Text>
                    }
                  >
                    {(slot) => (
                      <ChildrenChart items={children} mobile={isMobile} onPick={go} onReady={slot} />
                    )}
                  </ChartCard>
                )}
                {drillable && children.length > 0 && (
                  <ChartCard
                    name="sides"
                    title={t('dashboards.charts.sides')}
                    fileName={`${title} ${t('dashboards.charts.sides')}`}
                    note={
                      <Typography.Text type="secondary" className="gj-dash-note">
                        {t('dashboards.charts.sidesNote')}
                      </Typography.Text>
                    }
                  >
                    {(slot) => <SidesChart items={children} onPick={go} onReady={slot} />}
                  </ChartCard>
                )}
              </div>
              {drillable && (
                <Card
                  size="small"
                  className="gj-section"
                  title={t('dashboards.children.title', {
                    kinds: t(
                      `dashboards.kindPlural.${children[0]?.region.kind ?? CHILD_KIND[data.region.kind]}`,
                    ),
                  })}
                >
                  <ChildrenList items={children} onPick={go} />
                </Card>
              )}
              {!drillable && (
                <Card size="small" className="gj-section">
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('dashboards.children.bottom')} />
                </Card>
              )}
              <LeadersSection
                params={{ regionId: data.region.id, kind, at: data.period.start }}
                showCommunities={data.region.kind === 'district' || data.region.kind === 'street'}
                onPick={go}
              />
            </>
          )}
          <Definitions refreshedAt={data.refreshedAt} />
        </Spin>
      )}
    </div>
  );
}
