import { LEDGER_KINDS, type LedgerKind } from '@contract';
import { Card, Pagination, Result, Select, Skeleton, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../lib/auth';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { MyFigures } from '../dashboards';
import { useLedgerEntries, useLedgerRecord } from './api';
import { EntryList, HoursFigures, KindTable } from './LedgerParts';

const PAGE_SIZE = 20;

function Entries({ personId }: { personId: number }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<LedgerKind | undefined>();
  const [page, setPage] = useState(1);
  const entries = useLedgerEntries({ personId, kind, page, pageSize: PAGE_SIZE });
  return (
    <Card
      size="small"
      className="gj-section"
      title={t('ledger.entries')}
      extra={
        <Select<LedgerKind>
          size="small"
          className="gj-toolbar-select"
          allowClear
          placeholder={t('ledger.allKinds')}
          value={kind}
          onChange={(next) => {
            setKind(next);
            setPage(1);
          }}
          options={LEDGER_KINDS.map((k) => ({ value: k, label: t(`ledgerKind.${k}`) }))}
          data-testid="record-kind-filter"
        />
      }
    >
      {entries.error && <QueryError error={entries.error} onRetry={() => void entries.refetch()} />}
      {!entries.data && !entries.error && <Skeleton active />}
      {entries.data && (
        <Spin spinning={entries.isFetching}>
          <div data-testid="record-entries">
            <EntryList entries={entries.data.items} />
          </div>
          {entries.data.total > PAGE_SIZE && (
            <Pagination
              className="gj-card-pagination"
              size="small"
              current={page}
              pageSize={PAGE_SIZE}
              total={entries.data.total}
              onChange={setPage}
              showSizeChanger={false}
            />
          )}
        </Spin>
      )}
    </Card>
  );
}

/** "我的参与记录": hours served this month and year, each kind of participation, every entry. */
export function MyRecordPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const personId = me.user.personId;
  // No parameters: the signed-in user's own record.
  const record = useLedgerRecord({}, personId !== null);

  if (personId === null) {
    return (
      <>
        <PageHeader title={t('nav.myRecord')} />
        <Result status="info" title={t('ledger.noPerson')} />
      </>
    );
  }

  return (
    <div className="gj-narrow">
      <PageHeader title={t('nav.myRecord')} />
      <MyFigures />
      {record.error && <QueryError error={record.error} onRetry={() => void record.refetch()} />}
      {!record.data && !record.error && <Skeleton active />}
      {record.data && (
        <Card size="small" data-testid="record-totals">
          <HoursFigures totals={record.data.totals} />
          <KindTable totals={record.data.totals} />
        </Card>
      )}
      <Entries personId={personId} />
    </div>
  );
}
