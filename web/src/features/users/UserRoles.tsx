import type { Role, User } from '@contract';
import { App, Button, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../shared/feedback';
import { PlainList } from '../../shared/PlainList';
import { RoleTag } from '../../shared/tags';
import { RegionSelect } from '../regions/RegionSelect';
import { type RoleGrant, useGrantRole, useRevokeRole } from './api';
import { useRoleOptions } from './roleOptions';

function GrantRoleForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RoleGrant>();
  const grant = useGrantRole();
  const feedback = useFeedback();
  const roleOptions = useRoleOptions();

  const onFinish = (values: RoleGrant) =>
    grant.mutate(
      { userId: user.id, ...values },
      {
        onSuccess: (assignment) => {
          feedback.success(
            t('users.granted', { role: t(`roles.${assignment.role}`), region: assignment.regionName }),
          );
          form.resetFields();
        },
        onError: (error) => feedback.formError(form, error, ['role', 'regionId']),
      },
    );

  return (
    <Form<RoleGrant> form={form} layout="vertical" onFinish={onFinish} className="gj-grant-form">
      <Form.Item
        name="role"
        label={t('users.role')}
        rules={[{ required: true, message: t('users.roleRequired') }]}
      >
        <Select<Role> options={roleOptions} placeholder={t('users.role')} />
      </Form.Item>
      <Form.Item
        name="regionId"
        label={t('users.roleRegion')}
        rules={[{ required: true, message: t('regions.required') }]}
      >
        <RegionSelect />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={grant.isPending}>
        {t('users.grant')}
      </Button>
    </Form>
  );
}

export function UserRoles({ user }: { user: User }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const revoke = useRevokeRole();
  const feedback = useFeedback();

  const confirmRevoke = (assignment: User['roles'][number]) => {
    const role = t(`roles.${assignment.role}`);
    modal.confirm({
      title: t('users.revokeTitle'),
      content: t('users.revokeConfirm', { name: user.displayName, role, region: assignment.regionName }),
      okText: t('users.revoke'),
      okButtonProps: { danger: true },
      onOk: () =>
        revoke.mutateAsync({ userId: user.id, assignmentId: assignment.id }).then(
          () => feedback.success(t('users.revoked', { role, region: assignment.regionName })),
          (error: unknown) => feedback.error(error),
        ),
    });
  };

  return (
    <>
      <PlainList
        items={user.roles}
        rowKey={(assignment) => assignment.id}
        empty={t('users.noRoles')}
        render={(assignment) => (
          <div className="gj-role-line">
            <RoleTag role={assignment.role} regionName={assignment.regionName} />
            <Button type="link" danger size="small" onClick={() => confirmRevoke(assignment)}>
              {t('users.revoke')}
            </Button>
          </div>
        )}
      />
      <GrantRoleForm user={user} />
    </>
  );
}
