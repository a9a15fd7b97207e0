import { CheckOutlined } from '@ant-design/icons';
import {
  type Evaluation,
  type EvaluationStatus,
  HOUR_KINDS,
  type Honour,
  type LedgerKind,
  type NominationStatus,
} from '@contract';
import { Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { zoned } from '../../lib/time';
import { PlainList } from '../../shared/PlainList';
import { TableEmpty } from '../../shared/TableEmpty';
import { LedgerKindTag } from '../../shared/tags';
import { useIsMobile } from '../../shared/useIsMobile';
import { formatQuantity } from '../ledger';
import { type EvaluationCriterion, type ObjectionStatus, SUBJECT_KIND } from './api';

const HONOUR_COLOR: Record<Honour, string> = {
  civilized_unit: 'gold',
  advanced_party_org: 'red',
  outstanding_member: 'volcano',
};

export function HonourTag({ honour }: { honour: Honour }) {
  const { t } = useTranslation();
  return (
    <Tag color={HONOUR_COLOR[honour]} data-honour={honour}>
      {t(`evaluations.honour.${honour}`)}
    </Tag>
  );
}

const STATUS_COLOR: Record<EvaluationStatus, string> = {
  open: 'processing',
  closed: 'purple',
  notice: 'orange',
  decided: 'cyan',
  published: 'success',
};

export function EvaluationStatusTag({ status, testId }: { status: EvaluationStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={STATUS_COLOR[status]} data-status={status} data-testid={testId}>
      {t(`evaluations.status.${status}`)}
    </Tag>
  );
}

const NOMINATION_COLOR: Record<NominationStatus, string> = {
  nominated: 'processing',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'default',
  removed: 'volcano',
  awarded: 'gold',
};

export function NominationStatusTag({ status }: { status: NominationStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={NOMINATION_COLOR[status]} data-status={status}>
      {t(`evaluations.nominationStatus.${status}`)}
    </Tag>
  );
}

const OBJECTION_COLOR: Record<ObjectionStatus, string> = {
  open: 'orange',
  upheld: 'red',
  dismissed: 'default',
};

export function ObjectionStatusTag({ status }: { status: ObjectionStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={OBJECTION_COLOR[status]} data-status={status}>
      {t(`evaluations.objectionStatus.${status}`)}
    </Tag>
  );
}

export const TIME = 'YYYY-MM-DD HH:mm';

/** "2026-03-01 10:20", or a dash. */
export const atTime = (at: string | null, none: string) => (at ? zoned(at).format(TIME) : none);

/** "2026-01-01 ~ 2026-12-31". */
export const evaluationPeriod = (e: Pick<Evaluation, 'periodFrom' | 'periodTo'>) =>
  `${e.periodFrom} ~ ${e.periodTo}`;

/** "12 分", "2.5 points". */
export function usePoints() {
  const { t } = useTranslation();
  return (value: number) => t('evaluations.points', { count: value, value: formatQuantity(value) });
}

/** "2 分/小时" for hour kinds, else "3 分/次". */
export function usePointsPer() {
  const { t } = useTranslation();
  return (kind: LedgerKind, value: number) =>
    HOUR_KINDS.includes(kind)
      ? t('evaluations.pointsPerHour', { count: value, value: formatQuantity(value) })
      : t('evaluations.pointsPerTime', { count: value, value: formatQuantity(value) });
}

/** A criterion's figures, each as read in the criteria table. */
function useCriterionCells() {
  const { t } = useTranslation();
  const points = usePoints();
  const pointsPer = usePointsPer();
  const cap = (value: number | undefined) => (value === undefined ? t('evaluations.noCap') : points(value));
  return {
    pointsPer: (c: EvaluationCriterion) => pointsPer(c.kind, c.pointsPer),
    perActCap: (c: EvaluationCriterion) => cap(c.perActCap),
    cap: (c: EvaluationCriterion) => cap(c.cap),
    weight: (c: EvaluationCriterion) => t('evaluations.weightValue', { value: formatQuantity(c.weight) }),
    includeMembers: (c: EvaluationCriterion) =>
      c.includeMembers ? (
        <CheckOutlined className="gj-eval-yes" aria-label={t('common.yes')} />
      ) : (
        t('common.no')
      ),
  };
}

type CriteriaProps = {
  criteria: readonly EvaluationCriterion[];
  honour: Honour;
  loading?: boolean;
  testId?: string;
};

/**
 * How the points are earned: each criterion with its basis in the ledger, points, caps and
 * weight. "计入成员" shows only for a unit's or an organisation's honour: a member has no members.
 */
export function CriteriaTable({ criteria, honour, loading, testId = 'evaluation-criteria' }: CriteriaProps) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const cells = useCriterionCells();
  const forGroups = SUBJECT_KIND[honour] !== 'person';

  if (isMobile) {
    return (
      <div data-testid={testId}>
        <PlainList
          items={criteria}
          rowKey={(c) => c.key}
          empty={t('evaluations.noCriteria')}
          render={(c) => (
            <div className="gj-card-row" data-testid={`criterion-${c.key}`}>
              <div className="gj-card-row-head">
                <strong>{c.label}</strong>
                <LedgerKindTag kind={c.kind} />
              </div>
              <span className="gj-eval-facts">
                <span>
                  <Typography.Text type="secondary">{t('evaluations.criterion.pointsPer')}</Typography.Text>{' '}
                  {cells.pointsPer(c)}
                </span>
                <span>
                  <Typography.Text type="secondary">{t('evaluations.criterion.weight')}</Typography.Text>{' '}
                  {cells.weight(c)}
                </span>
                <span>
                  <Typography.Text type="secondary">{t('evaluations.criterion.perActCap')}</Typography.Text>{' '}
                  {cells.perActCap(c)}
                </span>
                <span>
                  <Typography.Text type="secondary">{t('evaluations.criterion.cap')}</Typography.Text>{' '}
                  {cells.cap(c)}
                </span>
                {forGroups && (
                  <span>
                    <Typography.Text type="secondary">
                      {t('evaluations.criterion.includeMembers')}
                    </Typography.Text>{' '}
                    {cells.includeMembers(c)}
                  </span>
                )}
              </span>
            </div>
          )}
        />
      </div>
    );
  }

  const columns: TableColumnsType<EvaluationCriterion> = [
    { title: t('evaluations.criterion.label'), dataIndex: 'label', width: 180 },
    {
      title: t('evaluations.criterion.kind'),
      dataIndex: 'kind',
      width: 130,
      render: (_, c) => <LedgerKindTag kind={c.kind} />,
    },
    {
      title: t('evaluations.criterion.pointsPer'),
      dataIndex: 'pointsPer',
      width: 110,
      align: 'right',
      render: (_, c) => cells.pointsPer(c),
    },
    {
      title: t('evaluations.criterion.perActCap'),
      dataIndex: 'perActCap',
      width: 100,
      align: 'right',
      render: (_, c) => cells.perActCap(c),
    },
    {
      title: t('evaluations.criterion.cap'),
      dataIndex: 'cap',
      width: 100,
      align: 'right',
      render: (_, c) => cells.cap(c),
    },
    {
      title: t('evaluations.criterion.weight'),
      dataIndex: 'weight',
      width: 70,
      align: 'right',
      render: (_, c) => cells.weight(c),
    },
    ...(forGroups
      ? [
          {
            title: t('evaluations.criterion.includeMembers'),
            dataIndex: 'includeMembers',
            width: 90,
            align: 'center' as const,
            render: (_: unknown, c: EvaluationCriterion) => cells.includeMembers(c),
          },
        ]
      : []),
  ];
  return (
    <Table<EvaluationCriterion>
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={[...criteria]}
      loading={loading}
      pagination={false}
      scroll={{ x: 680 }}
      onRow={(c) => ({ 'data-testid': `criterion-${c.key}` }) as HTMLAttributes<HTMLElement>}
      locale={{ emptyText: <TableEmpty text={t('evaluations.noCriteria')} /> }}
      data-testid={testId}
    />
  );
}
