import { RecurrencePreviewBody } from '@contract';
import { Alert, Form, Spin, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/api';
import type { Dayjs } from '../../lib/time';
import { useDebouncedValue } from '../../shared/useDebouncedValue';
import { type PreviewBody, useRecurrencePreview } from './api';
import { formatDay } from './format';
import { DAY, type ExceptionValues, toExceptions } from './formValues';

/** How many dates the preview lists. */
const PREVIEW_COUNT = 8;

type Row = { date: string; kind: 'on' | 'moved' | 'cancelled'; from?: string; reason?: string };

/**
 * "接下来的日期": the dates the rule gives from today, exceptions applied, asked of the server
 * (which generates the occurrences) a moment after the organiser stops typing.
 */
export function RulePreview() {
  const { t } = useTranslation();
  const rrule = Form.useWatch('rrule') as string | undefined;
  const startsOn = Form.useWatch('startsOn') as Dayjs | null | undefined;
  const timezone = Form.useWatch('timezone') as string | undefined;
  const exceptionRows = Form.useWatch('exceptions') as ExceptionValues[] | undefined;
  const exceptions = toExceptions(exceptionRows);

  const parsed = RecurrencePreviewBody.safeParse({
    rrule: rrule ?? '',
    startsOn: startsOn?.format(DAY) ?? '',
    timezone,
    exceptions,
    count: PREVIEW_COUNT,
  });
  // Compared as text: the body is rebuilt on every render.
  const settled = useDebouncedValue(parsed.success ? JSON.stringify(parsed.data) : '', 400);
  const body = settled ? (JSON.parse(settled) as PreviewBody) : undefined;
  const preview = useRecurrencePreview(body);

  const rows: Row[] = [];
  const dates = preview.data?.dates ?? [];
  for (const date of dates) {
    const moved = exceptions.find((e) => e.movedTo === date);
    rows.push(moved ? { date, kind: 'moved', from: moved.date, reason: moved.reason } : { date, kind: 'on' });
  }
  // Cancelled dates within the listed span, struck through, so the organiser sees them skipped.
  const last = dates[dates.length - 1];
  const first = dates[0];
  if (first && last) {
    for (const e of exceptions) {
      if (!e.movedTo && e.date >= first && e.date <= last) {
        rows.push({ date: e.date, kind: 'cancelled', reason: e.reason });
      }
    }
  }
  rows.sort((a, b) => a.date.localeCompare(b.date));

  let content: ReactNode;
  if (!parsed.success) {
    content = <Typography.Text type="secondary">{t('dedication.preview.incomplete')}</Typography.Text>;
  } else if (preview.error) {
    content = (
      <Alert
        type="warning"
        showIcon
        title={errorMessage(preview.error)}
        data-testid="dedication-preview-error"
      />
    );
  } else if (!preview.data) {
    content = <Spin size="small" />;
  } else if (rows.length === 0) {
    content = <Typography.Text type="secondary">{t('dedication.preview.none')}</Typography.Text>;
  } else {
    content = (
      <ul className="gj-ded-preview-dates">
        {rows.map((row) => (
          <li key={`${row.kind}-${row.date}`} data-kind={row.kind}>
            <PreviewDate row={row} />
          </li>
        ))}
      </ul>
    );
  }

  return (
    <div className="gj-ded-preview" data-testid="dedication-preview">
      <div className="gj-ded-preview-head">
        <strong>{t('dedication.preview.title')}</strong>
        {preview.isFetching && <Spin size="small" />}
      </div>
      {content}
    </div>
  );
}

function PreviewDate({ row }: { row: Row }) {
  const { t } = useTranslation();
  const label = formatDay(t, row.date);
  if (row.kind === 'on') return <span>{label}</span>;
  if (row.kind === 'moved') {
    return (
      <Tooltip title={row.reason || undefined}>
        <span>
          {label}{' '}
          <Tag color="gold">{t('dedication.preview.movedFrom', { date: formatDay(t, row.from ?? '') })}</Tag>
        </span>
      </Tooltip>
    );
  }
  return (
    <Tooltip title={row.reason || undefined}>
      <span>
        <span className="gj-ded-struck">{label}</span> <Tag>{t('dedication.preview.cancelled')}</Tag>
      </span>
    </Tooltip>
  );
}
