import { CheckOutlined, InfoCircleOutlined, SaveOutlined } from '@ant-design/icons';
import { ATTENDANCE, type Meeting } from '@contract';
import { Button, Empty, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attendance } from '../../shared/enums';
import { useFeedback } from '../../shared/feedback';
import { useRecordAttendance } from './meetings.api';

const COLOR: Record<Attendance, string> = { present: 'success', absent: 'error', excused: 'warning' };

function AttendanceTag({ value }: { value: Attendance | null }) {
  const { t } = useTranslation();
  if (!value) return <Typography.Text type="secondary">{t('attendance.unrecorded')}</Typography.Text>;
  return <Tag color={COLOR[value]}>{t(`attendance.${value}`)}</Tag>;
}

type Props = { meeting: Meeting; editable: boolean };

/**
 * One row per invitee with present / absent / excused. The parent keys this by the saved
 * attendance, so a save (or a reload) starts it afresh from the server's answer.
 */
export function AttendanceSection({ meeting, editable }: Props) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const record = useRecordAttendance();
  const saved = new Map(meeting.invitees.map((i) => [i.personId, i.attendance]));
  const [marks, setMarks] = useState<Map<number, Attendance | null>>(saved);
  const cancelled = meeting.status === 'cancelled';
  const canEdit = editable && !cancelled;
  const counts = ATTENDANCE.map((a) => [a, [...marks.values()].filter((m) => m === a).length] as const);
  const unrecorded = [...marks.values()].filter((m) => m === null).length;

  const mark = (personId: number, value: Attendance) =>
    setMarks((prev) => new Map(prev).set(personId, value));
  const allPresent = () =>
    setMarks((prev) => new Map([...prev].map(([id, value]) => [id, value ?? 'present'] as const)));

  const save = () => {
    const items = [...marks]
      .filter((entry): entry is [number, Attendance] => entry[1] !== null)
      .map(([personId, attendance]) => ({ personId, attendance }));
    record.mutate(
      { id: meeting.id, items },
      { onSuccess: () => feedback.success(t('meetings.attendanceSaved')), onError: feedback.error },
    );
  };

  if (meeting.invitees.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('meetings.noInvitees')} />;
  }

  return (
    <div data-testid="attendance">
      {cancelled && (
        <Typography.Paragraph type="secondary" className="gj-block-gap">
          <InfoCircleOutlined /> {t('meetings.cancelledNoAttendance')}
        </Typography.Paragraph>
      )}
      <div className="gj-attendance-summary">
        {counts.map(([a, n]) => (
          <Tag key={a} color={COLOR[a]}>
            {t(`attendance.${a}`)} {n}
          </Tag>
        ))}
        {unrecorded > 0 && <Tag>{t('attendance.unrecordedCount', { count: unrecorded })}</Tag>}
      </div>
      <ul className="gj-list gj-attendance-list">
        {meeting.invitees.map((i) => (
          <li key={i.personId} className="gj-attendance-row" data-testid={`invitee-${i.personId}`}>
            <span className="gj-stack">
              <strong>{i.name}</strong>
              {i.detail && <Typography.Text type="secondary">{i.detail}</Typography.Text>}
            </span>
            {canEdit ? (
              <>
                <Radio.Group
                  className="no-print"
                  size="small"
                  optionType="button"
                  buttonStyle="solid"
                  value={marks.get(i.personId) ?? undefined}
                  onChange={(e) => mark(i.personId, e.target.value as Attendance)}
                  options={ATTENDANCE.map((a) => ({ value: a, label: t(`attendance.${a}`) }))}
                  data-testid={`attendance-${i.personId}`}
                />
                {/* On paper, the mark as saved, not the buttons. */}
                <span className="print-only">
                  <AttendanceTag value={i.attendance ?? null} />
                </span>
              </>
            ) : (
              <span data-testid={`attendance-${i.personId}`}>
                <AttendanceTag value={marks.get(i.personId) ?? null} />
              </span>
            )}
          </li>
        ))}
      </ul>
      {canEdit && (
        <div className="gj-section-bar gj-section-bar-end">
          {meeting.status === 'scheduled' && (
            <Typography.Text type="secondary" className="gj-hint">
              {t('meetings.attendanceHint')}
            </Typography.Text>
          )}
          <Space wrap>
            <Button icon={<CheckOutlined />} onClick={allPresent} disabled={unrecorded === 0}>
              {t('meetings.restPresent')}
            </Button>
            <Button
              type="primary"
              icon={<SaveOutlined />}
              onClick={save}
              disabled={marks.size === unrecorded}
              loading={record.isPending}
              data-testid="attendance-save"
            >
              {t('meetings.saveAttendance')}
            </Button>
          </Space>
        </div>
      )}
    </div>
  );
}
