import type { Body } from '@contract';
import { type TableColumnsType, type TablePaginationConfig, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { zoned } from '../../lib/time';
import { EntityTable } from '../../shared/EntityTable';
import { BodyKindTag, BodyStatusTag } from '../../shared/tags';

type Props = {
  bodies: Body[] | undefined;
  loading: boolean;
  pagination: TablePaginationConfig;
};

const DAY = 'YYYY-MM-DD';

export function BodyTable({ bodies, loading, pagination }: Props) {
  const { t } = useTranslation();
  const dash = t('common.none');
  const columns: TableColumnsType<Body> = [
    {
      title: t('bodies.name'),
      dataIndex: 'name',
      fixed: 'left',
      width: 200,
      render: (name: string, b) => (
        <Link to={`/bodies/${b.id}`} data-testid={`body-view-${b.id}`}>
          {name}
        </Link>
      ),
    },
    {
      title: t('bodies.kind'),
      dataIndex: 'kind',
      width: 150,
      render: (_, b) => <BodyKindTag kind={b.kind} />,
    },
    { title: t('bodies.region'), dataIndex: 'regionLabel', width: 160 },
    {
      title: t('bodies.convenor'),
      key: 'convenor',
      width: 100,
      render: (_, b) => b.convenor?.name ?? dash,
    },
    { title: t('bodies.memberCount'), dataIndex: 'memberCount', width: 90, align: 'right' },
    { title: t('bodies.meetingCount'), dataIndex: 'meetingCount', width: 90, align: 'right' },
    {
      title: t('bodies.lastMeeting'),
      dataIndex: 'lastMeetingAt',
      width: 110,
      render: (at: string | null) => (at ? zoned(at).format(DAY) : dash),
    },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 90,
      render: (_, b) => <BodyStatusTag status={b.status} />,
    },
  ];

  return (
    <EntityTable<Body>
      items={bodies}
      loading={loading}
      pagination={pagination}
      columns={columns}
      scrollX={990}
      empty={t('bodies.empty')}
      testId="body-table"
      rowData={(b) => ({ 'data-testid': `body-row-${b.id}` })}
      card={(b) => (
        <>
          <div className="gj-card-row-head">
            <Link to={`/bodies/${b.id}`} className="gj-strong-link">
              {b.name}
            </Link>
            <BodyStatusTag status={b.status} />
          </div>
          <span className="gj-tags">
            <BodyKindTag kind={b.kind} />
            <Typography.Text type="secondary">{b.regionLabel}</Typography.Text>
          </span>
          <Typography.Text type="secondary">
            {[
              b.convenor && t('bodies.convenorIs', { name: b.convenor.name }),
              t('bodies.counts', { members: b.memberCount, meetings: b.meetingCount }),
              b.lastMeetingAt && t('bodies.lastMeetingOn', { date: zoned(b.lastMeetingAt).format(DAY) }),
            ]
              .filter(Boolean)
              .join(' · ')}
          </Typography.Text>
        </>
      )}
    />
  );
}
