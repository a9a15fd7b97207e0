import type { BookingStatus } from '@contract';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const STATUS_COLOR: Record<BookingStatus, string> = {
  pending: 'gold',
  confirmed: 'red',
  declined: 'default',
  cancelled: 'default',
  no_show: 'volcano',
  used: 'success',
};

export function BookingStatusTag({ status }: { status: BookingStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} data-status={status} data-testid="booking-status">
      {t(`bookings.status.${status}`)}
    </Tag>
  );
}
