import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { OWNER_KINDS, TASK_STATUSES } from '@contract';
import {
  Button,
  DatePicker,
  Descriptions,
  Divider,
  Drawer,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Skeleton,
  Timeline,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../lib/auth';
import { type Dayjs, day, zoned } from '../../lib/time';
import type { OwnerKind, TaskStatus } from '../../shared/enums';
import { useFeedback } from '../../shared/feedback';
import { QueryError } from '../../shared/QueryError';
import { OverdueTag, TaskStatusTag } from '../../shared/tags';
import { useIsMobile } from '../../shared/useIsMobile';
import { useLastDefined } from '../../shared/useLastDefined';
import { OwnerSelect } from './OwnerSelect';
import { OwnerTag, TaskProgress } from './TaskCard';
import { type TaskChanges, type TaskDetailData, useAddTaskNote, useTask, useUpdateTask } from './tasks.api';

const TIME = 'YYYY-MM-DD HH:mm';

type NoteValues = { text: string; progress?: number | null };

function NoteForm({ task }: { task: TaskDetailData }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<NoteValues>();
  const add = useAddTaskNote();
  const feedback = useFeedback();
  const onFinish = (values: NoteValues) =>
    add.mutate(
      { id: task.id, text: values.text.trim(), progress: values.progress ?? undefined },
      {
        onSuccess: () => {
          feedback.success(t('tasks.noteAdded'));
          form.resetFields();
        },
        onError: (error) => feedback.formError(form, error, ['text', 'progress']),
      },
    );
  return (
    <Form<NoteValues> form={form} layout="vertical" onFinish={onFinish}>
      <Form.Item
        name="text"
        label={t('tasks.noteText')}
        rules={[{ required: true, whitespace: true, message: t('tasks.noteRequired') }, { max: 2000 }]}
      >
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="task-note-text" />
      </Form.Item>
      <div className="gj-note-bar">
        <Form.Item
          name="progress"
          label={t('tasks.progress')}
          extra={t('tasks.progressHint', { now: task.progress })}
        >
          <InputNumber<number>
            min={0}
            max={100}
            precision={0}
            suffix="%"
            placeholder={String(task.progress)}
            data-testid="task-note-progress"
          />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          icon={<SendOutlined />}
          loading={add.isPending}
          data-testid="task-note-submit"
        >
          {t('tasks.addNote')}
        </Button>
      </div>
    </Form>
  );
}

type AssignValues = { ownerKind: OwnerKind; ownerId: number; dueOn: Dayjs };

/** For the body's managers: another owner or another due date. */
function AssignForm({ task }: { task: TaskDetailData }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<AssignValues>();
  const update = useUpdateTask();
  const feedback = useFeedback();
  const ownerKind: OwnerKind = Form.useWatch('ownerKind', form) ?? task.owner.kind;
  const onFinish = (values: AssignValues) => {
    const body: TaskChanges = {};
    if (values.ownerKind !== task.owner.kind || values.ownerId !== task.owner.id) {
      body.owner = { kind: values.ownerKind, id: values.ownerId };
    }
    const dueOn = values.dueOn.format('YYYY-MM-DD');
    if (dueOn !== task.dueOn) body.dueOn = dueOn;
    if (Object.keys(body).length === 0) return feedback.success(t('common.noChanges'));
    update.mutate(
      { id: task.id, ...body },
      { onSuccess: () => feedback.success(t('common.saved')), onError: feedback.error },
    );
  };
  return (
    <Form<AssignValues>
      form={form}
      layout="vertical"
      initialValues={{ ownerKind: task.owner.kind, ownerId: task.owner.id, dueOn: day(task.dueOn) }}
      onFinish={onFinish}
      onValuesChange={(changed: Partial<AssignValues>) => {
        if (changed.ownerKind) form.setFieldValue('ownerId', undefined);
      }}
    >
      <Form.Item name="ownerKind" label={t('tasks.ownerKind')}>
        <Radio.Group
          optionType="button"
          options={OWNER_KINDS.map((k) => ({ value: k, label: t(`ownerKind.${k}`) }))}
          data-testid="task-owner-kind"
        />
      </Form.Item>
      <div className="gj-form-pair">
        <Form.Item
          name="ownerId"
          label={t('tasks.owner')}
          rules={[{ required: true, message: t('tasks.ownerRequired') }]}
        >
          <OwnerSelect kind={ownerKind} data-testid="task-owner" />
        </Form.Item>
        <Form.Item name="dueOn" label={t('tasks.dueOn')} rules={[{ required: true }]}>
          <DatePicker className="gj-fill" allowClear={false} data-testid="task-due" />
        </Form.Item>
      </div>
      <Button
        htmlType="submit"
        icon={<SaveOutlined />}
        loading={update.isPending}
        data-testid="task-assign-save"
      >
        {t('tasks.saveAssignment')}
      </Button>
    </Form>
  );
}

type Props = { taskId: number | undefined; onClose: () => void };

export function TaskDrawer({ taskId, onClose }: Props) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const isMobile = useIsMobile();
  const feedback = useFeedback();
  const shownId = useLastDefined(taskId);
  const { data: task, error, refetch } = useTask(shownId);
  const update = useUpdateTask();
  const mayWork = task?.can.work ?? false;
  const canManage = task?.can.manage ?? false;

  const setStatus = (status: TaskStatus) =>
    task &&
    update.mutate(
      { id: task.id, status },
      {
        onSuccess: () => feedback.success(t('tasks.statusChanged', { status: t(`taskStatus.${status}`) })),
        onError: feedback.error,
      },
    );

  return (
    <Drawer
      open={taskId !== undefined}
      onClose={onClose}
      title={task?.title ?? t('tasks.detail')}
      size={isMobile ? '100%' : 600}
      destroyOnHidden
    >
      <div data-testid="task-detail" data-status={task?.status}>
        {error && <QueryError error={error} onRetry={() => void refetch()} />}
        {!task && !error && <Skeleton active />}
        {task && (
          <>
            <div className="gj-task-head">
              {!mayWork && <TaskStatusTag status={task.status} />}
              {task.overdue && <OverdueTag />}
              {mayWork && (
                <Select<TaskStatus>
                  className="gj-task-status"
                  value={task.status}
                  onChange={setStatus}
                  loading={update.isPending}
                  options={TASK_STATUSES.map((s) => ({ value: s, label: t(`taskStatus.${s}`) }))}
                  aria-label={t('tasks.changeStatus')}
                  data-testid="task-status"
                />
              )}
            </div>
            <TaskProgress task={task} />
            <Descriptions
              className="gj-section"
              column={1}
              size="small"
              bordered
              items={[
                { key: 'owner', label: t('tasks.owner'), children: <OwnerTag owner={task.owner} /> },
                {
                  key: 'due',
                  label: t('tasks.dueOn'),
                  children: (
                    <Typography.Text type={task.overdue ? 'danger' : undefined}>{task.dueOn}</Typography.Text>
                  ),
                },
                { key: 'region', label: t('tasks.region'), children: task.regionName },
                {
                  key: 'source',
                  label: t('tasks.source'),
                  children: task.source ? (
                    can('body.read') ? (
                      <Link to={`/meetings/${task.source.meetingId}`} data-testid="task-source">
                        {task.source.meetingTitle}
                      </Link>
                    ) : (
                      task.source.meetingTitle
                    )
                  ) : (
                    t('common.none')
                  ),
                },
                {
                  key: 'created',
                  label: t('common.createdAt'),
                  children: zoned(task.createdAt).format(TIME),
                },
                { key: 'updated', label: t('tasks.updatedAt'), children: zoned(task.updatedAt).format(TIME) },
              ]}
            />
            {canManage && (
              <>
                <Divider titlePlacement="start">{t('tasks.assignment')}</Divider>
                <AssignForm key={`${task.owner.kind}:${task.owner.id}:${task.dueOn}`} task={task} />
              </>
            )}
            <Divider titlePlacement="start">{t('tasks.notes')}</Divider>
            {task.notes.length === 0 ? (
              <Typography.Paragraph type="secondary">{t('tasks.noNotes')}</Typography.Paragraph>
            ) : (
              <Timeline
                className="gj-notes"
                items={task.notes.map((n) => ({
                  key: n.id,
                  content: (
                    <div className="gj-stack" data-testid={`task-note-${n.id}`}>
                      <span className="gj-prewrap">{n.text}</span>
                      <Typography.Text type="secondary">
                        {[
                          n.authorName,
                          zoned(n.at).format(TIME),
                          n.progress !== null && t('tasks.progressAt', { progress: n.progress }),
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      </Typography.Text>
                    </div>
                  ),
                }))}
              />
            )}
            {mayWork && <NoteForm task={task} />}
          </>
        )}
      </div>
    </Drawer>
  );
}
