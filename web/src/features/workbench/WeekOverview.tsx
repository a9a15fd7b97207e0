import { ArrowDownOutlined, ArrowUpOutlined, LoadingOutlined, MinusOutlined } from '@ant-design/icons';
import type { WeekFigure, WeekOverview as WeekOverviewData } from '@contract';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLocale } from '../../lib/i18n';
import { day } from '../../lib/time';
import { Panel } from '../../shared/Panel';

const number = (value: number) =>
  new Intl.NumberFormat(currentLocale(), { maximumFractionDigits: 1 }).format(value);

/** More of these is neither good nor bad news: a need raised is a need heard. */
const NEUTRAL: ReadonlySet<WeekFigure['key']> = new Set(['needsRaised']);

/** "↑ 5" against the week before, said in words to a screen reader ("比前一周多 5 人"). */
function Change({ figure }: { figure: WeekFigure }) {
  const { t } = useTranslation();
  const diff = Math.round((figure.value - figure.previous) * 10) / 10;
  const amount = t(`workbench.overview.unit.${figure.key}`, { value: number(Math.abs(diff)) });
  const dir = diff > 0 ? 'up' : diff < 0 ? 'down' : 'same';
  const words =
    dir === 'same' ? t('workbench.overview.same') : t(`workbench.overview.${dir}`, { value: amount });
  const tone =
    dir === 'same' || NEUTRAL.has(figure.key) ? '' : dir === 'up' ? ' gj-week-good' : ' gj-week-bad';
  const Icon = dir === 'up' ? ArrowUpOutlined : dir === 'down' ? ArrowDownOutlined : MinusOutlined;
  return (
    <span className={`gj-week-change${tone}`} data-testid={`week-change-${figure.key}`} data-dir={dir}>
      <span aria-hidden="true">
        <Icon />{' '}
        {dir === 'same' ? t('workbench.overview.same') : `${diff > 0 ? '+' : '−'}${number(Math.abs(diff))}`}
      </span>
      <span className="gj-sr-only">{words}</span>
    </span>
  );
}

function Tile({ figure }: { figure: WeekFigure }) {
  const { t } = useTranslation();
  const unit = (value: number) => t(`workbench.overview.unit.${figure.key}`, { value: number(value) });
  return (
    <Link to={figure.link} className="gj-week-tile" data-testid={`week-figure-${figure.key}`}>
      <span className="gj-week-name">{t(`workbench.overview.figure.${figure.key}`)}</span>
      <strong className="gj-week-value" data-value={figure.value}>
        {unit(figure.value)}
      </strong>
      <Change figure={figure} />
      {figure.answered !== null && (
        <span className="gj-secondary">{t('workbench.overview.answered', { count: figure.answered })}</span>
      )}
      <span className="gj-secondary">{t('workbench.overview.sofar', { value: unit(figure.sofar) })}</span>
    </Link>
  );
}

/**
 * 概况: what moved last week under the top node of a staff member's area, each figure against the
 * week before and one tap from the dashboard on its card. While the figures are first being
 * computed it says so, and the workbench asks again until they are.
 */
export function WeekOverview({ overview }: { overview: WeekOverviewData }) {
  const { t } = useTranslation();
  const short = (date: string) => day(date).format('MM-DD');
  return (
    <Panel
      data-testid="workbench-overview"
      title={`${t('workbench.overview.title')} · ${overview.region.name}`}
    >
      <p className="gj-secondary gj-week-head" data-testid="workbench-overview-week">
        {t('workbench.overview.week', { start: short(overview.week.start), end: short(overview.week.end) })}
      </p>
      {overview.computing ? (
        <p className="gj-secondary" role="status" data-testid="workbench-overview-computing">
          <LoadingOutlined /> {t('workbench.overview.computing')} {t('workbench.overview.computingHint')}
        </p>
      ) : (
        <>
          <div className="gj-week-tiles">
            {overview.figures.map((f) => (
              <Tile key={f.key} figure={f} />
            ))}
          </div>
          <p className="gj-secondary gj-week-note">
            {t('workbench.overview.note', { name: overview.region.name })}
          </p>
        </>
      )}
    </Panel>
  );
}
