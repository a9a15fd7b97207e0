import type { Task } from '@contract';
import {
  Pagination,
  Skeleton,
  Spin,
  Table,
  type TableColumnsType,
  type TablePaginationConfig,
  Typography,
} from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { TableEmpty } from '../../shared/TableEmpty';
import { OverdueTag, TaskStatusTag } from '../../shared/tags';
import { useIsMobile } from '../../shared/useIsMobile';
import { OwnerTag, TaskCard, TaskProgress } from './TaskCard';

type Props = {
  tasks: Task[] | undefined;
  loading: boolean;
  pagination: TablePaginationConfig;
  onOpen: (task: Task) => void;
};

/** Every task as a row (cards on a phone); overdue ones first, marked in red. */
export function TaskList({ tasks, loading, pagination, onOpen }: Props) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const columns: TableColumnsType<Task> = [
    {
      title: t('tasks.title'),
      dataIndex: 'title',
      width: 240,
      fixed: 'left',
      render: (title: string, task) => (
        <Typography.Link onClick={() => onOpen(task)} data-testid={`task-open-${task.id}`}>
          {title}
        </Typography.Link>
      ),
    },
    {
      title: t('tasks.owner'),
      key: 'owner',
      width: 200,
      render: (_, task) => <OwnerTag owner={task.owner} />,
    },
    {
      title: t('tasks.dueOn'),
      dataIndex: 'dueOn',
      width: 170,
      render: (due: string, task) => (
        <span className="gj-tags">
          <Typography.Text type={task.overdue ? 'danger' : undefined} className="gj-nowrap">
            {due}
          </Typography.Text>
          {task.overdue && <OverdueTag />}
        </span>
      ),
    },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 90,
      render: (_, task) => <TaskStatusTag status={task.status} />,
    },
    {
      title: t('tasks.progress'),
      dataIndex: 'progress',
      width: 130,
      render: (_, task) => <TaskProgress task={task} small />,
    },
    { title: t('tasks.region'), dataIndex: 'regionName', width: 120 },
    {
      title: t('tasks.source'),
      key: 'source',
      width: 200,
      render: (_, task) => task.source?.meetingTitle ?? t('common.none'),
    },
  ];

  if (isMobile) {
    if (loading && !tasks) return <Skeleton active />;
    return (
      <Spin spinning={loading}>
        <div className="gj-board-cards" data-testid="task-list">
          {(tasks ?? []).length === 0 && <TableEmpty text={t('tasks.empty')} />}
          {(tasks ?? []).map((task) => (
            <TaskCard key={task.id} task={task} onOpen={onOpen} showStatus />
          ))}
        </div>
        <Pagination className="gj-card-pagination" size="small" {...pagination} showSizeChanger={false} />
      </Spin>
    );
  }
  return (
    <Table<Task>
      rowKey="id"
      columns={columns}
      dataSource={tasks}
      loading={loading}
      pagination={pagination}
      scroll={{ x: 1150 }}
      rowClassName={(task) => (task.overdue ? 'gj-row-overdue' : '')}
      onRow={(task) => ({ 'data-testid': `task-row-${task.id}` }) as HTMLAttributes<HTMLElement>}
      locale={{ emptyText: <TableEmpty text={t('tasks.empty')} /> }}
      data-testid="task-list"
    />
  );
}
