import { KeyOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../lib/auth';
import { useUser } from './api';
import { IssueResetCodeModal } from './IssueResetCodeModal';

/**
 * "Issue a reset code" for the account of a person (their detail page), shown where the server
 * says the reader may (`user.can.issueReset`). The account is read only by readers who manage
 * accounts somewhere; for others there is nothing to ask.
 */
export function ResetCodeAction({ userId }: { userId: number }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { data: user } = useUser(can('user.manage') ? userId : undefined);
  const [open, setOpen] = useState(false);
  if (!user?.can.issueReset) return null;
  return (
    <>
      <Button
        size="small"
        icon={<KeyOutlined />}
        onClick={() => setOpen(true)}
        data-testid="member-reset-code"
      >
        {t('users.resetCodeIssue')}
      </Button>
      <IssueResetCodeModal user={open ? user : null} onClose={() => setOpen(false)} />
    </>
  );
}
