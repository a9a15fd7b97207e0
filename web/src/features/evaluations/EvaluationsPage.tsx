import { CalendarOutlined, EnvironmentOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import { type Evaluation, HONOURS, type Honour } from '@contract';
import { Button, Card, DatePicker, Select, Table, type TableColumnsType, Typography } from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../../lib/auth';
import { day } from '../../lib/time';
import { oneOf } from '../../shared/enums';
import { PagedList } from '../../shared/PagedList';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { TableEmpty } from '../../shared/TableEmpty';
import { useIsMobile } from '../../shared/useIsMobile';
import { paginationProps, useListParams } from '../../shared/useListParams';
import { useEvaluations } from './api';
import { EvaluationFormDrawer } from './EvaluationFormDrawer';
import { atTime, EvaluationStatusTag, evaluationPeriod, HonourTag } from './EvaluationParts';

const FILTER_KEYS = ['honour', 'year'] as const;

/** A year from the address bar, within the contract's bounds. */
function yearParam(value: string | undefined): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : undefined;
}

function EvaluationCard({ evaluation: e }: { evaluation: Evaluation }) {
  const { t } = useTranslation();
  const none = t('common.none');
  return (
    <div className="gj-card-row" data-testid={`evaluation-row-${e.id}`} data-status={e.status}>
      <div className="gj-card-row-head">
        <Link to={`/evaluations/${e.id}`} className="gj-strong-link">
          {e.title}
        </Link>
        <EvaluationStatusTag status={e.status} />
      </div>
      <span className="gj-inline">
        <HonourTag honour={e.honour} />
        <Typography.Text type="secondary">
          <EnvironmentOutlined /> {e.regionName}
        </Typography.Text>
      </span>
      <Typography.Text type="secondary">
        <CalendarOutlined /> {evaluationPeriod(e)}
      </Typography.Text>
      <Typography.Text type="secondary">
        <TeamOutlined /> {t('evaluations.candidatesCount', { count: e.candidates })}
        {' · '}
        {e.closedAt
          ? t('evaluations.closedOn', { time: atTime(e.closedAt, none) })
          : t('evaluations.computedOn', { time: atTime(e.computedAt, none) })}
      </Typography.Text>
    </div>
  );
}

/** The honours' evaluations, by year and honour; managers open new ones. */
export function EvaluationsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const isMobile = useIsMobile();
  const list = useListParams(FILTER_KEYS);
  const filters = { honour: oneOf(HONOURS, list.filters.honour), year: yearParam(list.filters.year) };
  const evaluations = useEvaluations({ ...filters, page: list.page, pageSize: list.pageSize });
  const [creating, setCreating] = useState(false);
  const canManage = can('evaluation.manage');
  const items = evaluations.data?.items;
  const pagination = paginationProps(list, evaluations.data?.total ?? 0, (total) =>
    t('common.total', { total }),
  );
  const none = t('common.none');

  const columns: TableColumnsType<Evaluation> = [
    {
      title: t('evaluations.title'),
      dataIndex: 'title',
      fixed: 'left',
      width: 180,
      render: (_, e) => (
        <Link to={`/evaluations/${e.id}`} className="gj-strong-link" data-testid={`evaluation-open-${e.id}`}>
          {e.title}
        </Link>
      ),
    },
    {
      title: t('evaluations.honourLabel'),
      dataIndex: 'honour',
      width: 180,
      render: (_, e) => <HonourTag honour={e.honour} />,
    },
    { title: t('evaluations.region'), dataIndex: 'regionName', width: 100 },
    {
      title: t('evaluations.period'),
      key: 'period',
      width: 120,
      render: (_, e) => evaluationPeriod(e),
    },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 80,
      render: (_, e) => <EvaluationStatusTag status={e.status} />,
    },
    { title: t('evaluations.candidates'), dataIndex: 'candidates', width: 110, align: 'right' },
    {
      // When it was last computed, and when closed: the figures' date.
      title: t('evaluations.times'),
      key: 'times',
      width: 180,
      render: (_, e) => (
        <span className="gj-stack">
          <span>{t('evaluations.computedOn', { time: atTime(e.computedAt, none) })}</span>
          {e.closedAt && (
            <Typography.Text type="secondary">
              {t('evaluations.closedOn', { time: atTime(e.closedAt, none) })}
            </Typography.Text>
          )}
        </span>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('nav.evaluations')}
        extra={
          canManage && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="evaluation-create"
            >
              {t('evaluations.create')}
            </Button>
          )
        }
      />
      <Card>
        <div className="gj-toolbar">
          <DatePicker
            picker="year"
            className="gj-toolbar-select"
            allowClear
            inputReadOnly
            placeholder={t('evaluations.allYears')}
            value={filters.year ? day(`${filters.year}-01-01`) : null}
            onChange={(year) => list.setFilters({ year: year ? year.year() : undefined })}
            data-testid="evaluation-year-filter"
          />
          <Select<Honour>
            className="gj-toolbar-select-wide"
            allowClear
            placeholder={t('evaluations.allHonours')}
            value={filters.honour}
            onChange={(honour) => list.setFilters({ honour })}
            options={HONOURS.map((h) => ({ value: h, label: t(`evaluations.honour.${h}`) }))}
            data-testid="evaluation-honour-filter"
          />
        </div>
        {evaluations.error && (
          <QueryError error={evaluations.error} onRetry={() => void evaluations.refetch()} />
        )}
        {isMobile ? (
          <PagedList
            items={items}
            loading={evaluations.isFetching}
            testId="evaluation-list"
            pagination={pagination}
            rowKey={(e) => e.id}
            empty={t('evaluations.empty')}
            render={(e) => <EvaluationCard evaluation={e} />}
          />
        ) : (
          <Table<Evaluation>
            rowKey="id"
            columns={columns}
            dataSource={items}
            loading={evaluations.isFetching}
            pagination={pagination}
            scroll={{ x: 960 }}
            onRow={(e) =>
              ({
                'data-testid': `evaluation-row-${e.id}`,
                'data-status': e.status,
              }) as HTMLAttributes<HTMLElement>
            }
            locale={{ emptyText: <TableEmpty text={t('evaluations.empty')} /> }}
            data-testid="evaluation-list"
          />
        )}
      </Card>
      {canManage && (
        <EvaluationFormDrawer
          open={creating}
          onClose={() => setCreating(false)}
          onCreated={(e) => navigate(`/evaluations/${e.id}`)}
        />
      )}
    </>
  );
}
