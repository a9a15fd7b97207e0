import { MEETING_STATUSES, type Meeting } from '@contract';
import { DatePicker, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Dayjs, day, fromWallClock, wallClock, zoned } from '../../lib/time';
import type { BodyKind, MeetingStatus } from '../../shared/enums';
import { FormDrawer } from '../../shared/FormDrawer';
import { useFeedback } from '../../shared/feedback';
import { MemberSelect } from '../../shared/pickers/MemberSelect';
import { useLastDefined } from '../../shared/useLastDefined';
import { MEETING_TIME } from './MeetingTable';
import { type MeetingChanges, useCreateMeeting, useUpdateMeeting } from './meetings.api';

/** Schedule a meeting of a body, or edit `meeting`. */
export type MeetingFormTarget =
  | { mode: 'create'; body: { id: number; name: string; kind: BodyKind } }
  | { mode: 'edit'; meeting: Meeting };

type Values = {
  title: string;
  startsAt: Dayjs;
  endsAt?: Dayjs | null;
  place: string;
  agenda?: string;
  inviteePersonIds?: number[];
  status?: MeetingStatus;
};
const FIELDS = ['title', 'startsAt', 'endsAt', 'place', 'agenda', 'inviteePersonIds', 'status'] as const;

/** The instant a picked wall-clock time means in the district (whatever the browser's zone). */
const iso = (d: Dayjs) => fromWallClock(d.second(0).millisecond(0));

function initialValues(target: MeetingFormTarget | undefined): Partial<Values> {
  if (target?.mode !== 'edit') {
    // Next working morning at nine, a common time for these meetings.
    return { startsAt: day().add(1, 'day').hour(9), agenda: '' };
  }
  const m = target.meeting;
  return {
    title: m.title,
    startsAt: wallClock(m.startsAt),
    endsAt: m.endsAt ? wallClock(m.endsAt) : null,
    place: m.place,
    agenda: m.agenda,
    status: m.status,
  };
}

function changes(m: Meeting, v: Values): MeetingChanges {
  const out: MeetingChanges = {};
  if (v.title.trim() !== m.title) out.title = v.title.trim();
  if (!zoned(iso(v.startsAt)).isSame(m.startsAt, 'minute')) out.startsAt = iso(v.startsAt);
  const endsAt = v.endsAt ? iso(v.endsAt) : null;
  if (v.endsAt ? !m.endsAt || !zoned(iso(v.endsAt)).isSame(m.endsAt, 'minute') : m.endsAt !== null)
    out.endsAt = endsAt;
  if (v.place.trim() !== m.place) out.place = v.place.trim();
  const agenda = (v.agenda ?? '').trim();
  if (agenda !== m.agenda) out.agenda = agenda;
  if (v.status && v.status !== m.status) out.status = v.status;
  return out;
}

type Props = {
  target: MeetingFormTarget | null;
  onClose: () => void;
  onCreated?: (meeting: Meeting) => void;
};

export function MeetingFormDrawer({ target, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const create = useCreateMeeting();
  const update = useUpdateMeeting();
  const feedback = useFeedback();
  const shown = useLastDefined(target);
  const meeting = shown?.mode === 'edit' ? shown.meeting : undefined;
  const body = shown?.mode === 'create' ? shown.body : undefined;

  const onFinish = (values: Values) => {
    const onError = (error: unknown) => feedback.formError(form, error, FIELDS);
    if (meeting) {
      const body = changes(meeting, values);
      if (Object.keys(body).length === 0) return feedback.success(t('common.noChanges'));
      update.mutate(
        { id: meeting.id, ...body },
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
    if (!body) return;
    const invitees = values.inviteePersonIds ?? [];
    create.mutate(
      {
        bodyId: body.id,
        title: values.title.trim(),
        startsAt: iso(values.startsAt),
        endsAt: values.endsAt ? iso(values.endsAt) : undefined,
        place: values.place.trim(),
        agenda: (values.agenda ?? '').trim(),
        inviteePersonIds: invitees.length > 0 ? invitees : undefined,
      },
      {
        onSuccess: (created) => {
          feedback.success(t('meetings.created', { title: created.title, count: created.invitees.length }));
          onCreated?.(created);
          onClose();
        },
        onError,
      },
    );
  };

  return (
    <FormDrawer
      open={target !== null}
      onClose={onClose}
      title={
        meeting
          ? t('meetings.editTitle', { title: meeting.title })
          : t('meetings.createIn', { body: body?.name ?? '' })
      }
      width={600}
      onSubmit={form.submit}
      submitting={create.isPending || update.isPending}
      submitLabel={meeting ? t('common.save') : t('meetings.schedule')}
      submitTestId="meeting-form-submit"
    >
      <Form<Values>
        form={form}
        layout="vertical"
        clearOnDestroy
        initialValues={initialValues(shown)}
        onFinish={onFinish}
      >
        <Form.Item
          name="title"
          label={t('meetings.title')}
          rules={[{ required: true, whitespace: true, max: 100 }]}
        >
          <Input data-testid="meeting-title" />
        </Form.Item>
        <div className="gj-form-pair">
          <Form.Item name="startsAt" label={t('meetings.startsAt')} rules={[{ required: true }]}>
            <DatePicker
              showTime={{ format: 'HH:mm', minuteStep: 5 }}
              format={MEETING_TIME}
              needConfirm={false}
              className="gj-fill"
              data-testid="meeting-starts"
            />
          </Form.Item>
          <Form.Item
            name="endsAt"
            label={t('meetings.endsAt')}
            dependencies={['startsAt']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value: Dayjs | null | undefined) => {
                  const start: Dayjs | undefined = getFieldValue('startsAt');
                  return !value || !start || value.isAfter(start)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('meetings.endBeforeStart')));
                },
              }),
            ]}
          >
            <DatePicker
              showTime={{ format: 'HH:mm', minuteStep: 5 }}
              format={MEETING_TIME}
              needConfirm={false}
              className="gj-fill"
              data-testid="meeting-ends"
            />
          </Form.Item>
        </div>
        <Form.Item
          name="place"
          label={t('meetings.place')}
          rules={[{ required: true, whitespace: true, max: 200 }]}
        >
          <Input data-testid="meeting-place" />
        </Form.Item>
        {meeting && (
          <Form.Item name="status" label={t('common.status')} extra={t('meetings.statusHint')}>
            <Select<MeetingStatus>
              options={MEETING_STATUSES.map((s) => ({ value: s, label: t(`meetingStatus.${s}`) }))}
              data-testid="meeting-status"
            />
          </Form.Item>
        )}
        <Form.Item name="agenda" label={t('meetings.agenda')} rules={[{ max: 20000 }]}>
          <Input.TextArea
            autoSize={{ minRows: 4, maxRows: 12 }}
            placeholder={t('meetings.agendaPlaceholder')}
            data-testid="meeting-agenda"
          />
        </Form.Item>
        {body && (
          <Form.Item
            name="inviteePersonIds"
            label={t('meetings.invitees')}
            extra={t(body.kind === 'liaison_group' ? 'meetings.inviteesHintGroup' : 'meetings.inviteesHint')}
          >
            <MemberSelect
              multiple
              allowClear
              placeholder={t('meetings.inviteesPlaceholder')}
              data-testid="meeting-invitees"
            />
          </Form.Item>
        )}
      </Form>
    </FormDrawer>
  );
}
