import { FilePdfOutlined } from '@ant-design/icons';
import type { UnitReport as Report } from '@contract';
import { useQuery } from '@tanstack/react-query';
import { Select, Space, Statistic, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../lib/api';
import { DownloadButton } from '../../shared/DownloadButton';
import { downloadFile } from '../../shared/download';
import { QueryError } from '../../shared/QueryError';
import { TableEmpty } from '../../shared/TableEmpty';
import { useIsMobile } from '../../shared/useIsMobile';

type Member = Report['members'][number];

/** The quarter just ended (or this one, early in the year's first quarter). */
function defaultQuarter(now = new Date()) {
  const q = Math.floor(now.getMonth() / 3) + 1;
  return q === 1 ? { year: now.getFullYear(), quarter: 1 } : { year: now.getFullYear(), quarter: q - 1 };
}

/** 在职党员双重管理: each quarter, what the unit's members did in their home communities. */
export function UnitReport({ unitId }: { unitId: number }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const [period, setPeriod] = useState(defaultQuarter);
  const report = useQuery({
    queryKey: ['units', unitId, 'report', period],
    queryFn: () => api.get<Report>(`/units/${unitId}/reports`, period),
  });
  const thisYear = new Date().getFullYear();
  const columns: TableColumnsType<Member> = [
    { title: t('units.report.name'), key: 'name', render: (_, m) => m.person.name, width: 90 },
    { title: t('units.report.home'), dataIndex: 'homeCommunity', width: 130 },
    {
      title: t('units.report.registered'),
      key: 'registered',
      width: 80,
      render: (_, m) =>
        m.registered ? <Tag color="green">{t('units.report.yes')}</Tag> : <Tag>{t('units.report.no')}</Tag>,
    },
    { title: t('units.report.hours'), dataIndex: 'hours', align: 'right', width: 80 },
    { title: t('units.report.roles'), dataIndex: 'roles', align: 'right', width: 70 },
    { title: t('units.report.meetings'), dataIndex: 'meetings', align: 'right', width: 70 },
    { title: t('units.report.courses'), dataIndex: 'courses', align: 'right', width: 70 },
    {
      title: t('units.report.rating'),
      key: 'rating',
      align: 'right',
      width: 80,
      render: (_, m) => m.rating ?? '—',
    },
  ];
  return (
    <div className="gj-stack gj-min0" data-testid="unit-report">
      <Space wrap>
        <Select
          value={period.year}
          onChange={(year) => setPeriod((p) => ({ ...p, year }))}
          options={[thisYear - 1, thisYear].map((y) => ({
            value: y,
            label: t('units.report.year', { year: y }),
          }))}
          data-testid="unit-report-year"
        />
        <Select
          value={period.quarter}
          onChange={(quarter) => setPeriod((p) => ({ ...p, quarter }))}
          options={[1, 2, 3, 4].map((q) => ({ value: q, label: t('units.report.quarter', { quarter: q }) }))}
          data-testid="unit-report-quarter"
        />
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
          {report.data && (
            <Space size="large" wrap>
              <Statistic
                title={t('units.report.activeOf')}
                value={`${report.data.totals.active}/${report.data.totals.members}`}
              />
              <Statistic
                title={t('units.report.registeredOf')}
                value={`${report.data.totals.registered}/${report.data.totals.members}`}
              />
              <Statistic title={t('units.report.hours')} value={report.data.totals.hours} />
              <Statistic title={t('units.report.rating')} value={report.data.totals.rating ?? '—'} />
            </Space>
          )}
          <Table<Member>
            rowKey={(m) => m.person.id}
            size="small"
            loading={report.isFetching}
            // On a phone: who, where, and the hours; the rest is in the export.
            columns={
              isMobile
                ? columns.filter((c) =>
                    ['name', 'homeCommunity', 'hours'].includes(
                      String(c.key ?? (c as { dataIndex?: string }).dataIndex),
                    ),
                  )
                : columns
            }
            dataSource={report.data?.members ?? []}
            pagination={{ pageSize: 10, size: 'small' }}
            scroll={isMobile ? undefined : { x: 590 }}
            locale={{ emptyText: <TableEmpty text={t('units.report.empty')} /> }}
          />
          <Typography.Text type="secondary">{t('units.report.hint')}</Typography.Text>
        </>
      )}
    </div>
  );
}
