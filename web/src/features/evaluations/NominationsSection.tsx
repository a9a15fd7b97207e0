import { CheckOutlined, CloseOutlined, RollbackOutlined } from '@ant-design/icons';
import { type Evaluation, NOMINATION_STATUSES, type Nomination, type NominationStatus } from '@contract';
import {
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Select,
  Skeleton,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmSheet } from '../../shared/ConfirmSheet';
import { useFeedback } from '../../shared/feedback';
import { PagedList } from '../../shared/PagedList';
import { QueryError } from '../../shared/QueryError';
import { TableEmpty } from '../../shared/TableEmpty';
import { useIsMobile } from '../../shared/useIsMobile';
import { useLastDefined } from '../../shared/useLastDefined';
import { formatQuantity } from '../ledger';
import {
  type QuotaRow,
  useNominations,
  useQuotas,
  useReviewNomination,
  useSetQuota,
  useWithdrawNomination,
} from './api';
import { atTime, NominationStatusTag, usePoints } from './EvaluationParts';
import { RankBadge } from './RankingSection';

const PAGE_SIZE = 20;
const MAX_COMMENT = 500;

/** A street's quota, changed in place by the district while nominations are open. */
function QuotaInput({ evaluationId, row }: { evaluationId: number; row: QuotaRow }) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const setQuota = useSetQuota();
  const [draft, setDraft] = useState<number | null>(row.quota);
  const [saved, setSaved] = useState(row.quota);
  // The server's figure wins when it changes under us (another reviewer, a refetch).
  if (saved !== row.quota) {
    setSaved(row.quota);
    setDraft(row.quota);
  }
  const commit = () => {
    if (draft === null || draft === row.quota) {
      setDraft(row.quota);
      return;
    }
    setQuota.mutate(
      { id: evaluationId, regionId: row.region.id, quota: draft },
      {
        onSuccess: () =>
          feedback.success(t('evaluations.quotaSaved', { name: row.region.name, quota: draft })),
        onError: (error) => {
          setDraft(row.quota);
          feedback.error(error);
        },
      },
    );
  };
  return (
    <InputNumber<number>
      size="small"
      min={row.used}
      max={1000}
      precision={0}
      value={draft}
      onChange={setDraft}
      onBlur={commit}
      onPressEnter={commit}
      disabled={setQuota.isPending}
      aria-label={t('evaluations.quotaOf', { name: row.region.name })}
      className="gj-eval-quota-input"
      data-testid={`quota-${row.region.id}`}
    />
  );
}

/** Each street's places: used of its quota; the district edits the quota while nominations are open. */
function QuotaBoard({ evaluation, editable }: { evaluation: Evaluation; editable: boolean }) {
  const { t } = useTranslation();
  const quotas = useQuotas(evaluation.id);
  if (quotas.error) return <QueryError error={quotas.error} onRetry={() => void quotas.refetch()} />;
  if (!quotas.data) return <Skeleton active paragraph={{ rows: 1 }} />;
  return (
    <div className="gj-stack gj-gap">
      <Typography.Text type="secondary">
        {editable ? t('evaluations.quotaHintEdit') : t('evaluations.quotaHint')}
      </Typography.Text>
      <ul className="gj-eval-quotas" data-editable={editable || undefined} data-testid="quotas">
        {quotas.data.map((q) => (
          <li
            key={q.region.id}
            className="gj-eval-quota"
            data-testid={`quota-row-${q.region.id}`}
            data-used={q.used}
            data-quota={q.quota}
            data-full={q.used >= q.quota || undefined}
          >
            <span className="gj-eval-quota-name">{q.region.name}</span>
            <span className="gj-eval-quota-figures">
              <strong className="gj-quantity">{q.used}</strong>
              <Typography.Text type="secondary">/</Typography.Text>
              {editable ? (
                <QuotaInput evaluationId={evaluation.id} row={q} />
              ) : (
                <span className="gj-quantity" data-testid={`quota-${q.region.id}`}>
                  {q.quota}
                </span>
              )}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

type Review = { nomination: Nomination; decision: 'approved' | 'rejected' };

/** The district's word on a nomination: agree, or disagree saying why. */
function ReviewSheet({
  evaluationId,
  review,
  onClose,
}: {
  evaluationId: number;
  review: Review | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ comment?: string }>();
  const mutation = useReviewNomination();
  const feedback = useFeedback();
  const shown = useLastDefined(review);
  const rejecting = shown?.decision === 'rejected';

  const submit = async () => {
    if (!review) return;
    const { comment } = await form.validateFields();
    const { nomination: n, decision } = review;
    mutation.mutate(
      { id: evaluationId, subjectId: n.subject.id, decision, comment: (comment ?? '').trim() },
      {
        onSuccess: () => {
          feedback.success(
            t(decision === 'approved' ? 'evaluations.approvedDone' : 'evaluations.rejectedDone', {
              name: n.subject.name,
            }),
          );
          form.resetFields();
          onClose();
        },
        onError: (error) => feedback.formError(form, error, ['comment']),
      },
    );
  };

  return (
    <ConfirmSheet
      open={review !== null}
      onClose={onClose}
      title={t(rejecting ? 'evaluations.rejectTitle' : 'evaluations.approveTitle', {
        name: shown?.nomination.subject.name ?? '',
      })}
      okText={t(rejecting ? 'evaluations.reject' : 'evaluations.approve')}
      okIcon={rejecting ? <CloseOutlined /> : <CheckOutlined />}
      onOk={() => void submit().catch(() => undefined)}
      loading={mutation.isPending}
      okTestId="review-submit"
    >
      {shown && (
        <div className="gj-stack gj-gap" data-testid="review-sheet" data-decision={shown.decision}>
          <Typography.Text type="secondary">
            {t('evaluations.statementBy', {
              region: shown.nomination.region.name,
              by: shown.nomination.nominatedBy,
            })}
          </Typography.Text>
          <Typography.Paragraph className="gj-prewrap" ellipsis={{ rows: 5, expandable: true }}>
            {shown.nomination.statement}
          </Typography.Paragraph>
          <Form form={form} layout="vertical" requiredMark={rejecting ? undefined : 'optional'}>
            <Form.Item
              name="comment"
              label={t('evaluations.reviewComment')}
              rules={
                rejecting
                  ? [
                      { required: true, whitespace: true, message: t('evaluations.reviewCommentRequired') },
                      { min: 2, max: MAX_COMMENT },
                    ]
                  : [{ max: MAX_COMMENT }]
              }
            >
              <Input.TextArea
                rows={3}
                maxLength={MAX_COMMENT}
                showCount
                placeholder={t(
                  rejecting
                    ? 'evaluations.rejectCommentPlaceholder'
                    : 'evaluations.approveCommentPlaceholder',
                )}
                data-testid="review-comment"
              />
            </Form.Item>
          </Form>
        </div>
      )}
    </ConfirmSheet>
  );
}

/** The street takes its nomination back; the place is free again. */
function WithdrawSheet({
  evaluationId,
  nomination,
  onClose,
}: {
  evaluationId: number;
  nomination: Nomination | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const withdraw = useWithdrawNomination();
  const feedback = useFeedback();
  const shown = useLastDefined(nomination);
  const confirm = () => {
    if (!nomination) return;
    withdraw.mutate(
      { id: evaluationId, subjectId: nomination.subject.id },
      {
        onSuccess: () => {
          feedback.success(t('evaluations.withdrawn', { name: nomination.subject.name }));
          onClose();
        },
        onError: feedback.error,
      },
    );
  };
  return (
    <ConfirmSheet
      open={nomination !== null}
      onClose={onClose}
      title={t('evaluations.withdrawTitle', { name: shown?.subject.name ?? '' })}
      okText={t('evaluations.withdraw')}
      okIcon={<RollbackOutlined />}
      onOk={confirm}
      loading={withdraw.isPending}
      okTestId="withdraw-confirm"
    >
      <Typography.Paragraph>{t('evaluations.withdrawConfirm')}</Typography.Paragraph>
    </ConfirmSheet>
  );
}

type Props = {
  evaluation: Evaluation;
  onOpen: (subject: Nomination['subject']) => void;
};

/**
 * The nominations (推荐): each street's quota, then every nomination with its statement, its
 * review and, while on notice, its open objections. Reviewers agree or disagree; a street
 * withdraws its own.
 */
export function NominationsSection({ evaluation, onOpen }: Props) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const points = usePoints();
  const [status, setStatus] = useState<NominationStatus | undefined>();
  const [page, setPage] = useState(1);
  const nominations = useNominations(evaluation.id, { status, page, pageSize: PAGE_SIZE });
  const [review, setReview] = useState<Review | null>(null);
  const [withdrawing, setWithdrawing] = useState<Nomination | null>(null);
  const items = nominations.data?.items;
  const none = t('common.none');
  const reviewing = evaluation.can.review;
  const empty = status ? t('evaluations.nominationsNone') : t('evaluations.nominationsEmpty');

  const actionsOf = (n: Nomination) => {
    const buttons = [
      n.can.approve && (
        <Button
          key="approve"
          size="small"
          type="primary"
          icon={<CheckOutlined />}
          onClick={() => setReview({ nomination: n, decision: 'approved' })}
          data-testid={`review-approve-${n.subject.id}`}
        >
          {t('evaluations.approve')}
        </Button>
      ),
      n.can.reject && (
        <Button
          key="reject"
          size="small"
          danger
          icon={<CloseOutlined />}
          onClick={() => setReview({ nomination: n, decision: 'rejected' })}
          data-testid={`review-reject-${n.subject.id}`}
        >
          {t('evaluations.reject')}
        </Button>
      ),
      n.can.withdraw && (
        <Button
          key="withdraw"
          size="small"
          icon={<RollbackOutlined />}
          onClick={() => setWithdrawing(n)}
          data-testid={`withdraw-${n.subject.id}`}
        >
          {t('evaluations.withdraw')}
        </Button>
      ),
    ].filter(Boolean);
    return buttons.length > 0 ? <Space wrap>{buttons}</Space> : null;
  };

  const statusCell = (n: Nomination) => (
    <span className="gj-inline">
      <NominationStatusTag status={n.status} />
      {n.openObjections > 0 && (
        <Tag color="orange" data-testid={`nomination-objections-${n.subject.id}`}>
          {t('evaluations.openObjections', { count: n.openObjections })}
        </Tag>
      )}
    </span>
  );

  const nameLink = (n: Nomination) => (
    <Typography.Link strong onClick={() => onOpen(n.subject)}>
      {n.subject.name}
    </Typography.Link>
  );

  const reviewLine = (n: Nomination) =>
    n.reviewedAt ? (
      <span className="gj-stack">
        {n.reviewComment && <span className="gj-prewrap">{n.reviewComment}</span>}
        <Typography.Text type="secondary">
          {t('evaluations.reviewedBy', { by: n.reviewedBy ?? none, at: atTime(n.reviewedAt, none) })}
        </Typography.Text>
      </span>
    ) : (
      <Typography.Text type="secondary">{t('evaluations.notReviewed')}</Typography.Text>
    );

  const columns: TableColumnsType<Nomination> = [
    {
      title: t('evaluations.rank'),
      dataIndex: 'rank',
      width: 64,
      align: 'center',
      render: (_, n) => <RankBadge rank={n.rank} />,
    },
    {
      title: t('evaluations.nominee'),
      key: 'name',
      width: 120,
      render: (_, n) => (
        <span className="gj-stack">
          {nameLink(n)}
          <Typography.Text type="secondary">{n.region.name}</Typography.Text>
        </span>
      ),
    },
    {
      title: t('evaluations.total'),
      dataIndex: 'total',
      width: 64,
      align: 'right',
      render: (_, n) => <strong className="gj-quantity">{formatQuantity(n.total)}</strong>,
    },
    {
      title: t('evaluations.statement'),
      dataIndex: 'statement',
      render: (_, n) => (
        <span className="gj-stack">
          <Typography.Paragraph className="gj-prewrap gj-no-margin" ellipsis={{ rows: 3, expandable: true }}>
            {n.statement}
          </Typography.Paragraph>
          <Typography.Text type="secondary">
            {t('evaluations.nominatedBy', { by: n.nominatedBy, at: atTime(n.nominatedAt, none) })}
          </Typography.Text>
        </span>
      ),
    },
    { title: t('common.status'), dataIndex: 'status', width: 110, render: (_, n) => statusCell(n) },
    { title: t('evaluations.review'), key: 'review', width: 170, render: (_, n) => reviewLine(n) },
    ...(reviewing || evaluation.can.nominate
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'right' as const,
            width: 180,
            render: (_: unknown, n: Nomination) => actionsOf(n),
          },
        ]
      : []),
  ];

  return (
    <Card
      size="small"
      className="gj-section"
      title={t('evaluations.nominationsTitle')}
      data-testid="nominations-section"
    >
      <QuotaBoard evaluation={evaluation} editable={reviewing} />
      <div className="gj-toolbar gj-section">
        <Select<NominationStatus>
          className="gj-toolbar-select"
          allowClear
          placeholder={t('evaluations.allNominationStatuses')}
          value={status}
          onChange={(value) => {
            setStatus(value);
            setPage(1);
          }}
          options={NOMINATION_STATUSES.map((s) => ({
            value: s,
            label: t(`evaluations.nominationStatus.${s}`),
          }))}
          data-testid="nomination-status-filter"
        />
      </div>
      {nominations.error && (
        <QueryError error={nominations.error} onRetry={() => void nominations.refetch()} />
      )}
      {isMobile ? (
        <PagedList
          items={items}
          loading={nominations.isFetching}
          testId="nominations"
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: nominations.data?.total ?? 0,
            onChange: setPage,
          }}
          rowKey={(n) => n.subject.id}
          empty={empty}
          render={(n) => (
            <div
              className="gj-card-row"
              data-testid={`nomination-row-${n.subject.id}`}
              data-status={n.status}
            >
              <div className="gj-card-row-head">
                <span className="gj-eval-rank-name">
                  <RankBadge rank={n.rank} />
                  {nameLink(n)}
                </span>
                {statusCell(n)}
              </div>
              <Typography.Text type="secondary">
                {n.region.name} · {points(n.total)}
              </Typography.Text>
              <Typography.Paragraph
                className="gj-prewrap gj-no-margin"
                ellipsis={{ rows: 3, expandable: true }}
              >
                {n.statement}
              </Typography.Paragraph>
              <Typography.Text type="secondary">
                {t('evaluations.nominatedBy', { by: n.nominatedBy, at: atTime(n.nominatedAt, none) })}
              </Typography.Text>
              {n.reviewedAt && (
                <div className="gj-honour-response">
                  <Typography.Text type="secondary">{t('evaluations.review')}</Typography.Text>
                  {reviewLine(n)}
                </div>
              )}
              {actionsOf(n)}
            </div>
          )}
        />
      ) : (
        <Table<Nomination>
          rowKey={(n) => n.subject.id}
          size="middle"
          columns={columns}
          dataSource={items}
          loading={nominations.isFetching}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: nominations.data?.total ?? 0,
            onChange: setPage,
            showSizeChanger: false,
            showTotal: (total) => t('common.total', { total }),
          }}
          scroll={{ x: 960 }}
          onRow={(n) =>
            ({
              'data-testid': `nomination-row-${n.subject.id}`,
              'data-status': n.status,
            }) as HTMLAttributes<HTMLElement>
          }
          locale={{ emptyText: <TableEmpty text={empty} /> }}
          data-testid="nominations"
        />
      )}
      <ReviewSheet evaluationId={evaluation.id} review={review} onClose={() => setReview(null)} />
      <WithdrawSheet
        evaluationId={evaluation.id}
        nomination={withdrawing}
        onClose={() => setWithdrawing(null)}
      />
    </Card>
  );
}
