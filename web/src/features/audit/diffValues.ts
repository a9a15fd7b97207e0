import type { AuditEntityType, AuditEntry } from '@contract';
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { zoned } from '../../lib/time';
import { isAuditEntityType } from '../../shared/auditLabels';
import { type CodeTable, useCodeLabel } from '../../shared/codeLabels';
import { useSpecialtyLabel } from '../../shared/specialties';
import { describeRule } from '../dedication-days';

/** A status is the entity's own: a project's, a booking's, a sign-up's (its hours' too). */
const STATUS: Partial<Record<AuditEntityType, CodeTable[]>> = {
  project: ['projectStatus'],
  need: ['needStatus'],
  claim: ['claimStatus'],
  booking: ['bookings.status'],
  registration: ['registrationStatus'],
  meeting: ['meetingStatus'],
  task: ['taskStatus'],
  body: ['bodyStatus'],
  evaluation: ['evaluations.status'],
  signup: ['occurrences.signupStatus', 'occurrences.hoursStatus'],
  occurrence: ['audit.status.occurrence'],
  notice: ['notices.status'],
  team_member: ['teams.memberStatus'],
  invitation: ['invitations.status'],
  enrolment: ['audit.status.enrolment'],
  time_request: ['timeBank.status'],
  import: ['importStatus'],
};

/** So is a kind. */
const KIND: Partial<Record<AuditEntityType, CodeTable[]>> = {
  region: ['regionKind'],
  unit: ['unitKind'],
  party_org: ['partyOrgKind'],
  body: ['bodyKind'],
  course: ['courses.kind'],
  facility: ['facilities.kind'],
  notice: ['notices.kind'],
  campaign: ['campaigns.kind'],
  import: ['importKind'],
};

/** Other fields holding codes, whatever the entity. */
const FIELD: Record<string, CodeTable[]> = {
  honour: ['evaluations.honour'],
  decision: ['evaluations.nominationStatus', 'evaluations.objectionStatus'],
  // evaluation.withdraw records the nomination's status before it
  before: ['evaluations.nominationStatus'],
  category: ['needCategory'],
  gender: ['gender'],
  affiliation: ['affiliation'],
  role: ['roles', 'teams.role'],
  memberKind: ['bodyMemberKind'],
  by: ['occurrences.checkedBy'],
  partyStatus: ['notices.audience.status', 'membershipStatus'],
};

const DATE_TIME = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}/;
/** A role as accounts records it: `street_admin@12`, `unit_contact@40/unit:7`. */
const ROLE_AT = /^([a-z_]+)@(\d+)(?:\/unit:(\d+))?$/;
/** A facility's opening hours name weekdays 1 (Monday) to 7. */
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
/** A task's owner: `unit:7`. */
const OWNER = /^([a-z_]+):(\d+)$/;

/** Where a value sits: the entry, its field, and the field holding it (`membership.status`). */
export type ValueContext = { entry: AuditEntry; field: string; parent?: string };

/** Field names and recorded values in words; a value's own text only where it is a person's words. */
export function useDiffWords() {
  const { t, i18n } = useTranslation();
  const code = useCodeLabel();
  const specialty = useSpecialtyLabel();

  /** A field's name; `value` tells a count from a list where one name holds either (`roles`). */
  const fieldLabel = (field: string, ctx?: { entry: AuditEntry; value?: unknown }) => {
    if (/^\d+$/.test(field))
      return ctx?.entry.action === 'meeting.attendance'
        ? t('audit.value.person', { id: field })
        : t('audit.numbered', { id: field });
    if (field === 'roles' && typeof ctx?.value === 'number') return t('audit.fields.roleCount');
    const key = `audit.fields.${field}`;
    return i18n.exists(key) ? String(t(key as ParseKeys)) : t('audit.fields.other');
  };

  const tablesFor = ({ entry, field, parent }: ValueContext): CodeTable[] => {
    const entity = isAuditEntityType(entry.entityType) ? entry.entityType : undefined;
    if (entry.action === 'meeting.attendance') return ['attendance'];
    if (parent === 'membership' && field === 'status') return ['membershipStatus'];
    if (field === 'status' && entity) return STATUS[entity] ?? [];
    if (field === 'kind' && entity) return KIND[entity] ?? [];
    return FIELD[field] ?? [];
  };

  const text = (value: string, ctx: ValueContext): string => {
    const named = code(tablesFor(ctx), value);
    if (named !== undefined) return named;
    if (ctx.field === 'specialty' || ctx.field === 'specialties') return specialty(value);
    if (ctx.field === 'rrule') return describeRule(t, value);
    if ((ctx.field === 'phone' || ctx.field === 'idNumber') && value === 'set') return t('audit.value.set');
    const role = ctx.field === 'roles' ? ROLE_AT.exec(value) : null;
    if (role) {
      const words = code(['roles'], role[1]!) ?? t('audit.fields.role');
      return role[3]
        ? t('audit.value.roleAtUnit', { role: words, region: role[2], unit: role[3] })
        : t('audit.value.roleAt', { role: words, region: role[2] });
    }
    const owner = ctx.field === 'owner' ? OWNER.exec(value) : null;
    if (owner)
      return t('audit.entityNumbered', {
        type: code(['ownerKind'], owner[1]!) ?? t('audit.entity.other'),
        id: owner[2],
      });
    if (DATE_TIME.test(value) && zoned(value).isValid()) return zoned(value).format('YYYY-MM-DD HH:mm');
    return value;
  };

  /** One recorded value as words: codes named, times formatted, lists joined, objects as "field: value". */
  const valueText = (value: unknown, ctx: ValueContext): string => {
    if (value === null || value === undefined || value === '') return t('common.none');
    if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no');
    if (typeof value === 'number')
      return (
        (ctx.field === 'weekday' && code(['facilities.weekday'], WEEKDAYS[value - 1] ?? '')) || String(value)
      );
    if (typeof value === 'string') return text(value, ctx);
    if (Array.isArray(value))
      return value.length === 0
        ? t('common.none')
        : value
            .map((v) => valueText(v, ctx))
            // a list of records, a line each (opening hours, closures)
            .join(value.some((v) => typeof v === 'object' && v !== null) ? '\n' : t('audit.listSeparator'));
    if (typeof value === 'object')
      return Object.entries(value)
        .map(([k, v]) =>
          t('audit.pair', {
            field: fieldLabel(k, ctx),
            value: valueText(v, { entry: ctx.entry, field: k, parent: ctx.field }),
          }),
        )
        .join(t('audit.pairSeparator'));
    return String(value);
  };

  return { fieldLabel, valueText };
}
