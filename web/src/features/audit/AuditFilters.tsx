import { DatePicker, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, ENTITY_TYPES, useActionLabel, useEntityLabel } from './entityTypes';

/** Dates as YYYY-MM-DD, the form they take in the address bar. */
export type AuditFilterValues = { entityType?: string; action?: string; from?: string; to?: string };

const DAY = 'YYYY-MM-DD';

type Props = { value: AuditFilterValues; onChange: (patch: AuditFilterValues) => void };

export function AuditFilters({ value, onChange }: Props) {
  const { t } = useTranslation();
  const entityLabel = useEntityLabel();
  const actionLabel = useActionLabel();
  const range: [Dayjs, Dayjs] | null = value.from && value.to ? [dayjs(value.from), dayjs(value.to)] : null;

  return (
    <div className="gj-toolbar">
      <Select<string>
        className="gj-toolbar-select-wide"
        allowClear
        placeholder={t('audit.entityType')}
        value={value.entityType}
        onChange={(entityType) => onChange({ entityType })}
        options={ENTITY_TYPES.map((e) => ({ value: e, label: entityLabel(e) }))}
        data-testid="audit-entity-filter"
      />
      <Select<string>
        className="gj-toolbar-select-wide"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('audit.action')}
        value={value.action}
        onChange={(action) => onChange({ action })}
        options={AUDIT_ACTIONS.map((a) => ({ value: a, label: actionLabel(a) }))}
        data-testid="audit-action-filter"
      />
      <DatePicker.RangePicker
        className="gj-toolbar-range"
        value={range}
        onChange={(dates) =>
          onChange({ from: dates?.[0]?.format(DAY) ?? undefined, to: dates?.[1]?.format(DAY) ?? undefined })
        }
        placeholder={[t('audit.from'), t('audit.to')]}
        disabledDate={(d) => d.isAfter(dayjs(), 'day')}
        allowEmpty={[true, true]}
      />
    </div>
  );
}
