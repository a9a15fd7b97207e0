import { CarryOutOutlined, ClockCircleOutlined, EnvironmentOutlined, TeamOutlined } from '@ant-design/icons';
import { FACILITY_KINDS, type Facility, type FacilityKind } from '@contract';
import {
  Button,
  Card,
  DatePicker,
  Empty,
  InputNumber,
  Pagination,
  Radio,
  Skeleton,
  Spin,
  TimePicker,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAuth } from '../../lib/auth';
import { type Dayjs, day, fromWallClock, wallClock, zoned } from '../../lib/time';
import { idParam, oneOf } from '../../shared/enums';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { useListParams } from '../../shared/useListParams';
import { useFacilities } from './api';
import { BookingResultModal } from './BookingResultModal';
import type { BookingSeries } from './bookings.api';
import { ApprovalTag, FacilityKindTags, FacilityOwner, showsCommunity } from './FacilityTags';
import { QuickBookSheet, type QuickBookTarget } from './QuickBookSheet';
import { atTime, DAY, freeSlot, TIME } from './time';

const FILTER_KEYS = ['date', 'start', 'end', 'kind', 'people'] as const;
const PAGE_SIZE = 10;

const TIME_PRESETS = {
  morning: ['09:00', '11:00'],
  afternoon: ['14:00', '16:00'],
  evening: ['19:00', '21:00'],
} as const;
type TimePreset = keyof typeof TIME_PRESETS;
const PRESET_KEYS = Object.keys(TIME_PRESETS) as TimePreset[];

type DayPreset = 'today' | 'tomorrow' | 'weekend' | 'other';

/** Saturday of this weekend; today when it is the weekend already. */
function weekendDay(now: Dayjs) {
  const d = now.day();
  if (d === 6 || d === 0) return now.startOf('day');
  return now.startOf('day').add(6 - d, 'day');
}

/** The next useful slot: the rest of today if there is time, else tomorrow morning. */
function defaultSlot(now: Dayjs): { date: string; preset: TimePreset } {
  const hour = now.hour();
  const today = now.format(DAY);
  if (hour < 7) return { date: today, preset: 'morning' };
  if (hour < 12) return { date: today, preset: 'afternoon' };
  if (hour < 17) return { date: today, preset: 'evening' };
  return { date: now.add(1, 'day').format(DAY), preset: 'morning' };
}

function FreeCard({ facility: f, onBook }: { facility: Facility; onBook: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="gj-fac-find-card" data-testid={`free-facility-${f.id}`}>
      <div className="gj-card-row-head">
        <Link to={`/facilities/${f.id}`} className="gj-strong-link">
          {f.name}
        </Link>
        {f.bookingRules.needsApproval && <ApprovalTag />}
      </div>
      <FacilityKindTags facility={f} />
      {(showsCommunity(f) || f.address) && (
        <Typography.Text type="secondary">
          <EnvironmentOutlined />{' '}
          {[showsCommunity(f) ? f.communityName : '', f.address].filter(Boolean).join(' · ')}
        </Typography.Text>
      )}
      <Typography.Text type="secondary" className="gj-inline">
        <FacilityOwner owner={f.owner} />
        <span>
          <TeamOutlined /> {t('facilities.capacityValue', { count: f.capacity })}
        </span>
      </Typography.Text>
      <Button
        type="primary"
        size="large"
        block
        icon={<CarryOutOutlined />}
        onClick={onBook}
        data-testid={`free-book-${f.id}`}
      >
        {t('bookings.book')}
      </Button>
    </div>
  );
}

/** On a phone: pick a day, hours, a kind and how many; book a facility free for just that, in two taps. */
export function FindFacilityPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  // The district's wall-clock (for the pickers and presets), whatever the browser's zone.
  const [now] = useState(() => wallClock());
  const fallback = defaultSlot(now);
  const list = useListParams(FILTER_KEYS);
  const date = list.filters.date && day(list.filters.date).isValid() ? list.filters.date : fallback.date;
  const start = list.filters.start ?? TIME_PRESETS[fallback.preset][0];
  const end = list.filters.end ?? TIME_PRESETS[fallback.preset][1];
  const kind = oneOf(FACILITY_KINDS, list.filters.kind);
  const people = idParam(list.filters.people) ?? 1;
  const slot = freeSlot(date, start, end);
  const facilities = useFacilities(
    { ...slot, kind, minCapacity: people, page: list.page, pageSize: PAGE_SIZE },
    slot.freeFrom !== undefined,
  );
  const [booking, setBooking] = useState<QuickBookTarget | null>(null);
  const [result, setResult] = useState<BookingSeries | null>(null);

  const today = now.format(DAY);
  const tomorrow = now.add(1, 'day').format(DAY);
  const weekend = weekendDay(now).format(DAY);
  const dayPreset: DayPreset =
    date === today ? 'today' : date === tomorrow ? 'tomorrow' : date === weekend ? 'weekend' : 'other';
  const timePreset = PRESET_KEYS.find((k) => TIME_PRESETS[k][0] === start && TIME_PRESETS[k][1] === end);
  const dayValue = day(date);
  const past = slot.freeFrom !== undefined && zoned(slot.freeFrom).isBefore(fromWallClock(now));

  return (
    <>
      <PageHeader title={t('nav.findFacility')} />
      <Card className="gj-fac-find-form" data-testid="find-form">
        <div className="gj-fac-find-field">
          <span className="gj-field-label">{t('facilities.find.day')}</span>
          <Radio.Group
            className="gj-fac-choice"
            optionType="button"
            buttonStyle="solid"
            value={dayPreset}
            onChange={(e) => {
              const v = e.target.value as DayPreset;
              const next =
                v === 'today' ? today : v === 'tomorrow' ? tomorrow : v === 'weekend' ? weekend : undefined;
              if (next) list.setFilters({ date: next });
            }}
            options={[
              { value: 'today', label: t('facilities.find.today') },
              { value: 'tomorrow', label: t('facilities.find.tomorrow') },
              { value: 'weekend', label: t('facilities.find.weekend') },
            ]}
            data-testid="find-day"
          />
          <DatePicker
            value={dayValue}
            allowClear={false}
            inputReadOnly
            format={`${DAY} ddd`}
            disabledDate={(d) => d.isBefore(now, 'day')}
            onChange={(d: Dayjs | null) => d && list.setFilters({ date: d.format(DAY) })}
            className="gj-fac-find-date"
            data-testid="find-date"
          />
        </div>
        <div className="gj-fac-find-field">
          <span className="gj-field-label">{t('facilities.find.time')}</span>
          <Radio.Group
            className="gj-fac-choice"
            optionType="button"
            buttonStyle="solid"
            value={timePreset}
            onChange={(e) => {
              const [s, en] = TIME_PRESETS[e.target.value as TimePreset];
              list.setFilters({ start: s, end: en });
            }}
            options={PRESET_KEYS.map((k) => ({
              value: k,
              label: t(`facilities.find.${k}`, { from: TIME_PRESETS[k][0], to: TIME_PRESETS[k][1] }),
            }))}
            data-testid="find-time-preset"
          />
          <TimePicker.RangePicker
            format={TIME}
            minuteStep={15}
            needConfirm={false}
            inputReadOnly
            allowClear={false}
            order
            value={[atTime(dayValue, start), atTime(dayValue, end)]}
            onChange={(range) => {
              const [s, en] = (range ?? []) as [Dayjs | null, Dayjs | null];
              if (s && en) list.setFilters({ start: s.format(TIME), end: en.format(TIME) });
            }}
            className="gj-fac-find-time"
            data-testid="find-time"
          />
        </div>
        <div className="gj-fac-find-field">
          <span className="gj-field-label">{t('facilities.kindLabel')}</span>
          <Radio.Group
            className="gj-fac-choice"
            optionType="button"
            buttonStyle="solid"
            value={kind ?? 'all'}
            onChange={(e) => {
              const v = e.target.value as FacilityKind | 'all';
              list.setFilters({ kind: v === 'all' ? undefined : v });
            }}
            options={[
              { value: 'all', label: t('facilities.find.anyKind') },
              ...FACILITY_KINDS.map((k) => ({ value: k, label: t(`facilities.kind.${k}`) })),
            ]}
            data-testid="find-kind"
          />
        </div>
        <div className="gj-fac-find-field">
          <label className="gj-field-label" htmlFor="find-people">
            {t('facilities.find.people')}
          </label>
          <InputNumber<number>
            id="find-people"
            min={1}
            max={10_000}
            precision={0}
            value={people}
            onChange={(v) => list.setFilters({ people: v && v > 1 ? v : undefined })}
            suffix={t('facilities.peopleUnit')}
            className="gj-fac-find-people"
            data-testid="find-people"
          />
        </div>
      </Card>

      <div className="gj-section" data-testid="find-results">
        <Typography.Title level={5} className="gj-fac-find-title">
          {slot.freeFrom
            ? t('facilities.find.resultsFor', {
                day: dayValue.format(`MM-DD ddd`),
                from: start,
                to: end,
              })
            : t('facilities.find.pickSlot')}
        </Typography.Title>
        {past && <Typography.Paragraph type="warning">{t('facilities.find.pastSlot')}</Typography.Paragraph>}
        {facilities.error && (
          <QueryError error={facilities.error} onRetry={() => void facilities.refetch()} />
        )}
        {slot.freeFrom === undefined ? null : !facilities.data && facilities.isFetching ? (
          <Skeleton active />
        ) : (
          <Spin spinning={facilities.isFetching}>
            {facilities.data && facilities.data.items.length === 0 ? (
              <Empty
                image={Empty.PRESENTED_IMAGE_SIMPLE}
                description={t('facilities.find.empty')}
                data-testid="find-empty"
              >
                <Link to="/facilities">
                  <Button>{t('facilities.find.browseAll')}</Button>
                </Link>
              </Empty>
            ) : (
              <div className="gj-fac-find-grid">
                {(facilities.data?.items ?? []).map((f) => (
                  <FreeCard
                    key={f.id}
                    facility={f}
                    onBook={() =>
                      can('booking.make') && slot.freeFrom && slot.freeTo
                        ? setBooking({ facility: f, startsAt: slot.freeFrom, endsAt: slot.freeTo, people })
                        : undefined
                    }
                  />
                ))}
              </div>
            )}
            {(facilities.data?.total ?? 0) > PAGE_SIZE && (
              <Pagination
                className="gj-card-pagination"
                size="small"
                current={list.page}
                pageSize={PAGE_SIZE}
                total={facilities.data?.total ?? 0}
                onChange={(page) => list.setPage(page, PAGE_SIZE)}
              />
            )}
          </Spin>
        )}
        <Typography.Paragraph type="secondary" className="gj-section">
          <ClockCircleOutlined /> {t('facilities.find.hint')}
        </Typography.Paragraph>
      </div>
      <QuickBookSheet target={booking} onClose={() => setBooking(null)} onBooked={setResult} />
      <BookingResultModal result={result} onClose={() => setResult(null)} />
    </>
  );
}
