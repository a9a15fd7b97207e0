import { LockOutlined, ReloadOutlined } from '@ant-design/icons';
import type { Evaluation, Score } from '@contract';
import { Alert, App, Breadcrumb, Button, Card, Collapse, Descriptions, Result, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../lib/api';
import { DownloadButton } from '../../shared/DownloadButton';
import { idParam } from '../../shared/enums';
import { useFeedback } from '../../shared/feedback';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { useIsMobile } from '../../shared/useIsMobile';
import { exportEvaluation, useCloseEvaluation, useComputeEvaluation, useEvaluation } from './api';
import { atTime, CriteriaTable, EvaluationStatusTag, evaluationPeriod, HonourTag } from './EvaluationParts';
import { NominateDrawer } from './NominateDrawer';
import { NominationsSection } from './NominationsSection';
import { ObjectionsSection } from './ObjectionsSection';
import { ProcessActions } from './ProcessActions';
import { ProcessSteps } from './ProcessSteps';
import { RankingSection } from './RankingSection';
import { ScoreDrawer } from './ScoreDrawer';

/** A manager's actions on an open evaluation, as the server allows them: recompute from the ledger; close, after a warning. */
function ManageButtons({ evaluation }: { evaluation: Evaluation }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const feedback = useFeedback();
  const compute = useComputeEvaluation();
  const close = useCloseEvaluation();
  const recompute = () =>
    compute.mutateAsync(evaluation.id).then(
      () => feedback.success(t('evaluations.recomputed')),
      (error: unknown) => feedback.error(error),
    );
  const confirmClose = () =>
    modal.confirm({
      title: t('evaluations.closeTitle', { title: evaluation.title }),
      content: t('evaluations.closeConfirm'),
      okText: t('evaluations.close'),
      okButtonProps: { danger: true, 'data-testid': 'evaluation-close-confirm' },
      cancelText: t('evaluations.keepOpen'),
      onOk: () =>
        close.mutateAsync(evaluation.id).then(
          () => feedback.success(t('evaluations.closed')),
          (error: unknown) => feedback.error(error),
        ),
    });
  return (
    <>
      {evaluation.can.compute && (
        <Button
          icon={<ReloadOutlined />}
          loading={compute.isPending}
          onClick={() => void recompute()}
          data-testid="evaluation-compute"
        >
          {t('evaluations.recompute')}
        </Button>
      )}
      {evaluation.can.close && (
        <Button
          danger
          icon={<LockOutlined />}
          loading={close.isPending}
          onClick={confirmClose}
          data-testid="evaluation-close"
        >
          {t('evaluations.close')}
        </Button>
      )}
    </>
  );
}

/** "Export to Excel": the whole ranking with every criterion, whatever the filters on screen. */
function ExportRankingButton({ evaluationId }: { evaluationId: number }) {
  return <DownloadButton download={() => exportEvaluation(evaluationId)} testId="evaluation-export" />;
}

/** What the status says, under the facts: how far the evaluation has come and what comes next. */
function StatusHint({ evaluation: e }: { evaluation: Evaluation }) {
  const { t } = useTranslation();
  const none = t('common.none');
  const title = {
    open: () => t('evaluations.openHint'),
    closed: () => t('evaluations.closedHint', { time: atTime(e.closedAt, none) }),
    notice: () =>
      t('evaluations.noticeHint', { from: atTime(e.noticeFrom, none), until: atTime(e.noticeUntil, none) }),
    decided: () => t('evaluations.decidedHint', { time: atTime(e.decidedAt, none) }),
    published: () => t('evaluations.publishedHint', { time: atTime(e.publishedAt, none) }),
  }[e.status]();
  return (
    <Alert
      className="gj-section"
      type={e.status === 'open' ? 'info' : e.status === 'notice' ? 'warning' : 'success'}
      showIcon
      title={title}
      data-testid="evaluation-status-hint"
    />
  );
}

/** The page's parts that need the evaluation: what this user may do with it decides the rest. */
function EvaluationBody({ evaluation }: { evaluation: Evaluation }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState<{ subject: Score['subject']; mayNominate: boolean } | null>(null);
  const [nominating, setNominating] = useState<Score['subject'] | null>(null);
  const isMobile = useIsMobile();
  const none = t('common.none');
  const criteriaTitle = t('evaluations.criteriaTitle', { count: evaluation.criteria.length });
  const afterScoring = evaluation.status !== 'open';
  const nominate = (subject: Score['subject']) => {
    setOpened(null);
    setNominating(subject);
  };

  return (
    <>
      <PageHeader
        title={evaluation.title}
        extra={
          <Space wrap>
            <ManageButtons evaluation={evaluation} />
            <ProcessActions evaluation={evaluation} />
            <ExportRankingButton evaluationId={evaluation.id} />
          </Space>
        }
      />
      <Card data-testid="evaluation-detail" data-status={evaluation.status}>
        <Descriptions
          column={{ xs: 1, sm: 2, lg: 3 }}
          size="small"
          items={[
            {
              key: 'honour',
              label: t('evaluations.honourLabel'),
              children: <HonourTag honour={evaluation.honour} />,
            },
            {
              key: 'status',
              label: t('common.status'),
              children: <EvaluationStatusTag status={evaluation.status} testId="evaluation-status" />,
            },
            { key: 'region', label: t('evaluations.region'), children: evaluation.regionName },
            { key: 'period', label: t('evaluations.period'), children: evaluationPeriod(evaluation) },
            {
              key: 'candidates',
              label: t('evaluations.candidates'),
              children: (
                <span data-testid="evaluation-candidates">
                  {t('evaluations.candidatesCount', { count: evaluation.candidates })}
                </span>
              ),
            },
            {
              key: 'computedAt',
              label: t('evaluations.computedAt'),
              children: atTime(evaluation.computedAt, t('evaluations.notComputedShort')),
            },
            ...(evaluation.closedAt
              ? [
                  {
                    key: 'closedAt',
                    label: t('evaluations.closedAt'),
                    children: atTime(evaluation.closedAt, none),
                  },
                ]
              : []),
            ...(afterScoring
              ? [
                  {
                    key: 'quota',
                    label: t('evaluations.nominationQuota'),
                    children: t('evaluations.quotaEach', { count: evaluation.nominationQuota }),
                  },
                ]
              : []),
          ]}
        />
        <ProcessSteps evaluation={evaluation} />
        <StatusHint evaluation={evaluation} />
      </Card>
      {afterScoring && (
        <NominationsSection
          evaluation={evaluation}
          onOpen={(subject) => setOpened({ subject, mayNominate: false })}
        />
      )}
      {evaluation.can.seeObjections &&
        (evaluation.status === 'notice' ||
          evaluation.status === 'decided' ||
          evaluation.status === 'published') && <ObjectionsSection evaluation={evaluation} />}
      {/* On a phone the criteria fold away: the ranking is what is looked for. */}
      {isMobile ? (
        <Collapse
          className="gj-section gj-eval-criteria-fold"
          items={[
            {
              key: 'criteria',
              label: <strong>{criteriaTitle}</strong>,
              children: <CriteriaTable criteria={evaluation.criteria} honour={evaluation.honour} />,
            },
          ]}
        />
      ) : (
        <Card size="small" className="gj-section" title={criteriaTitle}>
          <CriteriaTable criteria={evaluation.criteria} honour={evaluation.honour} />
        </Card>
      )}
      <Card size="small" className="gj-section" title={t('evaluations.ranking')}>
        <RankingSection
          evaluation={evaluation}
          onOpen={(s) => setOpened({ subject: s.subject, mayNominate: s.can.nominate })}
          onNominate={nominate}
        />
      </Card>
      <ScoreDrawer
        evaluation={evaluation}
        subject={opened?.subject ?? null}
        onClose={() => setOpened(null)}
        mayNominate={opened?.mayNominate ?? false}
        onNominate={nominate}
      />
      {evaluation.can.nominate && (
        <NominateDrawer
          evaluationId={evaluation.id}
          candidate={nominating}
          onClose={() => setNominating(null)}
        />
      )}
    </>
  );
}

/** One evaluation: its scope and criteria, its process, the ranking, and each score's breakdown. */
export function EvaluationPage() {
  const { t } = useTranslation();
  const id = idParam(useParams().id);
  const { data: evaluation, error, refetch } = useEvaluation(id);

  if (id === undefined || (error instanceof ApiError && error.status === 404)) {
    return (
      <Result
        status="404"
        title={t('evaluations.notFound')}
        extra={
          <Link to="/evaluations">
            <Button type="primary">{t('evaluations.backToList')}</Button>
          </Link>
        }
      />
    );
  }

  return (
    <>
      <Breadcrumb
        className="gj-breadcrumb"
        items={[
          { title: <Link to="/evaluations">{t('nav.evaluations')}</Link> },
          { title: evaluation?.title ?? '…' },
        ]}
      />
      {!evaluation && <PageHeader title={t('evaluations.detail')} />}
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {!evaluation && !error && <Skeleton active />}
      {evaluation && <EvaluationBody evaluation={evaluation} />}
    </>
  );
}
