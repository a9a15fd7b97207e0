import { Card, Empty, Skeleton, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../shared/QueryError';
import type { FigureParams, Leaders } from './api';
import { useLeaders } from './api';
import { StateTag } from './FigureCards';
import { formatFigure } from './format';

type Community = Leaders['top'][number];

function Ranked<T>({
  title,
  items,
  empty,
  testId,
  render,
}: {
  title: string;
  items: T[];
  empty: string;
  testId: string;
  render: (item: T) => ReactNode;
}) {
  return (
    <div className="gj-dash-rank" data-testid={testId}>
      <Typography.Text strong>{title}</Typography.Text>
      {items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
      ) : (
        <ol className="gj-dash-rank-list">{items.map(render)}</ol>
      )}
    </div>
  );
}

/** Top and bottom communities by the engagement index; the teams and units that served most. */
export function LeadersSection({
  params,
  showCommunities,
  onPick,
}: {
  params: Omit<FigureParams, 'compareAt'>;
  /** Rankings of communities mean something above a community only. */
  showCommunities: boolean;
  onPick: (regionId: number) => void;
}) {
  const { t } = useTranslation();
  const leaders = useLeaders(params);
  const data = leaders.data;
  const community = (c: Community) => (
    <li key={c.region.id} className="gj-dash-rank-entry">
      <button type="button" className="gj-dash-rank-item" onClick={() => onPick(c.region.id)}>
        <span className="gj-dash-rank-name">
          {c.region.name}
          <Typography.Text type="secondary"> · {c.parentName}</Typography.Text>
        </span>
        <span className="gj-dash-rank-score">
          <StateTag state={c.figures.state} />
          <strong className="gj-dash-rank-index">{c.figures.engagement}</strong>
        </span>
      </button>
    </li>
  );
  return (
    <Card
      size="small"
      title={t('dashboards.leaders.title')}
      className="gj-section"
      data-testid="dashboard-leaders"
    >
      {leaders.error && <QueryError error={leaders.error} onRetry={() => void leaders.refetch()} />}
      {!data && !leaders.error && <Skeleton active />}
      {data && (
        <div className="gj-dash-ranks">
          {showCommunities && (
            <>
              <Ranked
                title={t('dashboards.leaders.top')}
                items={data.top}
                empty={t('dashboards.leaders.noCommunities')}
                testId="dashboard-leaders-top"
                render={community}
              />
              <Ranked
                title={t('dashboards.leaders.bottom')}
                items={data.bottom}
                empty={t('dashboards.leaders.noBottom')}
                testId="dashboard-leaders-bottom"
                render={community}
              />
            </>
          )}
          <Ranked
            title={t('dashboards.leaders.teams')}
            items={data.teams}
            empty={t('dashboards.leaders.noTeams')}
            testId="dashboard-leaders-teams"
            render={(team) => (
              <li key={team.id} className="gj-dash-rank-entry">
                <div className="gj-dash-rank-item">
                  <span className="gj-dash-rank-name">
                    <Link to={`/teams/${team.id}`}>{team.name}</Link>
                    <Typography.Text type="secondary"> · {team.regionName}</Typography.Text>
                  </span>
                  <strong className="gj-nowrap">{formatFigure(t, team.hours, 'hours')}</strong>
                </div>
              </li>
            )}
          />
          <Ranked
            title={t('dashboards.leaders.units')}
            items={data.units}
            empty={t('dashboards.leaders.noUnits')}
            testId="dashboard-leaders-units"
            render={(unit) => (
              <li key={unit.id} className="gj-dash-rank-entry">
                <div className="gj-dash-rank-item">
                  <span className="gj-dash-rank-name">
                    {unit.name}
                    <Typography.Text type="secondary"> · {unit.regionName}</Typography.Text>
                  </span>
                  <strong className="gj-nowrap">{formatFigure(t, unit.hours, 'hours')}</strong>
                </div>
              </li>
            )}
          />
        </div>
      )}
    </Card>
  );
}
