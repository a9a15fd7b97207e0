import { DownloadOutlined, LockOutlined, ReloadOutlined } from '@ant-design/icons';
import type { Evaluation, Score } from '@contract';
import { Alert, App, Breadcrumb, Button, Card, Collapse, Descriptions, Result, Skeleton, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../app/api';
import { useAuth } from '../../app/auth';
import { idParam } from '../../shared/enums';
import { useFeedback } from '../../shared/feedback';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { useIsMobile } from '../../shared/useIsMobile';
import { exportEvaluation, useCloseEvaluation, useComputeEvaluation, useEvaluation } from './api';
import { atTime, CriteriaTable, EvaluationStatusTag, evaluationPeriod, HonourTag } from './EvaluationParts';
import { RankingSection } from './RankingSection';
import { ScoreDrawer } from './ScoreDrawer';

/** A manager's actions on an open evaluation: recompute from the ledger; close, after a warning. */
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
      <Button
        icon={<ReloadOutlined />}
        loading={compute.isPending}
        onClick={() => void recompute()}
        data-testid="evaluation-compute"
      >
        {t('evaluations.recompute')}
      </Button>
      <Button
        danger
        icon={<LockOutlined />}
        loading={close.isPending}
        onClick={confirmClose}
        data-testid="evaluation-close"
      >
        {t('evaluations.close')}
      </Button>
    </>
  );
}

/** "Export to Excel": the whole ranking with every criterion, whatever the filters on screen. */
function ExportRankingButton({ evaluationId }: { evaluationId: number }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    try {
      await exportEvaluation(evaluationId);
    } catch (error) {
      feedback.error(error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      icon={<DownloadOutlined />}
      loading={busy}
      onClick={() => void onClick()}
      data-testid="evaluation-export"
    >
      {t('common.export')}
    </Button>
  );
}

/** One evaluation: its scope and criteria, the ranking, and each score's breakdown. */
export function EvaluationPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const id = idParam(useParams().id);
  const { data: evaluation, error, refetch } = useEvaluation(id);
  const [opened, setOpened] = useState<Score['subject'] | null>(null);
  const isMobile = useIsMobile();
  const none = t('common.none');
  const criteriaTitle = t('evaluations.criteriaTitle', { count: evaluation?.criteria.length ?? 0 });

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
      <PageHeader
        title={evaluation?.title ?? t('evaluations.detail')}
        extra={
          evaluation && (
            <Space wrap>
              {can('evaluation.manage') && evaluation.status === 'open' && (
                <ManageButtons evaluation={evaluation} />
              )}
              <ExportRankingButton evaluationId={evaluation.id} />
            </Space>
          )
        }
      />
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {!evaluation && !error && <Skeleton active />}
      {evaluation && (
        <>
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
              ]}
            />
            <Alert
              className="gj-section"
              type={evaluation.status === 'open' ? 'info' : 'success'}
              showIcon
              title={
                evaluation.status === 'open'
                  ? t('evaluations.openHint')
                  : t('evaluations.closedHint', { time: atTime(evaluation.closedAt, none) })
              }
              data-testid="evaluation-status-hint"
            />
          </Card>
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
            <RankingSection evaluation={evaluation} onOpen={(s) => setOpened(s.subject)} />
          </Card>
          <ScoreDrawer evaluation={evaluation} subject={opened} onClose={() => setOpened(null)} />
        </>
      )}
    </>
  );
}
