import type { LedgerEntry } from '@contract';
import { Divider, Pagination, Spin } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { QueryError } from '../../shared/QueryError';
import { useLedgerEntries, useLedgerRecord } from './api';
import { CorrectionModal, EntryList, HoursFigures, KindTable } from './LedgerParts';

type Subject = { personId: number } | { unitId: number } | { orgId: number };

const PAGE_SIZE = 5;

/** Not allowed or not there: the panel keeps quiet rather than show an error. */
const isQuiet = (error: unknown) =>
  error instanceof ApiError && (error.status === 403 || error.status === 404);

/**
 * A person's, unit's or Party organisation's participation record inside its detail drawer:
 * totals, kinds, latest entries, and corrections for those who may make them. Renders nothing
 * when the reader may not see it.
 */
export function LedgerPanel({ subject }: { subject: Subject }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [correcting, setCorrecting] = useState<LedgerEntry | null>(null);
  const record = useLedgerRecord(subject);
  const entries = useLedgerEntries({ ...subject, page, pageSize: PAGE_SIZE }, record.isSuccess);

  if (record.error && isQuiet(record.error)) return null;
  if (!record.data && !record.error) return null;
  return (
    <div data-testid="ledger-panel">
      <Divider titlePlacement="start">{t('ledger.panelTitle')}</Divider>
      {record.error && <QueryError error={record.error} onRetry={() => void record.refetch()} />}
      {record.data && (
        <>
          <HoursFigures totals={record.data.totals} small testIdPrefix="ledger-panel" />
          <KindTable totals={record.data.totals} />
        </>
      )}
      {entries.data && entries.data.total > 0 && (
        <Spin spinning={entries.isFetching}>
          <div className="gj-section">
            <EntryList entries={entries.data.items} onCorrect={setCorrecting} />
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
              showTotal={(total) =>
                entries.data?.capped ? t('common.totalMore', { total }) : t('common.total', { total })
              }
            />
          )}
        </Spin>
      )}
      <CorrectionModal entry={correcting} onClose={() => setCorrecting(null)} />
    </div>
  );
}
