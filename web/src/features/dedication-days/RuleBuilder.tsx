import { Checkbox, Form, Input, InputNumber, Radio, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  describeRule,
  INTERVALS,
  MAX_MONTH_DAY,
  type RuleFields,
  SET_POSITIONS,
  type SetPos,
  setPosKey,
  WEEKDAYS,
  type Weekday,
} from './rule';

/** Accepted by the contract (without DTSTART), checked again by the server. */
const RRULE_PATTERN = /^(RRULE:)?FREQ=[A-Z]+(;[A-Z]+=[A-Z0-9,+-]+)*$/i;

/** The rule the builder wrote, shown read-only so the organiser can see and copy it. */
function RuleCode({ value }: { value?: string }) {
  const { t } = useTranslation();
  return (
    <Typography.Text type="secondary" className="gj-ded-rule-code" data-testid="dedication-rrule-built">
      {t('dedication.form.ruleCode')} <span className="gj-code">{value || t('common.none')}</span>
    </Typography.Text>
  );
}

/** "每月第二个星期六": the rule as the saved schedule will say it. */
function RuleWords() {
  const { t } = useTranslation();
  const rrule = Form.useWatch('rrule') as string | undefined;
  if (!rrule || !RRULE_PATTERN.test(rrule)) return null;
  return (
    <div className="gj-ded-rule-words" data-testid="dedication-rule-words">
      {t('dedication.form.ruleMeans', { rule: describeRule(t, rrule) })}
    </div>
  );
}

/** Which weekdays, and every week or every other. */
function WeeklyFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name={['rule', 'weekdays']}
        label={t('dedication.form.weekdays')}
        rules={[{ required: true, type: 'array', min: 1, message: t('dedication.form.weekdaysRequired') }]}
      >
        <Checkbox.Group
          className="gj-ded-weekdays"
          options={WEEKDAYS.map((w) => ({ value: w, label: t(`dedication.weekdayShort.${w}`) }))}
          data-testid="dedication-weekdays"
        />
      </Form.Item>
      <Form.Item name={['rule', 'interval']} label={t('dedication.form.interval')}>
        <Radio.Group
          options={INTERVALS.map((n) => ({ value: n, label: t(`dedication.form.everyWeeks.${n}`) }))}
          data-testid="dedication-interval"
        />
      </Form.Item>
    </>
  );
}

/** The n-th weekday of the month, or a day of the month. */
function MonthlyFields() {
  const { t } = useTranslation();
  const monthlyBy = Form.useWatch(['rule', 'monthlyBy']) as RuleFields['monthlyBy'] | undefined;
  const monthDay = Form.useWatch(['rule', 'monthDay']) as number | undefined;
  return (
    <>
      <Form.Item name={['rule', 'monthlyBy']} label={t('dedication.form.monthlyBy')}>
        <Radio.Group
          options={[
            { value: 'weekday', label: t('dedication.form.byWeekday') },
            { value: 'monthday', label: t('dedication.form.byMonthDay') },
          ]}
          data-testid="dedication-monthly-by"
        />
      </Form.Item>
      {monthlyBy === 'monthday' ? (
        <Form.Item
          name={['rule', 'monthDay']}
          label={t('dedication.form.monthDay')}
          rules={[{ required: true }]}
          extra={monthDay !== undefined && monthDay > 28 ? t('dedication.form.monthDayHint') : undefined}
        >
          <InputNumber<number>
            min={1}
            max={MAX_MONTH_DAY}
            precision={0}
            prefix={t('dedication.form.monthDayPrefix')}
            suffix={t('dedication.form.monthDaySuffix')}
            className="gj-ded-monthday"
            data-testid="dedication-monthday"
          />
        </Form.Item>
      ) : (
        <div className="gj-form-pair">
          <Form.Item name={['rule', 'setPos']} label={t('dedication.form.setPos')}>
            <Select<SetPos>
              options={SET_POSITIONS.map((p) => ({ value: p, label: t(setPosKey(p)) }))}
              data-testid="dedication-setpos"
            />
          </Form.Item>
          <Form.Item name={['rule', 'weekday']} label={t('dedication.form.weekday')}>
            <Select<Weekday>
              options={WEEKDAYS.map((w) => ({ value: w, label: t(`dedication.weekday.${w}`) }))}
              data-testid="dedication-weekday"
            />
          </Form.Item>
        </div>
      )}
    </>
  );
}

/**
 * Weekly (which weekdays, every week or every other) or monthly (the n-th weekday, or a day of
 * the month), with a switch to type the RRULE itself. Kept in sync with `rrule` by the drawer.
 */
export function RuleBuilder() {
  const { t } = useTranslation();
  const advanced = Form.useWatch('advanced') as boolean | undefined;
  const freq = Form.useWatch(['rule', 'freq']) as RuleFields['freq'] | undefined;

  return (
    <div className="gj-subform gj-ded-rule" data-testid="dedication-rule">
      {!advanced && (
        <>
          <Form.Item name={['rule', 'freq']} label={t('dedication.form.repeat')}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={[
                { value: 'MONTHLY', label: t('dedication.form.monthly') },
                { value: 'WEEKLY', label: t('dedication.form.weekly') },
              ]}
              data-testid="dedication-freq"
            />
          </Form.Item>
          {freq === 'WEEKLY' ? <WeeklyFields /> : <MonthlyFields />}
        </>
      )}
      {advanced ? (
        <Form.Item
          name="rrule"
          label={t('dedication.form.rrule')}
          extra={t('dedication.form.rruleHint')}
          rules={[
            { required: true, whitespace: true, message: t('dedication.form.rruleRequired') },
            { pattern: RRULE_PATTERN, message: t('dedication.form.rruleInvalid') },
          ]}
        >
          <Input
            className="gj-code"
            placeholder="FREQ=MONTHLY;BYDAY=SA;BYSETPOS=2"
            spellCheck={false}
            autoCapitalize="characters"
            data-testid="dedication-rrule"
          />
        </Form.Item>
      ) : (
        <Form.Item name="rrule" noStyle>
          <RuleCode />
        </Form.Item>
      )}
      <RuleWords />
      <span className="gj-switch">
        <Form.Item name="advanced" valuePropName="checked" noStyle>
          <Switch id="dedication-advanced" size="small" data-testid="dedication-advanced" />
        </Form.Item>
        <label htmlFor="dedication-advanced">{t('dedication.form.advanced')}</label>
      </span>
    </div>
  );
}
