import { CheckCircleOutlined, LockOutlined, StopOutlined } from '@ant-design/icons';
import type { User } from '@contract';
import { Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { now, zoned } from '../../lib/time';

export function isLocked(user: Pick<User, 'lockedUntil'>) {
  return user.lockedUntil !== null && zoned(user.lockedUntil).isAfter(now());
}

export function UserStatus({ user }: { user: User }) {
  const { t } = useTranslation();
  const locked = isLocked(user);
  if (!user.disabled && !locked) {
    return (
      <Tag color="green" icon={<CheckCircleOutlined />}>
        {t('users.status.active')}
      </Tag>
    );
  }
  return (
    <Space size={4} wrap>
      {user.disabled && <Tag icon={<StopOutlined />}>{t('users.status.disabled')}</Tag>}
      {locked && (
        <Tag color="orange" icon={<LockOutlined />}>
          {t('users.status.lockedUntil', { time: zoned(user.lockedUntil).format('YYYY-MM-DD HH:mm') })}
        </Tag>
      )}
    </Space>
  );
}
