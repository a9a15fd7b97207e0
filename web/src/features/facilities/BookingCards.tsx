import { BankOutlined, CalendarOutlined, TeamOutlined, UserOutlined } from '@ant-design/icons';
import type { Booking } from '@contract';
import { Empty, Pagination, type PaginationProps, Skeleton, Spin, Tag, Typography } from 'antd';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BookingStatusTag } from './BookingStatusTag';
import { slotText } from './time';

type CardProps = {
  booking: Booking;
  /** Name the facility (off on the facility's own page). */
  showFacility?: boolean;
  /** Name who booked (for the keeper). */
  showBooker?: boolean;
  actions?: ReactNode;
};

export function BookingCard({ booking: b, showFacility = true, showBooker = false, actions }: CardProps) {
  const { t } = useTranslation();
  return (
    <div className="gj-book-card" data-testid={`booking-row-${b.id}`} data-status={b.status}>
      <div className="gj-card-row-head">
        {showFacility ? (
          <Link to={`/facilities/${b.facilityId}`} className="gj-strong-link">
            {b.facilityName}
          </Link>
        ) : (
          <strong>{b.purpose}</strong>
        )}
        <BookingStatusTag status={b.status} />
      </div>
      <Typography.Text className="gj-book-time">
        <CalendarOutlined /> {slotText(b.startsAt, b.endsAt)}
        {b.seriesId !== null && <Tag className="gj-book-series">{t('bookings.weekly')}</Tag>}
      </Typography.Text>
      {showFacility && <Typography.Text>{b.purpose}</Typography.Text>}
      <Typography.Text type="secondary" className="gj-inline">
        {showBooker && (
          <span data-testid="booking-booker">
            {b.bookedFor.kind === 'unit' ? <BankOutlined /> : <UserOutlined />} {b.bookedFor.name}
          </span>
        )}
        <span>
          <TeamOutlined /> {t('bookings.peopleValue', { count: b.people })}
        </span>
        {!showBooker && showFacility && <span>{t('bookings.keptBy', { name: b.ownerName })}</span>}
        {b.usedHours !== null && <span>{t('bookings.usedHoursValue', { hours: b.usedHours })}</span>}
      </Typography.Text>
      {b.reason && (
        <Typography.Text type="secondary" className="gj-book-reason" data-testid="booking-reason">
          {t('bookings.reasonValue', { reason: b.reason })}
        </Typography.Text>
      )}
      {actions && <div className="gj-book-actions">{actions}</div>}
    </div>
  );
}

type ListProps = {
  bookings: Booking[] | undefined;
  loading: boolean;
  empty: string;
  pagination?: PaginationProps;
  render: (booking: Booking) => ReactNode;
  testId?: string;
};

/** Bookings as cards, a grid on a desktop and one column on a phone. */
export function BookingCards({ bookings, loading, empty, pagination, render, testId }: ListProps) {
  if (loading && !bookings) return <Skeleton active />;
  return (
    <Spin spinning={loading}>
      <div data-testid={testId}>
        {bookings && bookings.length === 0 ? (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
        ) : (
          <div className="gj-book-grid">
            {(bookings ?? []).map((b) => (
              <Fragment key={b.id}>{render(b)}</Fragment>
            ))}
          </div>
        )}
      </div>
      {pagination && (pagination.total ?? 0) > 0 && (
        <Pagination className="gj-card-pagination" size="small" {...pagination} />
      )}
    </Spin>
  );
}
