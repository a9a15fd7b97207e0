import { CarryOutOutlined, EditOutlined, StopOutlined } from '@ant-design/icons';
import { Breadcrumb, Button, Card, Descriptions, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { type Dayjs, day, today } from '../../lib/time';
import { idParam } from '../../shared/enums';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { useIsMobile } from '../../shared/useIsMobile';
import { useFacility } from './api';
import { BookingFormDrawer, type BookingFormTarget } from './BookingFormDrawer';
import { BookingResultModal } from './BookingResultModal';
import type { BookingSeries } from './bookings.api';
import { FacilityBookings } from './FacilityBookings';
import { FacilityFormDrawer, type FacilityFormTarget } from './FacilityFormDrawer';
import { ApprovalTag, FacilityKindTags, FacilityOwner, FacilityRetiredTag } from './FacilityTags';
import { rulesText } from './rulesText';
import { DAY, hoursByWeekday, mondayOf, openingSummary, weekdayLabel } from './time';
import { useRetireConfirm } from './useRetireFacility';
import { WeekCalendar } from './WeekCalendar';

/** The week in the address bar (?week=YYYY-MM-DD, any day of it), else this week. */
function useWeek(): [Dayjs, (monday: Dayjs) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('week');
  const parsed = raw && /^\d{4}-\d{2}-\d{2}$/.test(raw) ? day(raw) : null;
  const monday = mondayOf(parsed?.isValid() ? parsed : day());
  const setWeek = (next: Dayjs) =>
    setParams(
      (prev) => {
        const out = new URLSearchParams(prev);
        if (next.isSame(mondayOf(day()), 'day')) out.delete('week');
        else out.set('week', next.format(DAY));
        return out;
      },
      { replace: true },
    );
  return [monday, setWeek];
}

/** A facility: what it is, its hours and rules, its week to book from; for its keeper, its bookings. */
export function FacilityPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const id = idParam(useParams().id);
  const { data: facility, error, refetch } = useFacility(id);
  const [monday, setWeek] = useWeek();
  const [booking, setBooking] = useState<BookingFormTarget | null>(null);
  const [result, setResult] = useState<BookingSeries | null>(null);
  const [form, setForm] = useState<FacilityFormTarget | null>(null);
  const confirmRetire = useRetireConfirm();
  const isMobile = useIsMobile();

  if (id === undefined || (error instanceof ApiError && error.status === 404)) {
    return (
      <Result
        status="404"
        title={t('facilities.notFound')}
        extra={
          <Link to="/facilities">
            <Button type="primary">{t('facilities.backToList')}</Button>
          </Link>
        }
      />
    );
  }

  const bookable = facility !== undefined && facility.retiredAt === null && can('booking.make');
  const manages = facility?.can.edit === true;
  const dash = t('common.none');
  const upcomingClosures = facility?.closures.filter((c) => c.to >= today()) ?? [];

  return (
    <>
      <Breadcrumb
        className="gj-breadcrumb"
        items={[
          { title: <Link to="/facilities">{t('nav.facilities')}</Link> },
          { title: facility?.name ?? '…' },
        ]}
      />
      <PageHeader
        title={facility?.name ?? t('facilities.detail')}
        extra={
          facility && (
            <Space wrap>
              {bookable && (
                <Button
                  type="primary"
                  icon={<CarryOutOutlined />}
                  onClick={() => setBooking({ facility })}
                  data-testid="facility-book"
                >
                  {t('bookings.book')}
                </Button>
              )}
              {manages && (
                <>
                  <Button
                    icon={<EditOutlined />}
                    onClick={() => setForm({ mode: 'edit', facility })}
                    data-testid="facility-edit"
                  >
                    {t('common.edit')}
                  </Button>
                  <Button
                    danger
                    icon={<StopOutlined />}
                    onClick={() => confirmRetire(facility)}
                    data-testid="facility-retire"
                  >
                    {t('facilities.retire')}
                  </Button>
                </>
              )}
            </Space>
          )
        }
      />
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {!facility && !error && <Skeleton active />}
      {facility && (
        <>
          <Card data-testid="facility-detail">
            <Descriptions
              column={{ xs: 1, sm: 2, lg: 3 }}
              size="small"
              items={[
                {
                  key: 'kind',
                  label: t('facilities.kindLabel'),
                  children: (
                    <span className="gj-inline">
                      <FacilityKindTags facility={facility} />
                      {facility.retiredAt && <FacilityRetiredTag />}
                    </span>
                  ),
                },
                {
                  key: 'owner',
                  label: t('facilities.owner'),
                  children: <FacilityOwner owner={facility.owner} />,
                },
                {
                  key: 'where',
                  label: t('facilities.region'),
                  children:
                    facility.regionName === facility.communityName
                      ? facility.communityName
                      : `${facility.communityName} ${facility.regionName}`,
                },
                { key: 'address', label: t('facilities.address'), children: facility.address || dash },
                {
                  key: 'capacity',
                  label: t('facilities.capacity'),
                  children: t('facilities.capacityValue', { count: facility.capacity }),
                },
                {
                  key: 'approval',
                  label: t('facilities.approval'),
                  children: facility.bookingRules.needsApproval ? <ApprovalTag /> : t('facilities.instant'),
                },
                {
                  key: 'rules',
                  label: t('facilities.bookingRules'),
                  span: { xs: 1, sm: 2, lg: 3 },
                  children: rulesText(t, facility),
                },
                {
                  key: 'who',
                  label: t('facilities.whoMayBook'),
                  span: { xs: 1, sm: 2, lg: 3 },
                  children: (
                    <span className="gj-tags">
                      {facility.bookingRules.whoMayBook.map((b) => (
                        <Tag key={b}>{t(`facilities.booker.${b}`)}</Tag>
                      ))}
                    </span>
                  ),
                },
              ]}
            />
            <div className="gj-fac-detail-grid gj-section">
              <div>
                <Typography.Title level={5}>{t('facilities.openingHours')}</Typography.Title>
                {/* A phone has the week below: a line is enough here. */}
                {isMobile ? (
                  <Typography.Paragraph data-testid="facility-hours">
                    {openingSummary(t, facility.openingHours)}
                  </Typography.Paragraph>
                ) : (
                  <dl className="gj-fac-hours-list" data-testid="facility-hours">
                    {hoursByWeekday(facility.openingHours).map(({ weekday, text }) => (
                      <div key={weekday}>
                        <dt>{weekdayLabel(t, weekday)}</dt>
                        <dd>
                          {text || (
                            <Typography.Text type="secondary">{t('facilities.closedDay')}</Typography.Text>
                          )}
                        </dd>
                      </div>
                    ))}
                  </dl>
                )}
                {upcomingClosures.length > 0 && (
                  <>
                    <Typography.Title level={5}>{t('facilities.closures')}</Typography.Title>
                    <ul className="gj-fac-closure-list" data-testid="facility-closures">
                      {upcomingClosures.map((c) => (
                        <li key={`${c.from}-${c.to}`}>
                          <strong>{c.from === c.to ? c.from : `${c.from} – ${c.to}`}</strong> {c.reason}
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </div>
              <div>
                {facility.description && (
                  <>
                    <Typography.Title level={5}>{t('facilities.description')}</Typography.Title>
                    <Typography.Paragraph className="gj-prewrap">{facility.description}</Typography.Paragraph>
                  </>
                )}
                {facility.rules && (
                  <>
                    <Typography.Title level={5}>{t('facilities.rules')}</Typography.Title>
                    <Typography.Paragraph className="gj-prewrap">{facility.rules}</Typography.Paragraph>
                  </>
                )}
              </div>
            </div>
          </Card>
          <Card size="small" className="gj-section" title={t('facilities.weekTitle')}>
            <WeekCalendar
              facility={facility}
              monday={monday}
              onWeek={setWeek}
              onPick={bookable ? (startsAt, endsAt) => setBooking({ facility, startsAt, endsAt }) : undefined}
            />
          </Card>
          {facility.can.seeBookings && (
            <Card size="small" className="gj-section" title={t('facilities.bookingsTitle')}>
              <FacilityBookings facilityId={facility.id} />
            </Card>
          )}
        </>
      )}
      <BookingFormDrawer target={booking} onClose={() => setBooking(null)} onBooked={setResult} />
      <BookingResultModal result={result} onClose={() => setResult(null)} />
      {manages && <FacilityFormDrawer target={form} onClose={() => setForm(null)} />}
    </>
  );
}
