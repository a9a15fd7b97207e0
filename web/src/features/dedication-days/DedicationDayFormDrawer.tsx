import type { DedicationDay } from '@contract';
import { DatePicker, Form, Input, Select, TimePicker, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Dayjs, timeZone } from '../../lib/time';
import { FormDrawer } from '../../shared/FormDrawer';
import { useFeedback } from '../../shared/feedback';
import { RegionSelect } from '../../shared/pickers/RegionSelect';
import { SetValuesOnMount } from '../../shared/SetValuesOnMount';
import { useIsMobile } from '../../shared/useIsMobile';
import { useLastDefined } from '../../shared/useLastDefined';
import { useCreateDedicationDay, useUpdateDedicationDay } from './api';
import { ExceptionList } from './ExceptionList';
import {
  createDefaults,
  DAY,
  type DedicationFormValues,
  editValues,
  FORM_FIELDS,
  ruleText,
  TIME,
  TIME_ZONES,
  toChanges,
  toCreateBody,
} from './formValues';
import { RuleBuilder } from './RuleBuilder';
import { RulePreview } from './RulePreview';
import { DEFAULT_RULE_FIELDS, parseRule, type RuleFields, specToFields } from './rule';
import { TaskTemplateList } from './TaskTemplateList';
import { useScopeRegion } from './useScopeRegion';

export type DedicationFormTarget = { mode: 'create' } | { mode: 'edit'; day: DedicationDay };

const TIME_ZONE_KEY: Record<(typeof TIME_ZONES)[number], 'shanghai' | 'urumqi' | 'hongKong' | 'macau'> = {
  'Asia/Shanghai': 'shanghai',
  'Asia/Urumqi': 'urumqi',
  'Asia/Hong_Kong': 'hongKong',
  'Asia/Macau': 'macau',
};

type Props = {
  target: DedicationFormTarget | null;
  onClose: () => void;
};

/** A fixed dedication day's schedule: where, when (the rule), the exceptions and the tasks. */
export function DedicationDayFormDrawer({ target, onClose }: Props) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [form] = Form.useForm<DedicationFormValues>();
  const create = useCreateDedicationDay();
  const update = useUpdateDedicationDay();
  const feedback = useFeedback();
  const shown = useLastDefined(target);
  const day = shown?.mode === 'edit' ? shown.day : undefined;
  const scope = useScopeRegion();
  const initialValues = day ? editValues(day) : createDefaults(scope);
  const timezones: string[] = [...TIME_ZONES];
  for (const tz of [timeZone(), day?.timezone]) if (tz && !timezones.includes(tz)) timezones.push(tz);

  const onFinish = (values: DedicationFormValues) => {
    const onError = (error: unknown) => feedback.formError(form, error, FORM_FIELDS);
    if (day) {
      const changes = toChanges(day, values);
      if (Object.keys(changes).length === 0) return feedback.success(t('common.noChanges'));
      update.mutate(
        { id: day.id, ...changes },
        {
          onSuccess: () => {
            feedback.success(t('common.saved'));
            onClose();
          },
          onError,
        },
      );
      return;
    }
    create.mutate(toCreateBody(values), {
      onSuccess: (created) => {
        feedback.success(t('dedication.created', { title: created.title }));
        onClose();
      },
      onError,
    });
  };

  const onValuesChange = (changed: Partial<DedicationFormValues>, all: DedicationFormValues) => {
    // `all` holds only the fields on screen: the builder's hidden ones are read from the store.
    const rule: RuleFields = { ...DEFAULT_RULE_FIELDS, ...form.getFieldValue('rule') };
    // The raw rule follows the builder; leaving the raw field reads it back into the builder.
    if (changed.advanced === false) {
      const spec = parseRule(all.rrule ?? '');
      if (spec) {
        const next = specToFields(spec, rule);
        form.setFieldValue('rule', next);
        form.setFieldValue('rrule', ruleText(next));
      } else {
        form.setFieldValue('advanced', true);
        feedback.warning(t('dedication.form.cannotBuild'));
      }
    } else if (changed.rule && !all.advanced) {
      form.setFieldValue('rrule', ruleText(rule));
    }
    // The end follows a moved start, keeping the morning's usual length.
    if (changed.startTime && all.endTime && all.endTime.format(TIME) <= changed.startTime.format(TIME)) {
      form.setFieldValue('endTime', changed.startTime.add(150, 'minute'));
    }
  };

  return (
    <FormDrawer
      open={target !== null}
      onClose={onClose}
      title={day ? t('dedication.editTitle') : t('dedication.create')}
      width={760}
      onSubmit={form.submit}
      submitting={create.isPending || update.isPending}
      submitLabel={day ? t('common.save') : t('common.create')}
      submitTestId="dedication-form-submit"
    >
      <Form<DedicationFormValues>
        form={form}
        layout="vertical"
        clearOnDestroy
        scrollToFirstError
        initialValues={initialValues}
        onFinish={onFinish}
        onValuesChange={onValuesChange}
      >
        <SetValuesOnMount<DedicationFormValues> values={initialValues} />
        <div className="gj-form-pair">
          <Form.Item
            name="regionId"
            label={t('dedication.region')}
            extra={day ? t('dedication.form.regionFixed') : t('dedication.form.regionHint')}
            rules={[{ required: true, message: t('regions.required') }]}
          >
            <RegionSelect kinds={['street', 'community']} disabled={!!day} data-testid="dedication-region" />
          </Form.Item>
          <Form.Item
            name="title"
            label={t('dedication.title')}
            rules={[
              { required: true, whitespace: true, message: t('dedication.form.titleRequired') },
              { min: 2, max: 60 },
            ]}
          >
            <Input placeholder={t('dedication.form.titleHint')} data-testid="dedication-title" />
          </Form.Item>
        </div>
        <Form.Item name="place" label={t('dedication.place')} rules={[{ max: 100 }]}>
          <Input placeholder={t('dedication.form.placeHint')} data-testid="dedication-place" />
        </Form.Item>

        <Typography.Title level={5}>{t('dedication.form.when')}</Typography.Title>
        <RuleBuilder />
        <div className="gj-form-pair">
          <Form.Item
            name="startsOn"
            label={t('dedication.form.startsOn')}
            extra={t('dedication.form.startsOnHint')}
            rules={[{ required: true }]}
          >
            <DatePicker
              format={DAY}
              inputReadOnly={isMobile}
              className="gj-fill"
              data-testid="dedication-starts-on"
            />
          </Form.Item>
          <Form.Item name="timezone" label={t('dedication.form.timezone')} rules={[{ required: true }]}>
            <Select
              options={timezones.map((tz) => ({
                value: tz,
                label:
                  tz in TIME_ZONE_KEY
                    ? t(`dedication.timezones.${TIME_ZONE_KEY[tz as keyof typeof TIME_ZONE_KEY]}`)
                    : tz,
              }))}
              data-testid="dedication-timezone"
            />
          </Form.Item>
        </div>
        <div className="gj-form-pair">
          <Form.Item name="startTime" label={t('dedication.form.startTime')} rules={[{ required: true }]}>
            <TimePicker
              format={TIME}
              minuteStep={5}
              needConfirm={false}
              inputReadOnly={isMobile}
              allowClear={false}
              className="gj-fill"
              data-testid="dedication-start-time"
            />
          </Form.Item>
          <Form.Item
            name="endTime"
            label={t('dedication.form.endTime')}
            dependencies={['startTime']}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: (_, value: Dayjs | null | undefined) => {
                  const start: Dayjs | null | undefined = getFieldValue('startTime');
                  return !value || !start || value.format(TIME) > start.format(TIME)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('dedication.form.endBeforeStart')));
                },
              }),
            ]}
          >
            <TimePicker
              format={TIME}
              minuteStep={5}
              needConfirm={false}
              inputReadOnly={isMobile}
              allowClear={false}
              className="gj-fill"
              data-testid="dedication-end-time"
            />
          </Form.Item>
        </div>
        <RulePreview />

        <ExceptionList />
        <TaskTemplateList />
      </Form>
    </FormDrawer>
  );
}
