import { ClockCircleOutlined, RollbackOutlined, TeamOutlined, UserDeleteOutlined } from '@ant-design/icons';
import { type Claim, PROJECT_CLAIMS_PAGE } from '@contract';
import { App, Button, Pagination, Space, Spin, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { type HTMLAttributes, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { zoned } from '../../lib/time';
import { useFeedback } from '../../shared/feedback';
import { PlainList } from '../../shared/PlainList';
import { QueryError } from '../../shared/QueryError';
import { TableEmpty } from '../../shared/TableEmpty';
import { ClaimStatusTag } from '../../shared/tags';
import { useIsMobile } from '../../shared/useIsMobile';
import { type ProjectDetailData, useProjectClaims, useWithdrawClaim } from './api';
import {
  type ClaimMember,
  HoursModal,
  type HoursTarget,
  NameMembersModal,
  RemoveClaimModal,
} from './ClaimModals';
import { roleLabel } from './RoleSlots';

const TIME = 'YYYY-MM-DD HH:mm';

export function ClaimantCell({ claim }: { claim: Claim }) {
  const { t } = useTranslation();
  return (
    <span className="gj-inline">
      {claim.claimant.kind === 'unit' && <Tag color="gold">{t('claims.unit')}</Tag>}
      {claim.claimant.kind === 'team' && (
        <Tag color="cyan" data-testid={`claim-team-tag-${claim.id}`}>
          {t('teams.teamTag')}
        </Tag>
      )}
      <span>{claim.claimant.name}</span>
    </span>
  );
}

/**
 * The Party members a unit (or the members a team) named for its claim, each with the hours confirmed for them;
 * `action` adds a control after each one (the organiser's hours button).
 */
export function ClaimMembers({
  claim,
  action,
}: {
  claim: Claim;
  action?: (member: ClaimMember) => ReactNode;
}) {
  const { t } = useTranslation();
  if (claim.claimant.kind === 'person') return null;
  if (claim.members.length === 0) {
    return claim.status === 'active' ? (
      <Typography.Text type="secondary" data-testid={`claim-members-${claim.id}`}>
        {t('claims.noMembers')}
      </Typography.Text>
    ) : null;
  }
  return (
    <ul className="gj-claim-members" data-testid={`claim-members-${claim.id}`}>
      {claim.members.map((m) => (
        <li key={m.id} className="gj-inline" data-testid={`claim-member-${claim.id}-${m.id}`}>
          <span>
            {m.name}
            {m.hoursConfirmed !== null && (
              <Typography.Text type="secondary" data-testid={`claim-member-hours-value-${claim.id}-${m.id}`}>
                {' · '}
                {t('projects.hoursValue', { hours: m.hoursConfirmed })}
              </Typography.Text>
            )}
          </span>
          {action?.(m)}
        </li>
      ))}
    </ul>
  );
}

/** "Withdraw" for one's own claim before its role starts, after a confirmation. */
export function WithdrawButton({ claim, block }: { claim: Claim; block?: boolean }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const feedback = useFeedback();
  const withdraw = useWithdrawClaim();
  const onClick = () =>
    modal.confirm({
      title: t('claims.withdrawTitle'),
      content: t('claims.withdrawConfirm', {
        role: roleLabel(t, claim.roleKind, claim.roleName),
        project: claim.projectTitle,
      }),
      okText: t('claims.withdraw'),
      okButtonProps: { danger: true, 'data-testid': 'claim-withdraw-confirm' },
      onOk: () =>
        withdraw.mutateAsync(claim.id).then(
          () => feedback.success(t('claims.withdrawn')),
          (error: unknown) => feedback.error(error),
        ),
    });
  return (
    <Button
      danger
      size={block ? 'middle' : 'small'}
      block={block}
      icon={<RollbackOutlined />}
      loading={withdraw.isPending}
      onClick={onClick}
      data-testid={`claim-withdraw-${claim.id}`}
    >
      {t('claims.withdraw')}
    </Button>
  );
}

type Props = { project: ProjectDetailData };

/**
 * Who took which role, with the organiser's actions: take a claim away, confirm the hours
 * served. A page at a time: the detail carries the first, the others are read from the server.
 */
export function ClaimsSection({ project }: Props) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [page, setPage] = useState(1);
  const claims = useProjectClaims(project, page);
  const shown = claims.data.items;
  const paged = claims.data.total > PROJECT_CLAIMS_PAGE;
  const [hours, setHours] = useState<HoursTarget | null>(null);
  const [removing, setRemoving] = useState<Claim | null>(null);
  const [naming, setNaming] = useState<Claim | null>(null);
  const roles = new Map(project.roles.map((r) => [r.id, r]));
  const dash = t('common.none');

  const perSlot = (c: Claim) => roles.get(c.roleId)?.hoursPerSlot ?? 0;
  const suggested = (c: Claim) => perSlot(c) * c.slots;
  /** A unit's (or a team's) claim with named members is confirmed member by member. */
  const byMember = (c: Claim) => c.claimant.kind !== 'person' && c.members.length > 0;

  const memberAction = (c: Claim) =>
    c.can.confirmHours
      ? (m: ClaimMember) => (
          <Button
            type={m.hoursConfirmed === null ? 'primary' : 'default'}
            size="small"
            icon={<ClockCircleOutlined />}
            onClick={() => setHours({ claim: c, suggested: perSlot(c), person: m })}
            data-testid={`claim-member-hours-${c.id}-${m.id}`}
          >
            {m.hoursConfirmed === null ? t('claims.confirmHours') : t('claims.changeHours')}
          </Button>
        )
      : undefined;

  const actions = (c: Claim) => {
    if (c.status !== 'active') return null;
    const buttons = [];
    if (c.can.nameMembers) {
      buttons.push(
        <Button
          key="members"
          size="small"
          icon={<TeamOutlined />}
          onClick={() => setNaming(c)}
          data-testid={`claim-name-members-${c.id}`}
        >
          {t('claims.nameMembers')}
        </Button>,
      );
    }
    // A team serves through the members it names: hours are confirmed for them, not the team.
    if (c.can.confirmHours && !byMember(c) && c.claimant.kind !== 'team') {
      buttons.push(
        <Button
          key="hours"
          type={c.hoursConfirmed === null ? 'primary' : 'default'}
          size="small"
          icon={<ClockCircleOutlined />}
          onClick={() => setHours({ claim: c, suggested: suggested(c) })}
          data-testid={`claim-hours-${c.id}`}
        >
          {c.hoursConfirmed === null ? t('claims.confirmHours') : t('claims.changeHours')}
        </Button>,
      );
    }
    if (c.can.remove) {
      buttons.push(
        <Button
          key="remove"
          danger
          size="small"
          icon={<UserDeleteOutlined />}
          onClick={() => setRemoving(c)}
          data-testid={`claim-remove-${c.id}`}
        >
          {t('claims.remove')}
        </Button>,
      );
    }
    if (c.can.withdraw) buttons.push(<WithdrawButton key="withdraw" claim={c} />);
    return buttons.length > 0 ? (
      <Space size={4} wrap>
        {buttons}
      </Space>
    ) : null;
  };

  const hoursCell = (c: Claim) => {
    const confirmed = c.members.filter((m) => m.hoursConfirmed !== null);
    // Named members: the hours confirmed for them so far, and how many are done.
    const total = byMember(c)
      ? confirmed.length > 0
        ? confirmed.reduce((sum, m) => sum + (m.hoursConfirmed ?? 0), 0)
        : null
      : c.hoursConfirmed;
    if (total === null) return <Typography.Text type="secondary">{t('claims.notConfirmed')}</Typography.Text>;
    return (
      <span className="gj-stack">
        <span data-testid={`claim-hours-value-${c.id}`}>{t('projects.hoursValue', { hours: total })}</span>
        {byMember(c) && confirmed.length < c.members.length && (
          <Typography.Text type="secondary">
            {t('claims.membersConfirmed', { confirmed: confirmed.length, total: c.members.length })}
          </Typography.Text>
        )}
      </span>
    );
  };

  const columns: TableColumnsType<Claim> = [
    {
      title: t('claims.claimant'),
      key: 'claimant',
      width: 240,
      render: (_, c) => (
        <span className="gj-stack">
          <ClaimantCell claim={c} />
          <ClaimMembers claim={c} action={memberAction(c)} />
        </span>
      ),
    },
    {
      title: t('claims.role'),
      dataIndex: 'roleName',
      width: 110,
      render: (_, c) => roleLabel(t, c.roleKind, c.roleName),
    },
    { title: t('claims.slots'), dataIndex: 'slots', width: 60, align: 'right' },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 110,
      render: (_, c) => (
        <span className="gj-stack">
          <ClaimStatusTag status={c.status} />
          {c.reason && <Typography.Text type="secondary">{c.reason}</Typography.Text>}
        </span>
      ),
    },
    { title: t('claims.hoursConfirmed'), key: 'hours', width: 110, render: (_, c) => hoursCell(c) },
    {
      title: t('claims.claimedAt'),
      dataIndex: 'createdAt',
      width: 140,
      render: (at: string) => <span className="gj-nowrap">{zoned(at).format(TIME)}</span>,
    },
    { title: t('common.actions'), key: 'actions', width: 210, render: (_, c) => actions(c) ?? dash },
  ];

  return (
    <Spin spinning={claims.isFetching}>
      {claims.error && <QueryError error={claims.error} onRetry={claims.retry} />}
      {isMobile ? (
        <div data-testid="claims">
          <PlainList
            items={shown}
            rowKey={(c) => c.id}
            empty={t('claims.empty')}
            render={(c) => (
              <div className="gj-card-row" data-testid={`claim-row-${c.id}`} data-status={c.status}>
                <div className="gj-card-row-head">
                  <ClaimantCell claim={c} />
                  <ClaimStatusTag status={c.status} />
                </div>
                <Typography.Text type="secondary">
                  {roleLabel(t, c.roleKind, c.roleName)} · {t('claims.slotsCount', { count: c.slots })}
                </Typography.Text>
                <ClaimMembers claim={c} action={memberAction(c)} />
                {c.reason && <Typography.Text type="secondary">{c.reason}</Typography.Text>}
                {hoursCell(c)}
                {actions(c)}
              </div>
            )}
          />
          {paged && (
            <Pagination
              className="gj-card-pagination"
              size="small"
              current={page}
              pageSize={PROJECT_CLAIMS_PAGE}
              total={claims.data.total}
              onChange={setPage}
              showSizeChanger={false}
            />
          )}
        </div>
      ) : (
        <Table<Claim>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={shown}
          pagination={
            paged
              ? {
                  current: page,
                  pageSize: PROJECT_CLAIMS_PAGE,
                  total: claims.data.total,
                  onChange: setPage,
                  showSizeChanger: false,
                  size: 'small',
                }
              : false
          }
          scroll={{ x: 980 }}
          onRow={(c) =>
            ({ 'data-testid': `claim-row-${c.id}`, 'data-status': c.status }) as HTMLAttributes<HTMLElement>
          }
          locale={{ emptyText: <TableEmpty text={t('claims.empty')} /> }}
          data-testid="claims"
        />
      )}
      <HoursModal target={hours} onClose={() => setHours(null)} />
      <RemoveClaimModal claim={removing} onClose={() => setRemoving(null)} />
      <NameMembersModal claim={naming} onClose={() => setNaming(null)} />
    </Spin>
  );
}
