import type { User } from '@contract';
import { Alert, Button, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { zoned } from '../../lib/time';
import { useFeedback } from '../../shared/feedback';
import { useLastDefined } from '../../shared/useLastDefined';
import { useIssueResetCode } from './api';

type Props = { user: User | null; onClose: () => void };

/**
 * Issues a one-time reset code for a user (`user.can.issueReset`): first what it does, then the
 * code and its expiry — shown this once; the server keeps only its hash.
 */
export function IssueResetCodeModal({ user, onClose }: Props) {
  const { t } = useTranslation();
  const issue = useIssueResetCode();
  const feedback = useFeedback();
  const shown = useLastDefined(user ?? undefined);
  const issued = issue.data;
  const close = () => {
    issue.reset();
    onClose();
  };

  return (
    <Modal
      open={user !== null}
      title={t('users.resetCodeTitle', { name: shown?.displayName ?? '' })}
      onCancel={close}
      destroyOnHidden
      footer={
        issued ? (
          <Button type="primary" onClick={close} data-testid="reset-code-done">
            {t('users.resetCodeDone')}
          </Button>
        ) : (
          <>
            <Button onClick={close}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              loading={issue.isPending}
              onClick={() => user && issue.mutate(user.id, { onError: feedback.error })}
              data-testid="reset-code-issue"
            >
              {t('users.resetCodeIssue')}
            </Button>
          </>
        )
      }
    >
      {!issued && <p>{t('users.resetCodeExplain')}</p>}
      {issued && shown && (
        <div className="gj-reset-code" data-testid="reset-code-issued">
          <Typography.Text copyable className="gj-reset-code-value gj-code" data-testid="reset-code-value">
            {issued.code}
          </Typography.Text>
          <Typography.Text type="secondary">
            {t('users.resetCodeExpires', { time: zoned(issued.expiresAt).format('YYYY-MM-DD HH:mm') })}
          </Typography.Text>
          <Alert type="warning" showIcon title={t('users.resetCodeOnce')} />
          <p className="gj-secondary">{t('users.resetCodeHowTo', { username: shown.username })}</p>
        </div>
      )}
    </Modal>
  );
}
