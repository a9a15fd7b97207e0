import { Button, Drawer, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useIsMobile } from './useIsMobile';

type Props = {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  /** The one action: large and full width on a phone. */
  okText: ReactNode;
  onOk: () => void;
  okIcon?: ReactNode;
  loading?: boolean;
  disabled?: boolean;
  okTestId?: string;
  children: ReactNode;
};

/**
 * One confirming step before an action — claim a role, book a slot, apply to a team:
 * a bottom sheet on a phone (the button under the thumb), a modal on a desktop.
 */
export function ConfirmSheet({
  open,
  onClose,
  title,
  okText,
  onOk,
  okIcon,
  loading,
  disabled,
  okTestId,
  children,
}: Props) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const ok = (
    <Button
      type="primary"
      size={isMobile ? 'large' : 'middle'}
      block={isMobile}
      icon={okIcon}
      loading={loading}
      disabled={disabled}
      onClick={onOk}
      data-testid={okTestId}
    >
      {okText}
    </Button>
  );
  if (isMobile) {
    return (
      <Drawer
        open={open}
        onClose={onClose}
        placement="bottom"
        size="auto"
        title={title}
        destroyOnHidden
        footer={ok}
        className="gj-sheet"
      >
        {children}
      </Drawer>
    );
  }
  return (
    <Modal
      open={open}
      onCancel={onClose}
      title={title}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <span key="ok">{ok}</span>,
      ]}
    >
      {children}
    </Modal>
  );
}
