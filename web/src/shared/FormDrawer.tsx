import { Button, Drawer, Space } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from './useIsMobile';

type Props = {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  onSubmit: () => void;
  submitting: boolean;
  submitLabel: ReactNode;
  submitTestId: string;
  /** On desktop; phones get the full width. */
  width?: number;
  children?: ReactNode;
};

/** A drawer holding a form, with Cancel and the submit button in its header. */
export function FormDrawer({
  open,
  onClose,
  title,
  onSubmit,
  submitting,
  submitLabel,
  submitTestId,
  width = 560,
  children,
}: Props) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={title}
      size={isMobile ? '100%' : width}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="primary" onClick={onSubmit} loading={submitting} data-testid={submitTestId}>
            {submitLabel}
          </Button>
        </Space>
      }
    >
      {children}
    </Drawer>
  );
}
