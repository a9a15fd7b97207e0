import type { Task, TaskDetail } from '@contract';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, type Page } from '../../lib/api';
import type { TaskStatus } from '../../shared/enums';
import type { OwnerInput } from './meetings.api';

export type TaskDetailData = z.infer<typeof TaskDetail>;
export type TaskListParams = {
  regionId?: number;
  status?: TaskStatus;
  overdue?: 'true' | 'false';
  q?: string;
  page?: number;
  pageSize?: number;
};
export type TaskChanges = { title?: string; status?: TaskStatus; dueOn?: string; owner?: OwnerInput };

export const taskKeys = {
  all: ['tasks'] as const,
  list: (params: TaskListParams) => ['tasks', 'list', params] as const,
  detail: (id: number) => ['tasks', 'detail', id] as const,
};

export function useTasks(params: TaskListParams, enabled = true) {
  return useQuery({
    queryKey: taskKeys.list(params),
    queryFn: () => api.get<Page<Task>>('/tasks', params),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useTask(id: number | undefined) {
  return useQuery({
    queryKey: taskKeys.detail(id ?? 0),
    queryFn: () => api.get<TaskDetailData>(`/tasks/${id}`),
    enabled: id !== undefined,
  });
}

/** A task's status and due date also show under its resolution on the meeting page. */
function useTaskMutation<V>(mutationFn: (vars: V) => Promise<TaskDetailData>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (task) => {
      queryClient.setQueryData(taskKeys.detail(task.id), task);
      return Promise.all(
        [['tasks', 'list'], ['meetings', 'detail'], ['audit']].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      );
    },
  });
}

export const useUpdateTask = () =>
  useTaskMutation(({ id, ...body }: TaskChanges & { id: number }) =>
    api.patch<TaskDetailData>(`/tasks/${id}`, body),
  );

export const useAddTaskNote = () =>
  useTaskMutation(({ id, ...body }: { id: number; text: string; progress?: number }) =>
    api.post<TaskDetailData>(`/tasks/${id}/notes`, body),
  );
