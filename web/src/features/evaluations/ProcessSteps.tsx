import type { Evaluation, EvaluationStatus } from '@contract';
import { Steps } from 'antd';
import { useTranslation } from 'react-i18next';
import { zoned } from '../../lib/time';
import { useIsMobile } from '../../shared/useIsMobile';

const DAY = 'YYYY-MM-DD';

/** The step each status is at: scoring, frozen, nominations and review, notice, decision, published. */
const CURRENT: Record<EvaluationStatus, number> = { open: 0, closed: 2, notice: 3, decided: 4, published: 5 };

const day = (at: string | null) => (at ? zoned(at).format(DAY) : undefined);

/**
 * Where the evaluation stands on its way from scores to a published honour list (评分 → 封存 →
 * 推荐审核 → 公示 → 决定 → 发布), with each step's dates; down the page on a phone.
 */
export function ProcessSteps({ evaluation: e }: { evaluation: Evaluation }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const current = CURRENT[e.status];
  const notice =
    e.noticeFrom && e.noticeUntil
      ? t('evaluations.process.noticeDates', { from: day(e.noticeFrom), until: day(e.noticeUntil) })
      : undefined;
  const items = [
    { key: 'score', content: day(e.computedAt) },
    { key: 'freeze', content: day(e.closedAt) },
    { key: 'nominate', content: e.status === 'closed' ? t('evaluations.process.ongoing') : undefined },
    { key: 'notice', content: notice },
    { key: 'decide', content: day(e.decidedAt) },
    { key: 'publish', content: day(e.publishedAt) },
  ] as const;
  return (
    <Steps
      className="gj-section gj-eval-steps"
      size="small"
      responsive={false}
      orientation={isMobile ? 'vertical' : 'horizontal'}
      titlePlacement={isMobile ? 'horizontal' : 'vertical'}
      current={current}
      status={e.status === 'published' ? 'finish' : 'process'}
      items={items.map((s) => ({
        title: t(`evaluations.process.step.${s.key}`),
        content: s.content,
      }))}
      data-testid="evaluation-steps"
      data-current={current}
      data-status={e.status}
    />
  );
}
