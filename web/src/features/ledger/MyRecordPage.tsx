import { LEDGER_KINDS, type LedgerKind } from '@contract';
import { Card, Pagination, Result, Select, Skeleton, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../lib/auth';
import { PageHeader } from '../../shared/PageHeader';
import {
  PRINT_ROWS,
  PrintButton,
  type PrintRequest,
  PrintStamp,
  usePrintRequest,
  usePrintWhenReady,
} from '../../shared/Print';
import { QueryError } from '../../shared/QueryError';
import { MyFigures } from '../dashboards';
import { useLedgerEntries, useLedgerRecord } from './api';
import { EntryList, HoursFigures, KindTable } from './LedgerParts';

const PAGE_SIZE = 20;

/** Every entry, a page at a time; all of them (up to PRINT_ROWS) while printing. */
function Entries({ personId, print }: { personId: number; print: PrintRequest }) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<LedgerKind | undefined>();
  const [page, setPage] = useState(1);
  const entries = useLedgerEntries(
    print.asked
      ? { personId, kind, page: 1, pageSize: PRINT_ROWS }
      : { personId, kind, page, pageSize: PAGE_SIZE },
  );
  usePrintWhenReady(print, entries.data !== undefined && !entries.isFetching);
  return (
    <Card
      size="small"
      className="gj-section"
      title={t('ledger.entries')}
      extra={
        <Select<LedgerKind>
          size="small"
          className="gj-toolbar-select no-print"
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

/** "我的参与记录": hours served this month and year, each kind of participation, every entry; printable. */
export function MyRecordPage() {
  const { t } = useTranslation();
  const { me } = useAuth();
  const print = usePrintRequest();
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
      <PageHeader
        title={t('nav.myRecord')}
        extra={<PrintButton onPrint={print.ask} testId="record-print" />}
      />
      <PrintStamp subject={me.user.displayName} />
      <MyFigures />
      {record.error && <QueryError error={record.error} onRetry={() => void record.refetch()} />}
      {!record.data && !record.error && <Skeleton active />}
      {record.data && (
        <Card size="small" data-testid="record-totals">
          <HoursFigures totals={record.data.totals} />
          <KindTable totals={record.data.totals} />
        </Card>
      )}
      <Entries personId={personId} print={print} />
    </div>
  );
}
