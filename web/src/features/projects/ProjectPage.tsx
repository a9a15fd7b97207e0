import {
  BulbOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  CheckCircleOutlined,
  FlagOutlined,
  PlayCircleOutlined,
  SendOutlined,
  StarOutlined,
  StopOutlined,
} from '@ant-design/icons';
import type { ProjectRole } from '@contract';
import { App, Breadcrumb, Button, Card, Descriptions, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { idParam } from '../../shared/enums';
import { useFeedback } from '../../shared/feedback';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { ProjectStatusTag } from '../../shared/tags';
import { SpecialtyTags } from '../members';
import { SuggestionDrawer, type SuggestionDrawerTarget, useTeamsIRun } from '../teams';
import {
  CANCELLABLE,
  isClaimOpen,
  NEXT_STATUS,
  type ProjectDetailData,
  type TransitionTarget,
  useClaimWholeProject,
  useProject,
  useTransitionProject,
} from './api';
import { ClaimSheet, type ClaimTarget, useClaimUnit } from './ClaimSheet';
import { ClaimsSection } from './ClaimsSection';
import { ReviewsSection } from './ReviewsSection';
import { projectTime, RoleTitle, roleLabel, SlotsBar } from './RoleSlots';

const TRANSITION_ICON: Record<TransitionTarget, ReactNode> = {
  published: <SendOutlined />,
  in_progress: <PlayCircleOutlined />,
  done: <CheckCircleOutlined />,
  reviewed: <StarOutlined />,
  cancelled: <StopOutlined />,
};

/** The organiser's next steps from the current status; cancelling asks first. */
function TransitionButtons({ project }: { project: ProjectDetailData }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const feedback = useFeedback();
  const transition = useTransitionProject();
  const move = (to: TransitionTarget) =>
    transition.mutateAsync({ id: project.id, to }).then(
      (next) => feedback.success(t('projects.movedTo', { status: t(`projectStatus.${next.status}`) })),
      (error: unknown) => feedback.error(error),
    );
  const confirmCancel = () =>
    modal.confirm({
      title: t('projects.cancelTitle'),
      content: t('projects.cancelConfirm', { title: project.title }),
      okText: t('projects.transition.cancelled'),
      okButtonProps: { danger: true, 'data-testid': 'project-cancel-confirm' },
      cancelText: t('projects.keep'),
      onOk: () => move('cancelled'),
    });
  const busy = transition.isPending ? transition.variables?.to : undefined;
  return (
    <Space wrap>
      {NEXT_STATUS[project.status].map((to) => (
        <Button
          key={to}
          type="primary"
          icon={TRANSITION_ICON[to]}
          loading={busy === to}
          onClick={() => void move(to)}
          data-testid={`project-transition-${to}`}
        >
          {t(`projects.transition.${to}`)}
        </Button>
      ))}
      {CANCELLABLE.includes(project.status) && (
        <Button
          danger
          icon={TRANSITION_ICON.cancelled}
          loading={busy === 'cancelled'}
          onClick={confirmCancel}
          data-testid="project-transition-cancelled"
        >
          {t('projects.transition.cancelled')}
        </Button>
      )}
    </Space>
  );
}

/** A unit's contact may take on the whole project for the unit: every free slot, at once. */
function WholeProjectButton({ project }: { project: ProjectDetailData }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const feedback = useFeedback();
  const { me } = useAuth();
  const claimWhole = useClaimWholeProject();
  const unit = me.roles.find((r) => r.role === 'unit_contact' && r.unitId !== null);
  if (!unit || !project.can.claimWhole) return null;
  const confirm = () =>
    modal.confirm({
      title: t('projects.claimWhole'),
      content: t('projects.claimWholeConfirm', { unit: unit.unitName ?? '', title: project.title }),
      okButtonProps: { 'data-testid': 'claim-whole-confirm' },
      onOk: () =>
        claimWhole.mutateAsync(project.id).then(
          () => feedback.success(t('projects.claimedWhole')),
          (error: unknown) => feedback.error(error),
        ),
    });
  return (
    <Button onClick={confirm} loading={claimWhole.isPending} data-testid="claim-whole">
      {t('projects.claimWhole')}
    </Button>
  );
}

function RoleCard({
  project,
  role,
  onClaim,
  onSuggest,
}: {
  project: ProjectDetailData;
  role: ProjectRole;
  onClaim: (target: ClaimTarget) => void;
  /** For those who manage the project: find people for the role. */
  onSuggest?: (role: ProjectRole) => void;
}) {
  const { t } = useTranslation();
  const { me, can } = useAuth();
  const unit = useClaimUnit();
  const teamsIRun = useTeamsIRun();
  // The reader's active claims on the role (theirs, their unit's, their teams'), on whatever page they are listed.
  const own = project.myClaims.filter((c) => c.roleId === role.id);
  const mine = own.some((c) => c.claimant.kind === 'person');
  const unitClaimed = own.some((c) => c.claimant.kind === 'unit');
  // A team the reader leads claims a role once; the reader's own claim does not close it to the team.
  const teams = teamsIRun.filter(
    (team) => !own.some((c) => c.claimant.kind === 'team' && c.claimant.id === team.id),
  );
  const open = isClaimOpen(project.status, { ...role, claimedByMe: false });
  // A role is claimed once by a member, and once by a unit (for several slots).
  const allow = { self: me.user.personId !== null && !mine, unit: unit !== undefined && !unitClaimed };
  const mayClaimOwn = isClaimOpen(project.status, role) && (allow.self || allow.unit);
  const mayClaim = can('claim.make') && (mayClaimOwn || (open && teams.length > 0));
  return (
    <div className="gj-role-card" data-testid={`role-${role.id}`}>
      <div className="gj-card-row-head">
        <RoleTitle role={role} />
        {mayClaim ? (
          <Button
            type="primary"
            icon={<CarryOutOutlined />}
            onClick={() =>
              onClaim({
                project,
                role,
                allow: mayClaimOwn ? allow : { self: false, unit: false },
                teams: open ? teams : [],
              })
            }
            data-testid={`claim-role-${role.id}`}
          >
            {t('claims.claim')}
          </Button>
        ) : (
          own.length > 0 && (
            <Tag color="success">
              {own.some((c) => c.claimant.kind !== 'team') ? t('claims.mine') : t('teams.claimedByTeam')}
            </Tag>
          )
        )}
      </div>
      <SlotsBar claimed={role.claimed} slots={role.slots} />
      <Typography.Text type="secondary" className="gj-inline">
        <span>
          <CalendarOutlined /> {projectTime(role)}
        </span>
        <span>{t('projects.hoursPerSlotValue', { hours: role.hoursPerSlot })}</span>
      </Typography.Text>
      {role.specialties.length > 0 && (
        <span className="gj-inline">
          <Typography.Text type="secondary">{t('projects.specialties')}</Typography.Text>
          <SpecialtyTags codes={role.specialties} />
        </span>
      )}
      {onSuggest && open && (
        <Button
          size="small"
          icon={<BulbOutlined />}
          onClick={() => onSuggest(role)}
          data-testid={`role-suggest-${role.id}`}
        >
          {t('suggestions.open')}
        </Button>
      )}
    </div>
  );
}

/** A project: its roles to claim, who claimed them, the hours confirmed, and residents' reviews. */
export function ProjectPage() {
  const { t } = useTranslation();
  const id = idParam(useParams().id);
  const { data: project, error, refetch } = useProject(id);
  const [claiming, setClaiming] = useState<ClaimTarget | null>(null);
  const [suggesting, setSuggesting] = useState<SuggestionDrawerTarget | null>(null);
  const canManage = project?.can.manage ?? false;

  if (id === undefined || (error instanceof ApiError && error.status === 404)) {
    return (
      <Result
        status="404"
        title={t('projects.notFound')}
        extra={
          <Link to="/projects">
            <Button type="primary">{t('projects.backToList')}</Button>
          </Link>
        }
      />
    );
  }

  const activeClaims = project?.claimCount.active ?? 0;

  return (
    <>
      <Breadcrumb
        className="gj-breadcrumb"
        items={[{ title: <Link to="/projects">{t('nav.projects')}</Link> }, { title: project?.title ?? '…' }]}
      />
      <PageHeader
        title={project?.title ?? t('projects.detail')}
        extra={
          project && (
            <Space wrap>
              <WholeProjectButton project={project} />
              {canManage && <TransitionButtons project={project} />}
            </Space>
          )
        }
      />
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {!project && !error && <Skeleton active />}
      {project && (
        <>
          <Card data-testid="project-detail" data-status={project.status}>
            <Descriptions
              column={{ xs: 1, sm: 2, lg: 3 }}
              size="small"
              items={[
                {
                  key: 'status',
                  label: t('common.status'),
                  children: <ProjectStatusTag status={project.status} testId="project-status" />,
                },
                {
                  key: 'region',
                  label: t('projects.region'),
                  children: (
                    <span className="gj-inline">
                      {project.regionName}
                      {project.openToStreet && <Tag>{t('projects.openToStreetShort')}</Tag>}
                    </span>
                  ),
                },
                { key: 'time', label: t('projects.time'), children: projectTime(project) },
                {
                  key: 'slots',
                  label: t('projects.slotsTotal'),
                  children: <SlotsBar claimed={project.claimed} slots={project.slots} />,
                },
                {
                  key: 'rating',
                  label: t('reviews.rating'),
                  children:
                    project.rating === null
                      ? t('common.none')
                      : t('reviews.average', {
                          rating: project.rating.toFixed(1),
                          count: project.reviewCount,
                        }),
                },
                ...(project.needId !== null
                  ? [
                      {
                        key: 'need',
                        label: t('projects.need'),
                        children: (
                          <span className="gj-inline">
                            <FlagOutlined />
                            {t('projects.needRef', { id: project.needId })}
                          </span>
                        ),
                      },
                    ]
                  : []),
              ]}
            />
            {project.description && (
              <div className="gj-section">
                <Typography.Paragraph
                  className="gj-prewrap gj-no-margin"
                  data-testid="project-description-text"
                >
                  {project.description}
                </Typography.Paragraph>
              </div>
            )}
          </Card>
          {/* Once done, residents come to rate it: the reviews come first. */}
          {['done', 'reviewed'].includes(project.status) && (
            <Card
              size="small"
              className="gj-section"
              title={t('reviews.title', { count: project.reviews.length })}
            >
              <ReviewsSection project={project} />
            </Card>
          )}
          <Card
            size="small"
            className="gj-section"
            title={t('projects.rolesTitle', { count: project.roles.length })}
          >
            <div className="gj-role-grid">
              {project.roles.map((role) => (
                <RoleCard
                  key={role.id}
                  project={project}
                  role={role}
                  onClaim={setClaiming}
                  onSuggest={
                    canManage
                      ? (r) =>
                          setSuggesting({
                            roleId: r.id,
                            title: `${project.title} · ${roleLabel(t, r.kind, r.name)}`,
                          })
                      : undefined
                  }
                />
              ))}
            </div>
          </Card>
          <Card
            size="small"
            className="gj-section"
            title={t('claims.title', { count: activeClaims })}
            data-testid="claims-card"
          >
            <ClaimsSection key={project.id} project={project} />
          </Card>
        </>
      )}
      <ClaimSheet target={claiming} onClose={() => setClaiming(null)} />
      {canManage && <SuggestionDrawer target={suggesting} onClose={() => setSuggesting(null)} />}
    </>
  );
}
