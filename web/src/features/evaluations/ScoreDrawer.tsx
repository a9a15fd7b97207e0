import { LikeOutlined, MinusCircleOutlined } from '@ant-design/icons';
import type { Evaluation } from '@contract';
import {
  Button,
  Collapse,
  Divider,
  Drawer,
  Empty,
  Form,
  Input,
  InputNumber,
  Pagination,
  Skeleton,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { zoned } from '../../lib/time';
import { useFeedback } from '../../shared/feedback';
import { PlainList } from '../../shared/PlainList';
import { QueryError } from '../../shared/QueryError';
import { useIsMobile } from '../../shared/useIsMobile';
import { useLastDefined } from '../../shared/useLastDefined';
import { formatQuantity, SourceLine, useQuantityLabel } from '../ledger';
import {
  type BreakdownCriterion,
  type EvaluationCriterion,
  type ScoreBreakdownData,
  useAddDeduction,
  useNominationStatuses,
  useScoreBreakdown,
} from './api';
import { NominationStatusTag, TIME, usePoints, usePointsPer } from './EvaluationParts';

/** Acts shown at once under a criterion; the rest a page at a time. */
const ACTS_PAGE = 10;

/** The rule a criterion applies: "2 分/小时 · 单次上限 10 分 · 年度上限 30 分 · 权重 ×1". */
function RuleLine({ criterion: c }: { criterion: EvaluationCriterion }) {
  const { t } = useTranslation();
  const points = usePoints();
  const pointsPer = usePointsPer();
  const parts = [
    pointsPer(c.kind, c.pointsPer),
    c.perActCap === undefined ? null : `${t('evaluations.criterion.perActCap')} ${points(c.perActCap)}`,
    c.cap === undefined ? null : `${t('evaluations.criterion.cap')} ${points(c.cap)}`,
    `${t('evaluations.criterion.weight')} ${t('evaluations.weightValue', { value: formatQuantity(c.weight) })}`,
    c.includeMembers ? t('evaluations.withMembers') : null,
  ];
  return <Typography.Text type="secondary">{parts.filter(Boolean).join(' · ')}</Typography.Text>;
}

/** The ledger entries behind one criterion: date, whose (for a group), quantity, points, source. */
function Acts({
  item,
  criterion,
  showPerson,
}: {
  item: BreakdownCriterion;
  criterion: EvaluationCriterion | undefined;
  showPerson: boolean;
}) {
  const { t } = useTranslation();
  const quantity = useQuantityLabel();
  const points = usePoints();
  const [page, setPage] = useState(1);
  const shown = item.acts.slice((page - 1) * ACTS_PAGE, page * ACTS_PAGE);
  return (
    <div className="gj-stack gj-gap">
      {criterion && <RuleLine criterion={criterion} />}
      {item.capped && (
        <Typography.Text type="warning" data-testid={`breakdown-capped-note-${item.key}`}>
          {t('evaluations.cappedNote', {
            raw: formatQuantity(item.raw),
            points: formatQuantity(item.points),
          })}
        </Typography.Text>
      )}
      <PlainList
        items={shown}
        rowKey={(a) => a.entryId}
        empty={t('evaluations.noActs')}
        render={(a) => (
          <div className="gj-card-row" data-testid={`breakdown-act-${a.entryId}`}>
            <div className="gj-card-row-head">
              <span className="gj-inline">
                <span className="gj-nowrap">{zoned(a.at).format('YYYY-MM-DD')}</span>
                {showPerson && a.person && <strong>{a.person}</strong>}
              </span>
              <strong className="gj-quantity">+{points(a.points)}</strong>
            </div>
            <span className="gj-inline">
              {criterion && (
                <Typography.Text type="secondary" className="gj-nowrap">
                  {quantity(criterion.kind, a.quantity)}
                </Typography.Text>
              )}
              <SourceLine source={a.source} />
            </span>
          </div>
        )}
      />
      {item.acts.length > ACTS_PAGE && (
        <Pagination
          className="gj-card-pagination"
          size="small"
          current={page}
          pageSize={ACTS_PAGE}
          total={item.acts.length}
          onChange={setPage}
          showSizeChanger={false}
          showTotal={(total) => t('common.total', { total })}
        />
      )}
    </div>
  );
}

type DeductionValues = { points: number; reason: string };

/** A reviewer takes points off, saying why; it stays on the record. */
function DeductionForm({ evaluationId, subjectId }: { evaluationId: number; subjectId: number }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<DeductionValues>();
  const deduct = useAddDeduction();
  const feedback = useFeedback();
  const onFinish = (values: DeductionValues) =>
    deduct.mutate(
      { id: evaluationId, subjectId, points: values.points, reason: values.reason.trim() },
      {
        onSuccess: () => {
          feedback.success(
            t('evaluations.deducted', { count: values.points, points: formatQuantity(values.points) }),
          );
          form.resetFields();
        },
        onError: (error) => feedback.formError(form, error, ['points', 'reason']),
      },
    );
  return (
    <Form<DeductionValues>
      form={form}
      layout="vertical"
      onFinish={onFinish}
      className="gj-subform gj-eval-deduct"
      data-testid="deduction-form"
    >
      <Typography.Paragraph type="secondary">{t('evaluations.deductionHint')}</Typography.Paragraph>
      <Form.Item name="points" label={t('evaluations.deductionPoints')} rules={[{ required: true }]}>
        <InputNumber<number>
          min={0.5}
          max={1000}
          step={0.5}
          suffix={t('evaluations.pointsUnit')}
          className="gj-fill"
          data-testid="deduction-points"
        />
      </Form.Item>
      <Form.Item
        name="reason"
        label={t('evaluations.deductionReason')}
        rules={[
          { required: true, whitespace: true, message: t('evaluations.deductionReasonRequired') },
          { min: 2, max: 300 },
        ]}
      >
        <Input.TextArea
          rows={2}
          maxLength={300}
          showCount
          placeholder={t('evaluations.deductionReasonPlaceholder')}
          data-testid="deduction-reason"
        />
      </Form.Item>
      <Form.Item>
        <Button
          danger
          htmlType="submit"
          icon={<MinusCircleOutlined />}
          loading={deduct.isPending}
          data-testid="deduction-submit"
        >
          {t('evaluations.deduct')}
        </Button>
      </Form.Item>
    </Form>
  );
}

function Breakdown({ evaluation, breakdown }: { evaluation: Evaluation; breakdown: ScoreBreakdownData }) {
  const { t } = useTranslation();
  const points = usePoints();
  const criteria = new Map(evaluation.criteria.map((c) => [c.key, c]));
  const deducted = breakdown.deductions.reduce((sum, d) => sum + d.points, 0);
  const showPerson = breakdown.subject.kind !== 'person';

  return (
    <div data-testid="score-breakdown" data-subject={breakdown.subject.id}>
      <div className="gj-big-stats gj-big-stats-small">
        <div className="gj-big-stat">
          <span className="gj-big-number" data-testid="breakdown-total">
            {formatQuantity(breakdown.total)}
          </span>
          <span className="gj-big-unit">{t('evaluations.pointsUnit')}</span>
          <span className="gj-big-label">{t('evaluations.total')}</span>
        </div>
        <div className="gj-big-stat">
          <span className="gj-big-number" data-testid="breakdown-deducted">
            {deducted > 0 ? `−${formatQuantity(deducted)}` : '0'}
          </span>
          <span className="gj-big-unit">{t('evaluations.pointsUnit')}</span>
          <span className="gj-big-label">{t('evaluations.deductions')}</span>
        </div>
      </div>
      <div data-testid="breakdown-criteria">
        <Collapse
          className="gj-eval-criteria"
          items={breakdown.criteria.map((item) => ({
            key: item.key,
            label: (
              <span className="gj-card-row-head" data-testid={`breakdown-criterion-${item.key}`}>
                <span className="gj-inline">
                  <strong>{item.label}</strong>
                  <Typography.Text type="secondary">
                    {t('evaluations.actsCount', { count: item.acts.length })}
                  </Typography.Text>
                  {item.capped && (
                    <Tag color="warning" data-testid={`breakdown-capped-${item.key}`}>
                      {t('evaluations.capReached')}
                    </Tag>
                  )}
                </span>
                <strong className="gj-quantity">{points(item.points)}</strong>
              </span>
            ),
            children: <Acts item={item} criterion={criteria.get(item.key)} showPerson={showPerson} />,
          }))}
        />
      </div>
      <Divider titlePlacement="start">
        {t('evaluations.deductionsTitle', { count: breakdown.deductions.length })}
      </Divider>
      {breakdown.deductions.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('evaluations.noDeductions')} />
      ) : (
        <div data-testid="breakdown-deductions">
          <PlainList
            items={breakdown.deductions}
            rowKey={(d) => d.id}
            empty={t('evaluations.noDeductions')}
            render={(d) => (
              <div className="gj-card-row" data-testid={`deduction-${d.id}`}>
                <div className="gj-card-row-head">
                  <span className="gj-prewrap">{d.reason}</span>
                  <strong className="gj-quantity gj-quantity-negative">−{points(d.points)}</strong>
                </div>
                <Typography.Text type="secondary">
                  {t('evaluations.deductionBy', { by: d.by, at: zoned(d.at).format(TIME) })}
                </Typography.Text>
              </div>
            )}
          />
        </div>
      )}
      {evaluation.can.deduct && (
        <DeductionForm evaluationId={evaluation.id} subjectId={breakdown.subject.id} />
      )}
    </div>
  );
}

type Props = {
  evaluation: Evaluation;
  /** The subject whose score to explain; none closes the drawer. */
  subject: { id: number; name: string } | null;
  onClose: () => void;
  /** Whether this user may put this candidate forward now (the server said so in the ranking). */
  mayNominate: boolean;
  onNominate: (subject: ScoreBreakdownData['subject']) => void;
};

/** The candidate's nomination: its status once the figures are frozen, or "推荐" when it may be made. */
function NominationLine({
  evaluation,
  subject,
  mayNominate,
  onNominate,
}: {
  evaluation: Evaluation;
  subject: ScoreBreakdownData['subject'];
  mayNominate: boolean;
  onNominate: (subject: ScoreBreakdownData['subject']) => void;
}) {
  const { t } = useTranslation();
  const statuses = useNominationStatuses(evaluation.id, evaluation.status !== 'open');
  const status = statuses.data?.get(subject.id);
  const taken = status === 'nominated' || status === 'approved';
  const button = !taken && mayNominate;
  if (!status && !button) return null;
  return (
    <div className="gj-section-bar" data-testid="breakdown-nomination">
      <span className="gj-inline">
        <Typography.Text type="secondary">{t('evaluations.nomination')}</Typography.Text>
        {status ? (
          <NominationStatusTag status={status} />
        ) : (
          <Typography.Text type="secondary">{t('evaluations.notNominated')}</Typography.Text>
        )}
      </span>
      {button && (
        <Button
          type="primary"
          icon={<LikeOutlined />}
          onClick={() => onNominate(subject)}
          data-testid="breakdown-nominate"
        >
          {t('evaluations.nominate')}
        </Button>
      )}
    </div>
  );
}

/** Why a score is what it is: each criterion with its acts, and the deductions. */
export function ScoreDrawer({ evaluation, subject, onClose, mayNominate, onNominate }: Props) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const shown = useLastDefined(subject);
  const breakdown = useScoreBreakdown(evaluation.id, shown?.id);
  return (
    <Drawer
      open={subject !== null}
      onClose={onClose}
      title={shown ? t('evaluations.breakdownOf', { name: shown.name }) : t('evaluations.breakdown')}
      size={isMobile ? '100%' : 640}
      destroyOnHidden
    >
      {breakdown.data && (
        <NominationLine
          evaluation={evaluation}
          subject={breakdown.data.subject}
          mayNominate={mayNominate}
          onNominate={onNominate}
        />
      )}
      {breakdown.error && <QueryError error={breakdown.error} onRetry={() => void breakdown.refetch()} />}
      {!breakdown.data && !breakdown.error && <Skeleton active />}
      {breakdown.data && <Breakdown evaluation={evaluation} breakdown={breakdown.data} />}
    </Drawer>
  );
}
