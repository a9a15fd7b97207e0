import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { Meeting } from '@contract';
import { Breadcrumb, Button, Card, Descriptions, Result, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { idParam } from '../../shared/enums';
import { PageHeader } from '../../shared/PageHeader';
import { PlainList } from '../../shared/PlainList';
import { PrintButton, PrintStamp } from '../../shared/Print';
import { QueryError } from '../../shared/QueryError';
import { BodyKindTag, MeetingStatusTag, OverdueTag, TaskStatusTag } from '../../shared/tags';
import { AttendanceSection } from './AttendanceSection';
import { MeetingFormDrawer, type MeetingFormTarget } from './MeetingFormDrawer';
import { meetingTime } from './MeetingTable';
import { MinutesSection } from './MinutesSection';
import { useMeeting } from './meetings.api';
import { ResolutionModal } from './ResolutionModal';

function Resolutions({ meeting, editable }: { meeting: Meeting; editable: boolean }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  return (
    <>
      <PlainList
        items={meeting.resolutions}
        rowKey={(r) => r.id}
        empty={t('meetings.noResolutions')}
        render={(r) => (
          <div className="gj-card-row" data-testid={`resolution-${r.id}`}>
            <span className="gj-prewrap">{r.text}</span>
            {r.task ? (
              <span className="gj-resolution-task">
                <Typography.Text type="secondary">{t('meetings.followUp')}</Typography.Text>
                <Link to={`/tasks?task=${r.task.id}`} data-testid={`resolution-task-${r.id}`}>
                  {r.task.title}
                </Link>
                <TaskStatusTag status={r.task.status} />
                <Typography.Text type={r.task.overdue ? 'danger' : 'secondary'}>
                  {t('tasks.dueOnDate', { date: r.task.dueOn })}
                </Typography.Text>
                {r.task.overdue && <OverdueTag />}
              </span>
            ) : (
              <Typography.Text type="secondary">{t('meetings.noTask')}</Typography.Text>
            )}
          </div>
        )}
      />
      {editable && (
        <>
          <Button
            className="gj-section"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="resolution-add"
          >
            {t('meetings.addResolution')}
          </Button>
          <ResolutionModal meetingId={meeting.id} open={adding} onClose={() => setAdding(false)} />
        </>
      )}
    </>
  );
}

/** A meeting: details, agenda, attendance, minutes, and resolutions with their follow-up tasks. */
export function MeetingPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const id = idParam(useParams().id);
  const { data: meeting, error, refetch } = useMeeting(id);
  const [form, setForm] = useState<MeetingFormTarget | null>(null);
  const canManage = can('body.manage');
  const open = meeting?.status !== 'cancelled';

  if (id === undefined || (error instanceof ApiError && error.status === 404)) {
    return (
      <Result
        status="404"
        title={t('meetings.notFound')}
        extra={
          <Link to="/meetings">
            <Button type="primary">{t('meetings.backToList')}</Button>
          </Link>
        }
      />
    );
  }

  return (
    <>
      <Breadcrumb
        className="gj-breadcrumb"
        items={[
          { title: <Link to="/meetings">{t('nav.meetings')}</Link> },
          ...(meeting
            ? [{ title: <Link to={`/bodies/${meeting.bodyId}?tab=meetings`}>{meeting.bodyName}</Link> }]
            : []),
          { title: meeting?.title ?? '…' },
        ]}
      />
      <PageHeader
        title={meeting?.title ?? t('meetings.detail')}
        extra={
          meeting && (
            <Space wrap className="no-print">
              <PrintButton testId="meeting-print" />
              {canManage && (
                <Button
                  icon={<EditOutlined />}
                  onClick={() => setForm({ mode: 'edit', meeting })}
                  data-testid="meeting-edit"
                >
                  {t('common.edit')}
                </Button>
              )}
            </Space>
          )
        }
      />
      {meeting && <PrintStamp subject={t('print.minutes')} />}
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {!meeting && !error && <Skeleton active />}
      {meeting && (
        <>
          <Card data-testid="meeting-detail" data-status={meeting.status}>
            <Descriptions
              column={{ xs: 1, sm: 2, lg: 3 }}
              size="small"
              items={[
                {
                  key: 'body',
                  label: t('meetings.body'),
                  children: (
                    <span className="gj-tags">
                      <BodyKindTag kind={meeting.bodyKind} />
                      <Link to={`/bodies/${meeting.bodyId}`}>{meeting.bodyName}</Link>
                    </span>
                  ),
                },
                { key: 'time', label: t('meetings.time'), children: meetingTime(meeting) },
                { key: 'place', label: t('meetings.place'), children: meeting.place },
                {
                  key: 'status',
                  label: t('common.status'),
                  children: <MeetingStatusTag status={meeting.status} />,
                },
                {
                  key: 'attendance',
                  label: t('meetings.attendance'),
                  children: t('meetings.presentOf', {
                    present: meeting.presentCount,
                    invited: meeting.inviteeCount,
                  }),
                },
                { key: 'resolutions', label: t('meetings.resolutions'), children: meeting.resolutionCount },
              ]}
            />
          </Card>
          {/* Two columns on a desktop; on a phone attendance follows the agenda, as the meeting goes. */}
          <div className="gj-meeting-grid gj-section">
            <Card title={t('meetings.agenda')} size="small" className="gj-area-agenda">
              {meeting.agenda ? (
                <Typography.Paragraph className="gj-prewrap gj-no-margin" data-testid="meeting-agenda-text">
                  {meeting.agenda}
                </Typography.Paragraph>
              ) : (
                <Typography.Text type="secondary">{t('meetings.noAgenda')}</Typography.Text>
              )}
            </Card>
            <Card
              title={t('meetings.attendanceTitle', { count: meeting.invitees.length })}
              size="small"
              className="gj-area-attendance"
            >
              <AttendanceSection
                key={meeting.invitees.map((i) => `${i.personId}:${i.attendance ?? ''}`).join(',')}
                meeting={meeting}
                editable={canManage}
              />
            </Card>
            <Card title={t('meetings.minutes')} size="small" className="gj-area-minutes">
              <MinutesSection key={meeting.minutes ?? ''} meeting={meeting} editable={canManage && open} />
            </Card>
            <Card
              title={t('meetings.resolutionsTitle', { count: meeting.resolutions.length })}
              size="small"
              className="gj-area-resolutions"
            >
              <Resolutions meeting={meeting} editable={canManage && open} />
            </Card>
          </div>
        </>
      )}
      {canManage && <MeetingFormDrawer target={form} onClose={() => setForm(null)} />}
    </>
  );
}
