import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormDrawer } from '../../shared/FormDrawer';
import { useFeedback } from '../../shared/feedback';
import { MIN_PASSWORD_LENGTH } from '../../shared/NewPasswordFields';
import { RegionSelect } from '../../shared/pickers/RegionSelect';
import { type NewUser, type RoleGrantValues, toRoleGrant, useCreateUser } from './api';
import { RoleRows } from './RoleRows';

type Values = Omit<NewUser, 'roles'> & { roles?: RoleGrantValues[] };

const FIELDS = ['username', 'displayName', 'password', 'regionId', 'roles'] as const;
const USERNAME_PATTERN = /^[a-z0-9_.-]+$/;

export function CreateUserDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateUser();
  const feedback = useFeedback();

  const onFinish = (values: Values) =>
    create.mutate(
      { ...values, roles: (values.roles ?? []).map(toRoleGrant) },
      {
        onSuccess: (user) => {
          feedback.success(t('users.created', { name: user.displayName }));
          onClose();
        },
        onError: (error) => feedback.formError(form, error, FIELDS),
      },
    );

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={t('users.create')}
      onSubmit={form.submit}
      submitting={create.isPending}
      submitLabel={t('common.create')}
      submitTestId="user-create-submit"
    >
      <Form<Values> form={form} layout="vertical" clearOnDestroy onFinish={onFinish}>
        <Form.Item
          name="username"
          label={t('users.username')}
          extra={t('users.usernameHint')}
          rules={[
            { required: true },
            { min: 3, max: 64 },
            { pattern: USERNAME_PATTERN, message: t('users.usernameInvalid') },
          ]}
        >
          <Input autoComplete="off" autoCapitalize="none" spellCheck={false} />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ required: true, whitespace: true, max: 100 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('users.initialPassword')}
          extra={t('auth.passwordHint', { min: MIN_PASSWORD_LENGTH })}
          rules={[
            { required: true },
            { min: MIN_PASSWORD_LENGTH, message: t('auth.passwordTooShort', { min: MIN_PASSWORD_LENGTH }) },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="regionId"
          label={t('users.homeRegion')}
          rules={[{ required: true, message: t('regions.required') }]}
        >
          <RegionSelect showPath />
        </Form.Item>
        <Form.Item label={t('users.roles')}>
          <RoleRows />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
