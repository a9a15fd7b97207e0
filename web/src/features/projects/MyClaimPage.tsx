import { CalendarOutlined, CarryOutOutlined, EnvironmentOutlined } from '@ant-design/icons';
import type { Claim, Project, ProjectRole } from '@contract';
import { Button, Card, Empty, Pagination, Skeleton, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../lib/auth';
import { zoned } from '../../lib/time';
import { PageHeader } from '../../shared/PageHeader';
import { PlainList } from '../../shared/PlainList';
import { QueryError } from '../../shared/QueryError';
import { ClaimStatusTag } from '../../shared/tags';
import { SpecialtyTags } from '../members';
import { isClaimOpen, useClaims, useProjects } from './api';
import { ClaimSheet, type ClaimTarget } from './ClaimSheet';
import { WithdrawButton } from './ClaimsSection';
import { projectTime, RoleTitle, roleLabel, SlotsBar } from './RoleSlots';

const PAGE = 20;
const MY_PAGE = 10;

function ClaimableRole({
  project,
  role,
  onClaim,
}: {
  project: Project;
  role: ProjectRole;
  onClaim: (target: ClaimTarget) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="gj-claimable" data-testid={`claimable-role-${role.id}`}>
      <RoleTitle role={role} className="gj-claimable-role" />
      <Link to={`/projects/${project.id}`}>{project.title}</Link>
      <Typography.Text type="secondary">
        <EnvironmentOutlined /> {project.regionName}
      </Typography.Text>
      <Typography.Text type="secondary">
        <CalendarOutlined /> {projectTime(role)} ·{' '}
        {t('projects.hoursPerSlotValue', { hours: role.hoursPerSlot })}
      </Typography.Text>
      {role.specialties.length > 0 && <SpecialtyTags codes={role.specialties} />}
      <SlotsBar claimed={role.claimed} slots={role.slots} />
      <Button
        type="primary"
        size="large"
        block
        icon={<CarryOutOutlined />}
        onClick={() => onClaim({ project, role })}
        data-testid={`claim-role-${role.id}`}
      >
        {t('claims.claimFree', { count: role.slots - role.claimed })}
      </Button>
    </div>
  );
}

/** Roles with free slots the user may take, nearest their home first (the server's order). */
function Claimable() {
  const { t } = useTranslation();
  const [pageSize, setPageSize] = useState(PAGE);
  const [claiming, setClaiming] = useState<ClaimTarget | null>(null);
  const projects = useProjects({ claimable: 'true', page: 1, pageSize });
  if (projects.error) return <QueryError error={projects.error} onRetry={() => void projects.refetch()} />;
  if (!projects.data) return <Skeleton active />;
  const roles = projects.data.items.flatMap((project) =>
    project.roles.filter((role) => isClaimOpen(project.status, role)).map((role) => ({ project, role })),
  );
  return (
    <Spin spinning={projects.isFetching}>
      <div data-testid="claimable">
        {roles.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('myClaim.noneOpen')} />
        ) : (
          <div className="gj-claimable-list">
            {roles.map(({ project, role }) => (
              <ClaimableRole key={role.id} project={project} role={role} onClaim={setClaiming} />
            ))}
          </div>
        )}
        {projects.data.total > projects.data.items.length && (
          <Button
            block
            className="gj-section"
            onClick={() => setPageSize((n) => n + PAGE)}
            data-testid="claimable-more"
          >
            {t('common.more')}
          </Button>
        )}
      </div>
      <ClaimSheet target={claiming} onClose={() => setClaiming(null)} />
    </Spin>
  );
}

function MyClaims() {
  const { t } = useTranslation();
  const { me } = useAuth();
  // A member a unit named for its claim sees the hours confirmed for them, not the unit's.
  const hoursOf = (c: Claim) =>
    c.members.find((m) => m.id === me.user.personId)?.hoursConfirmed ?? c.hoursConfirmed;
  const [page, setPage] = useState(1);
  const claims = useClaims({ mine: 'true', page, pageSize: MY_PAGE });
  if (claims.error) return <QueryError error={claims.error} onRetry={() => void claims.refetch()} />;
  if (!claims.data) return <Skeleton active />;
  return (
    <Spin spinning={claims.isFetching}>
      <div data-testid="my-claims">
        <PlainList
          items={claims.data.items}
          rowKey={(c) => c.id}
          empty={t('myClaim.empty')}
          render={(c) => (
            <div className="gj-card-row" data-testid={`my-claim-${c.id}`} data-status={c.status}>
              <div className="gj-card-row-head">
                <strong>{roleLabel(t, c.roleKind, c.roleName)}</strong>
                <ClaimStatusTag status={c.status} />
              </div>
              <Link to={`/projects/${c.projectId}`}>{c.projectTitle}</Link>
              <Typography.Text type="secondary">
                <CalendarOutlined /> {zoned(c.startsAt).format('YYYY-MM-DD HH:mm')}
                {c.claimant.kind === 'unit' &&
                  ` · ${c.claimant.name} · ${t('claims.slotsCount', { count: c.slots })}`}
              </Typography.Text>
              {c.reason && <Typography.Text type="danger">{c.reason}</Typography.Text>}
              {hoursOf(c) !== null && (
                <Typography.Text type="success">
                  {t('myClaim.hoursConfirmed', { hours: hoursOf(c) })}
                </Typography.Text>
              )}
              {c.can.withdraw && <WithdrawButton claim={c} />}
            </div>
          )}
        />
        {claims.data.total > MY_PAGE && (
          <Pagination
            className="gj-card-pagination"
            size="small"
            current={page}
            pageSize={MY_PAGE}
            total={claims.data.total}
            onChange={setPage}
          />
        )}
      </div>
    </Spin>
  );
}

/** A member takes a role in two taps; made for a phone. */
export function MyClaimPage() {
  const { t } = useTranslation();
  return (
    <div className="gj-narrow">
      <PageHeader title={t('nav.myClaim')} />
      <Typography.Paragraph type="secondary">{t('myClaim.intro')}</Typography.Paragraph>
      <Claimable />
      <Card size="small" className="gj-section" title={t('myClaim.mine')}>
        <MyClaims />
      </Card>
    </div>
  );
}
