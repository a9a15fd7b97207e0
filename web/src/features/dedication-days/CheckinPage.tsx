import {
  CheckCircleFilled,
  ClockCircleOutlined,
  EnvironmentOutlined,
  ExclamationCircleFilled,
  InfoCircleFilled,
  LogoutOutlined,
  QrcodeOutlined,
  ScanOutlined,
} from '@ant-design/icons';
import type { Signup } from '@contract';
import { Button, Card, Descriptions, Empty, Form, Input, Result, Skeleton, Spin, Typography } from 'antd';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError, errorMessage } from '../../lib/api';
import { zoned } from '../../lib/time';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { FillBar, SignupStatusTag, TIME, timeRange } from './occurrenceParts';
import {
  type CheckAction,
  type CheckinResultData,
  isActive,
  isFull,
  refusedOccurrenceId,
  takesSignups,
  tokenFrom,
  useCheckin,
  useOccurrence,
} from './occurrences.api';
import { QrScanner } from './QrScanner';
import { SignUpButton } from './SignupButtons';

type Failure = { error: unknown; token: string; action: CheckAction };

/** The contract's bound on a code's length. */
const MIN_TOKEN = 10;

/** Where and when: the facts a member checks against what is in front of them. */
function SignupFacts({ signup }: { signup: Signup }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      className="gj-checkin-facts"
      column={1}
      size="small"
      items={[
        { key: 'title', label: t('checkin.occurrence'), children: signup.title },
        { key: 'task', label: t('checkin.task'), children: <strong>{signup.taskTitle}</strong> },
        {
          key: 'time',
          label: t('occurrences.time'),
          children: `${zoned(signup.startsAt).format('MM-DD ddd')} ${timeRange(signup)}`,
        },
        ...(signup.place
          ? [
              {
                key: 'place',
                label: t('occurrences.place'),
                children: (
                  <span>
                    <EnvironmentOutlined /> {signup.place}
                  </span>
                ),
              },
            ]
          : []),
        ...(signup.checkedInAt
          ? [
              {
                key: 'in',
                label: t('occurrences.checkedIn'),
                children: <span data-testid="checkin-in-at">{zoned(signup.checkedInAt).format(TIME)}</span>,
              },
            ]
          : []),
        ...(signup.checkedOutAt
          ? [
              {
                key: 'out',
                label: t('occurrences.checkedOut'),
                children: <span data-testid="checkin-out-at">{zoned(signup.checkedOutAt).format(TIME)}</span>,
              },
            ]
          : []),
        ...(signup.computedHours !== null
          ? [
              {
                key: 'hours',
                label: t('checkin.hoursSoFar'),
                children: t('occurrences.hoursValue', { hours: signup.computedHours }),
              },
            ]
          : []),
      ]}
    />
  );
}

/** The outcome, big enough to read at arm's length, with 签退 while checked in. */
function Outcome({
  result,
  onCheckOut,
  checkingOut,
  onScanAgain,
}: {
  result: CheckinResultData;
  onCheckOut: () => void;
  checkingOut: boolean;
  onScanAgain: () => void;
}) {
  const { t } = useTranslation();
  const { outcome, signup } = result;
  const fresh = outcome === 'checked_in' || outcome === 'checked_out';
  const at = outcome === 'checked_in' || outcome === 'already_in' ? signup.checkedInAt : signup.checkedOutAt;
  const canCheckOut = signup.checkedInAt !== null && signup.checkedOutAt === null;
  return (
    <div className="gj-checkin-outcome" data-testid="checkin-outcome" data-outcome={outcome}>
      <div className={`gj-checkin-mark ${fresh ? 'gj-checkin-mark-ok' : 'gj-checkin-mark-info'}`}>
        {fresh ? <CheckCircleFilled /> : <InfoCircleFilled />}
      </div>
      <Typography.Title level={2} className="gj-checkin-title" data-testid="checkin-outcome-title">
        {t(`checkin.outcome.${outcome}`)}
      </Typography.Title>
      {at && (
        <div className="gj-checkin-time" data-testid="checkin-outcome-time">
          {zoned(at).format(TIME)}
        </div>
      )}
      <SignupFacts signup={signup} />
      <div className="gj-checkin-actions">
        {canCheckOut && (
          <Button
            type="primary"
            size="large"
            block
            icon={<LogoutOutlined />}
            loading={checkingOut}
            onClick={onCheckOut}
            data-testid="checkin-checkout"
          >
            {t('checkin.checkOut')}
          </Button>
        )}
        {canCheckOut && <Typography.Text type="secondary">{t('checkin.checkOutHint')}</Typography.Text>}
        <Link to={`/occurrences/${signup.occurrenceId}`} className="gj-fill">
          <Button size="large" block data-testid="checkin-to-occurrence">
            {t('checkin.toOccurrence')}
          </Button>
        </Link>
        <Button type="link" icon={<ScanOutlined />} onClick={onScanAgain} data-testid="checkin-scan-again">
          {t('checkin.scanAnother')}
        </Button>
      </div>
    </div>
  );
}

/**
 * Not signed up for the day being checked into: the tasks with room, to join on the spot and
 * then check in with the same code.
 */
function JoinOnTheSpot({
  occurrenceId,
  onJoined,
  checkingIn,
}: {
  occurrenceId: number;
  onJoined: () => void;
  checkingIn: boolean;
}) {
  const { t } = useTranslation();
  const { data: occurrence, error, refetch } = useOccurrence(occurrenceId);
  const open =
    occurrence?.tasks.filter(
      (task) => takesSignups(occurrence, task) && !isFull(task) && !(task.mine && isActive(task.mine.status)),
    ) ?? [];
  const waitingOn = occurrence?.tasks.filter((task) => task.mine?.status === 'waiting') ?? [];
  return (
    <div className="gj-stack gj-gap" data-testid="checkin-join">
      <Result className="gj-compact-result" status="warning" title={t('checkin.notSignedUpTitle')} />
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {!occurrence && !error && <Skeleton active />}
      {occurrence && (
        <Spin spinning={checkingIn}>
          <Card size="small" title={t('checkin.joinTitle', { title: occurrence.title })}>
            {waitingOn.length === 0 && (
              <Typography.Paragraph type="secondary">{t('checkin.joinHint')}</Typography.Paragraph>
            )}
            {/* One live sign-up a day: someone still waiting is placed by the organiser on site. */}
            {waitingOn.map((task) => (
              <div key={task.id} className="gj-stack gj-block-gap" data-testid="checkin-join-waiting">
                <span className="gj-inline">
                  <strong>{task.title}</strong>
                  <SignupStatusTag status="waiting" position={task.mine?.position ?? null} />
                </span>
                <Typography.Text type="warning">{t('checkin.joinWaiting')}</Typography.Text>
              </div>
            ))}
            {waitingOn.length > 0 ? null : open.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('checkin.joinNone')} />
            ) : (
              <div className="gj-claimable-list">
                {open.map((task) => (
                  <div key={task.id} className="gj-claimable" data-testid={`checkin-join-task-${task.id}`}>
                    <strong className="gj-claimable-role">{task.title}</strong>
                    <Typography.Text type="secondary">
                      <ClockCircleOutlined /> {timeRange(task)}
                      {task.place && (
                        <>
                          {' · '}
                          <EnvironmentOutlined /> {task.place}
                        </>
                      )}
                    </Typography.Text>
                    <FillBar task={task} />
                    <SignUpButton
                      task={task}
                      block
                      label={t('checkin.joinAndCheckIn')}
                      onSigned={(status) => status === 'signed' && onJoined()}
                    />
                  </div>
                ))}
              </div>
            )}
          </Card>
        </Spin>
      )}
    </div>
  );
}

/** A refusal, said plainly, with what may be done next. */
function Refusal({
  failure,
  onCheckIn,
  checkingIn,
  onJoined,
  onScanAgain,
}: {
  failure: Failure;
  onCheckIn: () => void;
  checkingIn: boolean;
  onJoined: () => void;
  /** Absent while the scanner is already shown. */
  onScanAgain?: () => void;
}) {
  const { t } = useTranslation();
  const code = failure.error instanceof ApiError ? failure.error.code : '';
  const message = errorMessage(failure.error);
  const occurrenceId = refusedOccurrenceId(failure.error);
  if (code === 'checkin_not_signed_up' && occurrenceId !== undefined) {
    return <JoinOnTheSpot occurrenceId={occurrenceId} onJoined={onJoined} checkingIn={checkingIn} />;
  }
  let title: string;
  let extra: ReactNode = null;
  const again = onScanAgain && (
    <Button size="large" icon={<ScanOutlined />} onClick={onScanAgain} data-testid="checkin-retry">
      {t('checkin.scanAnother')}
    </Button>
  );
  switch (code) {
    case 'checkin_outside_window':
      title = t('checkin.outsideWindowTitle');
      extra = again;
      break;
    case 'checkin_not_signed_up':
      title = t('checkin.notSignedUpTitle');
      extra = again;
      break;
    case 'checkin_not_in':
      title = t('checkin.notInTitle');
      extra = (
        <Button
          type="primary"
          size="large"
          icon={<QrcodeOutlined />}
          loading={checkingIn}
          onClick={onCheckIn}
          data-testid="checkin-now"
        >
          {t('checkin.checkInNow')}
        </Button>
      );
      break;
    case 'checkin_code_invalid':
      title = t('checkin.codeInvalidTitle');
      break;
    default:
      title = t('checkin.failedTitle');
      extra = again;
  }
  return (
    <Result
      className="gj-compact-result"
      status="warning"
      icon={<ExclamationCircleFilled />}
      title={title}
      subTitle={message}
      extra={extra}
      data-testid="checkin-refusal"
      data-code={code}
    />
  );
}

/** Typing the code under the QR (or pasting its address), when the camera cannot read it. */
function CodeForm({ onSubmit, busy }: { onSubmit: (token: string) => void; busy: boolean }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ code: string }>();
  return (
    <Form<{ code: string }>
      form={form}
      layout="vertical"
      onFinish={({ code }) => onSubmit(tokenFrom(code))}
      data-testid="checkin-code-form"
    >
      <Form.Item
        name="code"
        label={t('checkin.codeLabel')}
        extra={t('checkin.codeHint')}
        rules={[
          { required: true, whitespace: true, message: t('checkin.codeRequired') },
          {
            validator: (_, value: string | undefined) =>
              !value || tokenFrom(value).length >= MIN_TOKEN
                ? Promise.resolve()
                : Promise.reject(new Error(t('checkin.codeTooShort'))),
          },
        ]}
      >
        <Input
          size="large"
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          placeholder={t('checkin.codePlaceholder')}
          className="gj-code"
          data-testid="checkin-code-input"
        />
      </Form.Item>
      <Button type="primary" size="large" block htmlType="submit" loading={busy} data-testid="checkin-submit">
        {t('checkin.submit')}
      </Button>
    </Form>
  );
}

/**
 * A member checks in (and later out) on their phone: opened from the QR's address it checks in
 * at once; otherwise it reads the QR with the camera, or takes the code typed by hand.
 */
export function CheckinPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const given = params.get('t');
  const checkin = useCheckin();
  const [result, setResult] = useState<CheckinResultData | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  /** The last code used: 签退 and joining on the spot post it again. */
  const [token, setToken] = useState<string | null>(null);
  /** What a scanned or typed code does: check in, or (after a code ran out while checking out) out. */
  const [mode, setMode] = useState<CheckAction>('in');
  const posted = useRef<string | null>(null);

  const submit = (code: string, action: CheckAction) => {
    setToken(code);
    checkin.mutate(
      { token: code, action },
      {
        onSuccess: (next) => {
          setResult(next);
          setFailure(null);
          setMode('in');
        },
        onError: (error) => {
          setFailure({ error, token: code, action });
          // A code that ran out while checking out: the next one scanned checks out.
          if (error instanceof ApiError && error.code === 'checkin_code_invalid') setMode(action);
        },
      },
    );
  };

  // Opened from the QR's address: check in straight away (once), then drop the code from the
  // address so a reload a minute later does not try a stale one.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per code in the address
  useEffect(() => {
    if (!given || posted.current === given) return;
    posted.current = given;
    setResult(null);
    setFailure(null);
    submit(tokenFrom(given), 'in');
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.delete('t');
        return next;
      },
      { replace: true },
    );
  }, [given]);

  const reset = () => {
    setResult(null);
    setFailure(null);
    setMode('in');
    checkin.reset();
  };

  const onCode = (code: string) => submit(tokenFrom(code), mode);
  const code = failure?.error instanceof ApiError ? failure.error.code : undefined;
  // After these refusals a new code is what helps: the scanner and the field come back.
  const askForCode = !result && !checkin.isPending && (!failure || code === 'checkin_code_invalid' || !code);

  return (
    <div className="gj-narrow gj-checkin">
      <PageHeader
        title={mode === 'out' ? t('checkin.titleOut') : t('checkin.title')}
        extra={
          <Link to="/me/dedication" data-testid="checkin-to-mine">
            {t('nav.myDedication')}
          </Link>
        }
      />
      {checkin.isPending && !result && !failure && (
        <div className="gj-checkin-pending" data-testid="checkin-pending">
          <Spin size="large" />
          <span>{mode === 'out' ? t('checkin.checkingOut') : t('checkin.checkingIn')}</span>
        </div>
      )}
      {result && (
        <Outcome
          result={result}
          onCheckOut={() => token && submit(token, 'out')}
          checkingOut={checkin.isPending}
          onScanAgain={reset}
        />
      )}
      {!result && failure && (
        <Refusal
          failure={failure}
          onCheckIn={() => submit(failure.token, 'in')}
          checkingIn={checkin.isPending}
          onJoined={() => submit(failure.token, 'in')}
          onScanAgain={askForCode ? undefined : reset}
        />
      )}
      {result && failure && (
        // 签退 refused (say, the code ran out): the outcome stays, the refusal below it.
        <Refusal
          failure={failure}
          onCheckIn={() => submit(failure.token, 'in')}
          checkingIn={checkin.isPending}
          onJoined={() => submit(failure.token, 'in')}
        />
      )}
      {(askForCode || (result && failure && code === 'checkin_code_invalid')) && (
        <Card size="small" className="gj-section" data-testid="checkin-ask">
          <Typography.Paragraph className="gj-checkin-lead">
            {mode === 'out' ? t('checkin.scanLeadOut') : t('checkin.scanLead')}
          </Typography.Paragraph>
          <QrScanner onText={onCode} />
          <div className="gj-section">
            <CodeForm onSubmit={(c) => submit(c, mode)} busy={checkin.isPending} />
          </div>
        </Card>
      )}
    </div>
  );
}
