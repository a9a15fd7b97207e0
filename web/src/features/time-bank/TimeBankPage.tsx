import { InfoCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Descriptions, Result, Skeleton, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { oneOf } from '../../shared/enums';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { useIsMobile } from '../../shared/useIsMobile';
import { paginationProps, useListParams } from '../../shared/useListParams';
import { formatQuantity } from '../ledger';
import { ActionSheet } from './ActionSheet';
import { AskDrawer } from './AskDrawer';
import { mayComplete, type TimeAccountData, useTimeAccount, useTimeRequests } from './api';
import { type RequestActionTarget, RequestList } from './RequestList';

const TABS = ['nearby', 'mine'] as const;
type Tab = (typeof TABS)[number];

/** The account has no person behind it (an administrator's): nothing to keep hours for. */
const isNoPerson = (error: unknown) =>
  error instanceof ApiError && (error.status === 404 || error.code === 'need_no_person');

/** Balance and available in big figures; where they come from underneath. */
function AccountSummary({ account }: { account: TimeAccountData }) {
  const { t } = useTranslation();
  const figure = (value: number, label: string, testId: string) => (
    <div className="gj-big-stat">
      <span className="gj-big-number" data-testid={testId}>
        {formatQuantity(value)}
      </span>
      <span className="gj-big-unit">{t('timeBank.hoursUnit')}</span>
      <span className="gj-big-label">{label}</span>
    </div>
  );
  // What adds to the balance and what takes from it, signed; nothing is unsigned.
  const part = (value: number, sign = '') => (
    <span className="gj-quantity">
      {t('timeBank.hours', { value: `${value === 0 ? '' : sign}${formatQuantity(value)}` })}
    </span>
  );
  return (
    <Card size="small" data-testid="timebank-account">
      <div className="gj-big-stats">
        {figure(account.balance, t('timeBank.balance'), 'timebank-balance')}
        {figure(account.available, t('timeBank.available'), 'timebank-available')}
      </div>
      <Descriptions
        size="small"
        column={{ xs: 2, sm: 4 }}
        items={[
          { key: 'earned', label: t('timeBank.earned'), children: part(account.earned, '+') },
          { key: 'received', label: t('timeBank.received'), children: part(account.received, '+') },
          { key: 'spent', label: t('timeBank.spent'), children: part(account.spent, '−') },
          { key: 'held', label: t('timeBank.held'), children: part(account.held) },
        ]}
        data-testid="timebank-figures"
      />
      <Typography.Paragraph type="secondary" className="gj-no-margin">
        <InfoCircleOutlined /> {t('timeBank.explain')}
      </Typography.Paragraph>
    </Card>
  );
}

/** "时间银行" (人人为我，我为人人): hours earned by confirmed service pay neighbours who help. */
export function TimeBankPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const isMobile = useIsMobile();
  const personId = me.user.personId;
  const hasPerson = personId !== null;
  const list = useListParams(['tab'] as const);
  const tab: Tab = oneOf(TABS, list.filters.tab) ?? 'nearby';
  const account = useTimeAccount(hasPerson);
  const noPerson = !hasPerson || isNoPerson(account.error);
  // Each tab its own query, so switching never shows the other tab's rows; the other stays on page 1.
  const pageOf = (which: Tab) => ({ page: tab === which ? list.page : 1, pageSize: list.pageSize });
  const nearby = useTimeRequests(pageOf('nearby'), !noPerson);
  const mine = useTimeRequests({ mine: 'true', ...pageOf('mine') }, !noPerson);
  const requests = tab === 'mine' ? mine : nearby;
  // What waits for my confirmation, flagged on the tab.
  const toConfirm = (mine.data?.items ?? []).filter((q) => mayComplete(q, personId)).length;
  const [asking, setAsking] = useState(false);
  const [action, setAction] = useState<RequestActionTarget | null>(null);

  if (noPerson) {
    return (
      <>
        <PageHeader title={t('nav.timeBank')} />
        <Result status="info" title={t('timeBank.noPerson')} data-testid="timebank-no-person" />
      </>
    );
  }

  const pagination = paginationProps(list, requests.data?.total ?? 0, (total) =>
    t('common.total', { total }),
  );
  const listOf = (which: Tab) => (
    <RequestList
      requests={requests.data?.items}
      loading={requests.isFetching}
      empty={which === 'mine' ? t('timeBank.mineEmpty') : t('timeBank.nearbyEmpty')}
      personId={personId}
      pagination={pagination}
      onAction={setAction}
      testId={`timebank-${which}`}
    />
  );

  return (
    <>
      <PageHeader
        title={t('nav.timeBank')}
        extra={
          <Button
            type="primary"
            size={isMobile ? 'large' : 'middle'}
            icon={<PlusOutlined />}
            onClick={() => setAsking(true)}
            data-testid="timebank-ask"
          >
            {t('timeBank.ask')}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">{t('timeBank.intro')}</Typography.Paragraph>
      {account.error && <QueryError error={account.error} onRetry={() => void account.refetch()} />}
      {!account.data && !account.error && <Skeleton active />}
      {account.data && <AccountSummary account={account.data} />}
      <Card className="gj-section" size="small">
        <Tabs
          activeKey={tab}
          size={isMobile ? 'small' : 'middle'}
          onChange={(next) => list.setFilters({ tab: next === 'nearby' ? undefined : next })}
          items={[
            {
              key: 'nearby',
              label: <span data-testid="timebank-tab-nearby">{t('timeBank.tabNearby')}</span>,
              children: tab === 'nearby' && (
                <>
                  {requests.error && (
                    <QueryError error={requests.error} onRetry={() => void requests.refetch()} />
                  )}
                  {listOf('nearby')}
                </>
              ),
            },
            {
              key: 'mine',
              label: (
                <Badge count={toConfirm} size="small" offset={[8, -2]}>
                  <span data-testid="timebank-tab-mine">{t('timeBank.tabMine')}</span>
                </Badge>
              ),
              children: tab === 'mine' && (
                <>
                  {requests.error && (
                    <QueryError error={requests.error} onRetry={() => void requests.refetch()} />
                  )}
                  {listOf('mine')}
                </>
              ),
            },
          ]}
        />
      </Card>
      <AskDrawer
        open={asking}
        available={account.data?.available}
        onClose={() => setAsking(false)}
        onAsked={() => list.setFilters({ tab: 'mine' })}
      />
      <ActionSheet target={action} onClose={() => setAction(null)} />
    </>
  );
}
