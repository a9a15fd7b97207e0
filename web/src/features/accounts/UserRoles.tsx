import type { Role, User } from '@contract';
import { App, Button, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../shared/feedback';
import { PlainList } from '../../shared/PlainList';
import { RoleTag, roleScopeName } from '../../shared/tags';
import { type RoleGrantValues, toRoleGrant, useGrantRole, useRevokeRole } from './api';
import { RoleScopeField } from './RoleScopeField';
import { useRoleOptions } from './roleOptions';

function GrantRoleForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RoleGrantValues>();
  const grant = useGrantRole();
  const feedback = useFeedback();
  const roleOptions = useRoleOptions();

  const onFinish = (values: RoleGrantValues) =>
    grant.mutate(
      { userId: user.id, grant: toRoleGrant(values) },
      {
        onSuccess: (assignment) => {
          feedback.success(
            t('users.granted', { role: t(`roles.${assignment.role}`), region: roleScopeName(assignment) }),
          );
          form.resetFields();
        },
        onError: (error) => feedback.formError(form, error, ['role', 'regionId', 'unitId']),
      },
    );

  return (
    <Form<RoleGrantValues> form={form} layout="vertical" onFinish={onFinish} className="gj-grant-form">
      <Form.Item
        name="role"
        label={t('users.role')}
        rules={[{ required: true, message: t('users.roleRequired') }]}
      >
        <Select<Role> options={roleOptions} placeholder={t('users.role')} data-testid="role-grant-role" />
      </Form.Item>
      <RoleScopeField prefix={[]} label={t('users.roleRegion')} />
      <Button type="primary" htmlType="submit" loading={grant.isPending} data-testid="role-grant-submit">
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
    const region = roleScopeName(assignment);
    modal.confirm({
      title: t('users.revokeTitle'),
      content: t('users.revokeConfirm', { name: user.displayName, role, region }),
      okText: t('users.revoke'),
      okButtonProps: { danger: true },
      onOk: () =>
        revoke.mutateAsync({ userId: user.id, assignmentId: assignment.id }).then(
          () => feedback.success(t('users.revoked', { role, region })),
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
            <RoleTag role={assignment.role} regionName={roleScopeName(assignment)} />
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
