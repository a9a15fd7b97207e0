import { BOOKING_STATUSES, type BookingStatus } from '@contract';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../shared/QueryError';
import { type BookingAction, BookingActionModal, BookingButtons } from './BookingActions';
import { BookingCard, BookingCards } from './BookingCards';
import { useBookings } from './bookings.api';

/** The keeper's view of one facility's bookings, newest first, each with its next steps. */
export function FacilityBookings({ facilityId }: { facilityId: number }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<BookingStatus | undefined>();
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const bookings = useBookings({ facilityId, status, ...paging });
  const [action, setAction] = useState<BookingAction | null>(null);

  return (
    <div data-testid="facility-bookings">
      <div className="gj-toolbar">
        <Select<BookingStatus>
          className="gj-toolbar-select"
          allowClear
          placeholder={t('common.status')}
          value={status}
          onChange={(next) => {
            setStatus(next);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          options={BOOKING_STATUSES.map((s) => ({ value: s, label: t(`bookings.status.${s}`) }))}
          data-testid="facility-bookings-status"
        />
      </div>
      {bookings.error && <QueryError error={bookings.error} onRetry={() => void bookings.refetch()} />}
      <BookingCards
        bookings={bookings.data?.items}
        loading={bookings.isFetching}
        empty={t('bookings.facilityEmpty')}
        pagination={{
          current: paging.page,
          pageSize: paging.pageSize,
          total: bookings.data?.total ?? 0,
          showTotal: (total: number) => t('common.total', { total }),
          onChange: (page: number, pageSize: number) =>
            setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
        }}
        render={(b) => (
          <BookingCard
            booking={b}
            showFacility={false}
            showBooker
            actions={<BookingButtons booking={b} asOwner onAction={setAction} />}
          />
        )}
      />
      <BookingActionModal action={action} onClose={() => setAction(null)} />
    </div>
  );
}
