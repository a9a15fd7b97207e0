import { InfoCircleOutlined } from '@ant-design/icons';
import type { Facility } from '@contract';
import { DatePicker, Form, Input, InputNumber, Switch, TimePicker, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../lib/auth';
import { type Dayjs, day } from '../../lib/time';
import { FormDrawer } from '../../shared/FormDrawer';
import { useFeedback } from '../../shared/feedback';
import { SetValuesOnMount } from '../../shared/SetValuesOnMount';
import { useLastDefined } from '../../shared/useLastDefined';
import { type BookingSeries, useCreateBooking } from './bookings.api';
import { rulesText } from './rulesText';
import { atTime, DAY, iso, TIME } from './time';

/** A facility to book, and the slot chosen on its calendar, if any. */
export type BookingFormTarget = { facility: Facility; startsAt?: Dayjs; endsAt?: Dayjs };

type Values = {
  date: Dayjs;
  time: [Dayjs, Dayjs];
  purpose: string;
  people: number;
  forUnit?: boolean;
  weeklyUntil?: Dayjs | null;
};
const FIELDS = ['purpose', 'people', 'forUnit', 'weeklyUntil'] as const;

/**
 * The unit a unit's contact may book for, if any. `only`: the account has no person of its
 * own, so it books for the unit or not at all — the choice is shown only when both apply.
 */
export function useBookingUnit() {
  const { me } = useAuth();
  const contact = me.roles.find((r) => r.role === 'unit_contact' && r.unitId !== null);
  return contact
    ? { id: contact.unitId as number, name: contact.unitName ?? '', only: me.user.personId === null }
    : undefined;
}

/** Whether a booking goes in the unit's name: always for a unit-only account, else as chosen. */
export const bookForUnit = (unit: ReturnType<typeof useBookingUnit>, chosen: boolean | undefined) =>
  unit ? unit.only || (chosen ?? false) : undefined;

function defaults(target: BookingFormTarget | undefined): Partial<Values> {
  const facility = target?.facility;
  // Without a chosen slot: tomorrow at nine, for the shortest length the rules allow (at least an hour).
  const start = target?.startsAt ?? day().add(1, 'day').hour(9);
  const minutes = Math.max(facility?.bookingRules.minMinutes ?? 60, 60);
  const end =
    target?.endsAt ?? start.add(Math.min(minutes, facility?.bookingRules.maxMinutes ?? 60), 'minute');
  return {
    date: start.startOf('day'),
    time: [start, end],
    people: Math.min(10, facility?.capacity ?? 10),
    forUnit: false,
    weeklyUntil: null,
  };
}

type Props = {
  target: BookingFormTarget | null;
  onClose: () => void;
  onBooked: (result: BookingSeries) => void;
};

/** Book a facility: a day, the hours, what for and how many; once or every week until a day. */
export function BookingFormDrawer({ target, onClose, onBooked }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateBooking();
  const feedback = useFeedback();
  const unit = useBookingUnit();
  const shown = useLastDefined(target);
  const facility = shown?.facility;
  const date = Form.useWatch('date', form);

  const onFinish = (values: Values) => {
    if (!facility) return;
    const [from, to] = values.time;
    create.mutate(
      {
        facilityId: facility.id,
        startsAt: iso(atTime(values.date, from.format(TIME))),
        endsAt: iso(atTime(values.date, to.format(TIME))),
        purpose: values.purpose.trim(),
        people: values.people,
        forUnit: bookForUnit(unit, values.forUnit),
        weeklyUntil: values.weeklyUntil ? values.weeklyUntil.format(DAY) : undefined,
      },
      {
        onSuccess: (result) => {
          onClose();
          onBooked(result);
        },
        onError: (error) => feedback.formError(form, error, FIELDS),
      },
    );
  };

  const rules = facility?.bookingRules;
  return (
    <FormDrawer
      open={target !== null}
      onClose={onClose}
      title={facility ? t('bookings.formTitle', { name: facility.name }) : t('bookings.book')}
      onSubmit={form.submit}
      submitting={create.isPending}
      submitLabel={t('bookings.submit')}
      submitTestId="booking-form-submit"
    >
      {facility && (
        <Typography.Paragraph type="secondary" data-testid="booking-rules">
          <InfoCircleOutlined /> {rulesText(t, facility)}
        </Typography.Paragraph>
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        clearOnDestroy
        scrollToFirstError
        initialValues={defaults(shown)}
        onFinish={onFinish}
      >
        <SetValuesOnMount<Values> values={defaults(shown)} />
        <div className="gj-form-pair">
          <Form.Item name="date" label={t('bookings.date')} rules={[{ required: true }]}>
            <DatePicker
              className="gj-fill"
              inputReadOnly
              allowClear={false}
              format={`${DAY} ddd`}
              disabledDate={(d) =>
                d.isBefore(day(), 'day') ||
                (rules !== undefined && d.isAfter(day().add(rules.maxDaysAhead, 'day'), 'day'))
              }
              data-testid="booking-date"
            />
          </Form.Item>
          <Form.Item
            name="time"
            label={t('bookings.time')}
            rules={[
              { required: true, message: t('bookings.timeRequired') },
              {
                validator: (_, value: [Dayjs, Dayjs] | undefined) => {
                  if (!value?.[0] || !value[1] || !rules) return Promise.resolve();
                  const minutes = value[1].diff(value[0], 'minute');
                  if (minutes <= 0) return Promise.reject(new Error(t('bookings.endBeforeStart')));
                  if (minutes < rules.minMinutes || minutes > rules.maxMinutes)
                    return Promise.reject(
                      new Error(
                        t('bookings.lengthOutOfRules', { min: rules.minMinutes, max: rules.maxMinutes }),
                      ),
                    );
                  return Promise.resolve();
                },
              },
            ]}
          >
            <TimePicker.RangePicker
              className="gj-fill"
              format={TIME}
              minuteStep={15}
              needConfirm={false}
              inputReadOnly
              order
              data-testid="booking-time"
            />
          </Form.Item>
        </div>
        <Form.Item
          name="purpose"
          label={t('bookings.purpose')}
          rules={[
            { required: true, whitespace: true, message: t('bookings.purposeRequired') },
            { min: 2, max: 200 },
          ]}
        >
          <Input
            placeholder={facility ? t(`bookings.purposeHint.${facility.kind}`) : undefined}
            data-testid="booking-purpose"
          />
        </Form.Item>
        <Form.Item name="people" label={t('bookings.people')} rules={[{ required: true }]}>
          <InputNumber<number>
            min={1}
            max={facility?.capacity ?? 10_000}
            precision={0}
            suffix={t('facilities.peopleUnit')}
            className="gj-fill"
            data-testid="booking-people"
          />
        </Form.Item>
        {unit?.only && (
          <Typography.Paragraph type="secondary" data-testid="booking-as-unit">
            {t('bookings.forUnitHint', { unit: unit.name })}
          </Typography.Paragraph>
        )}
        {unit && !unit.only && (
          <Form.Item
            name="forUnit"
            label={t('bookings.forUnit')}
            extra={t('bookings.forUnitHint', { unit: unit.name })}
            valuePropName="checked"
          >
            <Switch data-testid="booking-for-unit" />
          </Form.Item>
        )}
        <Form.Item name="weeklyUntil" label={t('bookings.weeklyUntil')} extra={t('bookings.weeklyUntilHint')}>
          <DatePicker
            className="gj-fill"
            inputReadOnly
            allowClear
            placeholder={t('bookings.weeklyUntilPlaceholder')}
            // Opens on the first week it could repeat to, not on today's month.
            defaultPickerValue={date?.add(7, 'day')}
            disabledDate={(d) => (date ? !d.isAfter(date.add(6, 'day'), 'day') : false)}
            data-testid="booking-weekly-until"
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
