import { CheckOutlined, CloseOutlined, MinusOutlined } from '@ant-design/icons';
import type { Course, Enrolment } from '@contract';
import { Pagination, Skeleton, Spin, Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { zoned } from '../../lib/time';
import { PlainList } from '../../shared/PlainList';
import { PRINT_ROWS, type PrintRequest, usePrintWhenReady } from '../../shared/Print';
import { QueryError } from '../../shared/QueryError';
import { TableEmpty } from '../../shared/TableEmpty';
import { useIsMobile } from '../../shared/useIsMobile';
import { useEnrolments } from './api';
import { CertificateButton } from './CertificateButton';
import { sessionTime } from './CourseTags';

/** A tick, a cross, or a dash before it is recorded. */
function Tick({ present, label }: { present: boolean | null; label: string }) {
  const { t } = useTranslation();
  const state = present === null ? 'unrecorded' : present ? 'present' : 'absent';
  return (
    <Tooltip title={`${label} · ${t(`attendance.${state}`)}`}>
      <span className="gj-pub-tick" data-state={state} role="img" aria-label={t(`attendance.${state}`)}>
        {present === null ? <MinusOutlined /> : present ? <CheckOutlined /> : <CloseOutlined />}
      </span>
    </Tooltip>
  );
}

function Completion({ course, enrolment: e }: { course: Course; enrolment: Enrolment }) {
  const { t } = useTranslation();
  if (e.status === 'withdrawn') return <Tag>{t('courses.withdrawnTag')}</Tag>;
  if (!e.completedAt) {
    return (
      <Typography.Text type="secondary">
        {t('courses.attendedOf', { attended: e.attended, min: course.minSessions })}
      </Typography.Text>
    );
  }
  return (
    <span className="gj-inline">
      <Tag color="success">
        {t('courses.completedOn', { date: zoned(e.completedAt).format('YYYY-MM-DD') })}
      </Tag>
      <CertificateButton enrolmentId={e.id} courseTitle={course.title} compact />
    </span>
  );
}

type Props = { course: Course; print: PrintRequest };

/**
 * Who enrolled, ticked per session, and who completed: for organisers and the course's lecturers.
 * Printed, it holds everyone (up to PRINT_ROWS), not the page on screen.
 */
export function EnrolmentTable({ course, print }: Props) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const enrolments = useEnrolments(course.id, print.asked ? { page: 1, pageSize: PRINT_ROWS } : paging);
  usePrintWhenReady(print, enrolments.data !== undefined && !enrolments.isFetching);
  const items = enrolments.data?.items;
  const sessions = course.sessions;
  const label = (i: number) => `${t('courses.sessionN', { n: i + 1 })} ${sessionTime(sessions[i]!)}`;
  const presentAt = (e: Enrolment, sessionId: number) =>
    e.attendance.find((a) => a.sessionId === sessionId)?.present ?? null;

  const pagination = {
    current: paging.page,
    pageSize: paging.pageSize,
    total: enrolments.data?.total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: [10, 20, 50, 100],
    showTotal: (total: number) => t('common.total', { total }),
    onChange: (page: number, pageSize: number) =>
      setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
  };

  if (enrolments.error) {
    return <QueryError error={enrolments.error} onRetry={() => void enrolments.refetch()} />;
  }
  if (!items) return <Skeleton active />;

  if (isMobile) {
    return (
      <Spin spinning={enrolments.isFetching}>
        <div data-testid="enrolment-list">
          <PlainList
            items={items}
            rowKey={(e) => e.id}
            empty={t('courses.noEnrolments')}
            render={(e) => (
              <div className="gj-card-row" data-testid={`enrolment-${e.id}`}>
                <div className="gj-card-row-head">
                  <span className="gj-inline">
                    <strong>{e.person.name}</strong>
                    {e.nominated && <Tag>{t('courses.nominated')}</Tag>}
                  </span>
                </div>
                <span className="gj-pub-ticks">
                  {sessions.map((s, i) => (
                    <Tick key={s.id} present={presentAt(e, s.id)} label={label(i)} />
                  ))}
                </span>
                <Completion course={course} enrolment={e} />
              </div>
            )}
          />
        </div>
        <Pagination className="gj-card-pagination" size="small" {...pagination} />
      </Spin>
    );
  }

  const columns: TableColumnsType<Enrolment> = [
    {
      title: t('courses.person'),
      key: 'person',
      fixed: 'left',
      width: 160,
      render: (_, e) => (
        <span className="gj-inline">
          <span>{e.person.name}</span>
          {e.nominated && <Tag>{t('courses.nominated')}</Tag>}
        </span>
      ),
    },
    ...sessions.map((s, i) => ({
      title: (
        <Tooltip title={label(i)}>
          <span>{i + 1}</span>
        </Tooltip>
      ),
      key: `s${s.id}`,
      width: 48,
      align: 'center' as const,
      render: (_: unknown, e: Enrolment) => <Tick present={presentAt(e, s.id)} label={label(i)} />,
    })),
    {
      title: t('courses.completion'),
      key: 'completion',
      render: (_, e) => <Completion course={course} enrolment={e} />,
    },
  ];
  return (
    <Table<Enrolment>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      loading={enrolments.isFetching}
      pagination={print.asked ? false : pagination}
      scroll={{ x: 360 + sessions.length * 48 }}
      rowClassName={(e) => (e.status === 'withdrawn' ? 'gj-past' : '')}
      locale={{ emptyText: <TableEmpty text={t('courses.noEnrolments')} /> }}
      data-testid="enrolment-table"
    />
  );
}
