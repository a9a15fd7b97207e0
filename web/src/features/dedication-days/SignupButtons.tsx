import { CarryOutOutlined, RollbackOutlined, TeamOutlined } from '@ant-design/icons';
import type { DedicationTask } from '@contract';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../shared/feedback';
import { isFull, useSignUp, useWithdrawSignup } from './occurrences.api';

/** "报名", or "候补" once the task is full; says which it became. */
export function SignUpButton({
  task,
  block,
  label,
  onSigned,
}: {
  task: DedicationTask;
  block?: boolean;
  /** Instead of 报名/候补 (the check-in page's "sign up and check in"). */
  label?: string;
  onSigned?: (status: 'signed' | 'waiting') => void;
}) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const signUp = useSignUp();
  const full = isFull(task);
  // The promise, not mutate's callbacks: once signed up the button gives way to the member's
  // standing (it unmounts), and mutate's callbacks would then never run.
  const onClick = () =>
    signUp.mutateAsync(task.id).then(
      (signup) => {
        if (signup.status === 'waiting') {
          feedback.warning(t('occurrences.joinedWaiting', { position: signup.position ?? task.waiting + 1 }));
          onSigned?.('waiting');
        } else {
          feedback.success(t('occurrences.signedUp', { task: signup.taskTitle }));
          onSigned?.('signed');
        }
      },
      (error: unknown) => feedback.error(error),
    );
  return (
    <Button
      type={full ? 'default' : 'primary'}
      size={block ? 'large' : 'middle'}
      block={block}
      icon={full ? <TeamOutlined /> : <CarryOutOutlined />}
      loading={signUp.isPending}
      onClick={onClick}
      data-testid={`signup-task-${task.id}`}
      data-full={full}
    >
      {label ?? (full ? t('occurrences.joinWaiting') : t('occurrences.signUp'))}
    </Button>
  );
}

/** "取消报名" for one's own sign-up (or place in line) before the task starts, after a confirmation. */
export function WithdrawSignupButton({
  signupId,
  taskTitle,
  occurrenceTitle,
  waiting,
  block,
}: {
  signupId: number;
  taskTitle: string;
  occurrenceTitle: string;
  waiting: boolean;
  block?: boolean;
}) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const feedback = useFeedback();
  const withdraw = useWithdrawSignup();
  const label = waiting ? t('occurrences.leaveWaiting') : t('occurrences.withdraw');
  const onClick = () =>
    modal.confirm({
      title: waiting ? t('occurrences.leaveWaitingTitle') : t('occurrences.withdrawTitle'),
      content: waiting
        ? t('occurrences.leaveWaitingConfirm', { task: taskTitle, title: occurrenceTitle })
        : t('occurrences.withdrawConfirm', { task: taskTitle, title: occurrenceTitle }),
      okText: label,
      okButtonProps: { danger: true, 'data-testid': 'signup-withdraw-confirm' },
      cancelText: t('occurrences.keepSignup'),
      onOk: () =>
        withdraw.mutateAsync(signupId).then(
          () => feedback.success(waiting ? t('occurrences.leftWaiting') : t('occurrences.withdrawn')),
          (error: unknown) => feedback.error(error),
        ),
    });
  return (
    <Button
      danger
      size={block ? 'large' : 'middle'}
      block={block}
      icon={<RollbackOutlined />}
      loading={withdraw.isPending}
      onClick={onClick}
      data-testid={`signup-withdraw-${signupId}`}
    >
      {label}
    </Button>
  );
}
