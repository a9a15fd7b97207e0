import { MEETING_STATUSES } from '@contract';
import { Card, DatePicker, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Dayjs, day, dayStart } from '../../lib/time';
import { ExportButton } from '../../shared/ExportButton';
import { idParam, type MeetingStatus, oneOf } from '../../shared/enums';
import { PageHeader } from '../../shared/PageHeader';
import { RegionSelect } from '../../shared/pickers/RegionSelect';
import { QueryError } from '../../shared/QueryError';
import { paginationProps, useListParams } from '../../shared/useListParams';
import { MeetingTable } from './MeetingTable';
import { useMeetings } from './meetings.api';

const FILTER_KEYS = ['status', 'regionId', 'from', 'to'] as const;
const DAY = 'YYYY-MM-DD';

/** A day from the address bar, if it is one. */
function dayParam(value: string | undefined): Dayjs | undefined {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
  const d = day(value);
  return d.isValid() ? d : undefined;
}

/** Every meeting of the bodies in the user's area, newest first. */
export function MeetingsPage() {
  const { t } = useTranslation();
  const list = useListParams(FILTER_KEYS);
  const from = dayParam(list.filters.from);
  const to = dayParam(list.filters.to);
  const filters = {
    status: oneOf(MEETING_STATUSES, list.filters.status),
    regionId: idParam(list.filters.regionId),
    // Whole days in the user's time zone, with the offset the contract asks for.
    // The picked days' bounds in the district, whatever the browser's zone.
    from: from && dayStart(from.format(DAY)).toISOString(),
    to: to && dayStart(to.format(DAY)).endOf('day').millisecond(0).toISOString(),
  };
  const meetings = useMeetings({ ...filters, page: list.page, pageSize: list.pageSize });

  return (
    <>
      <PageHeader title={t('nav.meetings')} extra={<ExportButton resource="meetings" filters={filters} />} />
      <Card>
        <div className="gj-toolbar">
          <Select<MeetingStatus>
            className="gj-toolbar-select"
            allowClear
            placeholder={t('common.status')}
            value={filters.status}
            onChange={(status) => list.setFilters({ status })}
            options={MEETING_STATUSES.map((s) => ({ value: s, label: t(`meetingStatus.${s}`) }))}
            data-testid="meeting-status-filter"
          />
          <RegionSelect
            className="gj-toolbar-select-wide"
            allowClear
            placeholder={t('meetings.region')}
            value={filters.regionId}
            onChange={(regionId) => list.setFilters({ regionId })}
          />
          <DatePicker.RangePicker
            className="gj-toolbar-range"
            value={[from ?? null, to ?? null]}
            allowEmpty={[true, true]}
            placeholder={[t('meetings.from'), t('meetings.to')]}
            onChange={(range) =>
              list.setFilters({ from: range?.[0]?.format(DAY), to: range?.[1]?.format(DAY) })
            }
            data-testid="meeting-date-filter"
          />
        </div>
        {meetings.error && <QueryError error={meetings.error} onRetry={() => void meetings.refetch()} />}
        <MeetingTable
          meetings={meetings.data?.items}
          loading={meetings.isFetching}
          pagination={paginationProps(list, meetings.data?.total ?? 0, (total) =>
            t('common.total', { total }),
          )}
        />
      </Card>
    </>
  );
}
