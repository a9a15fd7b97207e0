import type { DedicationTask, Occurrence } from '@contract';
import { Alert, Form, Input, InputNumber, TimePicker } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Dayjs, wallClock, wallClockAt, zoned } from '../../lib/time';
import { FormDrawer } from '../../shared/FormDrawer';
import { useFeedback } from '../../shared/feedback';
import { SpecialtySelect } from '../../shared/pickers/SpecialtySelect';
import { SetValuesOnMount } from '../../shared/SetValuesOnMount';
import { useLastDefined } from '../../shared/useLastDefined';
import { TIME } from './occurrenceParts';
import { type TaskInput, useAddTask, useUpdateTask } from './occurrences.api';

/** A new task for the occurrence, or one of its tasks to change. */
export type TaskFormTarget = { occurrence: Occurrence; task?: DedicationTask };

type Values = {
  title: string;
  place?: string;
  capacity: number;
  specialties?: string[];
  startTime: Dayjs;
  endTime: Dayjs;
};
/** Fields the server's messages may go under; a time's message goes to a toast. */
const FIELDS = ['title', 'place', 'capacity', 'specialties'] as const;
/** The contract's bounds. */
const MAX_CAPACITY = 500;
const MAX_SPECIALTIES = 10;

/** A wall-clock time on the occurrence's day, as the instant it means in the district. */
const onDay = (date: string, time: Dayjs) => wallClockAt(date, time.format('HH:mm'));

function startingValues({ occurrence, task }: TaskFormTarget): Partial<Values> {
  return {
    title: task?.title,
    place: task?.place ?? '',
    capacity: task?.capacity ?? 5,
    specialties: task?.specialties ?? [],
    startTime: wallClock(task?.startsAt ?? occurrence.startsAt),
    endTime: wallClock(task?.endsAt ?? occurrence.endsAt),
  };
}

/** Add a task to one occurrence, or change one (its capacity never below those signed up). */
export function TaskFormDrawer({ target, onClose }: { target: TaskFormTarget | null; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const add = useAddTask();
  const update = useUpdateTask();
  const feedback = useFeedback();
  const shown = useLastDefined(target);
  const task = shown?.task;
  const pending = add.isPending || update.isPending;

  const onFinish = (values: Values) => {
    if (!target) return;
    const { occurrence } = target;
    const day = zoned(occurrence.startsAt).format('YYYY-MM-DD');
    const body: TaskInput = {
      title: values.title.trim(),
      place: values.place?.trim() ?? '',
      capacity: values.capacity,
      specialties: values.specialties ?? [],
      startsAt: onDay(day, values.startTime),
      endsAt: onDay(day, values.endTime),
    };
    const handlers = {
      onSuccess: () => {
        feedback.success(
          target.task
            ? t('occurrences.taskSaved', { title: body.title })
            : t('occurrences.taskAdded', { title: body.title }),
        );
        onClose();
      },
      onError: (error: unknown) => feedback.formError(form, error, FIELDS),
    };
    if (target.task) {
      update.mutate({ occurrenceId: occurrence.id, taskId: target.task.id, body }, handlers);
    } else {
      add.mutate({ occurrenceId: occurrence.id, body }, handlers);
    }
  };

  return (
    <FormDrawer
      open={target !== null}
      onClose={onClose}
      title={task ? t('occurrences.editTaskTitle', { title: task.title }) : t('occurrences.addTask')}
      onSubmit={form.submit}
      submitting={pending}
      submitLabel={task ? t('common.save') : t('occurrences.addTask')}
      submitTestId="task-form-submit"
      width={480}
    >
      {shown && (
        <Form<Values> form={form} layout="vertical" onFinish={onFinish} data-testid="task-form">
          <SetValuesOnMount<Values> values={startingValues(shown)} />
          {task && task.signed > 0 && (
            <Alert
              className="gj-block-gap"
              type="info"
              showIcon
              title={t('occurrences.capacityHint', { count: task.signed })}
            />
          )}
          <Form.Item
            name="title"
            label={t('occurrences.taskTitle')}
            rules={[
              { required: true, whitespace: true, message: t('occurrences.taskTitleRequired') },
              { min: 2, max: 60 },
            ]}
          >
            <Input
              maxLength={60}
              placeholder={t('occurrences.taskTitlePlaceholder')}
              data-testid="task-title"
            />
          </Form.Item>
          <Form.Item name="place" label={t('occurrences.taskPlace')} extra={t('occurrences.taskPlaceHint')}>
            <Input maxLength={100} data-testid="task-place" />
          </Form.Item>
          <Form.Item
            name="capacity"
            label={t('occurrences.capacity')}
            rules={[
              { required: true },
              {
                validator: (_, value: number | undefined) =>
                  value === undefined || !task || value >= task.signed
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('occurrences.capacityBelowSigned', { count: task.signed }))),
              },
            ]}
          >
            <InputNumber<number>
              min={1}
              max={MAX_CAPACITY}
              precision={0}
              suffix={t('occurrences.people')}
              data-testid="task-capacity"
            />
          </Form.Item>
          <div className="gj-form-pair">
            <Form.Item name="startTime" label={t('occurrences.startTime')} rules={[{ required: true }]}>
              <TimePicker
                format={TIME}
                minuteStep={5}
                needConfirm={false}
                className="gj-fill"
                data-testid="task-start"
              />
            </Form.Item>
            <Form.Item
              name="endTime"
              label={t('occurrences.endTime')}
              dependencies={['startTime']}
              rules={[
                { required: true },
                ({ getFieldValue }) => ({
                  validator: (_, value: Dayjs | undefined) => {
                    const start = getFieldValue('startTime') as Dayjs | undefined;
                    return !value ||
                      !start ||
                      value.hour() * 60 + value.minute() > start.hour() * 60 + start.minute()
                      ? Promise.resolve()
                      : Promise.reject(new Error(t('occurrences.endBeforeStart')));
                  },
                }),
              ]}
            >
              <TimePicker
                format={TIME}
                minuteStep={5}
                needConfirm={false}
                className="gj-fill"
                data-testid="task-end"
              />
            </Form.Item>
          </div>
          <Form.Item
            name="specialties"
            label={t('occurrences.specialties')}
            extra={t('occurrences.specialtiesHint', { max: MAX_SPECIALTIES })}
          >
            <SpecialtySelect multiple maxCount={MAX_SPECIALTIES} allowClear data-testid="task-specialties" />
          </Form.Item>
        </Form>
      )}
    </FormDrawer>
  );
}
