import type { AuditEntry } from '@contract';
import { Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { useDiffWords } from './diffValues';

type Row = { field: string; before: unknown; after: unknown; changed: boolean };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Field by field: what was recorded before and after, each field's name and value in words. */
function rowsOf(entry: AuditEntry): Row[] {
  const before = isRecord(entry.before) ? entry.before : entry.before == null ? {} : { other: entry.before };
  const after = isRecord(entry.after) ? entry.after : entry.after == null ? {} : { other: entry.after };
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields.map((field) => ({
    field,
    before: before[field],
    after: after[field],
    changed: entry.before != null && JSON.stringify(before[field]) !== JSON.stringify(after[field]),
  }));
}

/** Whether the entry recorded anything to show beside it. */
export function hasChanges(entry: AuditEntry) {
  return rowsOf(entry).length > 0;
}

/** Before and after, a row per field; the fields that changed stand out. */
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const words = useDiffWords();
  const rows = rowsOf(entry);
  const cell = (value: unknown, field: string) =>
    // A sign-in name is the account's own Latin name, not a code.
    field === 'username' && typeof value === 'string' ? (
      <span className="gj-code" data-testid="audit-diff-username">
        {value}
      </span>
    ) : (
      words.valueText(value, { entry, field })
    );
  const columns: TableColumnsType<Row> = [
    {
      title: t('audit.fieldColumn'),
      dataIndex: 'field',
      width: 200,
      render: (field: string, row) => words.fieldLabel(field, { entry, value: row.after ?? row.before }),
    },
    {
      title: t('audit.before'),
      dataIndex: 'before',
      render: (value: unknown, row) => (entry.before == null ? t('common.none') : cell(value, row.field)),
    },
    {
      title: t('audit.after'),
      dataIndex: 'after',
      render: (value: unknown, row) => (entry.after == null ? t('common.none') : cell(value, row.field)),
    },
  ];
  if (rows.length === 0) return <span data-testid="audit-diff">{t('audit.none')}</span>;
  return (
    <Table<Row>
      rowKey="field"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      tableLayout="fixed"
      rowClassName={(row) => (row.changed ? 'gj-audit-changed' : '')}
      className="gj-audit-diff"
      data-testid="audit-diff"
    />
  );
}
