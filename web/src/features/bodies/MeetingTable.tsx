import type { MeetingSummary } from '@contract';
import {
  Pagination,
  Skeleton,
  Spin,
  Table,
  type TableColumnsType,
  type TablePaginationConfig,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PlainList } from '../../shared/PlainList';
import { TableEmpty } from '../../shared/TableEmpty';
import { MeetingStatusTag } from '../../shared/tags';
import { useIsMobile } from '../../shared/useIsMobile';

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
  const start = dayjs(m.startsAt);
  if (!m.endsAt) return start.format(MEETING_TIME);
  const end = dayjs(m.endsAt);
  return `${start.format(MEETING_TIME)}–${end.format(end.isSame(start, 'day') ? 'HH:mm' : MEETING_TIME)}`;
}

function Attendance({ m }: { m: MeetingSummary }) {
  const { t } = useTranslation();
  if (m.status !== 'held') return <>{t('meetings.invitedCount', { count: m.inviteeCount })}</>;
  return <>{t('meetings.presentOf', { present: m.presentCount, invited: m.inviteeCount })}</>;
}

/** On a phone each meeting is a card. */
function MeetingCards({ meetings, loading, pagination, hideBody }: Props) {
  const { t } = useTranslation();
  if (loading && !meetings) return <Skeleton active />;
  return (
    <Spin spinning={loading}>
      <div data-testid="meeting-table">
        <PlainList
          items={meetings ?? []}
          rowKey={(m) => m.id}
          empty={t('meetings.empty')}
          render={(m) => (
            <div className="gj-card-row" data-testid={`meeting-row-${m.id}`}>
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
            </div>
          )}
        />
      </div>
      <Pagination className="gj-card-pagination" size="small" {...pagination} showSizeChanger={false} />
    </Spin>
  );
}

export function MeetingTable(props: Props) {
  const { meetings, loading, pagination, hideBody } = props;
  const { t } = useTranslation();
  const isMobile = useIsMobile();
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

  if (isMobile) return <MeetingCards {...props} />;
  return (
    <Table<MeetingSummary>
      rowKey="id"
      columns={columns}
      dataSource={meetings}
      loading={loading}
      pagination={pagination}
      scroll={{ x: hideBody ? 840 : 1040 }}
      onRow={(m) => ({ 'data-testid': `meeting-row-${m.id}` }) as HTMLAttributes<HTMLElement>}
      locale={{ emptyText: <TableEmpty text={t('meetings.empty')} /> }}
      data-testid="meeting-table"
    />
  );
}
