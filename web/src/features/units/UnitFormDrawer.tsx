import { AFFILIATIONS, UNIT_KINDS, type Unit } from '@contract';
import { Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Affiliation, UnitKind } from '../../shared/enums';
import { FormDrawer } from '../../shared/FormDrawer';
import { useFeedback } from '../../shared/feedback';
import { PHONE_PATTERN } from '../../shared/patterns';
import { RegionSelect } from '../../shared/pickers/RegionSelect';
import { useLastDefined } from '../../shared/useLastDefined';
import { type UnitChanges, useCreateUnit, useUpdateUnit } from './api';

type Values = {
  name: string;
  kind: UnitKind;
  affiliation: Affiliation;
  regionId: number;
  address?: string;
  contactName?: string;
  contactPhone?: string;
};
const FIELDS = ['name', 'kind', 'affiliation', 'regionId', 'address', 'contactName', 'contactPhone'] as const;

/** A phone number shown masked (138****1234) cannot be edited as it stands. */
const isMasked = (phone: string | null) => phone?.includes('*') ?? false;

const trimmed = (value: string | undefined) => value?.trim() || undefined;

function initialValues(unit: Unit | undefined): Partial<Values> {
  if (!unit) return { affiliation: 'district' };
  return {
    name: unit.name,
    kind: unit.kind,
    affiliation: unit.affiliation,
    regionId: unit.regionId,
    address: unit.address ?? undefined,
    contactName: unit.contactName ?? undefined,
    contactPhone: isMasked(unit.contactPhone) ? undefined : (unit.contactPhone ?? undefined),
  };
}

/**
 * The fields that differ from the unit as loaded. A cleared optional field is sent as null;
 * a blank phone that was shown masked means "unchanged".
 */
function changes(unit: Unit, values: Values): UnitChanges {
  const out: UnitChanges = {};
  if (values.name !== unit.name) out.name = values.name;
  if (values.kind !== unit.kind) out.kind = values.kind;
  if (values.affiliation !== unit.affiliation) out.affiliation = values.affiliation;
  if (values.regionId !== unit.regionId) out.regionId = values.regionId;
  const address = trimmed(values.address) ?? null;
  if (address !== (unit.address || null)) out.address = address;
  const contactName = trimmed(values.contactName) ?? null;
  if (contactName !== unit.contactName) out.contactName = contactName;
  const contactPhone = trimmed(values.contactPhone) ?? null;
  if (isMasked(unit.contactPhone)) {
    if (contactPhone) out.contactPhone = contactPhone;
  } else if (contactPhone !== unit.contactPhone) {
    out.contactPhone = contactPhone;
  }
  return out;
}

/** Create a unit, or edit `unit`. */
export type UnitFormTarget = { mode: 'create' } | { mode: 'edit'; unit: Unit };

type Props = { target: UnitFormTarget | null; onClose: () => void };

export function UnitFormDrawer({ target, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateUnit();
  const update = useUpdateUnit();
  const feedback = useFeedback();
  // Keep showing the same form while the drawer closes.
  const shown = useLastDefined(target);
  const unit = shown?.mode === 'edit' ? shown.unit : undefined;
  const editing = unit !== undefined;

  const onFinish = (values: Values) => {
    const onError = (error: unknown) => feedback.formError(form, error, FIELDS);
    if (unit) {
      const body = changes(unit, values);
      if (Object.keys(body).length === 0) return feedback.success(t('common.noChanges'));
      update.mutate(
        { id: unit.id, ...body },
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
    create.mutate(
      {
        name: values.name,
        kind: values.kind,
        affiliation: values.affiliation,
        regionId: values.regionId,
        address: trimmed(values.address),
        contactName: trimmed(values.contactName),
        contactPhone: trimmed(values.contactPhone),
      },
      {
        onSuccess: (created) => {
          feedback.success(t('units.created', { name: created.name }));
          onClose();
        },
        onError,
      },
    );
  };

  return (
    <FormDrawer
      open={target !== null}
      onClose={onClose}
      title={unit ? t('units.editTitle', { name: unit.name }) : t('units.create')}
      onSubmit={form.submit}
      submitting={create.isPending || update.isPending}
      submitLabel={editing ? t('common.save') : t('common.create')}
      submitTestId="unit-form-submit"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        clearOnDestroy
        initialValues={initialValues(unit)}
        onFinish={onFinish}
      >
        <Form.Item
          name="name"
          label={t('units.name')}
          rules={[{ required: true, whitespace: true, max: 100 }]}
        >
          <Input data-testid="unit-name" />
        </Form.Item>
        <div className="gj-form-pair">
          <Form.Item name="kind" label={t('units.kind')} rules={[{ required: true }]}>
            <Select<UnitKind>
              options={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKind.${k}`) }))}
              data-testid="unit-kind"
            />
          </Form.Item>
          <Form.Item name="affiliation" label={t('units.affiliation')} rules={[{ required: true }]}>
            <Select<Affiliation>
              options={AFFILIATIONS.map((a) => ({ value: a, label: t(`affiliation.${a}`) }))}
              data-testid="unit-affiliation"
            />
          </Form.Item>
        </div>
        <Form.Item
          name="regionId"
          label={t('units.region')}
          extra={t('units.regionHint')}
          rules={[{ required: true, message: t('regions.required') }]}
        >
          <RegionSelect data-testid="unit-region" />
        </Form.Item>
        <Form.Item name="address" label={t('units.address')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <div className="gj-form-pair">
          <Form.Item
            name="contactName"
            label={t('units.contactName')}
            rules={[{ whitespace: true, max: 100 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="contactPhone"
            label={t('units.contactPhone')}
            extra={unit && isMasked(unit.contactPhone) ? t('common.maskedHint') : undefined}
            rules={[{ pattern: PHONE_PATTERN, message: t('common.phoneInvalid') }]}
          >
            <Input inputMode="tel" autoComplete="off" />
          </Form.Item>
        </div>
      </Form>
    </FormDrawer>
  );
}
