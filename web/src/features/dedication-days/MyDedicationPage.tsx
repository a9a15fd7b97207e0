import { CalendarOutlined, ClockCircleOutlined, EnvironmentOutlined, ScanOutlined } from '@ant-design/icons';
import type { Signup } from '@contract';
import { Button, Card, Skeleton, Spin, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../shared/PageHeader';
import { PlainList } from '../../shared/PlainList';
import { QueryError } from '../../shared/QueryError';
import { CheckTime, dayLabel, HoursCell, SignupStatusTag, timeRange } from './occurrenceParts';
import { canWithdraw, hasEnded, isActive, isCheckinOpen, useSignups } from './occurrences.api';
import { WithdrawSignupButton } from './SignupButtons';

/** Enough for a year of monthly days; "more" asks for the next lot. */
const PAGE = 100;
/** Past sign-ups shown before "more". */
const PAST_SHOWN = 10;

const startOf = (s: Signup) => new Date(s.startsAt).getTime();

/** What is still ahead: signed up, or waiting in line, for a day not yet over. */
const isUpcoming = (s: Signup) => isActive(s.status) && !hasEnded(s);

/** A past sign-up's standing: came (checked in) or not; else withdrawn or removed. */
function PastTag({ signup: s }: { signup: Signup }) {
  const { t } = useTranslation();
  if (s.status !== 'signed') return <SignupStatusTag status={s.status} position={s.position} />;
  return s.checkedInAt ? (
    <Tag color="success" data-testid={`my-signup-status-${s.id}`}>
      {t('occurrences.my.attended')}
    </Tag>
  ) : (
    <Tag data-testid={`my-signup-status-${s.id}`}>{t('occurrences.my.absent')}</Tag>
  );
}

function SignupHead({ signup: s, tag }: { signup: Signup; tag?: ReactNode }) {
  return (
    <>
      <div className="gj-card-row-head">
        <Link to={`/occurrences/${s.occurrenceId}`} className="gj-strong-link">
          {s.title}
        </Link>
        {tag ?? (
          <SignupStatusTag status={s.status} position={s.position} testId={`my-signup-status-${s.id}`} />
        )}
      </div>
      <strong>{s.taskTitle}</strong>
      <Typography.Text type="secondary" className="gj-inline">
        <span>
          <CalendarOutlined /> {dayLabel(s.startsAt)} {timeRange(s)}
        </span>
        {s.place && (
          <span>
            <EnvironmentOutlined /> {s.place}
          </span>
        )}
        {!s.place.startsWith(s.regionName) && <span>{s.regionName}</span>}
      </Typography.Text>
    </>
  );
}

function UpcomingRow({ signup: s }: { signup: Signup }) {
  const { t } = useTranslation();
  // Check-in opens half an hour before; once checked out there is nothing left to scan.
  const open = s.status === 'signed' && isCheckinOpen(s) && !s.checkedOutAt;
  return (
    <div className="gj-card-row" data-testid={`my-signup-${s.id}`} data-status={s.status}>
      <SignupHead signup={s} />
      {s.status === 'waiting' && (
        <Typography.Text type="warning">{t('occurrences.my.waitingHint')}</Typography.Text>
      )}
      {s.checkedInAt && (
        <span className="gj-inline">
          <Typography.Text type="secondary">{t('occurrences.checkedIn')}</Typography.Text>
          <CheckTime at={s.checkedInAt} by={s.checkedBy} />
          {s.checkedOutAt && (
            <>
              <Typography.Text type="secondary">{t('occurrences.checkedOut')}</Typography.Text>
              <CheckTime at={s.checkedOutAt} by={s.checkedBy} />
            </>
          )}
        </span>
      )}
      <div className="gj-my-signup-actions">
        {open && (
          <Link to="/checkin">
            <Button type="primary" icon={<ScanOutlined />} data-testid={`my-signup-checkin-${s.id}`}>
              {s.checkedInAt ? t('checkin.scanOut') : t('checkin.scan')}
            </Button>
          </Link>
        )}
        {canWithdraw(s) && (
          <WithdrawSignupButton
            signupId={s.id}
            taskTitle={s.taskTitle}
            occurrenceTitle={s.title}
            waiting={s.status === 'waiting'}
          />
        )}
      </div>
    </div>
  );
}

function PastRow({ signup: s }: { signup: Signup }) {
  const { t } = useTranslation();
  return (
    <div className="gj-card-row" data-testid={`my-signup-${s.id}`} data-status={s.status}>
      <SignupHead signup={s} tag={<PastTag signup={s} />} />
      {s.status === 'removed' && s.reason && <Typography.Text type="danger">{s.reason}</Typography.Text>}
      {s.status === 'signed' && (
        <>
          <span className="gj-inline">
            <Typography.Text type="secondary">{t('occurrences.checkedIn')}</Typography.Text>
            <CheckTime at={s.checkedInAt} by={s.checkedBy} />
            <Typography.Text type="secondary">{t('occurrences.checkedOut')}</Typography.Text>
            <CheckTime at={s.checkedOutAt} by={s.checkedOutAt ? s.checkedBy : null} />
          </span>
          <HoursCell signup={s} />
        </>
      )}
    </div>
  );
}

function MySignups() {
  const { t } = useTranslation();
  const [pageSize, setPageSize] = useState(PAGE);
  const [pastShown, setPastShown] = useState(PAST_SHOWN);
  const signups = useSignups({ mine: 'true', page: 1, pageSize });
  if (signups.error) return <QueryError error={signups.error} onRetry={() => void signups.refetch()} />;
  if (!signups.data) return <Skeleton active />;
  const items = signups.data.items;
  const upcoming = items.filter(isUpcoming).sort((a, b) => startOf(a) - startOf(b));
  const past = items.filter((s) => !isUpcoming(s)).sort((a, b) => startOf(b) - startOf(a));
  const moreOnServer = signups.data.total > items.length;
  return (
    <Spin spinning={signups.isFetching}>
      <Card
        size="small"
        className="gj-section"
        title={t('occurrences.my.upcoming', { count: upcoming.length })}
        data-testid="my-upcoming"
      >
        <PlainList
          items={upcoming}
          rowKey={(s) => s.id}
          empty={t('occurrences.my.noUpcoming')}
          render={(s) => <UpcomingRow signup={s} />}
        />
      </Card>
      <Card size="small" className="gj-section" title={t('occurrences.my.past')} data-testid="my-past">
        <PlainList
          items={past.slice(0, pastShown)}
          rowKey={(s) => s.id}
          empty={t('occurrences.my.noPast')}
          render={(s) => <PastRow signup={s} />}
        />
        {(past.length > pastShown || moreOnServer) && (
          <Button
            block
            className="gj-section"
            onClick={() => {
              setPastShown((n) => n + PAST_SHOWN);
              if (past.length <= pastShown + PAST_SHOWN && moreOnServer) setPageSize((n) => n + PAGE);
            }}
            data-testid="my-past-more"
          >
            {t('common.more')}
          </Button>
        )}
      </Card>
    </Spin>
  );
}

/** A member's own fixed dedication days: what is ahead, what is done and the hours it earned. */
export function MyDedicationPage() {
  const { t } = useTranslation();
  return (
    <div className="gj-narrow">
      <PageHeader title={t('nav.myDedication')} />
      <div className="gj-my-dedication-top">
        <Link to="/checkin" className="gj-fill">
          <Button type="primary" size="large" block icon={<ScanOutlined />} data-testid="my-dedication-scan">
            {t('checkin.scan')}
          </Button>
        </Link>
        <Link to="/dedication-calendar" className="gj-fill">
          <Button size="large" block icon={<CalendarOutlined />} data-testid="my-dedication-calendar">
            {t('occurrences.my.toCalendar')}
          </Button>
        </Link>
      </div>
      <Typography.Paragraph type="secondary" className="gj-section">
        <ClockCircleOutlined /> {t('occurrences.my.intro')}
      </Typography.Paragraph>
      <MySignups />
    </div>
  );
}
