import { type Need, ROLE_KINDS } from '@contract';
import { Alert, DatePicker, Form, Input, InputNumber, Select, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Dayjs, day, fromWallClock } from '../../lib/time';
import type { RoleKind } from '../../shared/enums';
import { FormDrawer } from '../../shared/FormDrawer';
import { useFeedback } from '../../shared/feedback';
import { RegionSelect } from '../../shared/pickers/RegionSelect';
import { SpecialtySelect } from '../../shared/pickers/SpecialtySelect';
import { SetValuesOnMount } from '../../shared/SetValuesOnMount';
import { SubFormList } from '../../shared/SubFormList';
import { useLastDefined } from '../../shared/useLastDefined';
import { type ProjectDetailData, useCreateProject } from './api';

/** A new project, or one converting a resident's need (pre-filled from it). */
export type ProjectFormTarget = { mode: 'create'; need?: Need };

type RoleValues = {
  kind: RoleKind;
  name?: string;
  slots: number;
  specialties?: string[];
  hoursPerSlot: number;
};
type Values = {
  title: string;
  description?: string;
  regionId: number;
  openToStreet: boolean;
  startsAt: Dayjs;
  endsAt: Dayjs;
  roles: RoleValues[];
};
const FIELDS = ['title', 'description', 'regionId', 'openToStreet', 'startsAt', 'endsAt', 'roles'] as const;
export const PROJECT_TIME = 'YYYY-MM-DD HH:mm';
/** The contract's bounds. */
const MAX_ROLES = 20;
const MAX_SPECIALTIES = 5;

/** The instant the picked wall-clock time means in the district (whatever the browser's zone). */
const iso = (d: Dayjs) => fromWallClock(d.second(0).millisecond(0));

const newRole = (kind: RoleKind = 'policy_publicist'): RoleValues => ({
  kind,
  slots: 2,
  specialties: [],
  hoursPerSlot: 2,
});

function defaults(need?: Need): Partial<Values> {
  // A week ahead, a morning's work: a common shape for these projects.
  const start = day().add(7, 'day').hour(9);
  return {
    title: need?.title,
    description: need?.description,
    regionId: need?.communityId,
    openToStreet: false,
    startsAt: start,
    endsAt: start.add(3, 'hour'),
    roles: [newRole()],
  };
}

type Props = {
  target: ProjectFormTarget | null;
  onClose: () => void;
  onCreated?: (project: ProjectDetailData) => void;
};

/** A public-welfare project with its roles; it is created as a draft and published from its page. */
export function ProjectFormDrawer({ target, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateProject();
  const feedback = useFeedback();
  const shown = useLastDefined(target);
  const need = shown?.need;

  const onFinish = (values: Values) => {
    create.mutate(
      {
        title: values.title.trim(),
        description: (values.description ?? '').trim(),
        regionId: values.regionId,
        openToStreet: values.openToStreet,
        startsAt: iso(values.startsAt),
        endsAt: iso(values.endsAt),
        needId: need?.id,
        roles: values.roles.map((r) => ({
          kind: r.kind,
          name: r.name?.trim() || undefined,
          slots: r.slots,
          specialties: r.specialties ?? [],
          hoursPerSlot: r.hoursPerSlot,
        })),
      },
      {
        onSuccess: (created) => {
          feedback.success(t('projects.created', { title: created.title }));
          onCreated?.(created);
          onClose();
        },
        onError: (error) => feedback.formError(form, error, FIELDS),
      },
    );
  };

  return (
    <FormDrawer
      open={target !== null}
      onClose={onClose}
      title={need ? t('projects.convertTitle') : t('projects.create')}
      width={720}
      onSubmit={form.submit}
      submitting={create.isPending}
      submitLabel={t('projects.saveDraft')}
      submitTestId="project-form-submit"
    >
      {need && (
        <Alert
          className="gj-block-gap"
          type="info"
          showIcon
          title={t('projects.fromNeed', { title: need.title, community: need.communityName })}
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        clearOnDestroy
        scrollToFirstError
        initialValues={defaults(need)}
        onFinish={onFinish}
        onValuesChange={(changed: Partial<Values>, all: Values) => {
          // The end follows a moved start, keeping the length.
          if (changed.startsAt && all.endsAt && !all.endsAt.isAfter(changed.startsAt)) {
            form.setFieldValue('endsAt', changed.startsAt.add(3, 'hour'));
          }
        }}
      >
        <SetValuesOnMount<Values> values={defaults(need)} />
        <Form.Item
          name="title"
          label={t('projects.title')}
          rules={[
            { required: true, whitespace: true, message: t('projects.titleRequired') },
            { min: 2, max: 100 },
          ]}
        >
          <Input data-testid="project-title" />
        </Form.Item>
        <Form.Item name="description" label={t('projects.description')} rules={[{ max: 5000 }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} data-testid="project-description" />
        </Form.Item>
        <div className="gj-form-pair">
          <Form.Item
            name="regionId"
            label={t('projects.region')}
            extra={t('projects.regionHint')}
            rules={[{ required: true, message: t('regions.required') }]}
          >
            <RegionSelect kinds={['street', 'community', 'building']} data-testid="project-region" />
          </Form.Item>
          <Form.Item
            name="openToStreet"
            label={t('projects.openToStreet')}
            extra={t('projects.openToStreetHint')}
            valuePropName="checked"
          >
            <Switch data-testid="project-open-to-street" />
          </Form.Item>
        </div>
        <div className="gj-form-pair">
          <Form.Item name="startsAt" label={t('projects.startsAt')} rules={[{ required: true }]}>
            <DatePicker
              showTime={{ format: 'HH:mm', minuteStep: 5 }}
              format={PROJECT_TIME}
              needConfirm={false}
              className="gj-fill"
              data-testid="project-starts"
            />
          </Form.Item>
          <Form.Item
            name="endsAt"
            label={t('projects.endsAt')}
            dependencies={['startsAt']}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: (_, value: Dayjs | null | undefined) => {
                  const start: Dayjs | undefined = getFieldValue('startsAt');
                  return !value || !start || value.isAfter(start)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('projects.endBeforeStart')));
                },
              }),
            ]}
          >
            <DatePicker
              showTime={{ format: 'HH:mm', minuteStep: 5 }}
              format={PROJECT_TIME}
              needConfirm={false}
              className="gj-fill"
              data-testid="project-ends"
            />
          </Form.Item>
        </div>
        <Typography.Title level={5}>{t('projects.roles')}</Typography.Title>
        <SubFormList
          name="roles"
          requiredMessage={t('projects.rolesRequired')}
          title={(n) => t('projects.roleN', { n })}
          removeLabel={t('projects.removeRole')}
          addLabel={t('projects.addRole')}
          max={MAX_ROLES}
          newItem={() => {
            // Each canonical role once, then custom ones.
            const used = new Set(
              (form.getFieldValue('roles') as RoleValues[] | undefined)?.map((r) => r.kind),
            );
            return newRole(ROLE_KINDS.find((k) => k !== 'custom' && !used.has(k)) ?? 'custom');
          }}
          testIds={{ item: 'project-role', remove: 'project-role-remove', add: 'project-role-add' }}
          itemClassName="gj-role-input"
        >
          {(field, i) => (
            <>
              <div className="gj-form-pair">
                <Form.Item
                  name={[field.name, 'kind']}
                  label={t('projects.roleKind')}
                  rules={[{ required: true }]}
                >
                  <Select<RoleKind>
                    options={ROLE_KINDS.map((k) => ({ value: k, label: t(`roleKind.${k}`) }))}
                    data-testid={`project-role-kind-${i}`}
                  />
                </Form.Item>
                <Form.Item
                  noStyle
                  shouldUpdate={(prev: Values, next: Values) =>
                    prev.roles?.[field.name]?.kind !== next.roles?.[field.name]?.kind
                  }
                >
                  {({ getFieldValue }) => {
                    const kind: RoleKind | undefined = getFieldValue(['roles', field.name, 'kind']);
                    const custom = kind === 'custom';
                    return (
                      <Form.Item
                        name={[field.name, 'name']}
                        label={t('projects.roleName')}
                        extra={custom ? undefined : t('projects.roleNameHint')}
                        rules={[
                          { required: custom, whitespace: true, message: t('projects.roleNameRequired') },
                          { max: 40 },
                        ]}
                      >
                        <Input
                          placeholder={kind && !custom ? t(`roleKind.${kind}`) : undefined}
                          data-testid={`project-role-name-${i}`}
                        />
                      </Form.Item>
                    );
                  }}
                </Form.Item>
              </div>
              <div className="gj-form-pair">
                <Form.Item
                  name={[field.name, 'slots']}
                  label={t('projects.slots')}
                  rules={[{ required: true }]}
                >
                  <InputNumber<number>
                    min={1}
                    max={500}
                    precision={0}
                    className="gj-fill"
                    data-testid={`project-role-slots-${i}`}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'hoursPerSlot']}
                  label={t('projects.hoursPerSlot')}
                  rules={[{ required: true }]}
                >
                  <InputNumber<number>
                    min={0.5}
                    max={24}
                    step={0.5}
                    precision={1}
                    suffix={t('projects.hoursUnit')}
                    className="gj-fill"
                    data-testid={`project-role-hours-${i}`}
                  />
                </Form.Item>
              </div>
              <Form.Item name={[field.name, 'specialties']} label={t('projects.specialties')}>
                <SpecialtySelect
                  multiple
                  allowClear
                  maxCount={MAX_SPECIALTIES}
                  placeholder={t('projects.specialtiesHint')}
                  data-testid={`project-role-specialties-${i}`}
                />
              </Form.Item>
            </>
          )}
        </SubFormList>
      </Form>
    </FormDrawer>
  );
}
