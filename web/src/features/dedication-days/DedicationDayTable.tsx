import { ClockCircleOutlined, EnvironmentOutlined } from '@ant-design/icons';
import type { DedicationDay } from '@contract';
import {
  Pagination,
  Skeleton,
  Spin,
  Table,
  type TableColumnsType,
  type TablePaginationConfig,
  Tag,
  Typography,
} from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PlainList } from '../../shared/PlainList';
import { TableEmpty } from '../../shared/TableEmpty';
import { useIsMobile } from '../../shared/useIsMobile';
import { DayActions } from './DayActions';
import { formatDay, timeRange } from './format';
import { describeRule } from './rule';

type Props = {
  days: DedicationDay[] | undefined;
  loading: boolean;
  pagination: TablePaginationConfig;
  onEdit: (day: DedicationDay) => void;
};

/** How many of the next dates a row shows. */
const NEXT_SHOWN = 3;

function RetiredTag() {
  const { t } = useTranslation();
  return <Tag data-testid="dedication-retired-tag">{t('dedication.retiredTag')}</Tag>;
}

/** The next dates, each opening the calendar on its day. */
function NextDates({ day }: { day: DedicationDay }) {
  const { t } = useTranslation();
  if (day.retiredAt !== null || day.upcoming.length === 0) {
    return <Typography.Text type="secondary">{t('dedication.noUpcoming')}</Typography.Text>;
  }
  return (
    <span className="gj-ded-next">
      {day.upcoming.slice(0, NEXT_SHOWN).map((date) => (
        <Link
          key={date}
          to={`/dedication-calendar?regionId=${day.regionId}&date=${date}`}
          className="gj-nowrap"
          data-testid={`dedication-next-${day.id}-${date}`}
        >
          {formatDay(t, date)}
        </Link>
      ))}
    </span>
  );
}

/** "2 项 · 30 人": the tasks each occurrence starts with, and their places. */
function TaskCount({ day }: { day: DedicationDay }) {
  const { t } = useTranslation();
  const places = day.tasks.reduce((sum, task) => sum + task.capacity, 0);
  return <span className="gj-nowrap">{t('dedication.taskCount', { count: day.tasks.length, places })}</span>;
}

/** On a phone each schedule is a card: the table is too wide to read there. */
function DayCards({ days, loading, pagination, onEdit }: Props) {
  const { t } = useTranslation();
  if (loading && !days) return <Skeleton active />;
  return (
    <Spin spinning={loading}>
      <div data-testid="dedication-table">
        <PlainList
          items={days ?? []}
          rowKey={(d) => d.id}
          empty={t('dedication.empty')}
          render={(d) => (
            <div
              className={d.retiredAt ? 'gj-card-row gj-retired' : 'gj-card-row'}
              data-testid={`dedication-row-${d.id}`}
            >
              <div className="gj-card-row-head">
                <strong>{d.title}</strong>
                {d.retiredAt && <RetiredTag />}
              </div>
              <span className="gj-ded-rule-line">{describeRule(t, d.rrule)}</span>
              <Typography.Text type="secondary" className="gj-inline">
                <span>
                  <ClockCircleOutlined /> {timeRange(d.startTime, d.endTime)}
                </span>
                <span>
                  <EnvironmentOutlined /> {[d.regionName, d.place].filter(Boolean).join(' · ')}
                </span>
                <TaskCount day={d} />
              </Typography.Text>
              <span className="gj-inline">
                <Typography.Text type="secondary">{t('dedication.next')}</Typography.Text>
                <NextDates day={d} />
              </span>
              <DayActions day={d} onEdit={onEdit} variant="card" />
            </div>
          )}
        />
      </div>
      <Pagination className="gj-card-pagination" size="small" {...pagination} showSizeChanger={false} />
    </Spin>
  );
}

export function DedicationDayTable(props: Props) {
  const { days, loading, pagination, onEdit } = props;
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const columns: TableColumnsType<DedicationDay> = [
    {
      title: t('dedication.title'),
      dataIndex: 'title',
      fixed: 'left',
      width: 220,
      render: (title: string, d) => (
        <span className="gj-stack">
          <span className="gj-inline">
            <strong>{title}</strong>
            {d.retiredAt && <RetiredTag />}
          </span>
          <Typography.Text type="secondary">
            <EnvironmentOutlined /> {[d.regionName, d.place].filter(Boolean).join(' · ')}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('dedication.rule.label'),
      key: 'rule',
      width: 190,
      render: (_, d) => (
        <span className="gj-stack">
          <span>{describeRule(t, d.rrule)}</span>
          <Typography.Text type="secondary" className="gj-nowrap">
            <ClockCircleOutlined /> {timeRange(d.startTime, d.endTime)}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('dedication.tasks'),
      key: 'tasks',
      width: 120,
      render: (_, d) => <TaskCount day={d} />,
    },
    {
      title: t('dedication.next'),
      key: 'next',
      width: 140,
      render: (_, d) => <NextDates day={d} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 230,
      render: (_, d) => <DayActions day={d} onEdit={onEdit} variant="link" />,
    },
  ];

  if (isMobile) return <DayCards {...props} />;
  return (
    <Table<DedicationDay>
      rowKey="id"
      columns={columns}
      dataSource={days}
      loading={loading}
      pagination={pagination}
      scroll={{ x: 900 }}
      rowClassName={(d) => (d.retiredAt ? 'gj-past' : '')}
      onRow={(d) => ({ 'data-testid': `dedication-row-${d.id}` }) as HTMLAttributes<HTMLElement>}
      locale={{ emptyText: <TableEmpty text={t('dedication.empty')} /> }}
      data-testid="dedication-table"
    />
  );
}
