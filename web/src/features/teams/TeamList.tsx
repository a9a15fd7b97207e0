import { ClockCircleOutlined, CrownOutlined, EnvironmentOutlined, TeamOutlined } from '@ant-design/icons';
import type { Team } from '@contract';
import {
  Empty,
  Pagination,
  type PaginationProps,
  Skeleton,
  Spin,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TableEmpty } from '../../shared/TableEmpty';
import { useIsMobile } from '../../shared/useIsMobile';
import { MyStandingTag, RecruitingTag, TeamSpecialtyTag } from './TeamTags';

type Props = {
  teams: Team[] | undefined;
  loading: boolean;
  pagination: PaginationProps;
};

/** "12 人 · 党员 8": the active members, and the Party members among them. */
export function MemberCount({ team }: { team: Pick<Team, 'memberCount' | 'partyMemberCount'> }) {
  const { t } = useTranslation();
  return (
    <span className="gj-nowrap">
      {t('teams.memberCount', { count: team.memberCount })}
      {team.partyMemberCount > 0 && (
        <Typography.Text type="secondary">
          {' · '}
          {t('teams.partyCount', { count: team.partyMemberCount })}
        </Typography.Text>
      )}
    </span>
  );
}

/** "今年 12 小时 · 累计 40 小时". */
export function TeamHours({ team }: { team: Pick<Team, 'hoursYear' | 'hoursAll'> }) {
  const { t } = useTranslation();
  return (
    <span className="gj-nowrap">
      {t('teams.hoursYear', { hours: team.hoursYear })}
      <Typography.Text type="secondary">
        {' · '}
        {t('teams.hoursAll', { hours: team.hoursAll })}
      </Typography.Text>
    </span>
  );
}

function TeamCard({ team }: { team: Team }) {
  const { t } = useTranslation();
  return (
    <div className="gj-team-card" data-testid={`team-row-${team.id}`}>
      <div className="gj-card-row-head">
        <Link to={`/teams/${team.id}`} className="gj-strong-link">
          {team.name}
        </Link>
        <TeamSpecialtyTag code={team.specialty} />
      </div>
      <Typography.Text type="secondary" className="gj-inline">
        <span>
          <EnvironmentOutlined /> {team.regionName}
        </span>
        <span>
          <CrownOutlined /> {team.leader?.name ?? t('teams.noLeader')}
        </span>
      </Typography.Text>
      <span className="gj-inline">
        <span>
          <TeamOutlined /> <MemberCount team={team} />
        </span>
      </span>
      <Typography.Text type="secondary">
        <ClockCircleOutlined /> <TeamHours team={team} />
      </Typography.Text>
      <span className="gj-tags">
        <RecruitingTag team={team} />
        <MyStandingTag team={team} />
      </span>
    </div>
  );
}

/** Teams: cards on a phone, a table on a desktop. */
export function TeamList({ teams, loading, pagination }: Props) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();

  if (isMobile) {
    if (loading && !teams) return <Skeleton active />;
    return (
      <Spin spinning={loading}>
        <div data-testid="team-list">
          {teams && teams.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('teams.empty')} />
          ) : (
            <div className="gj-team-grid">
              {(teams ?? []).map((team) => (
                <TeamCard key={team.id} team={team} />
              ))}
            </div>
          )}
        </div>
        <Pagination className="gj-card-pagination" size="small" simple {...pagination} />
      </Spin>
    );
  }

  const columns: TableColumnsType<Team> = [
    {
      title: t('teams.name'),
      key: 'name',
      width: 240,
      render: (_, team) => (
        <span className="gj-stack">
          <Link to={`/teams/${team.id}`} className="gj-strong-link">
            {team.name}
          </Link>
          <span className="gj-tags">
            <RecruitingTag team={team} />
            <MyStandingTag team={team} />
          </span>
        </span>
      ),
    },
    {
      title: t('teams.specialty'),
      dataIndex: 'specialty',
      width: 130,
      render: (code: string) => <TeamSpecialtyTag code={code} />,
    },
    { title: t('teams.region'), dataIndex: 'regionName', width: 140 },
    {
      title: t('teams.leader'),
      key: 'leader',
      width: 100,
      render: (_, team) => team.leader?.name ?? t('teams.noLeader'),
    },
    {
      title: t('teams.members'),
      key: 'members',
      width: 150,
      render: (_, team) => <MemberCount team={team} />,
    },
    {
      title: t('teams.hours'),
      key: 'hours',
      width: 190,
      render: (_, team) => <TeamHours team={team} />,
    },
  ];

  return (
    <Table<Team>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={teams}
      loading={loading}
      pagination={pagination}
      scroll={{ x: 1000 }}
      onRow={(team) => ({ 'data-testid': `team-row-${team.id}` }) as HTMLAttributes<HTMLElement>}
      locale={{ emptyText: <TableEmpty text={t('teams.empty')} /> }}
      data-testid="team-list"
    />
  );
}
