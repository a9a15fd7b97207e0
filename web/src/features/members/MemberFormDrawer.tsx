import { GENDERS, MEMBERSHIP_STATUSES, type Member } from '@contract';
import { DatePicker, Form, Input, InputNumber, Radio, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Dayjs, day } from '../../lib/time';
import type { Gender, MembershipStatus } from '../../shared/enums';
import { FormDrawer } from '../../shared/FormDrawer';
import { useFeedback } from '../../shared/feedback';
import { ID_NUMBER_PATTERN, PHONE_PATTERN } from '../../shared/patterns';
import { PartyOrgSelect } from '../../shared/pickers/PartyOrgSelect';
import { RegionSelect } from '../../shared/pickers/RegionSelect';
import { SpecialtySelect } from '../../shared/pickers/SpecialtySelect';
import { useLastDefined } from '../../shared/useLastDefined';
import { type MemberChanges, type MembershipInput, useCreateMember, useUpdateMember } from './api';

/** Create a person, or edit `member`. */
export type MemberFormTarget = { mode: 'create' } | { mode: 'edit'; member: Member };

type Values = {
  name: string;
  gender: Gender;
  birthYear?: number | null;
  phone?: string;
  idNumber?: string;
  homeRegionId: number;
  specialties?: string[];
  tags?: string[];
  isMember: boolean;
  membership?: { orgId: number; status: MembershipStatus; since: Dayjs };
};
const FIELDS = [
  'name',
  'gender',
  'birthYear',
  'phone',
  'idNumber',
  'homeRegionId',
  'specialties',
  'tags',
  'membership',
] as const;

/** Where a person may live. */
const HOME_KINDS = ['community', 'building', 'entrance'] as const;
const DAY = 'YYYY-MM-DD';
const THIS_YEAR = day().year();

const blank = (value: string | undefined) => value?.trim() || undefined;
const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

function initialValues(member: Member | undefined): Partial<Values> {
  if (!member) return { gender: 'male', isMember: false, specialties: [], tags: [] };
  const m = member.membership;
  return {
    name: member.name,
    gender: member.gender,
    birthYear: member.birthYear,
    // Masked values are not the real ones: leave them blank, meaning "unchanged".
    phone: member.masked ? undefined : (member.phone ?? undefined),
    idNumber: member.masked ? undefined : (member.idNumber ?? undefined),
    homeRegionId: member.homeRegionId,
    specialties: member.specialties,
    tags: member.tags,
    isMember: m !== null,
    membership: m ? { orgId: m.orgId, status: m.status, since: day(m.since) } : undefined,
  };
}

function membershipOf(values: Values): MembershipInput | undefined {
  if (!values.isMember || !values.membership) return undefined;
  const { orgId, status, since } = values.membership;
  return { orgId, status, since: since.format(DAY) };
}

function changes(member: Member, values: Values): MemberChanges {
  const out: MemberChanges = {};
  if (values.name !== member.name) out.name = values.name;
  if (values.gender !== member.gender) out.gender = values.gender;
  const birthYear = values.birthYear ?? null;
  if (birthYear !== member.birthYear) out.birthYear = birthYear;
  const phone = blank(values.phone);
  const idNumber = blank(values.idNumber)?.toUpperCase();
  if (member.masked) {
    if (phone) out.phone = phone;
    if (idNumber) out.idNumber = idNumber;
  } else {
    if ((phone ?? null) !== member.phone) out.phone = phone ?? null;
    if ((idNumber ?? null) !== member.idNumber) out.idNumber = idNumber ?? null;
  }
  if (values.homeRegionId !== member.homeRegionId) out.homeRegionId = values.homeRegionId;
  const specialties = values.specialties ?? [];
  if (!sameSet(specialties, member.specialties)) out.specialties = specialties;
  const tags = (values.tags ?? []).map((tag) => tag.trim()).filter(Boolean);
  if (!sameSet(tags, member.tags)) out.tags = tags;
  const membership = membershipOf(values);
  const was = member.membership;
  if (!membership) {
    if (was) out.membership = null;
  } else if (
    !was ||
    was.orgId !== membership.orgId ||
    was.status !== membership.status ||
    day(was.since).format(DAY) !== membership.since
  ) {
    out.membership = membership;
  }
  return out;
}

type Props = { target: MemberFormTarget | null; onClose: () => void };

export function MemberFormDrawer({ target, onClose }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const isMember = Form.useWatch('isMember', form);
  const create = useCreateMember();
  const update = useUpdateMember();
  const feedback = useFeedback();
  const shown = useLastDefined(target);
  const member = shown?.mode === 'edit' ? shown.member : undefined;
  const maskedHint = member?.masked ? t('common.maskedHint') : undefined;

  const onFinish = (values: Values) => {
    const onError = (error: unknown) => feedback.formError(form, error, FIELDS);
    if (member) {
      const body = changes(member, values);
      if (Object.keys(body).length === 0) return feedback.success(t('common.noChanges'));
      update.mutate(
        { id: member.id, ...body },
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
        gender: values.gender,
        birthYear: values.birthYear ?? undefined,
        phone: blank(values.phone),
        idNumber: blank(values.idNumber)?.toUpperCase(),
        homeRegionId: values.homeRegionId,
        specialties: values.specialties ?? [],
        tags: (values.tags ?? []).map((tag) => tag.trim()).filter(Boolean),
        membership: membershipOf(values),
      },
      {
        onSuccess: (created) => {
          feedback.success(t('members.created', { name: created.name }));
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
      title={member ? t('members.editTitle', { name: member.name }) : t('members.create')}
      width={600}
      onSubmit={form.submit}
      submitting={create.isPending || update.isPending}
      submitLabel={member ? t('common.save') : t('common.create')}
      submitTestId="member-form-submit"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        clearOnDestroy
        initialValues={initialValues(member)}
        onFinish={onFinish}
      >
        <div className="gj-form-pair">
          <Form.Item
            name="name"
            label={t('members.name')}
            rules={[{ required: true, whitespace: true, max: 100 }]}
          >
            <Input data-testid="member-name" />
          </Form.Item>
          <Form.Item name="gender" label={t('members.gender')} rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              options={GENDERS.map((g) => ({ value: g, label: t(`gender.${g}`) }))}
              data-testid="member-gender"
            />
          </Form.Item>
        </div>
        <div className="gj-form-pair">
          <Form.Item name="birthYear" label={t('members.birthYear')}>
            <InputNumber min={1900} max={Math.min(2030, THIS_YEAR)} precision={0} className="gj-fill" />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('members.phone')}
            extra={maskedHint}
            rules={[{ pattern: PHONE_PATTERN, message: t('common.phoneInvalid') }]}
          >
            <Input
              inputMode="tel"
              autoComplete="off"
              placeholder={member?.masked ? (member.phone ?? undefined) : undefined}
            />
          </Form.Item>
        </div>
        <Form.Item
          name="idNumber"
          label={t('members.idNumber')}
          extra={maskedHint}
          rules={[{ pattern: ID_NUMBER_PATTERN, message: t('members.idNumberInvalid') }]}
        >
          <Input
            className="gj-code"
            autoComplete="off"
            maxLength={18}
            placeholder={member?.masked ? (member.idNumber ?? undefined) : undefined}
          />
        </Form.Item>
        <Form.Item
          name="homeRegionId"
          label={t('members.home')}
          extra={t('members.homeHint')}
          rules={[{ required: true, message: t('regions.required') }]}
        >
          <RegionSelect kinds={HOME_KINDS} showPath data-testid="member-home" />
        </Form.Item>
        <Form.Item name="specialties" label={t('members.specialties')}>
          <SpecialtySelect multiple allowClear placeholder={t('members.pickSpecialties')} />
        </Form.Item>
        <Form.Item
          name="tags"
          label={t('members.tags')}
          extra={t('members.tagsHint')}
          rules={[
            {
              validator: (_, value: string[] | undefined) =>
                (value ?? []).every((tag) => tag.trim().length <= 20)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('members.tagTooLong'))),
            },
          ]}
        >
          <Select
            mode="tags"
            maxCount={10}
            open={false}
            suffixIcon={null}
            tokenSeparators={[',', '，', ' ']}
          />
        </Form.Item>
        <Form.Item name="isMember" label={t('members.partyMember')} valuePropName="checked">
          <Switch data-testid="member-is-party" />
        </Form.Item>
        {isMember && (
          <div className="gj-subform">
            <Form.Item
              name={['membership', 'orgId']}
              label={t('members.org')}
              rules={[{ required: true, message: t('partyOrgs.required') }]}
            >
              <PartyOrgSelect data-testid="member-org" />
            </Form.Item>
            <div className="gj-form-pair">
              <Form.Item
                name={['membership', 'status']}
                label={t('members.membershipStatus')}
                rules={[{ required: true }]}
                initialValue="in_service"
              >
                <Radio.Group
                  optionType="button"
                  options={MEMBERSHIP_STATUSES.map((s) => ({ value: s, label: t(`membershipStatus.${s}`) }))}
                />
              </Form.Item>
              <Form.Item
                name={['membership', 'since']}
                label={t('members.sinceLabel')}
                rules={[{ required: true }]}
              >
                <DatePicker className="gj-fill" disabledDate={(d) => d.isAfter(day(), 'day')} />
              </Form.Item>
            </div>
          </div>
        )}
      </Form>
    </FormDrawer>
  );
}
