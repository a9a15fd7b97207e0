import { EnvironmentOutlined } from '@ant-design/icons';
import type { Team } from '@contract';
import { Alert, Empty, Skeleton, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../shared/QueryError';
import { useSpecialtyLabel } from '../../shared/specialties';
import { type TeamListParams, useSpecialtyColor, useTeams } from './api';

/** Teams shown at once in the overview: enough for a street's communities. */
const AREA_LIMIT = 200;

type Area = { regionId: number; regionName: string; teams: Team[] };

/** Groups teams by their community (or street), keeping the server's order: near home first. */
function byArea(teams: readonly Team[]): Area[] {
  const areas = new Map<number, Area>();
  for (const team of teams) {
    const area = areas.get(team.regionId) ?? {
      regionId: team.regionId,
      regionName: team.regionName,
      teams: [],
    };
    area.teams.push(team);
    areas.set(team.regionId, area);
  }
  return [...areas.values()];
}

function TeamChip({ team }: { team: Team }) {
  const specialtyColor = useSpecialtyColor();
  const { t } = useTranslation();
  const label = useSpecialtyLabel();
  return (
    <Link
      to={`/teams/${team.id}`}
      className="gj-team-chip"
      title={`${label(team.specialty)} · ${t('teams.memberCount', { count: team.memberCount })}`}
      data-testid={`team-chip-${team.id}`}
    >
      <span className="gj-team-chip-dot" style={{ background: specialtyColor(team.specialty) }} />
      <span className="gj-team-chip-name">{team.name}</span>
      <span className="gj-team-chip-count">{team.memberCount}</span>
    </Link>
  );
}

/** "按社区": each community (or street) with its teams as chips, a glance at who serves where. */
export function TeamAreas({ filters }: { filters: Omit<TeamListParams, 'page' | 'pageSize'> }) {
  const { t } = useTranslation();
  const label = useSpecialtyLabel();
  const teams = useTeams({ ...filters, page: 1, pageSize: AREA_LIMIT });
  if (teams.error) return <QueryError error={teams.error} onRetry={() => void teams.refetch()} />;
  if (!teams.data) return <Skeleton active />;
  const areas = byArea(teams.data.items);
  return (
    <Spin spinning={teams.isFetching}>
      <div data-testid="team-areas">
        {teams.data.total > teams.data.items.length && (
          <Alert
            className="gj-block-gap"
            type="info"
            showIcon
            title={t('teams.areasLimited', { shown: teams.data.items.length, total: teams.data.total })}
          />
        )}
        {areas.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('teams.empty')} />
        ) : (
          <div className="gj-team-areas">
            {areas.map((area) => {
              const members = area.teams.reduce((sum, team) => sum + team.memberCount, 0);
              const specialties = [...new Set(area.teams.map((team) => team.specialty))];
              return (
                <section
                  key={area.regionId}
                  className="gj-team-area"
                  data-testid={`team-area-${area.regionId}`}
                >
                  <div className="gj-card-row-head">
                    <strong className="gj-inline">
                      <EnvironmentOutlined /> {area.regionName}
                    </strong>
                    <Tag>{t('teams.teamCount', { count: area.teams.length })}</Tag>
                  </div>
                  <Typography.Text type="secondary">
                    {t('teams.areaSummary', {
                      members: t('teams.memberCount', { count: members }),
                      specialties: specialties.map(label).join(t('teams.joiner')),
                    })}
                  </Typography.Text>
                  <div className="gj-team-chips">
                    {area.teams.map((team) => (
                      <TeamChip key={team.id} team={team} />
                    ))}
                  </div>
                </section>
              );
            })}
          </div>
        )}
      </div>
    </Spin>
  );
}
