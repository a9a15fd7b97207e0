import type { Body, BodyMember } from '@contract';
import { Form, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import type { BodyMemberKind } from '../../shared/enums';
import { useFeedback } from '../../shared/feedback';
import { MemberSelect } from '../../shared/pickers/MemberSelect';
import { PartyOrgSelect } from '../../shared/pickers/PartyOrgSelect';
import { UnitSelect } from '../../shared/pickers/UnitSelect';
import { useAddBodyMember } from './api';

type Values = { memberKind: BodyMemberKind; memberId: number };

/** A liaison group is made of Party members; the other bodies of organisations and units. */
export function memberKindsOf(body: Pick<Body, 'kind'>): BodyMemberKind[] {
  return body.kind === 'liaison_group' ? ['person'] : ['party_org', 'unit'];
}

type Props = {
  body: Body;
  open: boolean;
  onClose: () => void;
  /** Current members, left out of the pickers. */
  current: BodyMember[];
};

export function AddBodyMemberModal({ body, open, onClose, current }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const add = useAddBodyMember();
  const feedback = useFeedback();
  const kinds = memberKindsOf(body);
  const memberKind = Form.useWatch('memberKind', form) ?? kinds[0];
  const exclude = current.filter((m) => m.memberKind === memberKind).map((m) => m.memberId);
  const pickProps = {
    regionId: body.regionId,
    exclude,
    'data-testid': 'body-member-pick',
  };

  const onFinish = (values: Values) =>
    add.mutate(
      { bodyId: body.id, ...values },
      {
        onSuccess: (member) => {
          feedback.success(t('bodies.memberAdded', { name: member.name }));
          onClose();
        },
        onError: (error) => feedback.formError(form, error, ['memberKind', 'memberId']),
      },
    );

  return (
    <Modal
      open={open}
      title={t('bodies.addMemberTitle', { name: body.name })}
      onCancel={onClose}
      onOk={form.submit}
      okText={t('bodies.addMember')}
      confirmLoading={add.isPending}
      okButtonProps={{ 'data-testid': 'body-member-submit' }}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        clearOnDestroy
        initialValues={{ memberKind: kinds[0] }}
        onFinish={onFinish}
        onValuesChange={(changed: Partial<Values>) => {
          if ('memberKind' in changed) form.setFieldValue('memberId', undefined);
        }}
      >
        <Form.Item
          name="memberKind"
          label={t('bodies.memberKind')}
          extra={t(`bodies.memberHint.${body.kind}`)}
        >
          <Radio.Group
            optionType="button"
            options={kinds.map((k) => ({ value: k, label: t(`bodyMemberKind.${k}`) }))}
            data-testid="body-member-kind"
          />
        </Form.Item>
        <Form.Item
          name="memberId"
          label={t(`bodyMemberKind.${memberKind}`)}
          rules={[{ required: true, message: t('bodies.memberRequired') }]}
        >
          {memberKind === 'person' ? (
            <MemberSelect party {...pickProps} />
          ) : memberKind === 'unit' ? (
            <UnitSelect {...pickProps} />
          ) : (
            <PartyOrgSelect {...pickProps} />
          )}
        </Form.Item>
      </Form>
    </Modal>
  );
}
