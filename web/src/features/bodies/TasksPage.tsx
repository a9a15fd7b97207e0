import { AppstoreOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { TASK_STATUSES } from '@contract';
import { Card, Input, Segmented, Select, Space, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { useAuth } from '../../lib/auth';
import { ExportButton } from '../../shared/ExportButton';
import { idParam, oneOf, type TaskStatus } from '../../shared/enums';
import { PageHeader } from '../../shared/PageHeader';
import { RegionSelect } from '../../shared/pickers/RegionSelect';
import { QueryError } from '../../shared/QueryError';
import { paginationProps, useListParams } from '../../shared/useListParams';
import { TaskBoard } from './TaskBoard';
import { TaskDrawer } from './TaskDrawer';
import { TaskList } from './TaskList';
import { useTasks } from './tasks.api';

const FILTER_KEYS = ['q', 'status', 'overdue', 'regionId', 'view'] as const;
type View = 'board' | 'list';

function TaskSearch({
  value,
  onSearch,
}: {
  value: string | undefined;
  onSearch: (q: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value ?? '');
  return (
    <Input.Search
      className="gj-toolbar-grow"
      allowClear
      placeholder={t('tasks.searchPlaceholder')}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onSearch={(q) => onSearch(q.trim() || undefined)}
      data-testid="task-search"
    />
  );
}

/** Follow-up tasks the user may see: a board by status, or a list; overdue ones stand out. */
export function TasksPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const list = useListParams(FILTER_KEYS);
  const [params, setParams] = useSearchParams();
  const view: View = list.filters.view === 'list' ? 'list' : 'board';
  const filters = {
    q: list.filters.q,
    overdue: list.filters.overdue === 'true' ? ('true' as const) : undefined,
    regionId: idParam(list.filters.regionId),
  };
  const status = view === 'list' ? oneOf(TASK_STATUSES, list.filters.status) : undefined;
  const tasks = useTasks({ ...filters, status, page: list.page, pageSize: list.pageSize }, view === 'list');
  const openId = idParam(params.get('task') ?? undefined);

  // The open task lives in the address bar, so a meeting can link to it; paging stays put.
  const setOpen = (id: number | undefined) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (id === undefined) next.delete('task');
      else next.set('task', String(id));
      return next;
    });

  return (
    <>
      <PageHeader
        title={t('nav.tasks')}
        extra={<ExportButton resource="tasks" filters={{ ...filters, status }} />}
      />
      <Card>
        <div className="gj-toolbar">
          <TaskSearch value={filters.q} onSearch={(q) => list.setFilters({ q })} />
          {can('region.read') && (
            <RegionSelect
              className="gj-toolbar-select-wide"
              allowClear
              placeholder={t('tasks.region')}
              value={filters.regionId}
              onChange={(regionId) => list.setFilters({ regionId })}
            />
          )}
          {view === 'list' && (
            <Select<TaskStatus>
              className="gj-toolbar-select"
              allowClear
              placeholder={t('common.status')}
              value={status}
              onChange={(next) => list.setFilters({ status: next })}
              options={TASK_STATUSES.map((s) => ({ value: s, label: t(`taskStatus.${s}`) }))}
              data-testid="task-status-filter"
            />
          )}
          <Space className="gj-toolbar-tail">
            <span className="gj-switch">
              <Switch
                id="tasks-overdue-only"
                size="small"
                checked={filters.overdue === 'true'}
                onChange={(on) => list.setFilters({ overdue: on ? 'true' : undefined })}
                data-testid="task-overdue-filter"
              />
              <label htmlFor="tasks-overdue-only">{t('tasks.overdueOnly')}</label>
            </span>
            <Segmented<View>
              value={view}
              onChange={(next) => list.setFilters({ view: next === 'board' ? undefined : next })}
              options={[
                { value: 'board', icon: <AppstoreOutlined />, label: t('tasks.board') },
                { value: 'list', icon: <UnorderedListOutlined />, label: t('tasks.list') },
              ]}
              data-testid="task-view"
            />
          </Space>
        </div>
        {view === 'board' ? (
          <TaskBoard
            filters={filters}
            onOpen={(task) => setOpen(task.id)}
            onMore={(more) => list.setFilters({ view: 'list', status: more })}
          />
        ) : (
          <>
            {tasks.error && <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} />}
            <TaskList
              tasks={tasks.data?.items}
              loading={tasks.isFetching}
              pagination={paginationProps(list, tasks.data?.total ?? 0, (total) =>
                t('common.total', { total }),
              )}
              onOpen={(task) => setOpen(task.id)}
            />
          </>
        )}
      </Card>
      <TaskDrawer taskId={openId} onClose={() => setOpen(undefined)} />
    </>
  );
}
