import { Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryError } from '../../shared/QueryError';
import { useFacilities } from './api';
import { type BookingAction, BookingActionModal, BookingButtons } from './BookingActions';
import { BookingCard, BookingCards } from './BookingCards';
import { useBookings } from './bookings.api';
import { FacilityList } from './FacilityList';

const FACILITIES_PAGE = 10;
const BOOKINGS_PAGE = 6;

type Props = {
  unitId: number;
  /** The reader sees who booked its facilities (the unit's `can.seeBookings`). */
  seeBookings: boolean;
};

/**
 * A unit's shared facilities, each a link to its page, and their bookings: those waiting for a
 * decision first, then those coming up, then the past (the unit's page).
 */
export function UnitFacilities({ unitId, seeBookings }: Props) {
  const { t } = useTranslation();
  const [facilityPage, setFacilityPage] = useState(1);
  const [bookingPage, setBookingPage] = useState(1);
  const [action, setAction] = useState<BookingAction | null>(null);
  const facilities = useFacilities({ unitId, page: facilityPage, pageSize: FACILITIES_PAGE });
  const bookings = useBookings({ unitId, page: bookingPage, pageSize: BOOKINGS_PAGE }, seeBookings);
  // The reader decides a booking where the facility says so.
  const decides = new Set(facilities.data?.items.filter((f) => f.can.decideBookings).map((f) => f.id));

  return (
    <div className="gj-stack gj-gap" data-testid="unit-facilities">
      {facilities.error ? (
        <QueryError error={facilities.error} onRetry={() => void facilities.refetch()} />
      ) : (
        <FacilityList
          facilities={facilities.data?.items}
          loading={facilities.isFetching}
          empty={t('facilities.ofUnit.empty')}
          pagination={{
            current: facilityPage,
            pageSize: FACILITIES_PAGE,
            total: facilities.data?.total ?? 0,
            hideOnSinglePage: true,
            onChange: setFacilityPage,
          }}
        />
      )}
      {seeBookings && (facilities.data?.total ?? 0) > 0 && (
        <section className="gj-stack" aria-labelledby="unit-bookings-title">
          <Typography.Title level={5} id="unit-bookings-title" className="gj-no-margin">
            {t('facilities.ofUnit.bookings')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('facilities.ofUnit.bookingsHint')}</Typography.Text>
          {bookings.error && <QueryError error={bookings.error} onRetry={() => void bookings.refetch()} />}
          <BookingCards
            bookings={bookings.data?.items}
            loading={bookings.isFetching}
            empty={t('facilities.ofUnit.noBookings')}
            testId="unit-bookings"
            pagination={{
              current: bookingPage,
              pageSize: BOOKINGS_PAGE,
              total: bookings.data?.total ?? 0,
              showTotal: (total) => t('common.total', { total }),
              onChange: setBookingPage,
            }}
            render={(b) => (
              <BookingCard
                booking={b}
                showBooker
                actions={
                  <BookingButtons booking={b} asOwner={decides.has(b.facilityId)} onAction={setAction} />
                }
              />
            )}
          />
        </section>
      )}
      <BookingActionModal action={action} onClose={() => setAction(null)} />
    </div>
  );
}
