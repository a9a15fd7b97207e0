import { ExclamationCircleOutlined, LockOutlined } from '@ant-design/icons';
import type { HonourList, Objection } from '@contract';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Input,
  Result,
  Skeleton,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { type HTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../lib/api';
import { now, zoned } from '../../lib/time';
import { ConfirmSheet } from '../../shared/ConfirmSheet';
import { idParam } from '../../shared/enums';
import { useFeedback } from '../../shared/feedback';
import { PageHeader } from '../../shared/PageHeader';
import { PlainList } from '../../shared/PlainList';
import { QueryError } from '../../shared/QueryError';
import { TableEmpty } from '../../shared/TableEmpty';
import { useIsMobile } from '../../shared/useIsMobile';
import { useLastDefined } from '../../shared/useLastDefined';
import {
  atTime,
  EvaluationStatusTag,
  evaluationPeriod,
  HonourTag,
  ObjectionStatusTag,
  usePoints,
} from './EvaluationParts';
import { HonourPdfButton } from './HonourPdfButton';
import { useHonourWhen } from './HonoursPage';
import { type HonourEntry, useHonourList, useRaiseObjection } from './honours.api';

const MIN_REASON = 5;
const MAX_REASON = 1000;

/** "提出异议": the reason, and who will read it. */
function ObjectSheet({
  honourId,
  entry,
  onClose,
}: {
  honourId: number;
  entry: HonourEntry | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const raise = useRaiseObjection();
  const shown = useLastDefined(entry);
  const [reason, setReason] = useState('');
  const [touched, setTouched] = useState(false);
  const trimmed = reason.trim();
  const tooShort = trimmed.length < MIN_REASON;

  const close = () => {
    setReason('');
    setTouched(false);
    onClose();
  };
  const confirm = () => {
    setTouched(true);
    if (!entry || tooShort) return;
    raise.mutate(
      { id: honourId, subjectId: entry.subject.id, reason: trimmed },
      {
        onSuccess: () => {
          feedback.success(t('honours.objected', { name: entry.subject.name }));
          close();
        },
        // The notice over, already objected: the server says which.
        onError: feedback.error,
      },
    );
  };

  return (
    <ConfirmSheet
      open={entry !== null}
      onClose={close}
      title={t('honours.objectTitle', { name: shown?.subject.name ?? '' })}
      okText={t('honours.objectSubmit')}
      okIcon={<ExclamationCircleOutlined />}
      onOk={confirm}
      loading={raise.isPending}
      okTestId="objection-raise-submit"
    >
      <div className="gj-stack gj-gap" data-testid="objection-raise-sheet">
        <Typography.Text type="secondary">{t('honours.objectHint')}</Typography.Text>
        <Typography.Text type="secondary">
          <LockOutlined /> {t('honours.objectPrivacy')}
        </Typography.Text>
        <label htmlFor="objection-reason" className="gj-field-label">
          {t('honours.reason')}
        </label>
        <Input.TextArea
          id="objection-reason"
          rows={4}
          maxLength={MAX_REASON}
          showCount
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          status={touched && tooShort ? 'error' : undefined}
          placeholder={t('honours.reasonPlaceholder')}
          data-testid="objection-reason"
        />
        {touched && tooShort && (
          <Typography.Text type="danger">
            {t('honours.reasonTooShort', { count: MIN_REASON })}
          </Typography.Text>
        )}
      </div>
    </ConfirmSheet>
  );
}

/** The entries of one street (or of the scope itself), in rank order. */
type Group = { regionName: string; entries: HonourEntry[] };

function groupByRegion(entries: readonly HonourEntry[]): Group[] {
  const groups: Group[] = [];
  for (const e of entries) {
    const last = groups.at(-1);
    if (last?.regionName === e.regionName) last.entries.push(e);
    else groups.push({ regionName: e.regionName, entries: [e] });
  }
  return groups;
}

function Entries({
  list,
  objecting,
  onObject,
}: {
  list: HonourList;
  /** Objections may be raised now. */
  objecting: boolean;
  onObject: (entry: HonourEntry) => void;
}) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const points = usePoints();
  // One open objection per nominee and reader: the server refuses a second (and says so in `can`).
  const objected = new Set(list.myObjections.filter((o) => o.status === 'open').map((o) => o.subject.id));

  const action = (e: HonourEntry) =>
    objected.has(e.subject.id) ? (
      <Tag color="orange" data-testid={`honour-objected-${e.subject.id}`}>
        {t('honours.objectedTag')}
      </Tag>
    ) : (
      e.can.object && (
        <Button
          size="small"
          icon={<ExclamationCircleOutlined />}
          onClick={() => onObject(e)}
          data-testid={`honour-object-${e.subject.id}`}
        >
          {t('honours.object')}
        </Button>
      )
    );

  const columns: TableColumnsType<HonourEntry> = [
    {
      title: t('evaluations.name'),
      key: 'name',
      width: 160,
      render: (_, e) => <strong>{e.subject.name}</strong>,
    },
    {
      title: t('evaluations.total'),
      dataIndex: 'total',
      width: 90,
      align: 'right',
      render: (_, e) => <span className="gj-quantity">{points(e.total)}</span>,
    },
    {
      title: t('honours.statement'),
      dataIndex: 'statement',
      render: (_, e) => <span className="gj-prewrap">{e.statement}</span>,
    },
    ...(objecting
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            width: 130,
            render: (_: unknown, e: HonourEntry) => action(e),
          },
        ]
      : []),
  ];

  if (list.entries.length === 0) return <TableEmpty text={t('honours.noEntries')} />;
  return (
    <div className="gj-stack gj-gap" data-testid="honour-entries">
      {groupByRegion(list.entries).map((g) => (
        <section key={g.regionName} className="gj-honour-group" data-testid="honour-group">
          <Typography.Title level={5} className="gj-honour-group-title">
            {g.regionName}
            <Typography.Text type="secondary" className="gj-honour-group-count">
              {t('honours.count', { count: g.entries.length })}
            </Typography.Text>
          </Typography.Title>
          {isMobile ? (
            <PlainList
              items={g.entries}
              rowKey={(e) => e.subject.id}
              empty={t('honours.noEntries')}
              render={(e) => (
                <div className="gj-card-row" data-testid={`honour-entry-${e.subject.id}`}>
                  <div className="gj-card-row-head">
                    <strong>{e.subject.name}</strong>
                    <Typography.Text type="secondary" className="gj-nowrap">
                      {points(e.total)}
                    </Typography.Text>
                  </div>
                  <Typography.Paragraph className="gj-prewrap gj-no-margin">
                    {e.statement}
                  </Typography.Paragraph>
                  {objecting && <span>{action(e)}</span>}
                </div>
              )}
            />
          ) : (
            <Table<HonourEntry>
              rowKey={(e) => e.subject.id}
              size="middle"
              columns={columns}
              dataSource={g.entries}
              pagination={false}
              onRow={(e) =>
                ({ 'data-testid': `honour-entry-${e.subject.id}` }) as HTMLAttributes<HTMLElement>
              }
              locale={{ emptyText: <TableEmpty text={t('honours.noEntries')} /> }}
            />
          )}
        </section>
      ))}
    </div>
  );
}

/** What I objected to on this list, and the district's answers. */
function MyObjections({ objections }: { objections: Objection[] }) {
  const { t } = useTranslation();
  const none = t('common.none');
  return (
    <Card size="small" className="gj-section" title={t('honours.myObjections')} data-testid="my-objections">
      <PlainList
        items={objections}
        rowKey={(o) => o.id}
        empty={t('honours.noObjections')}
        render={(o) => (
          <div className="gj-card-row" data-testid={`my-objection-${o.id}`} data-status={o.status}>
            <div className="gj-card-row-head">
              <strong>{o.subject.name}</strong>
              <ObjectionStatusTag status={o.status} />
            </div>
            <span className="gj-prewrap">{o.reason}</span>
            <Typography.Text type="secondary">
              {t('honours.raisedAt', { at: atTime(o.raisedAt, none) })}
            </Typography.Text>
            {o.response ? (
              <div className="gj-honour-response">
                <Typography.Text type="secondary">
                  {t('honours.response', { at: atTime(o.handledAt, none) })}
                </Typography.Text>
                <div className="gj-prewrap">{o.response}</div>
              </div>
            ) : (
              <Typography.Text type="secondary">{t('honours.awaitingResponse')}</Typography.Text>
            )}
          </div>
        )}
      />
    </Card>
  );
}

function HonourBody({ list }: { list: HonourList }) {
  const { t } = useTranslation();
  const when = useHonourWhen();
  const [objectTo, setObjectTo] = useState<HonourEntry | null>(null);
  const e = list.evaluation;
  const none = t('common.none');
  const onNotice = e.status === 'notice';
  // Objections are taken until the notice ends (the server checks again at each one).
  const objecting = onNotice && e.noticeUntil !== null && zoned(e.noticeUntil).isAfter(now());
  const hint = onNotice
    ? objecting
      ? t('honours.noticeOpenHint', { from: atTime(e.noticeFrom, none), until: atTime(e.noticeUntil, none) })
      : t('honours.noticeOverHint', { until: atTime(e.noticeUntil, none) })
    : t('honours.publishedHint', { time: atTime(e.publishedAt, none) });

  return (
    <>
      <PageHeader
        title={e.title}
        extra={e.status === 'published' && <HonourPdfButton id={e.id} type="primary" />}
      />
      <Card data-testid="honour-detail" data-status={e.status}>
        <Descriptions
          column={{ xs: 1, sm: 2, lg: 3 }}
          size="small"
          items={[
            { key: 'honour', label: t('evaluations.honourLabel'), children: <HonourTag honour={e.honour} /> },
            { key: 'status', label: t('common.status'), children: <EvaluationStatusTag status={e.status} /> },
            { key: 'region', label: t('evaluations.region'), children: e.regionName },
            { key: 'period', label: t('evaluations.period'), children: evaluationPeriod(e) },
            { key: 'when', label: t('honours.when'), children: when(e) },
            {
              key: 'count',
              label: t('honours.entries'),
              children: t('honours.count', { count: list.entries.length }),
            },
          ]}
        />
        <Alert
          className="gj-section"
          type={onNotice ? 'warning' : 'success'}
          showIcon
          title={hint}
          description={
            objecting && (
              <>
                {t('honours.objectHint')}
                <br />
                <LockOutlined /> {t('honours.objectPrivacy')}
              </>
            )
          }
          data-testid="honour-hint"
        />
      </Card>
      <Card
        size="small"
        className="gj-section"
        title={onNotice ? t('honours.shortlist') : t('honours.honourList')}
      >
        <Entries list={list} objecting={objecting} onObject={setObjectTo} />
      </Card>
      {(onNotice || list.myObjections.length > 0) && <MyObjections objections={list.myObjections} />}
      {objecting && <ObjectSheet honourId={e.id} entry={objectTo} onClose={() => setObjectTo(null)} />}
    </>
  );
}

/** One shortlist on public notice (公示), or a published honour list: grouped by street. */
export function HonourPage() {
  const { t } = useTranslation();
  const id = idParam(useParams().id);
  const { data: list, error, refetch } = useHonourList(id);

  if (id === undefined || (error instanceof ApiError && error.status === 404)) {
    return (
      <Result
        status="404"
        title={t('honours.notFound')}
        extra={
          <Link to="/honours">
            <Button type="primary">{t('honours.backToList')}</Button>
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
          { title: <Link to="/honours">{t('nav.honours')}</Link> },
          { title: list?.evaluation.title ?? '…' },
        ]}
      />
      {!list && <PageHeader title={t('honours.detail')} />}
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {!list && !error && <Skeleton active />}
      {list && <HonourBody list={list} />}
    </>
  );
}
