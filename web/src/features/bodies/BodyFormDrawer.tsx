import { BODY_KINDS, BODY_LEVELS, type Body } from '@contract';
import { DatePicker, Descriptions, Form, Input, Select } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { type Dayjs, day } from '../../lib/time';
import type { BodyKind } from '../../shared/enums';
import { FormDrawer } from '../../shared/FormDrawer';
import { useFeedback } from '../../shared/feedback';
import { MemberSelect } from '../../shared/pickers/MemberSelect';
import { RegionSelect } from '../../shared/pickers/RegionSelect';
import { byLevel } from '../../shared/regionLevels';
import { SetValuesOnMount } from '../../shared/SetValuesOnMount';
import { BodyKindTag } from '../../shared/tags';
import { useLastDefined } from '../../shared/useLastDefined';
import { useRegion } from '../regions';
import { type BodyChanges, useCreateBody, useUpdateBody } from './api';

/** Create a body (kind and region may be given, e.g. for a coverage gap), or edit `body`. */
export type BodyFormTarget =
  | { mode: 'create'; kind?: BodyKind; regionId?: number }
  | { mode: 'edit'; body: Body };

type Values = {
  kind: BodyKind;
  regionId: number;
  name: string;
  convenorPersonId?: number | null;
  establishedOn?: Dayjs;
};
const FIELDS = ['kind', 'regionId', 'name', 'convenorPersonId', 'establishedOn'] as const;

/**
 * The place and the kind as one name, said once where they meet:
 * 古城路社区 + 社区党建协调会 → 古城路社区党建协调会.
 */
function joinName(place: string, kind: string, joiner: string) {
  for (let n = Math.min(place.length, kind.length, 4); n > 1; n--) {
    if (place.endsWith(kind.slice(0, n))) return place + kind.slice(n);
  }
  return `${place}${joiner}${kind}`;
}

type Props = {
  target: BodyFormTarget | null;
  onClose: () => void;
  onCreated?: (body: Body) => void;
};

export function BodyFormDrawer({ target, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateBody();
  const update = useUpdateBody();
  const feedback = useFeedback();
  const shown = useLastDefined(target);
  const body = shown?.mode === 'edit' ? shown.body : undefined;
  const kind = Form.useWatch('kind', form);
  const regionId = Form.useWatch('regionId', form);
  const region = useRegion(body ? undefined : regionId);
  // The name follows the place and kind until the user types one of their own.
  const nameTouched = useRef(false);

  useEffect(() => {
    if (target) nameTouched.current = false;
  }, [target]);

  useEffect(() => {
    if (body || nameTouched.current || !kind || !region.data || region.data.id !== regionId) return;
    const local = byLevel(region.data.ancestors).filter(
      (a) => a.kind === 'community' || a.kind === 'building',
    );
    const place = [...local.map((a) => a.name), region.data.name].join(t('bodies.placeJoiner'));
    form.setFieldValue('name', joinName(place, t(`bodyKind.${kind}`), t('bodies.placeJoiner')));
  }, [body, kind, region.data, regionId, form, t]);

  const onFinish = (values: Values) => {
    const onError = (error: unknown) => feedback.formError(form, error, FIELDS);
    if (body) {
      const changes: BodyChanges = {};
      if (values.name !== body.name) changes.name = values.name;
      const convenor = values.convenorPersonId ?? null;
      if (convenor !== (body.convenor?.id ?? null)) changes.convenorPersonId = convenor;
      if (Object.keys(changes).length === 0) return feedback.success(t('common.noChanges'));
      update.mutate(
        { id: body.id, ...changes },
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
        kind: values.kind,
        regionId: values.regionId,
        name: values.name.trim(),
        convenorPersonId: values.convenorPersonId ?? undefined,
        establishedOn: values.establishedOn?.format('YYYY-MM-DD'),
      },
      {
        onSuccess: (created) => {
          feedback.success(t('bodies.created', { name: created.name }));
          onCreated?.(created);
          onClose();
        },
        onError,
      },
    );
  };

  const initialValues: Partial<Values> = body
    ? { name: body.name, convenorPersonId: body.convenor?.id }
    : {
        kind: shown?.mode === 'create' ? shown.kind : undefined,
        regionId: shown?.mode === 'create' ? shown.regionId : undefined,
      };

  return (
    <FormDrawer
      open={target !== null}
      onClose={onClose}
      title={body ? t('bodies.editTitle', { name: body.name }) : t('bodies.create')}
      onSubmit={form.submit}
      submitting={create.isPending || update.isPending}
      submitLabel={body ? t('common.save') : t('common.create')}
      submitTestId="body-form-submit"
    >
      {body && (
        <Descriptions
          className="gj-form-facts"
          column={1}
          size="small"
          bordered
          items={[
            { key: 'kind', label: t('bodies.kind'), children: <BodyKindTag kind={body.kind} /> },
            { key: 'region', label: t('bodies.region'), children: body.regionLabel },
          ]}
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        clearOnDestroy
        initialValues={initialValues}
        onFinish={onFinish}
        onValuesChange={(changed: Partial<Values>) => {
          if ('name' in changed) nameTouched.current = true;
          // Another kind sits at another level: the place must be chosen again.
          if ('kind' in changed) form.setFieldValue('regionId', undefined);
        }}
      >
        <SetValuesOnMount<Values> values={initialValues} />
        {!body && (
          <>
            <Form.Item name="kind" label={t('bodies.kind')} rules={[{ required: true }]}>
              <Select<BodyKind>
                options={BODY_KINDS.map((k) => ({ value: k, label: t(`bodyKind.${k}`) }))}
                data-testid="body-kind"
              />
            </Form.Item>
            <Form.Item
              name="regionId"
              label={t('bodies.region')}
              extra={kind ? t(`bodies.levelHint.${kind}`) : t('bodies.kindFirst')}
              rules={[{ required: true, message: t('regions.required') }]}
            >
              <RegionSelect
                key={kind ?? 'none'}
                kinds={kind ? BODY_LEVELS[kind] : undefined}
                disabled={!kind}
                showPath
                data-testid="body-region"
              />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="name"
          label={t('bodies.name')}
          rules={[{ required: true, whitespace: true, max: 100 }]}
        >
          <Input data-testid="body-name" />
        </Form.Item>
        <div className="gj-form-pair">
          <Form.Item name="convenorPersonId" label={t('bodies.convenor')}>
            <MemberSelect allowClear data-testid="body-convenor" />
          </Form.Item>
          {!body && (
            <Form.Item
              name="establishedOn"
              label={t('bodies.establishedOn')}
              extra={t('bodies.establishedHint')}
            >
              <DatePicker className="gj-fill" disabledDate={(d) => d.isAfter(day(), 'day')} />
            </Form.Item>
          )}
        </div>
      </Form>
    </FormDrawer>
  );
}
