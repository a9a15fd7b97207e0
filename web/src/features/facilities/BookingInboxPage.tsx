import { Badge, Card, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { wallClock } from '../../lib/time';
import { oneOf } from '../../shared/enums';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { paginationProps, useListParams } from '../../shared/useListParams';
import { useFacilities } from './api';
import { type BookingAction, BookingActionModal, BookingButtons } from './BookingActions';
import { BookingCard, BookingCards } from './BookingCards';
import { useBookings } from './bookings.api';
import { iso } from './time';

const TABS = ['pending', 'toRecord'] as const;
type Tab = (typeof TABS)[number];
/** Enough of the facilities one keeps to tell one's own bookings from those one decides. */
const KEPT_PAGE = 200;
const RECORD_PAGE = 100;

/**
 * The keeper's desk: bookings waiting for a decision on the facilities I keep, and confirmed
 * bookings that have started, whose use (or no-show) is to be recorded.
 */
export function InboxPage() {
  const { t } = useTranslation();
  const list = useListParams(['tab'] as const);
  const tab: Tab = oneOf(TABS, list.filters.tab) ?? 'pending';
  const [now] = useState(() => iso(wallClock()));
  const pending = useBookings({ inbox: 'true', page: list.page, pageSize: list.pageSize });
  // Confirmed bookings that have started, of the facilities I keep (the list also holds my own bookings).
  const kept = useFacilities({ managed: 'true', pageSize: KEPT_PAGE }, tab === 'toRecord');
  const started = useBookings({ status: 'confirmed', to: now, pageSize: RECORD_PAGE }, tab === 'toRecord');
  const keptIds = new Set((kept.data?.items ?? []).map((f) => f.id));
  const toRecord =
    kept.data && started.data ? started.data.items.filter((b) => keptIds.has(b.facilityId)) : undefined;
  const [action, setAction] = useState<BookingAction | null>(null);
  const error = tab === 'pending' ? pending.error : (kept.error ?? started.error);

  return (
    <>
      <PageHeader title={t('nav.bookingInbox')} />
      <Card>
        <Segmented<Tab>
          className="gj-block-gap"
          value={tab}
          onChange={(next) => list.setFilters({ tab: next === 'pending' ? undefined : next })}
          options={TABS.map((value) => ({
            value,
            label:
              value === 'pending' ? (
                <span className="gj-inline">
                  {t('bookings.inboxPending')}
                  <Badge count={pending.data?.total ?? 0} size="small" />
                </span>
              ) : (
                t('bookings.inboxToRecord')
              ),
          }))}
          data-testid="inbox-tab"
        />
        <Typography.Paragraph type="secondary">
          {tab === 'pending' ? t('bookings.inboxPendingHint') : t('bookings.inboxToRecordHint')}
        </Typography.Paragraph>
        {error && (
          <QueryError
            error={error}
            onRetry={() =>
              void (tab === 'pending' ? pending.refetch() : Promise.all([kept.refetch(), started.refetch()]))
            }
          />
        )}
        {tab === 'pending' ? (
          <BookingCards
            bookings={pending.data?.items}
            loading={pending.isFetching}
            empty={t('bookings.inboxEmpty')}
            testId="inbox-pending"
            pagination={paginationProps(list, pending.data?.total ?? 0, (total) =>
              t('common.total', { total }),
            )}
            render={(b) => (
              <BookingCard
                booking={b}
                showBooker
                actions={<BookingButtons booking={b} asOwner onAction={setAction} size="middle" />}
              />
            )}
          />
        ) : (
          <BookingCards
            bookings={toRecord}
            loading={kept.isFetching || started.isFetching}
            empty={t('bookings.toRecordEmpty')}
            testId="inbox-to-record"
            render={(b) => (
              <BookingCard
                booking={b}
                showBooker
                actions={<BookingButtons booking={b} asOwner onAction={setAction} size="middle" />}
              />
            )}
          />
        )}
      </Card>
      <BookingActionModal action={action} onClose={() => setAction(null)} />
    </>
  );
}
