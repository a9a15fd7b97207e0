import {
  BulbOutlined,
  ClockCircleOutlined,
  EditOutlined,
  EnvironmentOutlined,
  PlusOutlined,
  QrcodeOutlined,
  StopOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import type { DedicationTask, Occurrence } from '@contract';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Empty,
  Result,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { idParam } from '../../shared/enums';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { SpecialtyTags } from '../members';
import { SuggestionDrawer, type SuggestionDrawerTarget, TeamSignupModal, useTeamsIRun } from '../teams';
import { CancelOccurrenceModal } from './CancelOccurrenceModal';
import { CheckinQrModal } from './CheckinQrModal';
import {
  dayLabel,
  FillBar,
  OccurrenceStatusTag,
  SignupStatusTag,
  sameHours,
  timeRange,
} from './occurrenceParts';
import {
  canWithdraw,
  hasEnded,
  isActive,
  isCheckinOpen,
  takesSignups,
  useOccurrence,
} from './occurrences.api';
import { SignUpButton, WithdrawSignupButton } from './SignupButtons';
import { TaskSignups } from './SignupsSection';
import { TaskFormDrawer, type TaskFormTarget } from './TaskFormDrawer';

/** The task the reader is signed up for (or waits on) this day, if any. */
const liveSignup = (occurrence: Occurrence) =>
  occurrence.tasks.find((task) => task.mine && isActive(task.mine.status));

/** A member's own standing on a task, and what they may do: sign up, wait, or withdraw. */
function MyTaskStanding({ occurrence, task }: { occurrence: Occurrence; task: DedicationTask }) {
  const { t } = useTranslation();
  const { me, can } = useAuth();
  if (!can('signup.make') || me.user.personId === null) return null;
  const mine = task.mine;
  if (mine && isActive(mine.status)) {
    return (
      <div className="gj-task-mine">
        <SignupStatusTag status={mine.status} position={mine.position} testId={`task-mine-${task.id}`} />
        {canWithdraw({ status: mine.status, startsAt: occurrence.startsAt }) &&
          occurrence.status === 'scheduled' && (
            <WithdrawSignupButton
              signupId={mine.signupId}
              taskTitle={task.title}
              occurrenceTitle={occurrence.title}
              waiting={mine.status === 'waiting'}
            />
          )}
        {mine.status === 'signed' && isCheckinOpen(occurrence) && occurrence.status === 'scheduled' && (
          <Link to="/checkin">
            <Button type="primary" icon={<QrcodeOutlined />} data-testid={`task-go-checkin-${task.id}`}>
              {t('checkin.scan')}
            </Button>
          </Link>
        )}
      </div>
    );
  }
  if (mine?.status === 'removed') {
    return <SignupStatusTag status="removed" position={null} testId={`task-mine-${task.id}`} />;
  }
  // One live sign-up a day: with one on another task, this one offers nothing.
  if (!takesSignups(occurrence, task) || liveSignup(occurrence)) return null;
  return <SignUpButton task={task} />;
}

function TaskCard({
  occurrence,
  task,
  onEdit,
  onSuggest,
  onTeamSignup,
}: {
  occurrence: Occurrence;
  task: DedicationTask;
  onEdit?: (task: DedicationTask) => void;
  /** For the organiser: find people for the task. */
  onSuggest?: (task: DedicationTask) => void;
  /** For a team's leader: sign the team's members up. */
  onTeamSignup?: (task: DedicationTask) => void;
}) {
  const { t } = useTranslation();
  const ownHours = !sameHours(task, occurrence);
  const ownPlace = task.place !== '' && task.place !== occurrence.place;
  return (
    <div className="gj-role-card gj-task-slot" data-testid={`task-${task.id}`}>
      <div className="gj-card-row-head">
        <strong className="gj-task-slot-title">{task.title}</strong>
        {onEdit && (
          <Button
            size="small"
            type="text"
            icon={<EditOutlined />}
            onClick={() => onEdit(task)}
            aria-label={t('occurrences.editTask')}
            data-testid={`task-edit-${task.id}`}
          />
        )}
      </div>
      <FillBar task={task} />
      {(ownHours || ownPlace) && (
        <Typography.Text type="secondary" className="gj-inline">
          {ownHours && (
            <span>
              <ClockCircleOutlined /> {timeRange(task)}
            </span>
          )}
          {ownPlace && (
            <span>
              <EnvironmentOutlined /> {task.place}
            </span>
          )}
        </Typography.Text>
      )}
      {task.specialties.length > 0 && (
        <span className="gj-inline">
          <Typography.Text type="secondary">{t('occurrences.specialties')}</Typography.Text>
          <SpecialtyTags codes={task.specialties} />
        </span>
      )}
      <MyTaskStanding occurrence={occurrence} task={task} />
      {onSuggest && (
        <Button
          size="small"
          icon={<BulbOutlined />}
          onClick={() => onSuggest(task)}
          data-testid={`task-suggest-${task.id}`}
        >
          {t('suggestions.open')}
        </Button>
      )}
      {onTeamSignup && (
        <Button
          size="small"
          icon={<TeamOutlined />}
          onClick={() => onTeamSignup(task)}
          data-testid={`task-team-signup-${task.id}`}
        >
          {t('teams.signupOpen')}
        </Button>
      )}
    </div>
  );
}

/** The organiser's buttons: show the check-in code, add a task, call the day off. */
function OrganiserButtons({
  occurrence,
  onQr,
  onAdd,
  onCancel,
}: {
  occurrence: Occurrence;
  onQr: () => void;
  onAdd: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  if (occurrence.status !== 'scheduled' || hasEnded(occurrence)) return null;
  return (
    <Space wrap>
      <Button type="primary" icon={<QrcodeOutlined />} onClick={onQr} data-testid="checkin-qr-open">
        {t('checkin.showQr')}
      </Button>
      <Button icon={<PlusOutlined />} onClick={onAdd} data-testid="task-add">
        {t('occurrences.addTask')}
      </Button>
      <Button danger icon={<StopOutlined />} onClick={onCancel} data-testid="occurrence-cancel">
        {t('occurrences.cancel')}
      </Button>
    </Space>
  );
}

/**
 * One fixed dedication day: its tasks to sign up for, and for the organiser the check-in code,
 * who came, and the hours to confirm.
 */
export function OccurrencePage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const id = idParam(useParams().id);
  const { data: occurrence, error, refetch } = useOccurrence(id);
  const [qrOpen, setQrOpen] = useState(false);
  const [cancelOpen, setCancelOpen] = useState(false);
  const [taskForm, setTaskForm] = useState<TaskFormTarget | null>(null);
  const [suggesting, setSuggesting] = useState<SuggestionDrawerTarget | null>(null);
  const [teamSignup, setTeamSignup] = useState<DedicationTask | null>(null);
  const teamsIRun = useTeamsIRun();
  const canManage = can('dedication.manage');

  if (id === undefined || (error instanceof ApiError && error.status === 404)) {
    return (
      <Result
        status="404"
        title={t('occurrences.notFound')}
        extra={
          <Link to="/dedication-calendar">
            <Button type="primary">{t('occurrences.toCalendar')}</Button>
          </Link>
        }
      />
    );
  }

  const mine = occurrence && can('signup.make') ? liveSignup(occurrence) : undefined;
  const editable = canManage && occurrence?.status === 'scheduled' && !hasEnded(occurrence);
  const signed = occurrence?.tasks.reduce((sum, task) => sum + task.signed, 0) ?? 0;
  const capacity = occurrence?.tasks.reduce((sum, task) => sum + task.capacity, 0) ?? 0;
  const waiting = occurrence?.tasks.reduce((sum, task) => sum + task.waiting, 0) ?? 0;

  return (
    <>
      <Breadcrumb
        className="gj-breadcrumb"
        items={[
          { title: <Link to="/dedication-calendar">{t('occurrences.calendar')}</Link> },
          { title: occurrence?.title ?? '…' },
        ]}
      />
      <PageHeader
        title={occurrence?.title ?? t('occurrences.detail')}
        extra={
          occurrence &&
          canManage && (
            <OrganiserButtons
              occurrence={occurrence}
              onQr={() => setQrOpen(true)}
              onAdd={() => setTaskForm({ occurrence })}
              onCancel={() => setCancelOpen(true)}
            />
          )
        }
      />
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {!occurrence && !error && <Skeleton active />}
      {occurrence && (
        <>
          {occurrence.status === 'cancelled' && (
            <Alert
              className="gj-block-gap"
              type="warning"
              showIcon
              title={t('occurrences.cancelledNotice')}
              description={occurrence.reason}
              data-testid="occurrence-cancelled"
            />
          )}
          <Card data-testid="occurrence-detail" data-status={occurrence.status}>
            <Descriptions
              column={{ xs: 1, sm: 2, lg: 3 }}
              size="small"
              items={[
                {
                  key: 'status',
                  label: t('common.status'),
                  children: <OccurrenceStatusTag occurrence={occurrence} />,
                },
                { key: 'region', label: t('occurrences.region'), children: occurrence.regionName },
                { key: 'date', label: t('occurrences.date'), children: dayLabel(occurrence.startsAt) },
                { key: 'time', label: t('occurrences.time'), children: timeRange(occurrence) },
                {
                  key: 'place',
                  label: t('occurrences.place'),
                  children: occurrence.place || t('common.none'),
                },
                {
                  key: 'fill',
                  label: t('occurrences.signedTotal'),
                  children: (
                    <span data-testid="occurrence-fill">
                      {t('occurrences.fill', { signed, capacity })}
                      {waiting > 0 && ` · ${t('occurrences.waitingCount', { count: waiting })}`}
                    </span>
                  ),
                },
              ]}
            />
          </Card>
          <Card
            size="small"
            className="gj-section"
            title={t('occurrences.tasksTitle', { count: occurrence.tasks.length })}
          >
            {mine &&
              occurrence.tasks.length > 1 &&
              occurrence.status === 'scheduled' &&
              !hasEnded(occurrence) && (
                <Typography.Paragraph type="secondary" data-testid="occurrence-one-task">
                  {mine.mine?.status === 'waiting'
                    ? t('occurrences.oneTaskOnlyWaiting', { task: mine.title })
                    : t('occurrences.oneTaskOnly', { task: mine.title })}
                </Typography.Paragraph>
              )}
            {occurrence.tasks.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('occurrences.noTasks')} />
            ) : (
              <div className="gj-role-grid" data-testid="occurrence-tasks">
                {occurrence.tasks.map((task) => (
                  <TaskCard
                    key={task.id}
                    occurrence={occurrence}
                    task={task}
                    onEdit={editable ? (task) => setTaskForm({ occurrence, task }) : undefined}
                    onSuggest={
                      editable
                        ? (task) =>
                            setSuggesting({ taskId: task.id, title: `${occurrence.title} · ${task.title}` })
                        : undefined
                    }
                    onTeamSignup={
                      teamsIRun.length > 0 && occurrence.status === 'scheduled' && !hasEnded(occurrence)
                        ? (task) => setTeamSignup(task)
                        : undefined
                    }
                  />
                ))}
              </div>
            )}
          </Card>
          {canManage && (
            <section data-testid="occurrence-signups">
              <Typography.Title level={5} className="gj-section">
                {t('occurrences.signupsTitle')}
              </Typography.Title>
              {occurrence.tasks.map((task) => (
                <TaskSignups key={task.id} occurrence={occurrence} task={task} />
              ))}
            </section>
          )}
          <CheckinQrModal occurrence={occurrence} open={qrOpen} onClose={() => setQrOpen(false)} />
          <CancelOccurrenceModal
            occurrence={occurrence}
            open={cancelOpen}
            onClose={() => setCancelOpen(false)}
          />
        </>
      )}
      <TaskFormDrawer target={taskForm} onClose={() => setTaskForm(null)} />
      {canManage && <SuggestionDrawer target={suggesting} onClose={() => setSuggesting(null)} />}
      <TeamSignupModal task={teamSignup} onClose={() => setTeamSignup(null)} />
    </>
  );
}
