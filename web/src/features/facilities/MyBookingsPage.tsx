import { AimOutlined } from '@ant-design/icons';
import { Button, Card, Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { wallClock } from '../../lib/time';
import { oneOf } from '../../shared/enums';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { paginationProps, useListParams } from '../../shared/useListParams';
import { type BookingAction, BookingActionModal, BookingButtons } from './BookingActions';
import { BookingCard, BookingCards } from './BookingCards';
import { useBookings } from './bookings.api';
import { iso } from './time';

const WHEN = ['upcoming', 'past'] as const;
type When = (typeof WHEN)[number];

/** The facilities I booked: what is ahead (and may still be cancelled), and what is past. */
export function MyBookingsPage() {
  const { t } = useTranslation();
  const list = useListParams(['when'] as const);
  const when: When = oneOf(WHEN, list.filters.when) ?? 'upcoming';
  // One "now" per visit keeps the query steady.
  const [now] = useState(() => iso(wallClock()));
  const bookings = useBookings({
    mine: 'true',
    ...(when === 'upcoming' ? { from: now } : { to: now }),
    page: list.page,
    pageSize: list.pageSize,
  });
  const [action, setAction] = useState<BookingAction | null>(null);

  return (
    <>
      <PageHeader
        title={t('nav.myBookings')}
        extra={
          <Link to="/facilities/find">
            <Button type="primary" icon={<AimOutlined />} data-testid="my-bookings-find">
              {t('bookings.bookMore')}
            </Button>
          </Link>
        }
      />
      <Card>
        <Segmented<When>
          className="gj-block-gap"
          value={when}
          onChange={(next) => list.setFilters({ when: next === 'upcoming' ? undefined : next })}
          options={WHEN.map((w) => ({ value: w, label: t(`bookings.when.${w}`) }))}
          data-testid="my-bookings-when"
        />
        {bookings.error && <QueryError error={bookings.error} onRetry={() => void bookings.refetch()} />}
        <BookingCards
          bookings={bookings.data?.items}
          loading={bookings.isFetching}
          empty={when === 'upcoming' ? t('bookings.emptyUpcoming') : t('bookings.emptyPast')}
          testId="my-bookings"
          pagination={paginationProps(list, bookings.data?.total ?? 0, (total) =>
            t('common.total', { total }),
          )}
          render={(b) => (
            <BookingCard
              booking={b}
              actions={<BookingButtons booking={b} asOwner={false} onAction={setAction} />}
            />
          )}
        />
      </Card>
      <BookingActionModal action={action} onClose={() => setAction(null)} />
    </>
  );
}
