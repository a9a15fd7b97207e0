import { AuditOutlined, EyeOutlined, NotificationOutlined, SendOutlined } from '@ant-design/icons';
import type { Evaluation } from '@contract';
import { Alert, Button, InputNumber, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { now, zoned } from '../../lib/time';
import { ConfirmSheet } from '../../shared/ConfirmSheet';
import { useFeedback } from '../../shared/feedback';
import {
  useDecideEvaluation,
  useNominationStatuses,
  useObjections,
  usePublishEvaluation,
  useStartNotice,
} from './api';
import { atTime, TIME } from './EvaluationParts';
import { HonourPdfButton } from './HonourPdfButton';

const DEFAULT_NOTICE_DAYS = 5;

/** How many nominations await review, and how many are approved (the shortlist). */
function useShortlist(evaluation: Evaluation) {
  const statuses = useNominationStatuses(evaluation.id);
  const all = [...(statuses.data?.values() ?? [])];
  return {
    loaded: statuses.data !== undefined,
    pending: all.filter((s) => s === 'nominated').length,
    approved: all.filter((s) => s === 'approved').length,
  };
}

/** "开始公示": the approved nominations go on public notice for whole days. */
function StartNotice({ evaluation }: { evaluation: Evaluation }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const start = useStartNotice();
  const [open, setOpen] = useState(false);
  const [days, setDays] = useState<number | null>(DEFAULT_NOTICE_DAYS);
  const shortlist = useShortlist(evaluation);
  const blocked = shortlist.pending > 0 || (shortlist.loaded && shortlist.approved === 0);
  const confirm = () => {
    if (!days) return;
    start.mutate(
      { id: evaluation.id, days },
      {
        onSuccess: (e) => {
          feedback.success(t('evaluations.noticeStarted', { until: atTime(e.noticeUntil, '') }));
          setOpen(false);
        },
        // Unreviewed nominations, nobody approved: the server says which.
        onError: feedback.error,
      },
    );
  };
  return (
    <>
      <Button
        type="primary"
        icon={<NotificationOutlined />}
        onClick={() => setOpen(true)}
        data-testid="notice-start"
      >
        {t('evaluations.noticeStart')}
      </Button>
      <ConfirmSheet
        open={open}
        onClose={() => setOpen(false)}
        title={t('evaluations.noticeTitle', { title: evaluation.title })}
        okText={t('evaluations.noticeStart')}
        okIcon={<NotificationOutlined />}
        onOk={confirm}
        loading={start.isPending}
        disabled={!days || blocked}
        okTestId="notice-confirm"
      >
        <div className="gj-stack gj-gap">
          {shortlist.pending > 0 && (
            <Alert
              type="warning"
              showIcon
              title={t('evaluations.noticePending', { count: shortlist.pending })}
              data-testid="notice-pending"
            />
          )}
          {shortlist.loaded && shortlist.approved === 0 && (
            <Alert type="warning" showIcon title={t('evaluations.noticeEmpty')} />
          )}
          <label htmlFor="notice-days" className="gj-field-label">
            {t('evaluations.noticeDays')}
          </label>
          <InputNumber<number>
            id="notice-days"
            min={1}
            max={30}
            precision={0}
            value={days}
            onChange={setDays}
            suffix={t('evaluations.daysUnit')}
            className="gj-fill"
            data-testid="notice-days"
          />
          {!blocked && (
            <Typography.Text type="secondary">
              {t('evaluations.noticeConfirm', {
                count: shortlist.approved,
                days: days ?? DEFAULT_NOTICE_DAYS,
                until: now()
                  .add(days ?? DEFAULT_NOTICE_DAYS, 'day')
                  .format(TIME),
              })}
            </Typography.Text>
          )}
        </div>
      </ConfirmSheet>
    </>
  );
}

/** Re-renders each half minute, so that a button waiting for a time comes on by itself. */
function useNow(active: boolean) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

/** "作出决定": after the notice, with every objection answered, the shortlist becomes the honour list. */
function Decide({ evaluation }: { evaluation: Evaluation }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const decide = useDecideEvaluation();
  const [open, setOpen] = useState(false);
  const now = useNow(true);
  const shortlist = useShortlist(evaluation);
  const openObjections = useObjections(evaluation.id, { status: 'open', page: 1, pageSize: 1 }, true);
  const unanswered = openObjections.data?.total ?? 0;
  const until = evaluation.noticeUntil;
  const running = until !== null && zoned(until).valueOf() > now;
  const reason = running
    ? t('evaluations.noticeRunning', { until: atTime(until, '') })
    : unanswered > 0
      ? t('evaluations.objectionsOpen', { count: unanswered })
      : null;
  const confirm = () =>
    decide.mutate(evaluation.id, {
      onSuccess: () => {
        feedback.success(t('evaluations.decided'));
        setOpen(false);
      },
      onError: feedback.error,
    });
  return (
    <>
      <Button
        type="primary"
        icon={<AuditOutlined />}
        disabled={reason !== null}
        onClick={() => setOpen(true)}
        data-testid="evaluation-decide"
      >
        {t('evaluations.decide')}
      </Button>
      {reason && (
        <Typography.Text type="secondary" data-testid="evaluation-decide-reason">
          {reason}
        </Typography.Text>
      )}
      <ConfirmSheet
        open={open}
        onClose={() => setOpen(false)}
        title={t('evaluations.decideTitle', { title: evaluation.title })}
        okText={t('evaluations.decide')}
        okIcon={<AuditOutlined />}
        onOk={confirm}
        loading={decide.isPending}
        okTestId="evaluation-decide-confirm"
      >
        <Typography.Paragraph>
          {t('evaluations.decideConfirm', { count: shortlist.approved })}
        </Typography.Paragraph>
      </ConfirmSheet>
    </>
  );
}

/** "发布名单": the decided honour list goes public; the honoured are told. */
function Publish({ evaluation }: { evaluation: Evaluation }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const publish = usePublishEvaluation();
  const [open, setOpen] = useState(false);
  const confirm = () =>
    publish.mutate(evaluation.id, {
      onSuccess: () => {
        feedback.success(t('evaluations.published'));
        setOpen(false);
      },
      onError: feedback.error,
    });
  return (
    <>
      <Button
        type="primary"
        icon={<SendOutlined />}
        onClick={() => setOpen(true)}
        data-testid="evaluation-publish"
      >
        {t('evaluations.publish')}
      </Button>
      <ConfirmSheet
        open={open}
        onClose={() => setOpen(false)}
        title={t('evaluations.publishTitle', { title: evaluation.title })}
        okText={t('evaluations.publish')}
        okIcon={<SendOutlined />}
        onOk={confirm}
        loading={publish.isPending}
        okTestId="evaluation-publish-confirm"
      >
        <Typography.Paragraph>{t('evaluations.publishConfirm')}</Typography.Paragraph>
      </ConfirmSheet>
    </>
  );
}

/** The public page of a shortlist on notice or of a published list. */
function PublicPageLink({ evaluation }: { evaluation: Evaluation }) {
  const { t } = useTranslation();
  return (
    <Link to={`/honours/${evaluation.id}`} data-testid="evaluation-public-page">
      <Button icon={<EyeOutlined />}>
        {evaluation.status === 'notice' ? t('evaluations.viewNotice') : t('evaluations.viewHonourList')}
      </Button>
    </Link>
  );
}

/**
 * The next step's button for those who run the evaluation — start the notice, decide, publish —
 * and, for everyone, the public page and the published list's PDF.
 */
export function ProcessActions({ evaluation }: { evaluation: Evaluation }) {
  switch (evaluation.status) {
    case 'closed':
      return evaluation.can.startNotice ? <StartNotice evaluation={evaluation} /> : null;
    case 'notice':
      return (
        <>
          {evaluation.can.decide && <Decide evaluation={evaluation} />}
          <PublicPageLink evaluation={evaluation} />
        </>
      );
    case 'decided':
      return evaluation.can.publish ? <Publish evaluation={evaluation} /> : null;
    case 'published':
      return (
        <>
          <HonourPdfButton id={evaluation.id} type="primary" />
          <PublicPageLink evaluation={evaluation} />
        </>
      );
    default:
      return null;
  }
}
