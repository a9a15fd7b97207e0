import type {
  AFFILIATIONS,
  ATTENDANCE,
  BODY_KINDS,
  BODY_MEMBER_KINDS,
  CLAIM_STATUSES,
  GENDERS,
  IMPORT_KINDS,
  IMPORT_STATUSES,
  MEETING_STATUSES,
  MEMBERSHIP_STATUSES,
  NEED_CATEGORIES,
  NEED_STATUSES,
  OWNER_KINDS,
  PARTY_ORG_KINDS,
  REGISTRATION_STATUSES,
  ROLE_KINDS,
  TASK_STATUSES,
  UNIT_KINDS,
} from '@contract';

export type UnitKind = (typeof UNIT_KINDS)[number];
export type Affiliation = (typeof AFFILIATIONS)[number];
export type PartyOrgKind = (typeof PARTY_ORG_KINDS)[number];
export type Gender = (typeof GENDERS)[number];
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export type BodyKind = (typeof BODY_KINDS)[number];
export type BodyStatus = 'active' | 'dissolved';
export type BodyMemberKind = (typeof BODY_MEMBER_KINDS)[number];
export type OwnerKind = (typeof OWNER_KINDS)[number];
export type Attendance = (typeof ATTENDANCE)[number];
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export type TaskStatus = (typeof TASK_STATUSES)[number];
export type ImportKind = (typeof IMPORT_KINDS)[number];
export type ImportStatus = (typeof IMPORT_STATUSES)[number];
export type NeedCategory = (typeof NEED_CATEGORIES)[number];
export type NeedStatus = (typeof NEED_STATUSES)[number];
export type RoleKind = (typeof ROLE_KINDS)[number];
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** A value from the address bar, if it is one of `values`. */
export function oneOf<T extends string>(values: readonly T[], value: string | undefined): T | undefined {
  return values.find((v) => v === value);
}

/** A positive id from the address bar. */
export function idParam(value: string | undefined): number | undefined {
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}
