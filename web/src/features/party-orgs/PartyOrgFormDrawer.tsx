import { PARTY_ORG_KINDS, type PartyOrg } from '@contract';
import { Descriptions, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PartyOrgKind } from '../../shared/enums';
import { FormDrawer } from '../../shared/FormDrawer';
import { useFeedback } from '../../shared/feedback';
import { PartyOrgSelect } from '../../shared/pickers/PartyOrgSelect';
import { RegionSelect } from '../../shared/pickers/RegionSelect';
import { UnitSelect } from '../../shared/pickers/UnitSelect';
import { PartyOrgKindTag } from '../../shared/tags';
import { useLastDefined } from '../../shared/useLastDefined';
import { type PartyOrgChanges, useCreatePartyOrg, useUpdatePartyOrg } from './api';

/** Create an organisation, or edit `org` (its name and parent; the rest is fixed). */
export type PartyOrgFormTarget = { mode: 'create' } | { mode: 'edit'; org: PartyOrg };

type Values = {
  name: string;
  kind: PartyOrgKind;
  regionId: number;
  unitId?: number;
  parentId?: number | null;
};
const FIELDS = ['name', 'kind', 'regionId', 'unitId', 'parentId'] as const;

/** Where each kind of organisation stands. */
const REGION_KIND_OF = {
  street_committee: 'street',
  community_branch: 'community',
  unit_party_org: undefined,
  general_branch: undefined,
} as const;

type Props = { target: PartyOrgFormTarget | null; onClose: () => void };

export function PartyOrgFormDrawer({ target, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const create = useCreatePartyOrg();
  const update = useUpdatePartyOrg();
  const feedback = useFeedback();
  const shown = useLastDefined(target);
  const org = shown?.mode === 'edit' ? shown.org : undefined;
  const dash = t('common.none');

  const onFinish = (values: Values) => {
    const onError = (error: unknown) => feedback.formError(form, error, FIELDS);
    if (org) {
      const changes: PartyOrgChanges = {};
      if (values.name !== org.name) changes.name = values.name;
      const parentId = values.parentId ?? null;
      if (parentId !== org.parentId) changes.parentId = parentId;
      if (Object.keys(changes).length === 0) return feedback.success(t('common.noChanges'));
      update.mutate(
        { id: org.id, ...changes },
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
        regionId: values.regionId,
        unitId: values.kind === 'unit_party_org' ? values.unitId : undefined,
        parentId: values.parentId ?? undefined,
      },
      {
        onSuccess: (created) => {
          feedback.success(t('partyOrgs.created', { name: created.name }));
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
      title={org ? t('partyOrgs.editTitle', { name: org.name }) : t('partyOrgs.create')}
      onSubmit={form.submit}
      submitting={create.isPending || update.isPending}
      submitLabel={org ? t('common.save') : t('common.create')}
      submitTestId="party-org-form-submit"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        clearOnDestroy
        initialValues={org ? { name: org.name, parentId: org.parentId } : undefined}
        onFinish={onFinish}
      >
        {org ? (
          <Descriptions
            className="gj-form-facts"
            column={1}
            size="small"
            items={[
              { key: 'kind', label: t('partyOrgs.kind'), children: <PartyOrgKindTag kind={org.kind} /> },
              { key: 'region', label: t('partyOrgs.region'), children: org.regionName },
              { key: 'unit', label: t('partyOrgs.unit'), children: org.unitName ?? dash },
            ]}
          />
        ) : (
          <>
            <Form.Item name="kind" label={t('partyOrgs.kind')} rules={[{ required: true }]}>
              <Select<PartyOrgKind>
                options={PARTY_ORG_KINDS.map((k) => ({ value: k, label: t(`partyOrgKind.${k}`) }))}
                data-testid="party-org-kind"
              />
            </Form.Item>
            {kind === 'unit_party_org' && (
              <Form.Item
                name="unitId"
                label={t('partyOrgs.unit')}
                rules={[{ required: true, message: t('units.required') }]}
              >
                <UnitSelect
                  data-testid="party-org-unit"
                  onPick={(unit) => unit && form.setFieldValue('regionId', unit.regionId)}
                />
              </Form.Item>
            )}
            <Form.Item
              name="regionId"
              label={t('partyOrgs.region')}
              extra={kind === 'unit_party_org' ? t('partyOrgs.unitRegionHint') : undefined}
              rules={[{ required: true, message: t('regions.required') }]}
            >
              <RegionSelect kind={kind ? REGION_KIND_OF[kind] : undefined} data-testid="party-org-region" />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="name"
          label={t('partyOrgs.name')}
          rules={[{ required: true, whitespace: true, max: 100 }]}
        >
          <Input data-testid="party-org-name" />
        </Form.Item>
        <Form.Item name="parentId" label={t('partyOrgs.parent')} extra={t('partyOrgs.parentHint')}>
          <PartyOrgSelect allowClear exclude={org ? [org.id] : []} data-testid="party-org-parent" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
