import type { Task } from '@contract';
import { Badge, Button, Empty, Segmented, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskStatus } from '../../shared/enums';
import { QueryError } from '../../shared/QueryError';
import { useIsMobile } from '../../shared/useIsMobile';
import { TaskCard } from './TaskCard';
import { type TaskListParams, useTasks } from './tasks.api';

/** The board's columns; cancelled tasks are found in the list view. */
export const BOARD_COLUMNS = ['open', 'in_progress', 'done'] as const;
type Column = (typeof BOARD_COLUMNS)[number];
const BADGE_COLOR: Record<Column, string> = { open: '#8c8c8c', in_progress: '#1677ff', done: '#52c41a' };
/** Open work is shown in full; of the done, the first page (the rest in the list view). */
const COLUMN_SIZE: Record<Column, number> = { open: 50, in_progress: 50, done: 20 };

type Filters = Omit<TaskListParams, 'status' | 'page' | 'pageSize'>;

type ColumnProps = {
  status: Column;
  filters: Filters;
  onOpen: (task: Task) => void;
  /** Show the whole column as a list. */
  onMore: (status: TaskStatus) => void;
  headless?: boolean;
};

function BoardColumn({ status, filters, onOpen, onMore, headless }: ColumnProps) {
  const { t } = useTranslation();
  // The server lists overdue tasks first, then by due date.
  const tasks = useTasks({ ...filters, status, page: 1, pageSize: COLUMN_SIZE[status] });
  const items = tasks.data?.items ?? [];
  const total = tasks.data?.total ?? 0;
  return (
    <section className={`gj-board-column gj-board-${status}`} data-testid={`task-column-${status}`}>
      {!headless && (
        <header className="gj-board-column-head">
          <span>{t(`taskStatus.${status}`)}</span>
          <Badge count={total} showZero overflowCount={9999} color={BADGE_COLOR[status]} />
        </header>
      )}
      {tasks.error && <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} />}
      {tasks.isPending ? (
        <Skeleton active />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('tasks.columnEmpty')} />
      ) : (
        <div className={`gj-board-cards${tasks.isFetching ? ' gj-fetching' : ''}`}>
          {items.map((task) => (
            <TaskCard key={task.id} task={task} onOpen={onOpen} />
          ))}
          {total > items.length && (
            <Button type="link" onClick={() => onMore(status)}>
              {t('tasks.showAll', { count: total })}
            </Button>
          )}
        </div>
      )}
    </section>
  );
}

type Props = { filters: Filters; onOpen: (task: Task) => void; onMore: (status: TaskStatus) => void };

/** Columns by status on a desktop; on a phone, one column at a time. */
export function TaskBoard({ filters, onOpen, onMore }: Props) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [column, setColumn] = useState<Column>('open');
  if (isMobile) {
    return (
      <div data-testid="task-board">
        <Segmented<Column>
          block
          value={column}
          onChange={setColumn}
          options={BOARD_COLUMNS.map((s) => ({ value: s, label: t(`taskStatus.${s}`) }))}
          data-testid="task-board-column"
        />
        <BoardColumn
          key={column}
          status={column}
          filters={filters}
          onOpen={onOpen}
          onMore={onMore}
          headless
        />
      </div>
    );
  }
  return (
    <div className="gj-board" data-testid="task-board">
      {BOARD_COLUMNS.map((status) => (
        <BoardColumn key={status} status={status} filters={filters} onOpen={onOpen} onMore={onMore} />
      ))}
    </div>
  );
}
