import type { MeetingSummary } from '@contract';
import { type TableColumnsType, type TablePaginationConfig, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { zoned } from '../../lib/time';
import { EntityTable } from '../../shared/EntityTable';
import { MeetingStatusTag } from '../../shared/tags';

type Props = {
  meetings: MeetingSummary[] | undefined;
  loading: boolean;
  pagination: TablePaginationConfig;
  /** Leave out the body's name (on the body's own page). */
  hideBody?: boolean;
};

export const MEETING_TIME = 'YYYY-MM-DD HH:mm';

/** "2026-05-12 09:00–10:30", or with the end's date when it ends on another day. */
export function meetingTime(m: { startsAt: string; endsAt: string | null }) {
  const start = zoned(m.startsAt);
  if (!m.endsAt) return start.format(MEETING_TIME);
  const end = zoned(m.endsAt);
  return `${start.format(MEETING_TIME)}–${end.format(end.isSame(start, 'day') ? 'HH:mm' : MEETING_TIME)}`;
}

function Attendance({ m }: { m: MeetingSummary }) {
  const { t } = useTranslation();
  if (m.status !== 'held') return <>{t('meetings.invitedCount', { count: m.inviteeCount })}</>;
  return <>{t('meetings.presentOf', { present: m.presentCount, invited: m.inviteeCount })}</>;
}

export function MeetingTable({ meetings, loading, pagination, hideBody }: Props) {
  const { t } = useTranslation();
  const columns: TableColumnsType<MeetingSummary> = [
    {
      title: t('meetings.time'),
      dataIndex: 'startsAt',
      width: 160,
      render: (_, m) => <span className="gj-nowrap">{meetingTime(m)}</span>,
    },
    {
      title: t('meetings.title'),
      dataIndex: 'title',
      width: 240,
      render: (title: string, m) => (
        <Link to={`/meetings/${m.id}`} data-testid={`meeting-view-${m.id}`}>
          {title}
        </Link>
      ),
    },
    ...(hideBody
      ? []
      : [
          {
            title: t('meetings.body'),
            dataIndex: 'bodyName',
            width: 200,
            render: (name: string, m: MeetingSummary) => <Link to={`/bodies/${m.bodyId}`}>{name}</Link>,
          },
        ]),
    { title: t('meetings.place'), dataIndex: 'place', width: 160 },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 90,
      render: (_, m) => <MeetingStatusTag status={m.status} />,
    },
    {
      title: t('meetings.attendance'),
      key: 'attendance',
      width: 110,
      render: (_, m) => <Attendance m={m} />,
    },
    { title: t('meetings.resolutions'), dataIndex: 'resolutionCount', width: 80, align: 'right' },
  ];

  return (
    <EntityTable<MeetingSummary>
      items={meetings}
      loading={loading}
      pagination={pagination}
      columns={columns}
      scrollX={hideBody ? 840 : 1040}
      empty={t('meetings.empty')}
      testId="meeting-table"
      rowData={(m) => ({ 'data-testid': `meeting-row-${m.id}` })}
      card={(m) => (
        <>
          <div className="gj-card-row-head">
            <Link to={`/meetings/${m.id}`} className="gj-strong-link">
              {m.title}
            </Link>
            <MeetingStatusTag status={m.status} />
          </div>
          {!hideBody && <Typography.Text type="secondary">{m.bodyName}</Typography.Text>}
          <span>
            {meetingTime(m)}
            <Typography.Text type="secondary"> · {m.place}</Typography.Text>
          </span>
          <Typography.Text type="secondary">
            <Attendance m={m} />
            {' · '}
            {t('meetings.resolutionCount', { count: m.resolutionCount })}
          </Typography.Text>
        </>
      )}
    />
  );
}
