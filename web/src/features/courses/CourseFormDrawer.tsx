import { COURSE_KINDS, type Course, ENROLMENT_MODES } from '@contract';
import { DatePicker, Descriptions, Form, Input, InputNumber, Radio, TimePicker, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../lib/auth';
import { type Dayjs, day, wallClockAt } from '../../lib/time';
import { FormDrawer } from '../../shared/FormDrawer';
import { useFeedback } from '../../shared/feedback';
import { RegionSelect } from '../../shared/pickers/RegionSelect';
import { SetValuesOnMount } from '../../shared/SetValuesOnMount';
import { SubFormList } from '../../shared/SubFormList';
import { useLastDefined } from '../../shared/useLastDefined';
import { CampaignSelect } from '../campaigns';
import {
  type CourseChanges,
  type CourseKind,
  type EnrolmentMode,
  useCreateCourse,
  useUpdateCourse,
} from './api';
import { CourseKindTag } from './CourseTags';
import { LecturerSelect } from './LecturerSelect';

/** A new course (optionally in a campaign, in its area), or changes to one. */
export type CourseFormTarget =
  | { mode: 'create'; campaignId?: number; regionId?: number }
  | { mode: 'edit'; course: Course };

type SessionValues = {
  title: string;
  lecturerUserId?: number;
  day: Dayjs;
  time: [Dayjs, Dayjs];
  place?: string;
};
type Values = {
  kind: CourseKind;
  title: string;
  description?: string;
  audience?: string;
  regionId: number;
  capacity: number;
  enrolment: EnrolmentMode;
  minSessions: number;
  campaignId?: number;
  sessions: SessionValues[];
};
const FIELDS = [
  'kind',
  'title',
  'description',
  'audience',
  'regionId',
  'capacity',
  'enrolment',
  'minSessions',
  'campaignId',
  'sessions',
] as const;
/** The contract's bounds. */
const MAX_SESSIONS = 50;

/** The picked day at the picked wall-clock time, as the instant it means in the district. */
const at = (date: Dayjs, time: Dayjs) => wallClockAt(date.format('YYYY-MM-DD'), time.format('HH:mm'));

function newSession(after?: SessionValues): SessionValues {
  // A week on from the last session, else next week's afternoon: two hours.
  const next = after?.day ? after.day.add(7, 'day') : day().add(7, 'day');
  const start = day().hour(14);
  return { title: '', day: next, time: after?.time ?? [start, start.add(2, 'hour')], place: after?.place };
}

function createDefaults(target: Extract<CourseFormTarget, { mode: 'create' }> | undefined): Partial<Values> {
  return {
    kind: 'course',
    enrolment: 'open',
    capacity: 40,
    minSessions: 1,
    regionId: target?.regionId,
    campaignId: target?.campaignId,
    sessions: [newSession()],
  };
}

type Props = {
  target: CourseFormTarget | null;
  onClose: () => void;
  onCreated?: (course: Course) => void;
};

/** Organisers set up a course with its sessions; later they may change its words, seats and rules. */
export function CourseFormDrawer({ target, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [form] = Form.useForm<Values>();
  const create = useCreateCourse();
  const update = useUpdateCourse();
  const feedback = useFeedback();
  const shown = useLastDefined(target);
  const course = shown?.mode === 'edit' ? shown.course : undefined;
  const kind = Form.useWatch('kind', form);
  const sessionCount = (Form.useWatch('sessions', form) ?? []).length;
  // Lecturers are users: the picker lists them for those who may read users.
  const mayPickLecturer = can('user.read');

  const onFinish = (values: Values) => {
    const onError = (error: unknown) => feedback.formError(form, error, FIELDS);
    const description = (values.description ?? '').trim();
    const audience = (values.audience ?? '').trim();
    if (course) {
      const changes: CourseChanges = {};
      if (values.title.trim() !== course.title) changes.title = values.title.trim();
      if (description !== course.description) changes.description = description;
      if (audience !== course.audience) changes.audience = audience;
      if (values.capacity !== course.capacity) changes.capacity = values.capacity;
      if (values.enrolment !== course.enrolment) changes.enrolment = values.enrolment;
      if (values.minSessions !== course.minSessions) changes.minSessions = values.minSessions;
      if (values.campaignId !== undefined && values.campaignId !== course.campaignId)
        changes.campaignId = values.campaignId;
      if (Object.keys(changes).length === 0) return feedback.success(t('common.noChanges'));
      update.mutate(
        { id: course.id, ...changes },
        {
          onSuccess: () => {
            feedback.success(t('common.saved'));
            onClose();
          },
          onError,
        },
      );
      return;
    }
    create.mutate(
      {
        kind: values.kind,
        title: values.title.trim(),
        description,
        audience,
        regionId: values.regionId,
        capacity: values.capacity,
        enrolment: values.enrolment,
        minSessions: values.minSessions,
        campaignId: values.campaignId,
        sessions: values.sessions.map((s) => ({
          title: s.title.trim(),
          lecturerUserId: s.lecturerUserId,
          startsAt: at(s.day, s.time[0]),
          endsAt: at(s.day, s.time[1]),
          place: (s.place ?? '').trim(),
        })),
      },
      {
        onSuccess: (created) => {
          feedback.success(t('courses.created', { title: created.title }));
          onCreated?.(created);
          onClose();
        },
        onError,
      },
    );
  };

  const initialValues: Partial<Values> = course
    ? {
        title: course.title,
        description: course.description,
        audience: course.audience,
        capacity: course.capacity,
        enrolment: course.enrolment,
        minSessions: course.minSessions,
        campaignId: course.campaignId ?? undefined,
      }
    : createDefaults(shown?.mode === 'create' ? shown : undefined);
  const maxMin = course ? course.sessions.length : Math.max(sessionCount, 1);

  return (
    <FormDrawer
      open={target !== null}
      onClose={onClose}
      title={course ? t('courses.editTitle', { title: course.title }) : t('courses.create')}
      width={720}
      onSubmit={form.submit}
      submitting={create.isPending || update.isPending}
      submitLabel={course ? t('common.save') : t('common.create')}
      submitTestId="course-form-submit"
    >
      {course && (
        <Descriptions
          className="gj-form-facts"
          column={1}
          size="small"
          bordered
          items={[
            { key: 'kind', label: t('courses.kindLabel'), children: <CourseKindTag kind={course.kind} /> },
            { key: 'region', label: t('courses.region'), children: course.regionName },
            {
              key: 'sessions',
              label: t('courses.sessions'),
              children: t('courses.sessionCount', { count: course.sessions.length }),
            },
          ]}
        />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        clearOnDestroy
        scrollToFirstError
        initialValues={initialValues}
        onFinish={onFinish}
        onValuesChange={(changed: Partial<Values>, all: Values) => {
          // A lecture is one session, attended once.
          if (changed.kind === 'lecture' && all.sessions?.length > 1) {
            form.setFieldValue('sessions', all.sessions.slice(0, 1));
            form.setFieldValue('minSessions', 1);
          }
        }}
      >
        <SetValuesOnMount<Values> values={initialValues} />
        {!course && (
          <Form.Item name="kind" label={t('courses.kindLabel')} rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              buttonStyle="solid"
              options={COURSE_KINDS.map((k) => ({ value: k, label: t(`courses.kind.${k}`) }))}
              data-testid="course-kind"
            />
          </Form.Item>
        )}
        <Form.Item
          name="title"
          label={t('courses.title')}
          rules={[
            { required: true, whitespace: true, message: t('courses.titleRequired') },
            { min: 2, max: 100 },
          ]}
        >
          <Input placeholder={t('courses.titlePlaceholder')} data-testid="course-title" />
        </Form.Item>
        <Form.Item name="description" label={t('courses.description')} rules={[{ max: 5000 }]}>
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} data-testid="course-description" />
        </Form.Item>
        <Form.Item name="audience" label={t('courses.audience')} rules={[{ max: 200 }]}>
          <Input placeholder={t('courses.audiencePlaceholder')} data-testid="course-audience" />
        </Form.Item>
        <div className="gj-form-pair">
          {!course && (
            <Form.Item
              name="regionId"
              label={t('courses.region')}
              extra={t('courses.regionHint')}
              rules={[{ required: true, message: t('regions.required') }]}
            >
              <RegionSelect kinds={['district', 'street', 'community']} data-testid="course-region" />
            </Form.Item>
          )}
          <Form.Item name="campaignId" label={t('courses.campaign')} extra={t('courses.campaignHint')}>
            <CampaignSelect data-testid="course-campaign" />
          </Form.Item>
        </div>
        <div className="gj-form-pair">
          <Form.Item name="capacity" label={t('courses.capacity')} rules={[{ required: true }]}>
            <InputNumber<number>
              min={1}
              max={10_000}
              precision={0}
              suffix={t('courses.peopleUnit')}
              className="gj-fill"
              data-testid="course-capacity"
            />
          </Form.Item>
          <Form.Item
            name="minSessions"
            label={t('courses.minSessions')}
            extra={t('courses.minSessionsHint')}
            dependencies={['sessions']}
            rules={[
              { required: true },
              {
                type: 'number',
                max: maxMin,
                message: t('courses.minSessionsTooMany', { count: maxMin }),
              },
            ]}
          >
            <InputNumber<number>
              min={1}
              max={50}
              precision={0}
              disabled={(course?.kind ?? kind) === 'lecture'}
              className="gj-fill"
              data-testid="course-min-sessions"
            />
          </Form.Item>
        </div>
        <Form.Item name="enrolment" label={t('courses.enrolmentLabel')} rules={[{ required: true }]}>
          <Radio.Group
            options={ENROLMENT_MODES.map((m) => ({
              value: m,
              label: (
                <span className="gj-stack">
                  <span>{t(`courses.enrolmentMode.${m}`)}</span>
                  <Typography.Text type="secondary" className="gj-pub-small">
                    {t(`courses.enrolmentHint.${m}`)}
                  </Typography.Text>
                </span>
              ),
            }))}
            className="gj-pub-radio-stack"
            data-testid="course-enrolment"
          />
        </Form.Item>
        {!course && (
          <>
            <Typography.Title level={5}>{t('courses.sessions')}</Typography.Title>
            <SubFormList
              name="sessions"
              requiredMessage={t('courses.sessionsRequired')}
              title={(n) => t('courses.sessionN', { n })}
              removeLabel={t('courses.removeSession')}
              addLabel={t('courses.addSession')}
              max={MAX_SESSIONS}
              canAdd={kind !== 'lecture'}
              newItem={() => {
                const all = (form.getFieldValue('sessions') as SessionValues[] | undefined) ?? [];
                return newSession(all[all.length - 1]);
              }}
              testIds={{ item: 'course-session', remove: 'course-session-remove', add: 'course-session-add' }}
            >
              {(field, i) => (
                <>
                  <Form.Item
                    name={[field.name, 'title']}
                    label={t('courses.sessionTitle')}
                    rules={[
                      { required: true, whitespace: true, message: t('courses.sessionTitleRequired') },
                      { min: 2, max: 100 },
                    ]}
                  >
                    <Input data-testid={`course-session-title-${i}`} />
                  </Form.Item>
                  <div className="gj-form-pair">
                    <Form.Item
                      name={[field.name, 'day']}
                      label={t('courses.sessionDay')}
                      rules={[{ required: true }]}
                    >
                      <DatePicker
                        className="gj-fill"
                        inputReadOnly
                        needConfirm={false}
                        data-testid={`course-session-day-${i}`}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'time']}
                      label={t('courses.sessionTime')}
                      rules={[
                        { required: true },
                        {
                          validator: (_, value: [Dayjs, Dayjs] | undefined) =>
                            !value || value[1].isAfter(value[0])
                              ? Promise.resolve()
                              : Promise.reject(new Error(t('courses.endBeforeStart'))),
                        },
                      ]}
                    >
                      <TimePicker.RangePicker
                        format="HH:mm"
                        minuteStep={5}
                        inputReadOnly
                        needConfirm={false}
                        className="gj-fill"
                        data-testid={`course-session-time-${i}`}
                      />
                    </Form.Item>
                  </div>
                  <div className="gj-form-pair">
                    <Form.Item name={[field.name, 'place']} label={t('courses.place')} rules={[{ max: 100 }]}>
                      <Input
                        placeholder={t('courses.placePlaceholder')}
                        data-testid={`course-session-place-${i}`}
                      />
                    </Form.Item>
                    {mayPickLecturer && (
                      <Form.Item name={[field.name, 'lecturerUserId']} label={t('courses.lecturer')}>
                        <LecturerSelect data-testid={`course-session-lecturer-${i}`} />
                      </Form.Item>
                    )}
                  </div>
                </>
              )}
            </SubFormList>
            {!mayPickLecturer && (
              <Typography.Paragraph type="secondary" className="gj-pub-small gj-section">
                {t('courses.lecturerLater')}
              </Typography.Paragraph>
            )}
          </>
        )}
      </Form>
    </FormDrawer>
  );
}
