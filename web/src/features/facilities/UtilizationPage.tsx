import { UTILIZATION_SORTS } from '@contract';
import {
  Card,
  DatePicker,
  Empty,
  Pagination,
  Progress,
  Radio,
  Select,
  Skeleton,
  Spin,
  Statistic,
  Table,
  type TableColumnsType,
  type TablePaginationConfig,
  Typography,
} from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type Dayjs, day } from '../../lib/time';
import { idParam, oneOf } from '../../shared/enums';
import { PageHeader } from '../../shared/PageHeader';
import { PlainList } from '../../shared/PlainList';
import { RegionSelect } from '../../shared/pickers/RegionSelect';
import { UnitSelect } from '../../shared/pickers/UnitSelect';
import { QueryError } from '../../shared/QueryError';
import { TableEmpty } from '../../shared/TableEmpty';
import { useIsMobile } from '../../shared/useIsMobile';
import { paginationProps, useListParams } from '../../shared/useListParams';
import { type UtilizationData, type UtilizationSort, useUtilization } from './api';
import { useFacilityOwners } from './owners';
import { DAY } from './time';

// echarts stays out of the first screen: the chart loads when this page shows it.
const UtilizationChart = lazy(() => import('./UtilizationChart'));

const SCOPES = ['region', 'unit'] as const;
type Scope = (typeof SCOPES)[number];
type Row = UtilizationData['byFacility']['items'][number];
type Order = { sort: UtilizationSort; order: 'asc' | 'desc' };
type TableProps = {
  rows: Row[];
  order: Order;
  pagination: TablePaginationConfig;
  onOrder: (order: Order) => void;
};

const percent = (rate: number) => Math.round(rate * 1000) / 10;
const rateOf = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
const hours = (h: number) => Math.round(h * 10) / 10;

function RateBar({ rate, color }: { rate: number; color: string }) {
  return <Progress percent={percent(rate)} size="small" strokeColor={color} format={(p) => `${p}%`} />;
}

function Totals({ data }: { data: UtilizationData }) {
  const { t } = useTranslation();
  return (
    <div className="gj-fac-stats" data-testid="utilization-totals">
      <Card size="small">
        <Statistic
          title={t('facilities.util.open')}
          value={hours(data.openHours)}
          suffix={t('facilities.hoursUnit')}
          data-testid="util-open"
        />
      </Card>
      <Card size="small">
        <Statistic
          title={t('facilities.util.booked')}
          value={hours(data.bookedHours)}
          suffix={t('facilities.hoursUnit')}
          data-testid="util-booked"
        />
        <RateBar rate={data.bookedRate} color="#f5a623" />
      </Card>
      <Card size="small">
        <Statistic
          title={t('facilities.util.used')}
          value={hours(data.usedHours)}
          suffix={t('facilities.hoursUnit')}
          data-testid="util-used"
        />
        <RateBar rate={data.usedRate} color="#c8102e" />
      </Card>
      <Card size="small">
        <Statistic
          title={t('facilities.util.facilityCount')}
          value={data.byFacility.total}
          data-testid="util-count"
        />
      </Card>
    </div>
  );
}

/**
 * The scope's facilities, a page at a time, ordered by the server (a district has thousands):
 * by a column's header on a desktop, by a choice above the cards on a phone.
 */
function ByFacility({ rows, order, pagination, onOrder }: TableProps) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  if (isMobile) {
    return (
      <>
        <Select<UtilizationSort>
          className="gj-toolbar-select"
          value={order.sort}
          onChange={(sort) => onOrder({ sort, order: sort === 'name' ? 'asc' : 'desc' })}
          options={UTILIZATION_SORTS.map((s) => ({ value: s, label: t(`facilities.util.order.${s}`) }))}
          data-testid="util-order"
        />
        <PlainList
          items={rows}
          rowKey={(r) => r.id}
          empty={t('facilities.util.noFacilities')}
          render={(r) => (
            <div className="gj-card-row" data-testid={`util-row-${r.id}`}>
              <Link to={`/facilities/${r.id}`} className="gj-strong-link">
                {r.name}
              </Link>
              <Typography.Text type="secondary">
                {t('facilities.util.rowSummary', {
                  open: hours(r.openHours),
                  booked: hours(r.bookedHours),
                  used: hours(r.usedHours),
                })}
              </Typography.Text>
              <div className="gj-fill">
                <RateBar rate={rateOf(r.usedHours, r.openHours)} color="#c8102e" />
              </div>
            </div>
          )}
        />
        <Pagination className="gj-card-pagination" size="small" {...pagination} showSizeChanger={false} />
      </>
    );
  }
  // Figures sort most first on the first click; names from A.
  const sortable = (
    key: UtilizationSort,
  ): Pick<TableColumnsType<Row>[number], 'sorter' | 'sortOrder' | 'sortDirections'> => ({
    sorter: true,
    sortOrder: order.sort === key ? (order.order === 'desc' ? 'descend' : 'ascend') : null,
    sortDirections: key === 'name' ? ['ascend', 'descend'] : ['descend', 'ascend'],
  });
  const columns: TableColumnsType<Row> = [
    {
      title: t('facilities.name'),
      key: 'name',
      dataIndex: 'name',
      ...sortable('name'),
      render: (name: string, r) => <Link to={`/facilities/${r.id}`}>{name}</Link>,
    },
    {
      title: t('facilities.util.openShort'),
      key: 'openHours',
      dataIndex: 'openHours',
      align: 'right',
      width: 110,
      ...sortable('openHours'),
      render: (h: number) => hours(h),
    },
    {
      title: t('facilities.util.bookedShort'),
      key: 'bookedHours',
      dataIndex: 'bookedHours',
      align: 'right',
      width: 110,
      ...sortable('bookedHours'),
      render: (h: number) => hours(h),
    },
    {
      title: t('facilities.util.usedShort'),
      key: 'usedHours',
      dataIndex: 'usedHours',
      align: 'right',
      width: 110,
      ...sortable('usedHours'),
      render: (h: number) => hours(h),
    },
    {
      title: t('facilities.util.bookedRate'),
      key: 'bookedRate',
      width: 170,
      ...sortable('bookedRate'),
      render: (_, r) => <RateBar rate={rateOf(r.bookedHours, r.openHours)} color="#f5a623" />,
    },
    {
      title: t('facilities.util.usedRate'),
      key: 'usedRate',
      width: 170,
      ...sortable('usedRate'),
      render: (_, r) => <RateBar rate={rateOf(r.usedHours, r.openHours)} color="#c8102e" />,
    },
  ];
  return (
    <Table<Row>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={pagination}
      // A header click asks the server for that order (cleared: back to by name); the page goes back to 1.
      onChange={(_, __, sorter, extra) => {
        if (extra.action !== 'sort') return;
        const one = Array.isArray(sorter) ? sorter[0] : sorter;
        const key = oneOf(UTILIZATION_SORTS, String(one?.columnKey ?? ''));
        onOrder(
          key && one?.order
            ? { sort: key, order: one.order === 'descend' ? 'desc' : 'asc' }
            : { sort: 'name', order: 'asc' },
        );
      }}
      scroll={{ x: 760 }}
      locale={{ emptyText: <TableEmpty text={t('facilities.util.noFacilities')} /> }}
      data-testid="utilization-table"
    />
  );
}

/** How much the shared facilities are used: open, booked and used hours, by week and by facility. */
export function UtilizationPage() {
  const { t } = useTranslation();
  const owners = useFacilityOwners();
  const list = useListParams(['scope', 'regionId', 'unitId', 'from', 'to', 'sort', 'order'] as const);
  const [today] = useState(() => day());
  const from =
    list.filters.from && day(list.filters.from).isValid()
      ? list.filters.from
      : today.subtract(3, 'month').format(DAY);
  const to = list.filters.to && day(list.filters.to).isValid() ? list.filters.to : today.format(DAY);
  // A unit's contact (without an area role) sees their unit; the area's staff a region or a unit.
  const scope: Scope = owners.area ? (oneOf(SCOPES, list.filters.scope) ?? 'region') : 'unit';
  const regionId = idParam(list.filters.regionId) ?? owners.area?.regionId;
  const unitId = owners.area ? idParam(list.filters.unitId) : owners.unit?.id;
  const order: Order = {
    sort: oneOf(UTILIZATION_SORTS, list.filters.sort) ?? 'name',
    order: list.filters.order === 'desc' ? 'desc' : 'asc',
  };
  const paging = { page: list.page, pageSize: list.pageSize, ...order };
  const params = scope === 'unit' ? { unitId, from, to, ...paging } : { regionId, from, to, ...paging };
  const ready = scope === 'unit' ? unitId !== undefined : regionId !== undefined;
  const util = useUtilization(params, ready);
  const data = util.data;

  return (
    <>
      <PageHeader title={t('nav.facilityUtilization')} />
      <Card>
        <div className="gj-toolbar" data-testid="utilization-filters">
          {owners.area ? (
            <>
              <Radio.Group
                optionType="button"
                value={scope}
                onChange={(e) =>
                  list.setFilters({ scope: e.target.value === 'region' ? undefined : e.target.value })
                }
                options={SCOPES.map((s) => ({ value: s, label: t(`facilities.util.scope.${s}`) }))}
                data-testid="util-scope"
              />
              {scope === 'region' ? (
                <RegionSelect
                  className="gj-toolbar-select-wide"
                  kinds={['street', 'community']}
                  value={regionId}
                  onChange={(next) => list.setFilters({ regionId: next })}
                  data-testid="util-region"
                />
              ) : (
                <UnitSelect
                  className="gj-toolbar-select-wide"
                  regionId={owners.area.regionId}
                  value={unitId}
                  onChange={(next) => list.setFilters({ unitId: next })}
                  data-testid="util-unit"
                />
              )}
            </>
          ) : (
            <Typography.Text strong data-testid="util-own-unit">
              {owners.unit?.name}
            </Typography.Text>
          )}
          <DatePicker.RangePicker
            className="gj-toolbar-range"
            value={[day(from), day(to)]}
            allowClear={false}
            inputReadOnly
            disabledDate={(d) => d.isAfter(today.add(1, 'year'))}
            presets={[
              { label: t('facilities.util.lastMonth'), value: [today.subtract(1, 'month'), today] },
              { label: t('facilities.util.last3Months'), value: [today.subtract(3, 'month'), today] },
              { label: t('facilities.util.thisYear'), value: [today.startOf('year'), today] },
            ]}
            onChange={(range) => {
              const [a, b] = (range ?? []) as [Dayjs | null, Dayjs | null];
              if (a && b) list.setFilters({ from: a.format(DAY), to: b.format(DAY) });
            }}
            data-testid="util-range"
          />
        </div>
        {!ready && (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('facilities.util.pickScope')} />
        )}
        {util.error && <QueryError error={util.error} onRetry={() => void util.refetch()} />}
        {ready && !data && !util.error && <Skeleton active />}
        {ready && data && (
          <Spin spinning={util.isFetching}>
            <Totals data={data} />
            <Typography.Title level={5} className="gj-section">
              {t('facilities.util.byWeek')}
            </Typography.Title>
            {data.byWeek.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('facilities.util.noWeeks')} />
            ) : (
              <Suspense fallback={<Skeleton active />}>
                <UtilizationChart weeks={data.byWeek} />
              </Suspense>
            )}
            <Typography.Title level={5} className="gj-section">
              {t('facilities.util.byFacility')}
            </Typography.Title>
            <ByFacility
              rows={data.byFacility.items}
              order={order}
              onOrder={(next) =>
                list.setFilters({
                  sort: next.sort === 'name' ? undefined : next.sort,
                  order: next.order === 'asc' ? undefined : next.order,
                })
              }
              pagination={paginationProps(list, data.byFacility.total, (total) =>
                t('common.total', { total }),
              )}
            />
          </Spin>
        )}
      </Card>
    </>
  );
}
