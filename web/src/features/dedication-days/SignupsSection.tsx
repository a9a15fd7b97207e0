import {
  CheckOutlined,
  CloseOutlined,
  EditOutlined,
  LoginOutlined,
  LogoutOutlined,
  UserDeleteOutlined,
} from '@ant-design/icons';
import type { DedicationTask, Occurrence, Signup } from '@contract';
import { Button, Card, Pagination, Space, Spin, Table, type TableColumnsType, Typography } from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { zoned } from '../../lib/time';
import { useFeedback } from '../../shared/feedback';
import { PlainList } from '../../shared/PlainList';
import { QueryError } from '../../shared/QueryError';
import { TableEmpty } from '../../shared/TableEmpty';
import { useIsMobile } from '../../shared/useIsMobile';
import { CheckTime, DATE_TIME, FillBar, HoursCell, SignupStatusTag } from './occurrenceParts';
import {
  type CheckAction,
  hasEnded,
  hasStarted,
  isActive,
  isHandCheckOpen,
  useDecideHours,
  useHandCheck,
  useSignups,
} from './occurrences.api';
import { HoursModal, type HoursTarget, RemoveSignupModal } from './SignupModals';

const PAGE_SIZE = 50;

/** The organiser's buttons for one sign-up: check in or out by hand, settle the hours, remove. */
function SignupActions({
  occurrence,
  task,
  signup: s,
  onHours,
  onRemove,
}: {
  occurrence: Occurrence;
  task: DedicationTask;
  signup: Signup;
  onHours: (target: HoursTarget) => void;
  onRemove: (signup: Signup) => void;
}) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const check = useHandCheck();
  const decide = useDecideHours();
  const on = occurrence.status === 'scheduled';
  const checkOpen = on && isHandCheckOpen(occurrence);
  const signed = s.status === 'signed';
  const buttons = [];

  const handCheck = (action: CheckAction) =>
    check.mutate(
      { id: s.id, action },
      {
        onSuccess: (next) =>
          feedback.success(
            t(action === 'in' ? 'occurrences.handCheckedIn' : 'occurrences.handCheckedOut', {
              name: next.person.name,
            }),
          ),
        onError: feedback.error,
      },
    );

  if (signed && checkOpen && !s.checkedInAt) {
    buttons.push(
      <Button
        key="in"
        size="small"
        icon={<LoginOutlined />}
        loading={check.isPending}
        onClick={() => handCheck('in')}
        data-testid={`signup-check-in-${s.id}`}
      >
        {t('occurrences.checkIn')}
      </Button>,
    );
  }
  if (signed && checkOpen && s.checkedInAt && !s.checkedOutAt) {
    buttons.push(
      <Button
        key="out"
        size="small"
        icon={<LogoutOutlined />}
        loading={check.isPending}
        onClick={() => handCheck('out')}
        data-testid={`signup-check-out-${s.id}`}
      >
        {t('occurrences.checkOut')}
      </Button>,
    );
  }
  if (signed && on && hasStarted(occurrence)) {
    if (s.hoursStatus === 'pending') {
      if (s.computedHours !== null) {
        const hours = s.computedHours;
        buttons.push(
          <Button
            key="confirm"
            type="primary"
            size="small"
            icon={<CheckOutlined />}
            loading={decide.isPending}
            onClick={() =>
              decide.mutate(
                { id: s.id, decision: 'confirm' },
                {
                  onSuccess: (next) =>
                    feedback.success(
                      t('occurrences.hoursConfirmed', { name: next.person.name, hours: next.hours ?? hours }),
                    ),
                  onError: feedback.error,
                },
              )
            }
            data-testid={`signup-confirm-hours-${s.id}`}
          >
            {t('occurrences.confirmHours', { hours })}
          </Button>,
        );
      }
      buttons.push(
        <Button
          key="adjust"
          size="small"
          icon={<EditOutlined />}
          onClick={() => onHours({ signup: s, mode: 'adjust' })}
          data-testid={`signup-adjust-hours-${s.id}`}
        >
          {t('occurrences.adjustHours')}
        </Button>,
        <Button
          key="reject"
          size="small"
          danger
          icon={<CloseOutlined />}
          onClick={() => onHours({ signup: s, mode: 'reject' })}
          data-testid={`signup-reject-hours-${s.id}`}
        >
          {t('occurrences.rejectHours')}
        </Button>,
      );
    } else {
      buttons.push(
        <Button
          key="change"
          size="small"
          icon={<EditOutlined />}
          onClick={() => onHours({ signup: s, mode: s.hoursStatus === 'rejected' ? 'reject' : 'adjust' })}
          data-testid={`signup-change-hours-${s.id}`}
        >
          {t('occurrences.changeHours')}
        </Button>,
      );
    }
  }
  if (isActive(s.status) && on && !hasEnded(task) && !s.checkedInAt) {
    buttons.push(
      <Button
        key="remove"
        size="small"
        danger
        icon={<UserDeleteOutlined />}
        onClick={() => onRemove(s)}
        data-testid={`signup-remove-${s.id}`}
      >
        {t('occurrences.remove')}
      </Button>,
    );
  }
  if (buttons.length === 0) return <>{t('common.none')}</>;
  return (
    <Space size={4} wrap>
      {buttons}
    </Space>
  );
}

function StatusCell({ signup: s }: { signup: Signup }) {
  return (
    <span className="gj-stack">
      <SignupStatusTag status={s.status} position={s.position} testId={`signup-status-${s.id}`} />
      {s.status === 'removed' && s.reason && <Typography.Text type="secondary">{s.reason}</Typography.Text>}
    </span>
  );
}

/** Who signed up for one task, and what became of it; the organiser's actions beside each. */
export function TaskSignups({ occurrence, task }: { occurrence: Occurrence; task: DedicationTask }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [page, setPage] = useState(1);
  const [hours, setHours] = useState<HoursTarget | null>(null);
  const [removing, setRemoving] = useState<Signup | null>(null);
  const signups = useSignups({ occurrenceId: occurrence.id, taskId: task.id, page, pageSize: PAGE_SIZE });
  const items = signups.data?.items ?? [];
  const total = signups.data?.total ?? 0;
  const faded = (s: Signup) => (isActive(s.status) ? undefined : 'gj-past');

  const actions = (s: Signup) => (
    <SignupActions occurrence={occurrence} task={task} signup={s} onHours={setHours} onRemove={setRemoving} />
  );

  const columns: TableColumnsType<Signup> = [
    {
      title: t('occurrences.person'),
      key: 'person',
      width: 120,
      render: (_, s) => (
        <span className="gj-stack">
          <strong>{s.person.name}</strong>
          <Typography.Text type="secondary" className="gj-nowrap">
            {zoned(s.createdAt).format(DATE_TIME)}
          </Typography.Text>
        </span>
      ),
    },
    { title: t('common.status'), key: 'status', width: 110, render: (_, s) => <StatusCell signup={s} /> },
    {
      title: t('occurrences.checkedIn'),
      key: 'in',
      width: 110,
      render: (_, s) => <CheckTime at={s.checkedInAt} by={s.checkedBy} />,
    },
    {
      title: t('occurrences.checkedOut'),
      key: 'out',
      width: 110,
      render: (_, s) => <CheckTime at={s.checkedOutAt} by={s.checkedOutAt ? s.checkedBy : null} />,
    },
    { title: t('occurrences.hours'), key: 'hours', width: 180, render: (_, s) => <HoursCell signup={s} /> },
    { title: t('common.actions'), key: 'actions', render: (_, s) => actions(s) },
  ];

  return (
    <Card
      size="small"
      className="gj-section"
      title={
        <span className="gj-inline">
          <span>{t('occurrences.signupsOf', { task: task.title })}</span>
        </span>
      }
      extra={<span className="gj-signups-fill">{<FillBar task={task} />}</span>}
      data-testid={`task-signups-${task.id}`}
    >
      {signups.error && <QueryError error={signups.error} onRetry={() => void signups.refetch()} />}
      {!signups.error &&
        (isMobile ? (
          <Spin spinning={signups.isFetching}>
            <PlainList
              items={items}
              rowKey={(s) => s.id}
              empty={signups.data ? t('occurrences.noSignups') : t('common.empty')}
              render={(s) => (
                <div
                  className={`gj-card-row ${faded(s) ?? ''}`}
                  data-testid={`signup-row-${s.id}`}
                  data-status={s.status}
                >
                  <div className="gj-card-row-head">
                    <strong>{s.person.name}</strong>
                    <StatusCell signup={s} />
                  </div>
                  {s.status === 'signed' && (
                    <span className="gj-inline">
                      <Typography.Text type="secondary">{t('occurrences.checkedIn')}</Typography.Text>
                      <CheckTime at={s.checkedInAt} by={s.checkedBy} />
                      <Typography.Text type="secondary">{t('occurrences.checkedOut')}</Typography.Text>
                      <CheckTime at={s.checkedOutAt} by={s.checkedOutAt ? s.checkedBy : null} />
                    </span>
                  )}
                  {s.status === 'signed' && <HoursCell signup={s} />}
                  {actions(s)}
                </div>
              )}
            />
            {total > PAGE_SIZE && (
              <Pagination
                className="gj-card-pagination"
                size="small"
                current={page}
                pageSize={PAGE_SIZE}
                total={total}
                onChange={setPage}
                showSizeChanger={false}
              />
            )}
          </Spin>
        ) : (
          <Table<Signup>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={items}
            loading={signups.isFetching}
            rowClassName={(s) => faded(s) ?? ''}
            pagination={
              total > PAGE_SIZE
                ? { current: page, pageSize: PAGE_SIZE, total, onChange: setPage, size: 'small' }
                : false
            }
            scroll={{ x: 900 }}
            onRow={(s) =>
              ({
                'data-testid': `signup-row-${s.id}`,
                'data-status': s.status,
              }) as HTMLAttributes<HTMLElement>
            }
            locale={{ emptyText: <TableEmpty text={t('occurrences.noSignups')} /> }}
          />
        ))}
      <HoursModal target={hours} onClose={() => setHours(null)} />
      <RemoveSignupModal signup={removing} onClose={() => setRemoving(null)} />
    </Card>
  );
}
