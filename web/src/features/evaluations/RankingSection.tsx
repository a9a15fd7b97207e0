import { LikeOutlined } from '@ant-design/icons';
import type { Evaluation, NominationStatus, Score } from '@contract';
import { Button, Input, Table, type TableColumnsType, Typography } from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { idParam } from '../../shared/enums';
import { PagedList } from '../../shared/PagedList';
import { RegionSelect } from '../../shared/pickers/RegionSelect';
import { QueryError } from '../../shared/QueryError';
import { TableEmpty } from '../../shared/TableEmpty';
import { useIsMobile } from '../../shared/useIsMobile';
import { paginationProps, useListParams } from '../../shared/useListParams';
import { formatQuantity } from '../ledger';
import { useNominationStatuses, useScores } from './api';
import { NominationStatusTag, usePoints } from './EvaluationParts';

const FILTER_KEYS = ['q', 'regionId'] as const;

function ScoreSearch({ value, onSearch }: { value?: string; onSearch: (q: string | undefined) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value ?? '');
  return (
    <Input.Search
      className="gj-toolbar-grow"
      allowClear
      placeholder={t('evaluations.searchPlaceholder')}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onSearch={(q) => onSearch(q.trim() || undefined)}
      data-testid="score-search"
    />
  );
}

/** 1, 2 and 3 in the medal colours; ties share a rank. */
export function RankBadge({ rank }: { rank: number }) {
  const { t } = useTranslation();
  return (
    <span
      className="gj-eval-rank"
      data-rank={rank <= 3 ? rank : undefined}
      title={t('evaluations.rankN', { rank })}
    >
      {rank}
    </span>
  );
}

/** "−3", in red; a dash when nothing was deducted. */
function DeductionCell({ points }: { points: number }) {
  const { t } = useTranslation();
  if (points === 0) return <Typography.Text type="secondary">{t('common.none')}</Typography.Text>;
  return <span className="gj-quantity gj-quantity-negative">−{formatQuantity(points)}</span>;
}

type Props = {
  evaluation: Evaluation;
  onOpen: (score: Score) => void;
  onNominate?: (subject: Score['subject']) => void;
};

/**
 * Beside a candidate once the figures are frozen: its nomination's status, or "推荐" for one
 * this user may put forward and nobody has.
 */
export function NominationCell({
  subject,
  status,
  mayNominate,
  onNominate,
  testId,
}: {
  subject: Score['subject'];
  status: NominationStatus | undefined;
  /** Whether this user may put this candidate forward now (the server's `can.nominate`). */
  mayNominate: boolean;
  onNominate?: (subject: Score['subject']) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  const taken = status === 'nominated' || status === 'approved';
  return (
    <span className="gj-inline">
      {status && <NominationStatusTag status={status} />}
      {!taken && onNominate && mayNominate && (
        <Button size="small" icon={<LikeOutlined />} onClick={() => onNominate(subject)} data-testid={testId}>
          {t('evaluations.nominate')}
        </Button>
      )}
    </span>
  );
}

/** The ranking: rank, name, region, total, each criterion's points and the deductions; paged. */
export function RankingSection({ evaluation, onOpen, onNominate }: Props) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const points = usePoints();
  const list = useListParams(FILTER_KEYS);
  const filters = { q: list.filters.q, regionId: idParam(list.filters.regionId) };
  const scores = useScores(evaluation.id, { ...filters, page: list.page, pageSize: list.pageSize });
  const items = scores.data?.items;
  const pagination = paginationProps(list, scores.data?.total ?? 0, (total) => t('common.total', { total }));
  const empty = evaluation.computedAt ? t('evaluations.rankingEmpty') : t('evaluations.notComputed');
  const afterScoring = evaluation.status !== 'open';
  const nominations = useNominationStatuses(evaluation.id, afterScoring);
  const nominationCell = (s: Score) => (
    <NominationCell
      subject={s.subject}
      status={nominations.data?.get(s.subject.id)}
      mayNominate={s.can.nominate}
      onNominate={onNominate}
      testId={`nominate-${s.subject.id}`}
    />
  );

  const nameLink = (s: Score) => (
    <Typography.Link strong onClick={() => onOpen(s)} data-testid={`score-open-${s.subject.id}`}>
      {s.subject.name}
    </Typography.Link>
  );

  const columns: TableColumnsType<Score> = [
    {
      title: t('evaluations.rank'),
      dataIndex: 'rank',
      fixed: 'left',
      width: 64,
      align: 'center',
      render: (_, s) => <RankBadge rank={s.rank} />,
    },
    {
      title: t('evaluations.name'),
      key: 'name',
      fixed: 'left',
      width: 160,
      render: (_, s) => nameLink(s),
    },
    { title: t('evaluations.subjectRegion'), dataIndex: 'regionName', width: 120 },
    {
      title: t('evaluations.total'),
      dataIndex: 'total',
      width: 90,
      align: 'right',
      render: (_, s) => (
        <strong className="gj-quantity" data-testid={`score-total-${s.subject.id}`}>
          {formatQuantity(s.total)}
        </strong>
      ),
    },
    ...(afterScoring
      ? [
          {
            title: t('evaluations.nomination'),
            key: 'nomination',
            width: 110,
            render: (_: unknown, s: Score) => nominationCell(s),
          },
        ]
      : []),
    ...evaluation.criteria.map((c) => ({
      title: c.label,
      key: `criterion-${c.key}`,
      width: 110,
      align: 'right' as const,
      render: (_: unknown, s: Score) => (
        <span className="gj-quantity">{formatQuantity(s.byCriterion[c.key] ?? 0)}</span>
      ),
    })),
    {
      title: t('evaluations.deductions'),
      dataIndex: 'deductions',
      width: 90,
      align: 'right',
      render: (_, s) => <DeductionCell points={s.deductions} />,
    },
  ];
  const width = 64 + 160 + 120 + 90 + (afterScoring ? 110 : 0) + 110 * evaluation.criteria.length + 90;

  return (
    <>
      <div className="gj-toolbar">
        <ScoreSearch value={filters.q} onSearch={(q) => list.setFilters({ q })} />
        <RegionSelect
          className="gj-toolbar-select-wide"
          kinds={['street', 'community']}
          allowClear
          placeholder={t('evaluations.regionFilter')}
          value={filters.regionId}
          onChange={(regionId) => list.setFilters({ regionId })}
          data-testid="score-region-filter"
        />
      </div>
      {scores.error && <QueryError error={scores.error} onRetry={() => void scores.refetch()} />}
      {isMobile ? (
        <PagedList
          items={items}
          loading={scores.isFetching}
          testId="ranking"
          pagination={pagination}
          rowKey={(s) => s.subject.id}
          empty={empty}
          render={(s) => (
            <div className="gj-card-row" data-testid={`score-row-${s.subject.id}`}>
              <div className="gj-card-row-head">
                <span className="gj-eval-rank-name">
                  <RankBadge rank={s.rank} />
                  {nameLink(s)}
                </span>
                <strong className="gj-eval-total" data-testid={`score-total-${s.subject.id}`}>
                  {points(s.total)}
                </strong>
              </div>
              <span className="gj-card-row-head">
                <Typography.Text type="secondary">{s.regionName}</Typography.Text>
                {afterScoring && nominationCell(s)}
              </span>
              <span className="gj-eval-facts">
                {evaluation.criteria.map((c) => (
                  <span key={c.key}>
                    <Typography.Text type="secondary">{c.label}</Typography.Text>{' '}
                    <span className="gj-quantity">{formatQuantity(s.byCriterion[c.key] ?? 0)}</span>
                  </span>
                ))}
                {s.deductions > 0 && (
                  <span>
                    <Typography.Text type="secondary">{t('evaluations.deductions')}</Typography.Text>{' '}
                    <DeductionCell points={s.deductions} />
                  </span>
                )}
              </span>
            </div>
          )}
        />
      ) : (
        <Table<Score>
          rowKey={(s) => s.subject.id}
          size="middle"
          columns={columns}
          dataSource={items}
          loading={scores.isFetching}
          pagination={pagination}
          scroll={{ x: width }}
          onRow={(s) =>
            ({
              'data-testid': `score-row-${s.subject.id}`,
              'data-rank': s.rank,
            }) as HTMLAttributes<HTMLElement>
          }
          locale={{ emptyText: <TableEmpty text={empty} /> }}
          data-testid="ranking"
        />
      )}
    </>
  );
}
