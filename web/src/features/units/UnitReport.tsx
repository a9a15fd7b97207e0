import { FilePdfOutlined } from '@ant-design/icons';
import type { UnitReport as Report } from '@contract';
import { useQuery } from '@tanstack/react-query';
import { Select, Space, Statistic, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { DownloadButton } from '../../shared/DownloadButton';
import { downloadFile } from '../../shared/download';
import { PrintButton, PrintStamp } from '../../shared/Print';
import { QueryError } from '../../shared/QueryError';
import { TableEmpty } from '../../shared/TableEmpty';
import { useIsMobile } from '../../shared/useIsMobile';
import { currentQuarter, type Quarter, quarterKey, recentQuarters } from './quarters';

type Member = Report['members'][number];
type Totals = Report['totals'];

/** Each figure with its unit: "7.5 小时", "2 次", "1 门", "4.5 分". */
function figures(t: TFunction) {
  return {
    hours: (value: number) => t('units.report.hoursValue', { value }),
    roles: (count: number) => t('units.report.rolesValue', { count }),
    meetings: (count: number) => t('units.report.meetingsValue', { count }),
    courses: (count: number) => t('units.report.coursesValue', { count }),
    rating: (value: number | null) =>
      value === null ? t('common.none') : t('units.report.ratingValue', { value }),
    people: (count: number, of: number) => t('units.report.peopleOf', { count, of }),
  };
}

/** A column header that never breaks inside a word (服务时长 stays whole, on a phone too). */
const header = (title: string) => <span className="gj-nowrap">{title}</span>;

/** The totals as large figures, each with its unit. */
function TotalsRow({ totals }: { totals: Totals }) {
  const { t } = useTranslation();
  const rating = totals.rating;
  return (
    <Space size="large" wrap data-testid="unit-report-totals">
      <Statistic
        title={t('units.report.activeOf')}
        value={`${totals.active} / ${totals.members}`}
        suffix={t('units.report.peopleUnit')}
        data-testid="unit-report-active"
      />
      <Statistic
        title={t('units.report.registeredOf')}
        value={`${totals.registered} / ${totals.members}`}
        suffix={t('units.report.peopleUnit')}
        data-testid="unit-report-registered"
      />
      <Statistic
        title={t('units.report.hours')}
        value={totals.hours}
        suffix={t('units.report.hoursUnit')}
        data-testid="unit-report-hours"
      />
      <Statistic
        title={t('units.report.rating')}
        value={rating ?? t('common.none')}
        suffix={rating === null ? undefined : t('units.report.ratingUnit')}
        data-testid="unit-report-rating"
      />
    </Space>
  );
}

/** The whole report as one plain table for paper: every member, the totals, no controls. */
function PrintedReport({ report }: { report: Report }) {
  const { t } = useTranslation();
  const f = figures(t);
  const { totals } = report;
  return (
    <div className="print-only gj-report-print" data-testid="unit-report-print">
      <h1>{t('units.report.printTitle', { unit: report.unit.name })}</h1>
      <p>
        {t('units.report.periodRange', {
          label: t('units.report.quarterLabel', { year: report.year, quarter: report.quarter }),
          from: report.from,
          to: report.to,
        })}
        {report.ongoing && ` · ${t('units.report.ongoingNote')}`}
      </p>
      <PrintStamp />
      <table className="gj-report-table">
        <thead>
          <tr>
            <th>{t('units.report.name')}</th>
            <th>{t('units.report.home')}</th>
            <th>{t('units.report.registered')}</th>
            <th>{t('units.report.hours')}</th>
            <th>{t('units.report.roles')}</th>
            <th>{t('units.report.meetings')}</th>
            <th>{t('units.report.courses')}</th>
            <th>{t('units.report.rating')}</th>
          </tr>
        </thead>
        <tbody>
          {report.members.map((m) => (
            <tr key={m.person.id}>
              <td>{m.person.name}</td>
              <td>{m.homeCommunity}</td>
              <td>{m.registered ? t('units.report.yes') : t('units.report.no')}</td>
              <td className="gj-num">{f.hours(m.hours)}</td>
              <td className="gj-num">{f.roles(m.roles)}</td>
              <td className="gj-num">{f.meetings(m.meetings)}</td>
              <td className="gj-num">{f.courses(m.courses)}</td>
              <td className="gj-num">{f.rating(m.rating)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th>{t('units.report.total')}</th>
            <td>{t('units.report.activeValue', { count: totals.active, of: totals.members })}</td>
            <td>{f.people(totals.registered, totals.members)}</td>
            <td className="gj-num">{f.hours(totals.hours)}</td>
            <td className="gj-num">{f.roles(totals.roles)}</td>
            <td className="gj-num">{f.meetings(totals.meetings)}</td>
            <td className="gj-num">{f.courses(totals.courses)}</td>
            <td className="gj-num">{f.rating(totals.rating)}</td>
          </tr>
        </tfoot>
      </table>
      <p className="gj-secondary">{t('units.report.hint')}</p>
    </div>
  );
}

type Props = {
  unitId: number;
  /** Offer a print button, and lay the whole report out for paper (the unit's page). */
  printable?: boolean;
};

/** 在职党员双重管理: each quarter, what the unit's members did in their home communities. */
export function UnitReport({ unitId, printable = false }: Props) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  // This quarter first: its figures grow as the quarter goes (marked 进行中).
  const [period, setPeriod] = useState<Quarter>(() => currentQuarter());
  const report = useQuery({
    queryKey: ['units', unitId, 'report', period],
    queryFn: () => api.get<Report>(`/units/${unitId}/reports`, period),
  });
  const f = figures(t);
  const quarters = recentQuarters();
  const columns: TableColumnsType<Member> = [
    { title: header(t('units.report.name')), key: 'name', render: (_, m) => m.person.name },
    { title: header(t('units.report.home')), key: 'homeCommunity', dataIndex: 'homeCommunity' },
    {
      title: header(t('units.report.registered')),
      key: 'registered',
      render: (_, m) =>
        m.registered ? <Tag color="green">{t('units.report.yes')}</Tag> : <Tag>{t('units.report.no')}</Tag>,
    },
    {
      title: header(t('units.report.hours')),
      key: 'hours',
      align: 'right',
      render: (_, m) => <span className="gj-nowrap">{f.hours(m.hours)}</span>,
    },
    {
      title: header(t('units.report.roles')),
      key: 'roles',
      align: 'right',
      render: (_, m) => <span className="gj-nowrap">{f.roles(m.roles)}</span>,
    },
    {
      title: header(t('units.report.meetings')),
      key: 'meetings',
      align: 'right',
      render: (_, m) => <span className="gj-nowrap">{f.meetings(m.meetings)}</span>,
    },
    {
      title: header(t('units.report.courses')),
      key: 'courses',
      align: 'right',
      render: (_, m) => <span className="gj-nowrap">{f.courses(m.courses)}</span>,
    },
    {
      title: header(t('units.report.rating')),
      key: 'rating',
      align: 'right',
      render: (_, m) => <span className="gj-nowrap">{f.rating(m.rating)}</span>,
    },
  ];
  // On a phone: who, where, and the hours; the rest is in the export and on paper.
  const shown = isMobile
    ? columns.filter((c) => ['name', 'homeCommunity', 'hours'].includes(String(c.key)))
    : columns;
  const data = report.data;
  return (
    <div className="gj-stack gj-gap gj-min0" data-testid="unit-report">
      <div className="no-print gj-stack gj-gap gj-min0">
        <Space wrap>
          <Select<string>
            value={quarterKey(period)}
            onChange={(key) => setPeriod(quarters.find((q) => quarterKey(q) === key) ?? period)}
            options={quarters.map((q) => ({
              value: quarterKey(q),
              label: t('units.report.quarterLabel', q),
            }))}
            aria-label={t('units.report.period')}
            popupMatchSelectWidth={false}
            data-testid="unit-report-quarter"
          />
          {data?.ongoing && (
            <Tag color="processing" data-testid="unit-report-ongoing">
              {t('units.report.ongoing')}
            </Tag>
          )}
          {data && (
            <Typography.Text type="secondary" data-testid="unit-report-range">
              {t('units.report.range', { from: data.from, to: data.to })}
            </Typography.Text>
          )}
        </Space>
        <Space wrap>
          {printable && data && <PrintButton testId="unit-report-print-button" />}
          <DownloadButton
            download={() =>
              downloadFile(
                `/units/${unitId}/reports/export`,
                `report-${period.year}Q${period.quarter}.xlsx`,
                period,
              )
            }
            testId="unit-report-export"
            label={t('units.report.export')}
          />
          <DownloadButton
            download={() =>
              downloadFile(
                `/units/${unitId}/reports/pdf`,
                `report-${period.year}Q${period.quarter}.pdf`,
                period,
              )
            }
            testId="unit-report-pdf"
            label={t('units.report.pdf')}
            icon={<FilePdfOutlined />}
          />
        </Space>
        {report.error ? (
          <QueryError error={report.error} onRetry={() => void report.refetch()} />
        ) : (
          <>
            {data && <TotalsRow totals={data.totals} />}
            <Table<Member>
              className="gj-report-grid"
              rowKey={(m) => m.person.id}
              size="small"
              loading={report.isFetching}
              columns={shown}
              dataSource={data?.members ?? []}
              pagination={{ pageSize: 10, size: 'small' }}
              // Wider than the room: the table scrolls sideways; a header never wraps.
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: <TableEmpty text={t('units.report.empty')} /> }}
            />
            <Typography.Text type="secondary">{t('units.report.hint')}</Typography.Text>
          </>
        )}
      </div>
      {printable && data && <PrintedReport report={data} />}
    </div>
  );
}
