import { ClockCircleOutlined } from '@ant-design/icons';
import type { LedgerKind, ProjectStatus, RegionKind, Role } from '@contract';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type {
  Affiliation,
  BodyKind,
  BodyStatus,
  ClaimStatus,
  MeetingStatus,
  MembershipStatus,
  NeedCategory,
  NeedStatus,
  PartyOrgKind,
  RegistrationStatus,
  RoleKind,
  TaskStatus,
  UnitKind,
} from './enums';

const KIND_COLOR: Record<RegionKind, string> = {
  district: 'red',
  street: 'volcano',
  community: 'orange',
  building: 'geekblue',
  entrance: 'cyan',
};

const ROLE_COLOR: Record<Role, string> = {
  district_admin: 'red',
  street_admin: 'volcano',
  community_worker: 'orange',
  unit_contact: 'gold',
  party_member: 'magenta',
  resident: 'blue',
  lecturer: 'purple',
};

const AFFILIATION_COLOR: Record<Affiliation, string> = {
  central: 'red',
  municipal: 'volcano',
  district: 'gold',
  other: 'default',
};

const ORG_KIND_COLOR: Record<PartyOrgKind, string> = {
  street_committee: 'red',
  community_branch: 'volcano',
  unit_party_org: 'gold',
  general_branch: 'magenta',
};

const REGISTRATION_COLOR: Record<RegistrationStatus, string> = {
  pending: 'gold',
  approved: 'success',
  declined: 'error',
  withdrawn: 'default',
};

const BODY_KIND_COLOR: Record<BodyKind, string> = {
  joint_conference: 'red',
  coordination_council: 'volcano',
  liaison_group: 'geekblue',
};

const MEETING_STATUS_COLOR: Record<MeetingStatus, string> = {
  scheduled: 'blue',
  held: 'success',
  cancelled: 'default',
};

const TASK_STATUS_COLOR: Record<TaskStatus, string> = {
  open: 'default',
  in_progress: 'blue',
  done: 'success',
  cancelled: 'default',
};

const NEED_STATUS_COLOR: Record<NeedStatus, string> = {
  open: 'gold',
  accepted: 'blue',
  merged: 'default',
  declined: 'error',
  converted: 'success',
};

const PROJECT_STATUS_COLOR: Record<ProjectStatus, string> = {
  draft: 'default',
  published: 'blue',
  claimed: 'geekblue',
  in_progress: 'processing',
  done: 'success',
  reviewed: 'green',
  cancelled: 'default',
};

const ROLE_KIND_COLOR: Record<RoleKind, string> = {
  policy_publicist: 'red',
  security_patrol: 'volcano',
  health_worker: 'green',
  legal_explainer: 'purple',
  custom: 'default',
};

const CLAIM_STATUS_COLOR: Record<ClaimStatus, string> = {
  active: 'success',
  withdrawn: 'default',
  removed: 'error',
};

const LEDGER_KIND_COLOR: Record<LedgerKind, string> = {
  service_hours: 'red',
  role_completed: 'volcano',
  meeting_attended: 'blue',
  facility_hours_shared: 'cyan',
  course_completed: 'purple',
  notice_read: 'default',
};

export function RegionKindTag({ kind }: { kind: RegionKind }) {
  const { t } = useTranslation();
  return <Tag color={KIND_COLOR[kind]}>{t(`regionKind.${kind}`)}</Tag>;
}

/** A role, with where it applies: the unit's name for a unit contact, else the region's. */
export function RoleTag({ role, regionName }: { role: Role; regionName?: string | null }) {
  const { t } = useTranslation();
  const label = t(`roles.${role}`);
  return (
    <Tag color={ROLE_COLOR[role]}>
      {regionName ? t('roles.atRegion', { role: label, region: regionName }) : label}
    </Tag>
  );
}

/** Where a role assignment applies: its unit for a unit contact, else its region. */
export function roleScopeName(assignment: { regionName: string; unitName: string | null }) {
  return assignment.unitName ?? assignment.regionName;
}

export function RetiredTag() {
  const { t } = useTranslation();
  return <Tag>{t('regions.retired')}</Tag>;
}

export function UnitKindTag({ kind }: { kind: UnitKind }) {
  const { t } = useTranslation();
  return <Tag>{t(`unitKind.${kind}`)}</Tag>;
}

export function AffiliationTag({ affiliation }: { affiliation: Affiliation }) {
  const { t } = useTranslation();
  return <Tag color={AFFILIATION_COLOR[affiliation]}>{t(`affiliation.${affiliation}`)}</Tag>;
}

export function PartyOrgKindTag({ kind }: { kind: PartyOrgKind }) {
  const { t } = useTranslation();
  return <Tag color={ORG_KIND_COLOR[kind]}>{t(`partyOrgKind.${kind}`)}</Tag>;
}

export function MembershipStatusTag({ status }: { status: MembershipStatus }) {
  const { t } = useTranslation();
  return <Tag color={status === 'in_service' ? 'red' : 'orange'}>{t(`membershipStatus.${status}`)}</Tag>;
}

export function RegistrationStatusTag({ status }: { status: RegistrationStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={REGISTRATION_COLOR[status]} data-status={status}>
      {t(`registrationStatus.${status}`)}
    </Tag>
  );
}

export function BodyKindTag({ kind }: { kind: BodyKind }) {
  const { t } = useTranslation();
  return <Tag color={BODY_KIND_COLOR[kind]}>{t(`bodyKind.${kind}`)}</Tag>;
}

export function BodyStatusTag({ status }: { status: BodyStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={status === 'active' ? 'success' : 'default'} data-status={status}>
      {t(`bodyStatus.${status}`)}
    </Tag>
  );
}

export function MeetingStatusTag({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={MEETING_STATUS_COLOR[status]} data-status={status}>
      {t(`meetingStatus.${status}`)}
    </Tag>
  );
}

export function TaskStatusTag({ status }: { status: TaskStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={TASK_STATUS_COLOR[status]} data-status={status}>
      {t(`taskStatus.${status}`)}
    </Tag>
  );
}

/** A task past its due date and not yet done. */
export function OverdueTag() {
  const { t } = useTranslation();
  return (
    <Tag color="error" icon={<ClockCircleOutlined />} data-testid="overdue-tag">
      {t('tasks.overdue')}
    </Tag>
  );
}

export function NeedStatusTag({ status }: { status: NeedStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={NEED_STATUS_COLOR[status]} data-status={status}>
      {t(`needStatus.${status}`)}
    </Tag>
  );
}

export function NeedCategoryTag({ category }: { category: NeedCategory }) {
  const { t } = useTranslation();
  return <Tag>{t(`needCategory.${category}`)}</Tag>;
}

export function ProjectStatusTag({ status, testId }: { status: ProjectStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <Tag color={PROJECT_STATUS_COLOR[status]} data-status={status} data-testid={testId}>
      {t(`projectStatus.${status}`)}
    </Tag>
  );
}

export function RoleKindTag({ kind }: { kind: RoleKind }) {
  const { t } = useTranslation();
  return <Tag color={ROLE_KIND_COLOR[kind]}>{t(`roleKind.${kind}`)}</Tag>;
}

export function ClaimStatusTag({ status }: { status: ClaimStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={CLAIM_STATUS_COLOR[status]} data-status={status}>
      {t(`claimStatus.${status}`)}
    </Tag>
  );
}

export function LedgerKindTag({ kind }: { kind: LedgerKind }) {
  const { t } = useTranslation();
  return <Tag color={LEDGER_KIND_COLOR[kind]}>{t(`ledgerKind.${kind}`)}</Tag>;
}
