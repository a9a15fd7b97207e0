import { CalendarOutlined, EnvironmentOutlined, StarFilled } from '@ant-design/icons';
import type { Project } from '@contract';
import { Empty, Pagination, type PaginationProps, Skeleton, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProjectStatusTag } from '../../shared/tags';
import { projectTime, RoleSlots } from './RoleSlots';

type Props = {
  projects: Project[] | undefined;
  loading: boolean;
  pagination: PaginationProps;
};

function ProjectCard({ project: p }: { project: Project }) {
  const { t } = useTranslation();
  return (
    <div className="gj-project-card" data-testid={`project-row-${p.id}`} data-status={p.status}>
      <div className="gj-card-row-head">
        <Link to={`/projects/${p.id}`} className="gj-strong-link">
          {p.title}
        </Link>
        <ProjectStatusTag status={p.status} />
      </div>
      <Typography.Text type="secondary" className="gj-inline">
        <span>
          <EnvironmentOutlined /> {p.regionName}
        </span>
        {p.openToStreet && <Tag>{t('projects.openToStreetShort')}</Tag>}
      </Typography.Text>
      <Typography.Text type="secondary">
        <CalendarOutlined /> {projectTime(p)}
      </Typography.Text>
      <RoleSlots roles={p.roles} />
      <span className="gj-project-card-foot">
        <Typography.Text type="secondary">
          {t('projects.claimedTotal', { claimed: p.claimed, slots: p.slots })}
        </Typography.Text>
        {p.rating !== null && (
          <Typography.Text type="secondary">
            <StarFilled className="gj-star" /> {p.rating.toFixed(1)} ({p.reviewCount})
          </Typography.Text>
        )}
      </span>
    </div>
  );
}

/** Projects as cards, on a desktop and a phone alike: the roles' bars need the room. */
export function ProjectCards({ projects, loading, pagination }: Props) {
  const { t } = useTranslation();
  if (loading && !projects) return <Skeleton active />;
  return (
    <Spin spinning={loading}>
      <div data-testid="project-list">
        {projects && projects.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('projects.empty')} />
        ) : (
          <div className="gj-project-grid">
            {(projects ?? []).map((p) => (
              <ProjectCard key={p.id} project={p} />
            ))}
          </div>
        )}
      </div>
      <Pagination className="gj-card-pagination" size="small" {...pagination} />
    </Spin>
  );
}
