import { CalendarOutlined, ClockCircleOutlined } from '@ant-design/icons';
import type { Claim } from '@contract';
import { Pagination, Skeleton, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { zoned } from '../../lib/time';
import { PlainList } from '../../shared/PlainList';
import { QueryError } from '../../shared/QueryError';
import { ClaimStatusTag } from '../../shared/tags';
import { useClaims } from './api';
import { ClaimMembers, WithdrawButton } from './ClaimsSection';
import { roleLabel } from './RoleSlots';

const PAGE = 10;

/** The hours confirmed for a claim: for the members it named, their sum; null before any. */
function confirmedHours(c: Claim): number | null {
  if (c.members.length === 0) return c.hoursConfirmed;
  const confirmed = c.members.filter((m) => m.hoursConfirmed !== null);
  return confirmed.length ? confirmed.reduce((sum, m) => sum + (m.hoursConfirmed ?? 0), 0) : c.hoursConfirmed;
}

/** The public-welfare projects a unit took roles on: which role, how many slots, where it stands, the hours. */
export function UnitClaims({ unitId }: { unitId: number }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const claims = useClaims({ unitId, page, pageSize: PAGE });
  if (claims.error) return <QueryError error={claims.error} onRetry={() => void claims.refetch()} />;
  if (!claims.data) return <Skeleton active />;
  return (
    <Spin spinning={claims.isFetching}>
      <div data-testid="unit-claims">
        <PlainList
          items={claims.data.items}
          rowKey={(c) => c.id}
          empty={t('claims.ofUnit.empty')}
          render={(c) => {
            const hours = confirmedHours(c);
            return (
              <div className="gj-card-row" data-testid={`unit-claim-${c.id}`} data-status={c.status}>
                <div className="gj-card-row-head">
                  <Link to={`/projects/${c.projectId}`} className="gj-strong-link">
                    {c.projectTitle}
                  </Link>
                  <ClaimStatusTag status={c.status} />
                </div>
                <Typography.Text>
                  {roleLabel(t, c.roleKind, c.roleName)} · {t('claims.slotsCount', { count: c.slots })}
                </Typography.Text>
                <Typography.Text type="secondary" className="gj-inline">
                  <span>
                    <CalendarOutlined /> {zoned(c.startsAt).format('YYYY-MM-DD HH:mm')}
                  </span>
                  <span data-testid={`unit-claim-hours-${c.id}`}>
                    <ClockCircleOutlined />{' '}
                    {hours === null ? t('claims.notConfirmed') : t('claims.ofUnit.hoursConfirmed', { hours })}
                  </span>
                </Typography.Text>
                {c.reason && <Typography.Text type="danger">{c.reason}</Typography.Text>}
                <ClaimMembers claim={c} />
                {c.can.withdraw && <WithdrawButton claim={c} />}
              </div>
            );
          }}
        />
        {claims.data.total > PAGE && (
          <Pagination
            className="gj-card-pagination"
            size="small"
            current={page}
            pageSize={PAGE}
            total={claims.data.total}
            onChange={setPage}
          />
        )}
      </div>
    </Spin>
  );
}
