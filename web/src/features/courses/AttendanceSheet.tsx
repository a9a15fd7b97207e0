import { CheckOutlined, InfoCircleOutlined, SaveOutlined } from '@ant-design/icons';
import type { Course, Enrolment } from '@contract';
import { Button, Empty, Skeleton, Space, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFeedback } from '../../shared/feedback';
import { QueryError } from '../../shared/QueryError';
import { type CourseSessionData, hasStarted, useAllEnrolments, useSaveAttendance } from './api';

type Marks = Map<number, boolean | null>;

const marksOf = (enrolments: Enrolment[], sessionId: number): Marks =>
  new Map(
    enrolments.map((e) => [
      e.person.id,
      e.attendance.find((a) => a.sessionId === sessionId)?.present ?? null,
    ]),
  );

function Sheet({ session, enrolments }: { session: CourseSessionData; enrolments: Enrolment[] }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const save = useSaveAttendance();
  const [marks, setMarks] = useState<Marks>(() => marksOf(enrolments, session.id));
  const started = hasStarted(session);
  const values = [...marks.values()];
  const present = values.filter((v) => v === true).length;
  const absent = values.filter((v) => v === false).length;
  const unrecorded = values.length - present - absent;

  const mark = (personId: number, value: boolean) => setMarks((prev) => new Map(prev).set(personId, value));
  const allPresent = () => setMarks((prev) => new Map([...prev].map(([id, v]) => [id, v ?? true] as const)));
  const onSave = () =>
    save.mutate(
      {
        sessionId: session.id,
        // A sheet is saved whole: those not ticked were absent.
        items: [...marks].map(([personId, value]) => ({ personId, present: value === true })),
      },
      {
        onSuccess: () => feedback.success(t('courses.attendanceSaved', { count: present })),
        onError: feedback.error,
      },
    );

  if (enrolments.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('courses.noEnrolments')} />;
  }
  return (
    <div data-testid={`attendance-sheet-${session.id}`}>
      {!started && (
        <Typography.Paragraph type="secondary" className="gj-block-gap">
          <InfoCircleOutlined /> {t('courses.attendanceNotYet')}
        </Typography.Paragraph>
      )}
      <div className="gj-attendance-summary">
        <Tag color="success">{t('courses.presentCount', { count: present })}</Tag>
        <Tag color="error">{t('courses.absentCount', { count: absent })}</Tag>
        {unrecorded > 0 && <Tag>{t('attendance.unrecordedCount', { count: unrecorded })}</Tag>}
      </div>
      <ul className="gj-list gj-attendance-list gj-pub-sheet-list">
        {enrolments.map((e) => {
          const value = marks.get(e.person.id) ?? null;
          return (
            <li key={e.id} className="gj-attendance-row" data-testid={`attendance-row-${e.person.id}`}>
              <span className="gj-inline">
                <strong>{e.person.name}</strong>
                {e.nominated && <Tag>{t('courses.nominated')}</Tag>}
              </span>
              <span className="gj-pub-switch">
                <Typography.Text type={value === null ? 'secondary' : undefined}>
                  {value === null
                    ? t('attendance.unrecorded')
                    : value
                      ? t('attendance.present')
                      : t('attendance.absent')}
                </Typography.Text>
                <Switch
                  checked={value === true}
                  disabled={!started}
                  onChange={(on) => mark(e.person.id, on)}
                  aria-label={t('courses.presentOf', { name: e.person.name })}
                  data-testid={`attendance-switch-${e.person.id}`}
                />
              </span>
            </li>
          );
        })}
      </ul>
      {started && (
        <div className="gj-section-bar gj-section-bar-end">
          <Typography.Text type="secondary" className="gj-pub-small">
            {t('courses.attendanceHint')}
          </Typography.Text>
          <Space wrap>
            <Button
              icon={<CheckOutlined />}
              onClick={allPresent}
              disabled={unrecorded === 0}
              data-testid="attendance-all-present"
            >
              {t('courses.restPresent')}
            </Button>
            <Button
              type="primary"
              icon={<SaveOutlined />}
              onClick={onSave}
              loading={save.isPending}
              data-testid="attendance-save"
            >
              {t('courses.saveAttendance')}
            </Button>
          </Space>
        </div>
      )}
    </div>
  );
}

type Props = { course: Pick<Course, 'id'>; session: CourseSessionData };

/**
 * One switch per enrolled person: present or absent at this session. Keyed by the saved
 * enrolments, so a save (or a reload) starts it afresh from the server's answer.
 */
export function AttendanceSheet({ course, session }: Props) {
  const enrolments = useAllEnrolments(course.id);
  if (enrolments.error) {
    return <QueryError error={enrolments.error} onRetry={() => void enrolments.refetch()} />;
  }
  if (!enrolments.data) return <Skeleton active />;
  const enrolled = enrolments.data.filter((e) => e.status === 'enrolled');
  return <Sheet key={`${session.id}-${enrolments.dataUpdatedAt}`} session={session} enrolments={enrolled} />;
}
