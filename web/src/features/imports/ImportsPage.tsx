import { DownloadOutlined, InboxOutlined, InfoCircleOutlined } from '@ant-design/icons';
import { IMPORT_KINDS, type ImportJob } from '@contract';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Progress,
  Result,
  Row,
  Segmented,
  Skeleton,
  Steps,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { type DragEvent, type HTMLAttributes, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { zoned } from '../../lib/time';
import { downloadFile } from '../../shared/download';
import { type ImportKind, type ImportStatus, idParam, oneOf } from '../../shared/enums';
import { useFeedback } from '../../shared/feedback';
import { PageHeader } from '../../shared/PageHeader';
import { QueryError } from '../../shared/QueryError';
import { TableEmpty } from '../../shared/TableEmpty';
import { useIsMobile } from '../../shared/useIsMobile';
import { isRunning, useImportJob, useImports, useStartImport } from './api';

const ACCEPT = '.xlsx,.csv';
const TIME = 'YYYY-MM-DD HH:mm';
const PHASES: ImportStatus[] = ['reading', 'validating', 'writing'];
const STATUS_COLOR: Record<ImportStatus, string> = {
  queued: 'default',
  reading: 'processing',
  validating: 'processing',
  writing: 'processing',
  done: 'success',
  failed: 'error',
};

function ImportStatusTag({ status }: { status: ImportStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]}>{t(`importStatus.${status}`)}</Tag>;
}

const acceptable = (file: File) => /\.(xlsx|csv)$/i.test(file.name);

/** The job's phases as steps, its progress, then what came of it. */
function JobPanel({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  const isMobile = useIsMobile();
  const running = isRunning(job);
  const phase = job.status === 'queued' ? 0 : Math.max(0, PHASES.indexOf(job.status));
  const current = job.status === 'done' ? PHASES.length : phase;
  const percent = job.total > 0 ? Math.floor((job.processed / job.total) * 100) : running ? 0 : 100;
  const errorColumns: TableColumnsType<ImportJob['errors'][number]> = [
    { title: t('imports.row'), dataIndex: 'row', width: 70 },
    {
      title: t('imports.column'),
      dataIndex: 'column',
      width: 140,
      render: (column: string) => column || t('imports.wholeRow'),
    },
    { title: t('imports.message'), dataIndex: 'message' },
  ];

  return (
    <div data-testid="import-status" data-status={job.status}>
      <div className="gj-import-head">
        <Typography.Text strong>{job.fileName}</Typography.Text>
        <Tag>{t(`importKind.${job.kind}`)}</Tag>
        <ImportStatusTag status={job.status} />
      </div>
      {job.status !== 'failed' && (
        <Steps
          size="small"
          responsive={false}
          titlePlacement={isMobile ? 'vertical' : undefined}
          className="gj-section"
          current={current}
          status={running ? 'process' : 'finish'}
          items={[...PHASES, 'done' as const].map((p) => ({ title: t(`importStatus.${p}`) }))}
        />
      )}
      {(running || job.status === 'done') && (
        <div className="gj-section">
          <Progress
            percent={job.status === 'done' ? 100 : percent}
            status={running ? 'active' : 'success'}
            data-testid="import-progress"
          />
          <Typography.Text type="secondary">
            {job.total > 0
              ? t('imports.processed', { processed: job.processed, total: job.total })
              : t(`importStatus.${job.status}`)}
          </Typography.Text>
        </div>
      )}
      {job.status === 'done' && (
        <Result
          className="gj-compact-result"
          status="success"
          title={
            <span data-testid="import-written" data-count={job.written}>
              {t(`imports.written.${job.kind}`, { count: job.written })}
            </span>
          }
          subTitle={job.finishedAt && t('imports.finishedAt', { time: zoned(job.finishedAt).format(TIME) })}
        />
      )}
      {job.status === 'failed' && (
        <>
          <Alert
            className="gj-section"
            type="error"
            showIcon
            title={t('imports.failedTitle', { count: job.errorCount })}
            description={t('imports.nothingWritten')}
          />
          {job.errorCount > job.errors.length && (
            <Typography.Paragraph type="secondary" className="gj-status-line">
              {t('imports.errorsShown', { shown: job.errors.length, total: job.errorCount })}
            </Typography.Paragraph>
          )}
          <Table
            className="gj-section"
            size="small"
            rowKey={(e) => `${e.row}:${e.column}:${e.message}`}
            columns={errorColumns}
            dataSource={job.errors}
            pagination={
              job.errors.length > 20 ? { pageSize: 20, size: 'small', showSizeChanger: false } : false
            }
            scroll={{ x: 480 }}
            data-testid="import-errors"
          />
        </>
      )}
    </div>
  );
}

function PastImports({ onOpen, openId }: { onOpen: (job: ImportJob) => void; openId?: number }) {
  const { t } = useTranslation();
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const imports = useImports(paging.page, paging.pageSize);
  const columns: TableColumnsType<ImportJob> = [
    {
      title: t('imports.file'),
      dataIndex: 'fileName',
      width: 220,
      render: (name: string, job) => (
        <Typography.Link onClick={() => onOpen(job)} data-testid={`import-open-${job.id}`}>
          {name}
        </Typography.Link>
      ),
    },
    {
      title: t('imports.kind'),
      dataIndex: 'kind',
      width: 80,
      render: (kind: ImportKind) => t(`importKind.${kind}`),
    },
    {
      title: t('common.status'),
      dataIndex: 'status',
      width: 90,
      render: (status: ImportStatus) => <ImportStatusTag status={status} />,
    },
    { title: t('imports.rows'), dataIndex: 'total', width: 80, align: 'right' },
    { title: t('imports.writtenCount'), dataIndex: 'written', width: 80, align: 'right' },
    { title: t('imports.errorCount'), dataIndex: 'errorCount', width: 80, align: 'right' },
    {
      title: t('imports.startedAt'),
      dataIndex: 'createdAt',
      width: 140,
      render: (at: string) => <span className="gj-nowrap">{zoned(at).format(TIME)}</span>,
    },
  ];
  if (imports.error) return <QueryError error={imports.error} onRetry={() => void imports.refetch()} />;
  return (
    <Table<ImportJob>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={imports.data?.items}
      loading={imports.isFetching && !imports.data}
      rowClassName={(job) => (job.id === openId ? 'gj-row-selected' : '')}
      onRow={(job) => ({ 'data-testid': `import-row-${job.id}` }) as HTMLAttributes<HTMLElement>}
      scroll={{ x: 780 }}
      locale={{ emptyText: <TableEmpty text={t('imports.none')} /> }}
      pagination={{
        current: paging.page,
        pageSize: paging.pageSize,
        total: imports.data?.total ?? 0,
        size: 'small',
        showSizeChanger: false,
        onChange: (page) => setPaging((p) => ({ ...p, page })),
      }}
      data-testid="import-list"
    />
  );
}

/** People or units from a spreadsheet: all rows checked first, written all at once or not at all. */
export function ImportsPage() {
  const { t } = useTranslation();
  const feedback = useFeedback();
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const kind: ImportKind = oneOf(IMPORT_KINDS, params.get('kind') ?? undefined) ?? 'members';
  const jobId = idParam(params.get('job') ?? undefined);
  const job = useImportJob(jobId);
  const start = useStartImport();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [fetchingTemplate, setFetchingTemplate] = useState(false);

  const setParam = (key: string, value: string | undefined) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value === undefined) next.delete(key);
        else next.set(key, value);
        return next;
      },
      { replace: key === 'kind' },
    );

  // Once a job has written its rows, the lists it fed are out of date.
  const status = job.data?.status;
  useEffect(() => {
    if (status !== 'done' && status !== 'failed') return;
    void queryClient.invalidateQueries({ queryKey: ['imports', 'list'] });
    if (status === 'done') {
      for (const key of [['members'], ['units'], ['party-orgs'], ['audit']]) {
        void queryClient.invalidateQueries({ queryKey: key });
      }
    }
  }, [status, queryClient]);

  const template = async () => {
    setFetchingTemplate(true);
    try {
      await downloadFile(`/imports/templates/${kind}`, `${kind}-template.xlsx`);
    } catch (error) {
      feedback.error(error);
    } finally {
      setFetchingTemplate(false);
    }
  };

  const upload = (file: File | undefined) => {
    if (!file) return;
    if (!acceptable(file)) {
      feedback.warning(t('imports.wrongType'));
      return;
    }
    start.mutate(
      { kind, file },
      { onSuccess: (started) => setParam('job', String(started.id)), onError: feedback.error },
    );
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    upload(e.dataTransfer.files[0]);
  };

  const busy = start.isPending || isRunning(job.data);

  return (
    <>
      <PageHeader title={t('nav.imports')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={t('imports.newImport')}>
            <div className="gj-stack gj-gap">
              <span className="gj-field-label">{t('imports.step1')}</span>
              <Segmented<ImportKind>
                block
                value={kind}
                onChange={(next) => setParam('kind', next)}
                options={IMPORT_KINDS.map((k) => ({ value: k, label: t(`importKind.${k}`) }))}
                data-testid="import-kind"
              />
              <span className="gj-field-label">{t('imports.step2')}</span>
              <Button
                icon={<DownloadOutlined />}
                onClick={() => void template()}
                loading={fetchingTemplate}
                data-testid="import-template"
              >
                {t('imports.template', { kind: t(`importKind.${kind}`) })}
              </Button>
              <span className="gj-field-label">{t('imports.step3')}</span>
              <button
                type="button"
                className={`gj-dropzone${dragging ? ' gj-dropzone-active' : ''}`}
                disabled={busy}
                onClick={() => input.current?.click()}
                onDragOver={(e) => {
                  e.preventDefault();
                  setDragging(true);
                }}
                onDragLeave={() => setDragging(false)}
                onDrop={onDrop}
              >
                <InboxOutlined className="gj-dropzone-icon" />
                <span>{busy ? t('imports.busy') : t('imports.drop')}</span>
                <Typography.Text type="secondary">{t('imports.dropHint')}</Typography.Text>
              </button>
              <input
                ref={input}
                type="file"
                accept={ACCEPT}
                hidden
                onChange={(e) => {
                  upload(e.target.files?.[0]);
                  e.target.value = '';
                }}
                data-testid="import-file"
              />
              <Typography.Text type="secondary">
                <InfoCircleOutlined /> {t('imports.allOrNothing')}
              </Typography.Text>
            </div>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={t('imports.current')}>
            {jobId === undefined && !start.isPending && (
              <Typography.Text type="secondary">{t('imports.noneYet')}</Typography.Text>
            )}
            {start.isPending && <Progress percent={0} status="active" showInfo={false} />}
            {job.error && <QueryError error={job.error} onRetry={() => void job.refetch()} />}
            {jobId !== undefined && !job.data && !job.error && <Skeleton active />}
            {job.data && <JobPanel job={job.data} />}
          </Card>
        </Col>
      </Row>
      <Card title={t('imports.history')} className="gj-section">
        <PastImports openId={jobId} onOpen={(opened) => setParam('job', String(opened.id))} />
      </Card>
    </>
  );
}
