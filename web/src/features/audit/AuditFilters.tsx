import { AUDIT_ACTIONS, AUDIT_ENTITY_TYPES, type AuditAction, type AuditEntityType } from '@contract';
import { DatePicker, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Dayjs, day } from '../../lib/time';
import { useAuditLabels } from '../../shared/auditLabels';

/** Dates as YYYY-MM-DD, the form they take in the address bar. */
export type AuditFilterValues = { entityType?: string; action?: string; from?: string; to?: string };

const DAY = 'YYYY-MM-DD';

type ActionDomain = AuditAction extends `${infer D}.${string}` ? D : never;
/** The entity each domain of actions is about, to group the actions under its name. */
const DOMAIN_ENTITY: Record<ActionDomain, AuditEntityType> = {
  region: 'region',
  user: 'user',
  role: 'role_assignment',
  session: 'session',
  unit: 'unit',
  org: 'party_org',
  person: 'person',
  registration: 'registration',
  body: 'body',
  meeting: 'meeting',
  task: 'task',
  import: 'import',
  need: 'need',
  project: 'project',
  claim: 'claim',
  dedication: 'dedication_day',
  occurrence: 'occurrence',
  signup: 'signup',
  facility: 'facility',
  booking: 'booking',
  team: 'team',
  invitation: 'invitation',
  course: 'course',
  notice: 'notice',
  campaign: 'campaign',
  evaluation: 'evaluation',
  ledger: 'ledger_entry',
  timebank: 'time_request',
};
const domainOf = (action: AuditAction) => action.slice(0, action.indexOf('.')) as ActionDomain;
const DOMAINS = [...new Set(AUDIT_ACTIONS.map(domainOf))];

type Props = { value: AuditFilterValues; onChange: (patch: AuditFilterValues) => void };

export function AuditFilters({ value, onChange }: Props) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const range: [Dayjs, Dayjs] | null = value.from && value.to ? [day(value.from), day(value.to)] : null;

  return (
    <div className="gj-toolbar">
      <Select<string>
        className="gj-toolbar-select-wide"
        allowClear
        placeholder={t('audit.entityType')}
        value={value.entityType}
        onChange={(entityType) => onChange({ entityType })}
        options={AUDIT_ENTITY_TYPES.map((e) => ({ value: e, label: labels.entityType(e) }))}
        data-testid="audit-entity-filter"
      />
      <Select<string>
        className="gj-toolbar-select-wide"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('audit.action')}
        value={value.action}
        onChange={(action) => onChange({ action })}
        options={DOMAINS.map((d) => ({
          label: labels.entityType(DOMAIN_ENTITY[d]),
          options: AUDIT_ACTIONS.filter((a) => domainOf(a) === d).map((a) => ({
            value: a,
            label: labels.action(a, DOMAIN_ENTITY[d]),
          })),
        }))}
        data-testid="audit-action-filter"
      />
      <DatePicker.RangePicker
        className="gj-toolbar-range"
        value={range}
        onChange={(dates) =>
          onChange({ from: dates?.[0]?.format(DAY) ?? undefined, to: dates?.[1]?.format(DAY) ?? undefined })
        }
        placeholder={[t('audit.from'), t('audit.to')]}
        disabledDate={(d) => d.isAfter(day(), 'day')}
        allowEmpty={[true, true]}
      />
    </div>
  );
}
