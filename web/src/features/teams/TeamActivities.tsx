import { CalendarOutlined, ClockCircleOutlined, TeamOutlined } from '@ant-design/icons';
import { Pagination, Skeleton, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { zoned } from '../../lib/time';
import { PlainList } from '../../shared/PlainList';
import { QueryError } from '../../shared/QueryError';
import { useTeamActivities } from './api';

const PAGE_SIZE = 10;

/** What the team has done: project roles it claimed and dedication-day tasks it staffed, with hours. */
export function TeamActivities({ teamId }: { teamId: number }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const activities = useTeamActivities(teamId, { page, pageSize: PAGE_SIZE });
  if (activities.error) {
    return <QueryError error={activities.error} onRetry={() => void activities.refetch()} />;
  }
  if (!activities.data) return <Skeleton active />;
  return (
    <Spin spinning={activities.isFetching}>
      <div data-testid="team-activities">
        <PlainList
          items={activities.data.items}
          rowKey={(a) => `${a.kind}-${a.id}`}
          empty={t('teams.noActivities')}
          render={(a) => (
            <div className="gj-card-row" data-testid={`team-activity-${a.kind}-${a.id}`}>
              <div className="gj-card-row-head">
                <Link to={a.link} className="gj-strong-link">
                  {a.title}
                </Link>
                <Tag color={a.kind === 'claim' ? 'geekblue' : 'purple'}>
                  {t(`teams.activityKind.${a.kind}`)}
                </Tag>
              </div>
              <Typography.Text type="secondary" className="gj-inline">
                <span>
                  <CalendarOutlined /> {zoned(a.at).format('YYYY-MM-DD HH:mm')}
                </span>
                <span>
                  <TeamOutlined /> {t('teams.activityPeople', { count: a.people })}
                </span>
                <span>
                  <ClockCircleOutlined />{' '}
                  {a.hours > 0 ? t('teams.activityHours', { hours: a.hours }) : t('teams.activityNoHours')}
                </span>
              </Typography.Text>
            </div>
          )}
        />
        {activities.data.total > PAGE_SIZE && (
          <Pagination
            className="gj-card-pagination"
            size="small"
            current={page}
            pageSize={PAGE_SIZE}
            total={activities.data.total}
            onChange={setPage}
          />
        )}
      </div>
    </Spin>
  );
}
