import type { Task } from '@contract';
import { Progress, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { OverdueTag, TaskStatusTag } from '../../shared/tags';

const OWNER_COLOR = { party_org: 'red', unit: 'gold', person: 'blue' } as const;

export function OwnerTag({ owner }: { owner: Task['owner'] }) {
  const { t } = useTranslation();
  return (
    <span className="gj-owner">
      <Tag color={OWNER_COLOR[owner.kind]}>{t(`ownerKind.${owner.kind}`)}</Tag>
      <span>{owner.name}</span>
    </span>
  );
}

/** Progress in blue, red when overdue, green when done (red is the brand's, not a warning). */
export function TaskProgress({
  task,
  small,
}: {
  task: Pick<Task, 'progress' | 'overdue' | 'status'>;
  small?: boolean;
}) {
  const color = task.status === 'done' ? '#52c41a' : task.overdue ? '#ff4d4f' : '#1677ff';
  return (
    <Progress
      percent={task.status === 'done' ? 100 : task.progress}
      size={small ? 'small' : undefined}
      strokeColor={color}
      status="normal"
    />
  );
}

type Props = { task: Task; onOpen: (task: Task) => void; showStatus?: boolean };

/** A task on the board: what, who, by when; an overdue one is framed in red. */
export function TaskCard({ task, onOpen, showStatus = false }: Props) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className={`gj-task-card${task.overdue ? ' gj-task-overdue' : ''}`}
      onClick={() => onOpen(task)}
      data-testid={`task-card-${task.id}`}
      data-overdue={task.overdue}
    >
      <span className="gj-task-card-title">{task.title}</span>
      <OwnerTag owner={task.owner} />
      <span className="gj-task-card-foot">
        <Typography.Text type={task.overdue ? 'danger' : 'secondary'}>
          {t('tasks.dueOnDate', { date: task.dueOn })}
        </Typography.Text>
        {task.overdue && <OverdueTag />}
        {showStatus && <TaskStatusTag status={task.status} />}
      </span>
      {task.status === 'in_progress' && <TaskProgress task={task} small />}
      <Typography.Text type="secondary" className="gj-task-card-source">
        {task.regionName}
        {task.source && ` · ${task.source.meetingTitle}`}
      </Typography.Text>
    </button>
  );
}
