import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  BOOKERS,
  type Booker,
  type BookingRules,
  FACILITY_KINDS,
  FACILITY_SUB_KINDS,
  type Facility,
  type FacilityKind,
} from '@contract';
import {
  Button,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Switch,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { type Dayjs, day } from '../../lib/time';
import { FormDrawer } from '../../shared/FormDrawer';
import { useFeedback } from '../../shared/feedback';
import { RegionSelect } from '../../shared/pickers/RegionSelect';
import { UnitSelect } from '../../shared/pickers/UnitSelect';
import { SetValuesOnMount } from '../../shared/SetValuesOnMount';
import { useLastDefined } from '../../shared/useLastDefined';
import { useUnit } from '../units';
import {
  type FacilityChanges,
  type FacilityFields,
  type FacilitySubKind,
  type OpeningInterval,
  useCreateFacility,
  useUpdateFacility,
} from './api';
import { FacilityOwner } from './FacilityTags';
import { OpeningHoursEditor, openingHoursProblem } from './OpeningHoursEditor';
import { useFacilityOwners } from './owners';
import { DAY } from './time';

type ClosureValues = { range: [Dayjs, Dayjs]; reason: string };
type Values = {
  ownerKind: 'community' | 'unit';
  unitId?: number;
  name: string;
  kind: FacilityKind;
  subKind: FacilitySubKind;
  capacity: number;
  regionId: number;
  address?: string;
  description?: string;
  rules?: string;
  openingHours: OpeningInterval[];
  closures?: ClosureValues[];
  bookingRules: BookingRules;
};
/** Server issues about these go under their fields; hours and closures are told in a toast. */
const FIELDS = [
  'unitId',
  'name',
  'kind',
  'subKind',
  'capacity',
  'regionId',
  'address',
  'description',
  'rules',
  'bookingRules',
] as const;
const MAX_CLOSURES = 200;

/** The sub-kinds most likely for each kind, offered first. */
const SUB_KIND_HINT: Record<FacilityKind, readonly FacilitySubKind[]> = {
  education: ['classroom', 'library', 'lab', 'hall', 'meeting_room'],
  sports: ['court', 'gym', 'field', 'pool'],
  culture: ['hall', 'activity_room', 'library', 'meeting_room'],
  health: ['clinic_room', 'activity_room', 'meeting_room'],
};

const DEFAULT_RULES: BookingRules = {
  minMinutes: 30,
  maxMinutes: 240,
  maxDaysAhead: 30,
  minNoticeHours: 2,
  needsApproval: true,
  whoMayBook: [...BOOKERS],
};

/** Monday to Friday, 09:00–17:00: the copy helpers take it from there. */
const DEFAULT_HOURS: OpeningInterval[] = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday,
  opens: '09:00',
  closes: '17:00',
}));

function initialValues(
  facility: Facility | undefined,
  owners: ReturnType<typeof useFacilityOwners>,
  unitRegionId?: number,
) {
  if (!facility) {
    const values: Partial<Values> = {
      ownerKind: owners.area ? 'community' : 'unit',
      unitId: owners.area ? undefined : owners.unit?.id,
      kind: 'sports',
      subKind: SUB_KIND_HINT.sports[0],
      capacity: 20,
      regionId: owners.area?.regionKind === 'community' ? owners.area.regionId : unitRegionId,
      openingHours: DEFAULT_HOURS,
      closures: [],
      bookingRules: DEFAULT_RULES,
    };
    return values;
  }
  const values: Partial<Values> = {
    ownerKind: facility.owner.kind,
    name: facility.name,
    kind: facility.kind,
    subKind: facility.subKind,
    capacity: facility.capacity,
    regionId: facility.regionId,
    address: facility.address,
    description: facility.description,
    rules: facility.rules,
    openingHours: facility.openingHours,
    closures: facility.closures.map((c) => ({ range: [day(c.from), day(c.to)], reason: c.reason })),
    bookingRules: facility.bookingRules,
  };
  return values;
}

function toFields(values: Values): FacilityFields {
  return {
    name: values.name.trim(),
    kind: values.kind,
    subKind: values.subKind,
    capacity: values.capacity,
    regionId: values.regionId,
    address: (values.address ?? '').trim(),
    description: (values.description ?? '').trim(),
    rules: (values.rules ?? '').trim(),
    openingHours: values.openingHours ?? [],
    closures: (values.closures ?? []).map((c) => ({
      from: c.range[0].format(DAY),
      to: c.range[1].format(DAY),
      reason: c.reason.trim(),
    })),
    bookingRules: values.bookingRules,
  };
}

/**
 * Nothing when nothing changed; else every field. The update body's list and rule fields carry
 * defaults (empty hours, closures, standard rules), so a field left out could be reset: all go.
 */
function changes(facility: Facility, fields: FacilityFields): FacilityChanges {
  const changed = Object.entries(fields).some(
    ([key, value]) => JSON.stringify(value) !== JSON.stringify(facility[key as keyof FacilityFields]),
  );
  return changed ? fields : {};
}

/** Create a facility, or edit `facility`. */
export type FacilityFormTarget = { mode: 'create' } | { mode: 'edit'; facility: Facility };

type Props = {
  target: FacilityFormTarget | null;
  onClose: () => void;
  onCreated?: (facility: Facility) => void;
};

export function FacilityFormDrawer({ target, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateFacility();
  const update = useUpdateFacility();
  const feedback = useFeedback();
  const owners = useFacilityOwners();
  const shown = useLastDefined(target);
  const facility = shown?.mode === 'edit' ? shown.facility : undefined;
  const ownerKind = Form.useWatch('ownerKind', form);
  const kind = Form.useWatch('kind', form);
  const hinted = kind ? SUB_KIND_HINT[kind] : [];
  // A unit's contact: the new facility most often stands where the unit does (loaded before the form opens).
  const ownUnit = useUnit(!facility && !owners.area ? owners.unit?.id : undefined);
  const unitRegionId = ownUnit.data?.regionId;
  const subKinds = [...hinted, ...FACILITY_SUB_KINDS.filter((s) => !hinted.includes(s))];

  const onFinish = (values: Values) => {
    const onError = (error: unknown) => feedback.formError(form, error, FIELDS);
    const fields = toFields(values);
    if (facility) {
      const body = changes(facility, fields);
      if (Object.keys(body).length === 0) return feedback.success(t('common.noChanges'));
      update.mutate(
        { id: facility.id, ...body },
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
    // A unit's contact (without an area role) books for their own unit: the form has no owner field.
    const asUnit = owners.area ? values.ownerKind === 'unit' : true;
    const unitId = asUnit ? (values.unitId ?? owners.unit?.id) : undefined;
    create.mutate(
      { ...fields, unitId },
      {
        onSuccess: (created) => {
          feedback.success(t('facilities.created', { name: created.name }));
          onCreated?.(created);
          onClose();
        },
        onError,
      },
    );
  };

  const ownerField = facility ? (
    <Form.Item label={t('facilities.owner')}>
      <FacilityOwner owner={facility.owner} />
    </Form.Item>
  ) : owners.area ? (
    <>
      <Form.Item name="ownerKind" label={t('facilities.owner')} rules={[{ required: true }]}>
        <Radio.Group
          options={[
            { value: 'community', label: t('facilities.ownerCommunity') },
            { value: 'unit', label: t('facilities.ownerUnit') },
          ]}
          data-testid="facility-owner-kind"
        />
      </Form.Item>
      {ownerKind === 'unit' && (
        <Form.Item
          name="unitId"
          label={t('units.unit')}
          rules={[{ required: true, message: t('units.required') }]}
        >
          <UnitSelect
            regionId={owners.area.regionId}
            onPick={(unit) => {
              // A unit's facility most often stands where the unit does.
              if (unit && form.getFieldValue('regionId') === undefined)
                form.setFieldValue('regionId', unit.regionId);
            }}
            data-testid="facility-unit"
          />
        </Form.Item>
      )}
    </>
  ) : (
    <Form.Item label={t('facilities.owner')} extra={t('facilities.ownerFixedHint')}>
      <FacilityOwner owner={{ kind: 'unit', id: owners.unit?.id ?? 0, name: owners.unit?.name ?? '' }} />
    </Form.Item>
  );

  return (
    <FormDrawer
      open={target !== null}
      onClose={onClose}
      title={facility ? t('facilities.editTitle', { name: facility.name }) : t('facilities.create')}
      width={720}
      onSubmit={form.submit}
      submitting={create.isPending || update.isPending}
      submitLabel={facility ? t('common.save') : t('common.create')}
      submitTestId="facility-form-submit"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        clearOnDestroy
        scrollToFirstError
        initialValues={initialValues(facility, owners, unitRegionId)}
        onFinish={onFinish}
        onValuesChange={(changed: Partial<Values>) => {
          // A new kind suggests its most likely sub-kind, unless one that fits is chosen.
          if (changed.kind) {
            const sub: FacilitySubKind | undefined = form.getFieldValue('subKind');
            if (!sub || !SUB_KIND_HINT[changed.kind].includes(sub))
              form.setFieldValue('subKind', SUB_KIND_HINT[changed.kind][0]);
          }
        }}
      >
        <SetValuesOnMount<Values> values={initialValues(facility, owners, unitRegionId)} />
        <Typography.Title level={5}>{t('facilities.basics')}</Typography.Title>
        {ownerField}
        <Form.Item
          name="name"
          label={t('facilities.name')}
          rules={[
            { required: true, whitespace: true, message: t('facilities.nameRequired') },
            { min: 2, max: 60 },
          ]}
        >
          <Input placeholder={t('facilities.namePlaceholder')} data-testid="facility-name" />
        </Form.Item>
        <div className="gj-form-pair">
          <Form.Item name="kind" label={t('facilities.kindLabel')} rules={[{ required: true }]}>
            <Select<FacilityKind>
              options={FACILITY_KINDS.map((k) => ({ value: k, label: t(`facilities.kind.${k}`) }))}
              data-testid="facility-kind"
            />
          </Form.Item>
          <Form.Item name="subKind" label={t('facilities.subKindLabel')} rules={[{ required: true }]}>
            <Select<FacilitySubKind>
              options={subKinds.map((s) => ({ value: s, label: t(`facilities.subKind.${s}`) }))}
              data-testid="facility-sub-kind"
            />
          </Form.Item>
        </div>
        <div className="gj-form-pair">
          <Form.Item
            name="regionId"
            label={t('facilities.region')}
            extra={t('facilities.regionHint')}
            rules={[{ required: true, message: t('regions.required') }]}
          >
            <RegionSelect kinds={['community', 'building']} data-testid="facility-region" />
          </Form.Item>
          <Form.Item name="capacity" label={t('facilities.capacity')} rules={[{ required: true }]}>
            <InputNumber<number>
              min={1}
              max={10_000}
              precision={0}
              suffix={t('facilities.peopleUnit')}
              className="gj-fill"
              data-testid="facility-capacity"
            />
          </Form.Item>
        </div>
        <Form.Item name="address" label={t('facilities.address')} rules={[{ max: 200 }]}>
          <Input placeholder={t('facilities.addressPlaceholder')} data-testid="facility-address" />
        </Form.Item>
        <Form.Item name="description" label={t('facilities.description')} rules={[{ max: 2000 }]}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 8 }}
            placeholder={t('facilities.descriptionPlaceholder')}
            data-testid="facility-description"
          />
        </Form.Item>
        <Form.Item name="rules" label={t('facilities.rules')} rules={[{ max: 2000 }]}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 8 }}
            placeholder={t('facilities.rulesPlaceholder')}
            data-testid="facility-rules"
          />
        </Form.Item>

        <Typography.Title level={5}>{t('facilities.openingHours')}</Typography.Title>
        <Form.Item
          name="openingHours"
          extra={t('facilities.openingHoursHint')}
          rules={[
            {
              validator: (_, hours: OpeningInterval[] | undefined) => {
                const problem = openingHoursProblem(hours);
                if (problem === 'order') return Promise.reject(new Error(t('facilities.hoursOrder')));
                if (problem === 'overlap') return Promise.reject(new Error(t('facilities.hoursOverlap')));
                return Promise.resolve();
              },
            },
          ]}
        >
          <OpeningHoursEditor />
        </Form.Item>

        <Typography.Title level={5}>{t('facilities.closures')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('facilities.closuresHint')}</Typography.Paragraph>
        <Form.List name="closures">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, i) => (
                <div key={field.key} className="gj-fac-closure" data-testid={`closure-${i}`}>
                  <Form.Item
                    name={[field.name, 'range']}
                    label={t('facilities.closureDates')}
                    rules={[{ required: true, message: t('facilities.closureDatesRequired') }]}
                  >
                    <DatePicker.RangePicker
                      className="gj-fill"
                      inputReadOnly
                      data-testid={`closure-range-${i}`}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'reason']}
                    label={t('facilities.closureReason')}
                    rules={[
                      { required: true, whitespace: true, message: t('facilities.closureReasonRequired') },
                      { max: 100 },
                    ]}
                  >
                    <Input
                      placeholder={t('facilities.closureReasonPlaceholder')}
                      data-testid={`closure-reason-${i}`}
                    />
                  </Form.Item>
                  <Button
                    type="text"
                    danger
                    icon={<DeleteOutlined />}
                    className="gj-fac-closure-remove"
                    onClick={() => remove(field.name)}
                    aria-label={t('facilities.removeClosure')}
                    data-testid={`closure-remove-${i}`}
                  />
                </div>
              ))}
              {fields.length < MAX_CLOSURES && (
                <Button
                  type="dashed"
                  block
                  icon={<PlusOutlined />}
                  className="gj-block-gap"
                  onClick={() => add({ reason: '' })}
                  data-testid="closure-add"
                >
                  {t('facilities.addClosure')}
                </Button>
              )}
            </>
          )}
        </Form.List>

        <Typography.Title level={5}>{t('facilities.bookingRules')}</Typography.Title>
        <div className="gj-form-pair">
          <Form.Item
            name={['bookingRules', 'minMinutes']}
            label={t('facilities.minMinutes')}
            rules={[{ required: true }]}
          >
            <InputNumber<number>
              min={15}
              max={24 * 60}
              step={15}
              precision={0}
              suffix={t('facilities.minutesUnit')}
              className="gj-fill"
              data-testid="facility-min-minutes"
            />
          </Form.Item>
          <Form.Item
            name={['bookingRules', 'maxMinutes']}
            label={t('facilities.maxMinutes')}
            dependencies={[['bookingRules', 'minMinutes']]}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: (_, value: number | null | undefined) => {
                  const min: number | undefined = getFieldValue(['bookingRules', 'minMinutes']);
                  return value == null || min == null || value >= min
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('facilities.maxBelowMin')));
                },
              }),
            ]}
          >
            <InputNumber<number>
              min={15}
              max={24 * 60}
              step={15}
              precision={0}
              suffix={t('facilities.minutesUnit')}
              className="gj-fill"
              data-testid="facility-max-minutes"
            />
          </Form.Item>
        </div>
        <div className="gj-form-pair">
          <Form.Item
            name={['bookingRules', 'maxDaysAhead']}
            label={t('facilities.maxDaysAhead')}
            rules={[{ required: true }]}
          >
            <InputNumber<number>
              min={1}
              max={366}
              precision={0}
              suffix={t('facilities.daysUnit')}
              className="gj-fill"
              data-testid="facility-max-days"
            />
          </Form.Item>
          <Form.Item
            name={['bookingRules', 'minNoticeHours']}
            label={t('facilities.minNoticeHours')}
            rules={[{ required: true }]}
          >
            <InputNumber<number>
              min={0}
              max={24 * 14}
              precision={0}
              suffix={t('facilities.hoursUnit')}
              className="gj-fill"
              data-testid="facility-notice"
            />
          </Form.Item>
        </div>
        <Form.Item
          name={['bookingRules', 'needsApproval']}
          label={t('facilities.needsApprovalLabel')}
          extra={t('facilities.needsApprovalHint')}
          valuePropName="checked"
        >
          <Switch data-testid="facility-needs-approval-switch" />
        </Form.Item>
        <Form.Item
          name={['bookingRules', 'whoMayBook']}
          label={t('facilities.whoMayBook')}
          rules={[{ required: true, type: 'array', min: 1, message: t('facilities.whoMayBookRequired') }]}
        >
          <Checkbox.Group<Booker>
            options={BOOKERS.map((b) => ({ value: b, label: t(`facilities.booker.${b}`) }))}
            data-testid="facility-who-may-book"
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
