import { CheckOutlined, CloseOutlined, FieldTimeOutlined, StopOutlined } from '@ant-design/icons';
import type { Booking } from '@contract';
import { Button, Form, Input, InputNumber, Modal, Radio, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../shared/feedback';
import { useLastDefined } from '../../shared/useLastDefined';
import {
  awaitsUse,
  bookedHours,
  isUpcoming,
  useCancelBooking,
  useDecideBooking,
  useRecordUse,
} from './bookings.api';
import { slotText } from './time';

/** An action that asks something first: a reason to decline or cancel, the hours used. */
export type BookingAction = { kind: 'decline' | 'cancel' | 'use'; booking: Booking; asOwner: boolean };

type ButtonsProps = {
  booking: Booking;
  /** The facility's keeper (decides, records use) or the one who booked (cancels). */
  asOwner: boolean;
  onAction: (action: BookingAction) => void;
  size?: 'small' | 'middle';
};

/** The next steps on a booking, for its keeper or the one who booked it. */
export function BookingButtons({ booking, asOwner, onAction, size = 'small' }: ButtonsProps) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const decide = useDecideBooking();
  const approve = () =>
    decide.mutate(
      { id: booking.id, decision: 'confirm' },
      {
        onSuccess: () => feedback.success(t('bookings.approved', { name: booking.bookedFor.name })),
        onError: feedback.error,
      },
    );
  const upcoming = isUpcoming(booking);
  const open = (kind: BookingAction['kind']) => onAction({ kind, booking, asOwner });
  const buttons = [];
  // A pending booking is decided even once its hour has passed, to clear it.
  if (asOwner && booking.status === 'pending') {
    buttons.push(
      <Button
        key="approve"
        type="primary"
        size={size}
        icon={<CheckOutlined />}
        loading={decide.isPending}
        onClick={approve}
        data-testid={`booking-approve-${booking.id}`}
      >
        {t('bookings.approve')}
      </Button>,
      <Button
        key="decline"
        size={size}
        danger
        icon={<CloseOutlined />}
        onClick={() => open('decline')}
        data-testid={`booking-decline-${booking.id}`}
      >
        {t('bookings.decline')}
      </Button>,
    );
  }
  if (asOwner && awaitsUse(booking)) {
    buttons.push(
      <Button
        key="use"
        type="primary"
        size={size}
        icon={<FieldTimeOutlined />}
        onClick={() => open('use')}
        data-testid={`booking-use-${booking.id}`}
      >
        {t('bookings.recordUse')}
      </Button>,
    );
  }
  // The keeper cancels a confirmed booking (with a reason); the one who booked, a pending one too.
  if (upcoming && (!asOwner || booking.status === 'confirmed')) {
    buttons.push(
      <Button
        key="cancel"
        size={size}
        danger={!asOwner}
        icon={<StopOutlined />}
        onClick={() => open('cancel')}
        data-testid={`booking-cancel-${booking.id}`}
      >
        {t('bookings.cancel')}
      </Button>,
    );
  }
  if (buttons.length === 0) return null;
  return <Space wrap>{buttons}</Space>;
}

/** Why a booking is declined: the one who asked reads it. */
function DeclineModal({ booking, onClose }: { booking: Booking | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const decide = useDecideBooking();
  const feedback = useFeedback();
  const onFinish = ({ reason }: { reason: string }) => {
    if (!booking) return;
    decide.mutate(
      { id: booking.id, decision: 'decline', reason: reason.trim() },
      {
        onSuccess: () => {
          feedback.success(t('bookings.declined'));
          onClose();
        },
        onError: (error) => feedback.formError(form, error, ['reason']),
      },
    );
  };
  return (
    <>
      <Typography.Paragraph type="secondary">
        {booking &&
          t('bookings.declineHint', {
            name: booking.bookedFor.name,
            facility: booking.facilityName,
            time: slotText(booking.startsAt, booking.endsAt),
          })}
      </Typography.Paragraph>
      <Form<{ reason: string }> form={form} layout="vertical" clearOnDestroy onFinish={onFinish}>
        <Form.Item
          name="reason"
          label={t('bookings.declineReason')}
          rules={[
            { required: true, whitespace: true, message: t('bookings.reasonRequired') },
            { min: 2, max: 200 },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 5 }}
            autoFocus
            placeholder={t('bookings.declineReasonPlaceholder')}
            data-testid="booking-decline-reason"
          />
        </Form.Item>
      </Form>
      <ModalFooter
        onClose={onClose}
        onOk={form.submit}
        busy={decide.isPending}
        okText={t('bookings.decline')}
        danger
        testId="booking-decline-submit"
      />
    </>
  );
}

/** Cancelling asks first; the keeper gives a reason, the one who booked may. */
function CancelModal({ action, onClose }: { action: BookingAction | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason?: string }>();
  const cancel = useCancelBooking();
  const feedback = useFeedback();
  const booking = action?.booking;
  const asOwner = action?.asOwner ?? false;
  const onFinish = ({ reason }: { reason?: string }) => {
    if (!booking) return;
    cancel.mutate(
      { id: booking.id, reason: reason?.trim() || undefined },
      {
        onSuccess: () => {
          feedback.success(t('bookings.cancelled'));
          onClose();
        },
        onError: (error) => feedback.formError(form, error, ['reason']),
      },
    );
  };
  return (
    <>
      <Typography.Paragraph>
        {booking &&
          t('bookings.cancelConfirm', {
            facility: booking.facilityName,
            time: slotText(booking.startsAt, booking.endsAt),
          })}
      </Typography.Paragraph>
      <Form<{ reason?: string }> form={form} layout="vertical" clearOnDestroy onFinish={onFinish}>
        <Form.Item
          name="reason"
          label={asOwner ? t('bookings.cancelReasonOwner') : t('bookings.cancelReason')}
          rules={[
            { required: asOwner, whitespace: true, message: t('bookings.reasonRequired') },
            { min: 2, max: 200 },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} data-testid="booking-cancel-reason" />
        </Form.Item>
      </Form>
      <ModalFooter
        onClose={onClose}
        onOk={form.submit}
        busy={cancel.isPending}
        okText={t('bookings.cancel')}
        cancelText={t('bookings.keep')}
        danger
        testId="booking-cancel-confirm"
      />
    </>
  );
}

type UseValues = { outcome: 'used' | 'no_show'; usedHours?: number };

/** After the start the keeper records how long the facility was used, or that nobody came. */
function UseModal({ booking, onClose }: { booking: Booking | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<UseValues>();
  const record = useRecordUse();
  const feedback = useFeedback();
  const outcome = Form.useWatch('outcome', form);
  useEffect(() => {
    if (booking) form.setFieldsValue({ outcome: 'used', usedHours: bookedHours(booking) });
  }, [booking, form]);
  const onFinish = (values: UseValues) => {
    if (!booking) return;
    const body = values.outcome === 'no_show' ? { noShow: true } : { usedHours: values.usedHours };
    record.mutate(
      { id: booking.id, ...body },
      {
        onSuccess: () => {
          feedback.success(values.outcome === 'no_show' ? t('bookings.noShowSaved') : t('bookings.useSaved'));
          onClose();
        },
        onError: (error) => feedback.formError(form, error, ['usedHours']),
      },
    );
  };
  return (
    <>
      <Typography.Paragraph type="secondary">
        {booking &&
          t('bookings.useHint', {
            name: booking.bookedFor.name,
            time: slotText(booking.startsAt, booking.endsAt),
            hours: bookedHours(booking),
          })}
      </Typography.Paragraph>
      <Form<UseValues>
        form={form}
        layout="vertical"
        clearOnDestroy
        initialValues={{ outcome: 'used', usedHours: booking ? bookedHours(booking) : undefined }}
        onFinish={onFinish}
      >
        <Form.Item name="outcome">
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={[
              { value: 'used', label: t('bookings.outcomeUsed') },
              { value: 'no_show', label: t('bookings.outcomeNoShow') },
            ]}
            data-testid="booking-use-outcome"
          />
        </Form.Item>
        {outcome !== 'no_show' && (
          <Form.Item
            name="usedHours"
            label={t('bookings.usedHours')}
            extra={t('bookings.usedHoursHint')}
            rules={[{ required: true }]}
          >
            <InputNumber<number>
              min={0}
              max={24}
              step={0.5}
              precision={2}
              suffix={t('facilities.hoursUnit')}
              data-testid="booking-used-hours"
            />
          </Form.Item>
        )}
      </Form>
      <ModalFooter
        onClose={onClose}
        onOk={form.submit}
        busy={record.isPending}
        okText={t('bookings.saveUse')}
        testId="booking-use-submit"
      />
    </>
  );
}

function ModalFooter({
  onClose,
  onOk,
  busy,
  okText,
  cancelText,
  danger,
  testId,
}: {
  onClose: () => void;
  onOk: () => void;
  busy: boolean;
  okText: string;
  cancelText?: string;
  danger?: boolean;
  testId: string;
}) {
  const { t } = useTranslation();
  return (
    <div className="gj-book-modal-footer">
      <Button onClick={onClose}>{cancelText ?? t('common.cancel')}</Button>
      <Button type="primary" danger={danger} loading={busy} onClick={onOk} data-testid={testId}>
        {okText}
      </Button>
    </div>
  );
}

const TITLE_KEY = {
  decline: 'bookings.declineTitle',
  cancel: 'bookings.cancelTitle',
  use: 'bookings.useTitle',
} as const;

/** The modal of an action on a booking; one per page. */
export function BookingActionModal({
  action,
  onClose,
}: {
  action: BookingAction | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const shown = useLastDefined(action);
  return (
    <Modal
      open={action !== null}
      onCancel={onClose}
      title={shown ? t(TITLE_KEY[shown.kind]) : undefined}
      footer={null}
      destroyOnHidden
    >
      {shown?.kind === 'decline' && <DeclineModal booking={shown.booking} onClose={onClose} />}
      {shown?.kind === 'cancel' && <CancelModal action={shown} onClose={onClose} />}
      {shown?.kind === 'use' && <UseModal booking={shown.booking} onClose={onClose} />}
    </Modal>
  );
}
