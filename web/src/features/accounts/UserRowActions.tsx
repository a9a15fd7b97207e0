import { DownOutlined, EditOutlined, KeyOutlined, SafetyOutlined, UnlockOutlined } from '@ant-design/icons';
import type { User } from '@contract';
import { Button, Dropdown, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../shared/feedback';
import { useUnlockUser } from './api';
import { isLocked } from './UserStatus';

type Props = {
  user: User;
  onEdit: (user: User) => void;
  onResetPassword: (user: User) => void;
  onIssueResetCode: (user: User) => void;
};

export function UserRowActions({ user, onEdit, onResetPassword, onIssueResetCode }: Props) {
  const { t } = useTranslation();
  const unlock = useUnlockUser();
  const feedback = useFeedback();

  const items = [
    { key: 'password', icon: <KeyOutlined />, label: t('users.resetPassword') },
    ...(user.can.issueReset
      ? [{ key: 'resetCode', icon: <SafetyOutlined />, label: t('users.resetCodeIssue') }]
      : []),
    ...(isLocked(user) ? [{ key: 'unlock', icon: <UnlockOutlined />, label: t('users.unlock') }] : []),
  ];
  const onClick = ({ key }: { key: string }) => {
    if (key === 'password') onResetPassword(user);
    if (key === 'resetCode') onIssueResetCode(user);
    if (key === 'unlock') {
      unlock.mutate(user.id, {
        onSuccess: () => feedback.success(t('users.unlocked', { name: user.displayName })),
        onError: feedback.error,
      });
    }
  };

  return (
    <Space size={0}>
      <Button type="link" size="small" icon={<EditOutlined />} onClick={() => onEdit(user)}>
        {t('common.edit')}
      </Button>
      <Dropdown menu={{ items, onClick }} trigger={['click']}>
        <Button
          type="link"
          size="small"
          loading={unlock.isPending}
          data-testid={`user-more-${user.username}`}
        >
          {t('common.more')} <DownOutlined />
        </Button>
      </Dropdown>
    </Space>
  );
}
