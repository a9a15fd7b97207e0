import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Card, Progress, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useRef } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { Figures } from './api';
import {
  changeOf,
  type EngagementState,
  type FigureFormat,
  type FigureKey,
  formatFigure,
  percentOf,
  STATE_COLOR,
} from './format';

export function StateTag({ state, testId }: { state: EngagementState; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t(`dashboards.stateHint.${state}`)}>
      <Tag color={STATE_COLOR[state]} data-testid={testId} data-state={state}>
        {t(`dashboards.state.${state}`)}
      </Tag>
    </Tooltip>
  );
}

/** "↑ 2.3 个百分点" in green, "↓ 3" in red; `lowerIsBetter` turns the colours round. */
function Change({
  now,
  was,
  format,
  lowerIsBetter,
}: {
  now: number | null;
  was: number | null;
  format: FigureFormat;
  lowerIsBetter?: boolean;
}) {
  const { t } = useTranslation();
  const change = changeOf(t, now, was, format);
  if (!change) return null;
  if (change.dir === 'same')
    return (
      <span className="gj-dash-change" data-dir="same">
        {change.text}
      </span>
    );
  const good = (change.dir === 'up') !== Boolean(lowerIsBetter);
  return (
    <span className={`gj-dash-change ${good ? 'gj-dash-good' : 'gj-dash-bad'}`} data-dir={change.dir}>
      {change.dir === 'up' ? <ArrowUpOutlined /> : <ArrowDownOutlined />}
      {change.text}
    </span>
  );
}

type Extra = { key: FigureKey; label: string; format: FigureFormat; lowerIsBetter?: boolean };
/** The figures that head a card (each with its definition). */
type CardKey =
  | 'residentShare'
  | 'memberShare'
  | 'registeredShare'
  | 'unitShare'
  | 'serviceHours'
  | 'projectsOpened'
  | 'needsRaised'
  | 'daysHeld'
  | 'readRate'
  | 'coursesCompleted'
  | 'facilityUtilization';
type CardSpec = {
  key: CardKey;
  format: FigureFormat;
  /** A line under the value: who of how many (two figures, each with its test id). */
  sub?: { active: FigureKey; total: FigureKey; unit: 'people' | 'units' | 'notices' };
  /** The share's denominator: none (zero) shows "—" rather than 0 %. */
  of?: (f: Figures) => number;
  extras?: Extra[];
};

const value = (f: Figures, key: FigureKey) => f[key];

/** "451 / 1692 人": both numbers carry their figure's test id and raw value. */
function OfTotal({
  figures,
  active,
  total,
  unit,
}: {
  figures: Figures;
  active: FigureKey;
  total: FigureKey;
  unit: 'people' | 'units' | 'notices';
}) {
  const carrier = (key: FigureKey) => (
    <span data-testid={`dashboard-figure-${key}`} data-value={value(figures, key) ?? ''} />
  );
  return (
    <Typography.Text type="secondary">
      <Trans
        i18nKey={`dashboards.sub.${unit}`}
        values={{ active: value(figures, active), total: value(figures, total) }}
        components={{ active: carrier(active), total: carrier(total) }}
      />
    </Typography.Text>
  );
}

function FigureCard({
  spec,
  figures,
  compare,
  focused,
}: {
  spec: CardSpec;
  figures: Figures;
  compare: Figures | null;
  /** Opened on this card (from the workbench's 概况): marked and brought into view. */
  focused?: boolean;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focused) ref.current?.scrollIntoView({ block: 'center' });
  }, [focused]);
  const now = value(figures, spec.key);
  // A share of nothing is no share: shown as "—", compared with nothing.
  const shown = (f: Figures) => (spec.of && spec.of(f) === 0 ? null : value(f, spec.key));
  return (
    <Card
      ref={ref}
      size="small"
      className={focused ? 'gj-dash-kpi gj-dash-kpi-focus' : 'gj-dash-kpi'}
      data-testid={`dashboard-card-${spec.key}`}
      data-focused={focused ? 'true' : undefined}
    >
      <Tooltip title={t(`dashboards.define.${spec.key}`)} placement="topLeft">
        <Typography.Text type="secondary" className="gj-dash-kpi-title">
          {t(`dashboards.figure.${spec.key}`)}
        </Typography.Text>
      </Tooltip>
      <div className="gj-dash-kpi-value" data-testid={`dashboard-figure-${spec.key}`} data-value={now ?? ''}>
        {formatFigure(t, shown(figures), spec.format)}
      </div>
      {spec.sub && <OfTotal figures={figures} {...spec.sub} />}
      {spec.extras?.map((x) => {
        const v = value(figures, x.key);
        return (
          <div key={x.key} className="gj-dash-kpi-extra">
            <Typography.Text type="secondary">{x.label}</Typography.Text>{' '}
            <span data-testid={`dashboard-figure-${x.key}`} data-value={v ?? ''}>
              {formatFigure(t, v, x.format)}
            </span>
            {compare && (
              <>
                {' '}
                <Change
                  now={v}
                  was={value(compare, x.key)}
                  format={x.format}
                  lowerIsBetter={x.lowerIsBetter}
                />
              </>
            )}
          </div>
        );
      })}
      {compare && (
        <div className="gj-dash-compare" data-testid={`dashboard-compare-${spec.key}`}>
          <Typography.Text type="secondary">
            {t('dashboards.compare.was', { value: formatFigure(t, shown(compare), spec.format) })}
          </Typography.Text>
          <Change now={shown(figures)} was={shown(compare)} format={spec.format} />
        </div>
      )}
    </Card>
  );
}

function SideBar({ label, share, testId }: { label: string; share: number; testId: string }) {
  return (
    <>
      <Typography.Text type="secondary" className="gj-dash-side-label">
        {label}
      </Typography.Text>
      <Progress
        percent={percentOf(share)}
        size="small"
        strokeColor={share >= 0.5 ? '#52c41a' : '#faad14'}
        format={(p) => `${p}%`}
        data-testid={testId}
        data-value={share}
      />
    </>
  );
}

/** The engagement index, its state, and the two sides it is the geometric mean of. */
function EngagementCard({ figures, compare }: { figures: Figures; compare: Figures | null }) {
  const { t } = useTranslation();
  return (
    <Card size="small" className="gj-dash-kpi gj-dash-kpi-main">
      <div className="gj-dash-kpi-head">
        <Tooltip title={t('dashboards.define.engagement')} placement="topLeft">
          <Typography.Text type="secondary" className="gj-dash-kpi-title">
            {t('dashboards.figure.engagement')}
          </Typography.Text>
        </Tooltip>
        <StateTag state={figures.state} testId="dashboard-state" />
      </div>
      <div className="gj-dash-index-row">
        <span className="gj-dash-index" data-testid="dashboard-engagement" data-value={figures.engagement}>
          {String(figures.engagement)}
        </span>
        <Typography.Text type="secondary">/ 100</Typography.Text>
        {compare && (
          <span className="gj-dash-compare" data-testid="dashboard-compare-engagement">
            <Typography.Text type="secondary">
              {t('dashboards.compare.was', { value: String(compare.engagement) })}
            </Typography.Text>
            <Change now={figures.engagement} was={compare.engagement} format="index" />
          </span>
        )}
      </div>
      <div className="gj-dash-sides">
        <SideBar
          label={t('dashboards.figure.communitySide')}
          share={figures.communitySide}
          testId="dashboard-figure-communitySide"
        />
        <SideBar
          label={t('dashboards.figure.participationSide')}
          share={figures.participationSide}
          testId="dashboard-figure-participationSide"
        />
      </div>
    </Card>
  );
}

/** The KPI cards of a node for a period, each next to the compare period when one is set. */
export function FigureCards({
  figures,
  compare,
  focus,
}: {
  figures: Figures;
  compare: Figures | null;
  /** The card to mark and bring into view (a card's key), if any. */
  focus?: string | null;
}) {
  const { t } = useTranslation();
  const specs: CardSpec[] = [
    {
      key: 'residentShare',
      format: 'share',
      sub: { active: 'residentsActive', total: 'residents', unit: 'people' },
      of: (f) => f.residents,
    },
    {
      key: 'memberShare',
      format: 'share',
      sub: { active: 'membersActive', total: 'members', unit: 'people' },
      of: (f) => f.members,
    },
    {
      key: 'registeredShare',
      format: 'share',
      sub: { active: 'registered', total: 'inService', unit: 'people' },
      of: (f) => f.inService,
      extras: [
        {
          key: 'registrationsApproved',
          label: t('dashboards.extra.registrationsApproved'),
          format: 'count',
        },
      ],
    },
    {
      key: 'unitShare',
      format: 'share',
      sub: { active: 'unitsActive', total: 'units', unit: 'units' },
      of: (f) => f.units,
    },
    {
      key: 'serviceHours',
      format: 'hours',
      extras: [
        { key: 'rolesCompleted', label: t('dashboards.extra.rolesCompleted'), format: 'count' },
        { key: 'meetingsAttended', label: t('dashboards.extra.meetingsAttended'), format: 'count' },
      ],
    },
    {
      key: 'projectsOpened',
      format: 'count',
      extras: [{ key: 'projectsDone', label: t('dashboards.extra.projectsDone'), format: 'count' }],
    },
    {
      key: 'needsRaised',
      format: 'count',
      extras: [
        // Of the needs raised in the period: answered and waiting add up to the raised.
        { key: 'needsResolved', label: t('dashboards.extra.needsResolved'), format: 'count' },
        { key: 'needsOpen', label: t('dashboards.extra.needsOpen'), format: 'count', lowerIsBetter: true },
        {
          key: 'needsResolveDays',
          label: t('dashboards.extra.needsResolveDays'),
          format: 'days',
          lowerIsBetter: true,
        },
      ],
    },
    {
      key: 'daysHeld',
      format: 'count',
      extras: [{ key: 'meetingsHeld', label: t('dashboards.extra.meetingsHeld'), format: 'count' }],
    },
    {
      key: 'readRate',
      format: 'share',
      sub: { active: 'noticesRead', total: 'noticesDelivered', unit: 'notices' },
      of: (f) => f.noticesDelivered,
    },
    { key: 'coursesCompleted', format: 'count' },
    {
      key: 'facilityUtilization',
      format: 'share',
      of: (f) => f.facilityHoursOpen,
      extras: [
        { key: 'facilityHoursUsed', label: t('dashboards.extra.facilityHoursUsed'), format: 'hours' },
        { key: 'facilityHours', label: t('dashboards.extra.facilityHours'), format: 'hours' },
      ],
    },
  ];
  return (
    <div className="gj-dash-kpis" data-testid="dashboard-figures">
      <EngagementCard figures={figures} compare={compare} />
      {specs.map((spec) => (
        <FigureCard
          key={spec.key}
          spec={spec}
          figures={figures}
          compare={compare}
          focused={focus === spec.key}
        />
      ))}
    </div>
  );
}
