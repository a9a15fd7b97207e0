import type { Facility } from '@contract';
import { Descriptions, Input, InputNumber, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmSheet } from '../../shared/ConfirmSheet';
import { useFeedback } from '../../shared/feedback';
import { useLastDefined } from '../../shared/useLastDefined';
import { bookForUnit, useBookingUnit } from './BookingFormDrawer';
import { type BookingSeries, useCreateBooking } from './bookings.api';
import { rulesText } from './rulesText';
import { slotText } from './time';

/** A facility free for a slot, to book just that slot. */
export type QuickBookTarget = { facility: Facility; startsAt: string; endsAt: string; people: number };

/**
 * The second tap of "find a room": the slot as asked, a purpose filled in from the kind (to
 * change if wished), then "confirm". A sheet from the bottom on a phone.
 */
export function QuickBookSheet({
  target,
  onClose,
  onBooked,
}: {
  target: QuickBookTarget | null;
  onClose: () => void;
  onBooked: (result: BookingSeries) => void;
}) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const create = useCreateBooking();
  const unit = useBookingUnit();
  const shown = useLastDefined(target);
  const [purpose, setPurpose] = useState('');
  const [people, setPeople] = useState(1);
  const [forUnit, setForUnit] = useState(false);

  useEffect(() => {
    if (target) {
      setPurpose(t(`bookings.purposeDefault.${target.facility.kind}`));
      setPeople(Math.min(target.people, target.facility.capacity));
      setForUnit(false);
    }
  }, [target, t]);

  const tooShort = purpose.trim().length < 2;
  const confirm = () => {
    if (!target || tooShort) return;
    create.mutate(
      {
        facilityId: target.facility.id,
        startsAt: target.startsAt,
        endsAt: target.endsAt,
        purpose: purpose.trim(),
        people,
        forUnit: bookForUnit(unit, forUnit),
      },
      {
        onSuccess: (result) => {
          onClose();
          onBooked(result);
        },
        // Taken meanwhile (409) or against a rule (422): the server's words say which.
        onError: feedback.error,
      },
    );
  };

  const body = shown && (
    <div className="gj-stack gj-gap" data-testid="quick-book-sheet">
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'facility', label: t('bookings.facility'), children: shown.facility.name },
          { key: 'where', label: t('facilities.community'), children: shown.facility.communityName },
          { key: 'time', label: t('bookings.time'), children: slotText(shown.startsAt, shown.endsAt) },
        ]}
      />
      <label className="gj-field-label" htmlFor="quick-book-purpose">
        {t('bookings.purpose')}
      </label>
      <Input
        id="quick-book-purpose"
        value={purpose}
        maxLength={200}
        status={tooShort ? 'error' : undefined}
        onChange={(e) => setPurpose(e.target.value)}
        data-testid="quick-book-purpose"
      />
      <span className="gj-inline">
        <label htmlFor="quick-book-people">{t('bookings.people')}</label>
        <InputNumber<number>
          id="quick-book-people"
          min={1}
          max={shown.facility.capacity}
          precision={0}
          value={people}
          onChange={(v) => setPeople(v ?? 1)}
          suffix={t('facilities.peopleUnit')}
          data-testid="quick-book-people"
        />
      </span>
      {unit?.only && (
        <Typography.Text type="secondary" data-testid="quick-book-as-unit">
          {t('bookings.forUnitHint', { unit: unit.name })}
        </Typography.Text>
      )}
      {unit && !unit.only && (
        <span className="gj-switch">
          <Switch
            id="quick-book-for-unit"
            checked={forUnit}
            onChange={setForUnit}
            data-testid="quick-book-for-unit"
          />
          <label htmlFor="quick-book-for-unit">{t('bookings.forUnitNamed', { unit: unit.name })}</label>
        </span>
      )}
      <Typography.Text type="secondary">{rulesText(t, shown.facility)}</Typography.Text>
    </div>
  );

  return (
    <ConfirmSheet
      open={target !== null}
      onClose={onClose}
      title={t('bookings.confirmTitle')}
      okText={t('bookings.confirm')}
      onOk={confirm}
      loading={create.isPending}
      disabled={tooShort}
      okTestId="quick-book-confirm"
    >
      {body}
    </ConfirmSheet>
  );
}
