import { Drawer } from 'antd';
import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { NotificationList } from './NotificationList';

/** On a phone the bell's list drops from the top as a sheet: a dropdown would run off the screen. */
export function NotificationSheet({
  open,
  ...list
}: { open: boolean } & ComponentProps<typeof NotificationList>) {
  const { t } = useTranslation();
  return (
    <Drawer
      open={open}
      onClose={list.onClose}
      placement="top"
      size="auto"
      title={t('notifications.title')}
      className="gj-sheet-top"
    >
      <div data-testid="notifications-panel">
        <NotificationList {...list} />
      </div>
    </Drawer>
  );
}
