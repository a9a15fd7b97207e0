import { CheckCircleOutlined, ClockCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { zoned } from '../../lib/time';
import { useLastDefined } from '../../shared/useLastDefined';
import { BookingStatusTag } from './BookingStatusTag';
import type { BookingSeries } from './bookings.api';
import { DAY, slotText } from './time';

/** What a booking (or a weekly series) came to: the slots booked, and the dates that could not be. */
export function BookingResultModal({
  result,
  onClose,
}: {
  result: BookingSeries | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const shown = useLastDefined(result);
  const booked = shown?.booked ?? [];
  const clashes = shown?.clashes ?? [];
  const pending = booked.some((b) => b.status === 'pending');
  const nothing = booked.length === 0;

  return (
    <Modal
      open={result !== null}
      onCancel={onClose}
      title={t('bookings.resultTitle')}
      destroyOnHidden
      footer={[
        <Link key="mine" to="/me/bookings" onClick={onClose}>
          <Button data-testid="booking-result-mine">{t('bookings.viewMine')}</Button>
        </Link>,
        <Button key="ok" type="primary" onClick={onClose} data-testid="booking-result-ok">
          {t('bookings.done')}
        </Button>,
      ]}
    >
      <div data-testid="booking-result">
        <Result
          className="gj-compact-result"
          status={nothing ? 'warning' : pending ? 'info' : 'success'}
          icon={
            nothing ? (
              <ExclamationCircleOutlined />
            ) : pending ? (
              <ClockCircleOutlined />
            ) : (
              <CheckCircleOutlined />
            )
          }
          title={
            nothing
              ? t('bookings.resultNone')
              : pending
                ? t('bookings.resultPending', { count: booked.length })
                : t('bookings.resultConfirmed', { count: booked.length })
          }
          subTitle={!nothing && pending ? t('bookings.pendingHint') : undefined}
        />
        {booked.length > 0 && (
          <ul className="gj-list gj-book-result-list" data-testid="booking-result-booked">
            {booked.map((b) => (
              <li key={b.id} className="gj-card-row-head">
                <span>
                  <strong>{b.facilityName}</strong>
                  <Typography.Text type="secondary" className="gj-book-result-time">
                    {slotText(b.startsAt, b.endsAt)}
                  </Typography.Text>
                </span>
                <BookingStatusTag status={b.status} />
              </li>
            ))}
          </ul>
        )}
        {clashes.length > 0 && (
          <Alert
            className="gj-section"
            type="warning"
            showIcon
            title={t('bookings.clashesTitle', { count: clashes.length })}
            description={
              <ul className="gj-book-clashes" data-testid="booking-result-clashes">
                {clashes.map((c) => (
                  <li key={c.date}>
                    <strong>{zoned(c.date).format(`${DAY} ddd`)}</strong>
                    {t('bookings.clashSeparator')}
                    {c.reason}
                  </li>
                ))}
              </ul>
            }
          />
        )}
      </div>
    </Modal>
  );
}
