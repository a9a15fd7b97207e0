import type { User } from '@contract';
import { Button, Divider, Drawer, Form, Input, Skeleton, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../shared/feedback';
import { RegionSelect } from '../../shared/pickers/RegionSelect';
import { QueryError } from '../../shared/QueryError';
import { useIsMobile } from '../../shared/useIsMobile';
import { useLastDefined } from '../../shared/useLastDefined';
import { type UserChanges, useUpdateUser, useUser } from './api';
import { UserRoles } from './UserRoles';

type Values = Required<UserChanges>;
const FIELDS = ['displayName', 'regionId', 'disabled'] as const;

function ProfileForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const update = useUpdateUser();
  const feedback = useFeedback();

  const onFinish = (values: Values) => {
    const changes: UserChanges = {};
    if (values.displayName !== user.displayName) changes.displayName = values.displayName;
    if (values.regionId !== user.regionId) changes.regionId = values.regionId;
    if (values.disabled !== user.disabled) changes.disabled = values.disabled;
    if (Object.keys(changes).length === 0) return feedback.success(t('common.noChanges'));
    update.mutate(
      { id: user.id, ...changes },
      {
        onSuccess: () => feedback.success(t('common.saved')),
        onError: (error) => feedback.formError(form, error, FIELDS),
      },
    );
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ displayName: user.displayName, regionId: user.regionId, disabled: user.disabled }}
      onFinish={onFinish}
    >
      <Form.Item label={t('users.username')}>
        <Typography.Text className="gj-code">{user.username}</Typography.Text>
      </Form.Item>
      <Form.Item
        name="displayName"
        label={t('users.displayName')}
        rules={[{ required: true, whitespace: true, max: 100 }]}
      >
        <Input />
      </Form.Item>
      <Form.Item
        name="regionId"
        label={t('users.homeRegion')}
        rules={[{ required: true, message: t('regions.required') }]}
      >
        <RegionSelect showPath />
      </Form.Item>
      <Form.Item name="disabled" label={t('users.disabled')} extra={t('users.disabledHint')}>
        <Switch />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={update.isPending}>
        {t('common.save')}
      </Button>
    </Form>
  );
}

export function EditUserDrawer({ userId, onClose }: { userId: number | undefined; onClose: () => void }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const shownId = useLastDefined(userId);
  const { data: user, error, refetch } = useUser(shownId);

  return (
    <Drawer
      open={userId !== undefined}
      onClose={onClose}
      title={user ? t('users.editTitle', { name: user.displayName }) : t('users.edit')}
      size={isMobile ? '100%' : 560}
      destroyOnHidden
    >
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {!user && !error && <Skeleton active />}
      {user && (
        <>
          <ProfileForm key={user.id} user={user} />
          <Divider titlePlacement="start">{t('users.roles')}</Divider>
          <UserRoles user={user} />
        </>
      )}
    </Drawer>
  );
}
