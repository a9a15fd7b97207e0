import { LeftOutlined, RightOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Segmented, Space, Spin, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { useAuth } from '../../lib/auth';
import { type Dayjs, day } from '../../lib/time';
import { idParam, oneOf } from '../../shared/enums';
import { PageHeader } from '../../shared/PageHeader';
import { RegionSelect } from '../../shared/pickers/RegionSelect';
import { QueryError } from '../../shared/QueryError';
import { useIsMobile } from '../../shared/useIsMobile';
import { useOccurrences } from './api';
import { CalendarLegend } from './CalendarParts';
import { groupByDate, MonthAgenda, MonthGrid, WeekView } from './CalendarViews';
import { DAY } from './formValues';
import { useScopeRegion } from './useScopeRegion';

const VIEWS = ['month', 'week'] as const;
type View = (typeof VIEWS)[number];
/** The address bar's word for "no region filter" (no parameter means the user's own area). */
const ALL = 'all';
/** The most the list route answers at once. */
const PAGE_SIZE = 500;

function dateParam(value: string | null): Dayjs {
  const given = value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? day(value) : undefined;
  return given?.isValid() ? given : day();
}

/** The days shown: a month's six weeks as the calendar lays them out, or one week. */
function visibleRange(view: View, date: Dayjs): { start: Dayjs; end: Dayjs } {
  if (view === 'week') {
    const start = date.startOf('week');
    return { start, end: start.add(6, 'day') };
  }
  const start = date.startOf('month').startOf('week');
  return { start, end: start.add(41, 'day') };
}

/**
 * The fixed dedication days' occurrences by month or week, with how full each task is: members
 * find one to sign up for, organisers see where people are missing. A region (community or
 * street) narrows it; an organiser starts in their own.
 */
export function DedicationCalendarPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const scope = useScopeRegion();
  const [params, setParams] = useSearchParams();
  const view: View = oneOf(VIEWS, params.get('view') ?? undefined) ?? 'month';
  const date = dateParam(params.get('date'));
  const rawRegion = params.get('regionId');
  const regionId = rawRegion === ALL ? undefined : (idParam(rawRegion ?? undefined) ?? scope);
  const mine = params.get('mine') === 'true';

  const set = (patch: Record<string, string | undefined>) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [key, value] of Object.entries(patch)) {
          if (value === undefined) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true },
    );
  const goTo = (next: Dayjs) => set({ date: next.format(DAY) });
  const step = (n: number) => goTo(date.add(n, view === 'week' ? 'week' : 'month'));

  const range = visibleRange(view, date);
  const occurrences = useOccurrences({
    regionId,
    mine: mine ? 'true' : undefined,
    from: range.start.format(DAY),
    to: range.end.format(DAY),
    pageSize: PAGE_SIZE,
  });
  const byDate = groupByDate(occurrences.data?.items ?? []);
  const truncated = occurrences.data && occurrences.data.total > occurrences.data.items.length;

  const label =
    view === 'month'
      ? date.format(t('dedication.calendar.monthFormat'))
      : `${range.start.format(t('dedication.calendar.rangeFormat'))} – ${range.end.format(
          t('dedication.calendar.rangeFormat'),
        )}`;

  return (
    <>
      <PageHeader
        title={t('nav.dedicationCalendar')}
        extra={
          can('dedication.manage') && (
            <Button
              icon={<UnorderedListOutlined />}
              onClick={() => navigate('/dedication-days')}
              data-testid="dedication-open-schedules"
            >
              {t('nav.dedicationDays')}
            </Button>
          )
        }
      />
      <Card>
        <div className="gj-toolbar">
          <RegionSelect
            className="gj-toolbar-select-wide"
            kinds={['street', 'community']}
            allowClear
            placeholder={t('dedication.calendar.allRegions')}
            value={regionId}
            onChange={(next) => set({ regionId: next === undefined ? ALL : String(next) })}
            data-testid="dedication-calendar-region"
          />
          {can('signup.make') && (
            <span className="gj-switch">
              <Switch
                id="dedication-mine-only"
                size="small"
                checked={mine}
                onChange={(on) => set({ mine: on ? 'true' : undefined })}
                data-testid="dedication-mine-filter"
              />
              <label htmlFor="dedication-mine-only">{t('dedication.calendar.mineOnly')}</label>
            </span>
          )}
          <Segmented<View>
            className="gj-toolbar-tail"
            block={isMobile}
            value={view}
            onChange={(next) => set({ view: next })}
            options={VIEWS.map((v) => ({
              value: v,
              label: <span data-testid={`dedication-view-${v}`}>{t(`dedication.calendar.${v}`)}</span>,
            }))}
          />
        </div>
        <div className="gj-ded-nav">
          <strong className="gj-ded-nav-label" data-testid="dedication-range-label">
            {label}
          </strong>
          {occurrences.isFetching && <Spin size="small" />}
          <Space size={4} className="gj-ded-nav-buttons">
            <Button
              icon={<LeftOutlined />}
              onClick={() => step(-1)}
              aria-label={t(`dedication.calendar.prev.${view}`)}
              data-testid="dedication-prev"
            />
            <Button onClick={() => goTo(day())} data-testid="dedication-today">
              {t('dedication.calendar.today')}
            </Button>
            <Button
              icon={<RightOutlined />}
              onClick={() => step(1)}
              aria-label={t(`dedication.calendar.next.${view}`)}
              data-testid="dedication-next"
            />
          </Space>
        </div>
        {occurrences.error && (
          <QueryError error={occurrences.error} onRetry={() => void occurrences.refetch()} />
        )}
        {truncated && (
          <Alert
            className="gj-block-gap"
            type="info"
            showIcon
            title={t('dedication.calendar.truncated', { n: occurrences.data?.items.length ?? 0 })}
          />
        )}
        <div className={occurrences.isPlaceholderData ? 'gj-fetching' : undefined}>
          {view === 'month' ? (
            isMobile ? (
              <MonthAgenda value={date} byDate={byDate} onSelect={goTo} />
            ) : (
              <MonthGrid
                value={date}
                byDate={byDate}
                onSelect={goTo}
                onShowWeek={(day) => set({ view: 'week', date: day.format(DAY) })}
              />
            )
          ) : (
            <WeekView start={range.start} byDate={byDate} stacked={isMobile} />
          )}
        </div>
        <CalendarLegend />
      </Card>
    </>
  );
}
