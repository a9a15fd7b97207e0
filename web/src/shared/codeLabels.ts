import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import type zhCN from '../locales/zh-CN.json';

/**
 * The label tables of codes the console shows (statuses, kinds, roles, …): one per domain,
 * each `<table>.<code>` in both languages. A code is always shown through one of them.
 */
export const CODE_TABLES = [
  'regionKind',
  'roles',
  'unitKind',
  'affiliation',
  'partyOrgKind',
  'membershipStatus',
  'registrationStatus',
  'gender',
  'bodyKind',
  'bodyStatus',
  'bodyMemberKind',
  'ownerKind',
  'meetingStatus',
  'taskStatus',
  'attendance',
  'importKind',
  'importStatus',
  'needCategory',
  'needStatus',
  'projectStatus',
  'roleKind',
  'claimStatus',
  'ledgerKind',
  'occurrences.signupStatus',
  'occurrences.hoursStatus',
  'occurrences.checkedBy',
  'facilities.kind',
  'facilities.subKind',
  'facilities.weekday',
  'bookings.status',
  'teams.role',
  'teams.memberStatus',
  'invitations.status',
  'courses.kind',
  'notices.kind',
  'notices.status',
  'notices.audience.status',
  'campaigns.kind',
  'evaluations.honour',
  'evaluations.status',
  'evaluations.nominationStatus',
  'evaluations.objectionStatus',
  'timeBank.status',
  'audit.status.occurrence',
  'audit.status.enrolment',
] as const;
export type CodeTable = (typeof CODE_TABLES)[number];

// Each name above is a table of texts in the locale files (the build fails on one that is not).
type At<T, P extends string> = P extends `${infer Head}.${infer Rest}`
  ? Head extends keyof T
    ? At<T[Head], Rest>
    : never
  : P extends keyof T
    ? T[P]
    : never;
type Tables = { [K in CodeTable]: At<typeof zhCN, K> extends Record<string, string> ? K : never }[CodeTable];
export const tablesExist: CodeTable extends Tables ? true : never = true;

/** Words for a code from the first of `tables` that names it; undefined when none does. */
export function useCodeLabel() {
  const { t, i18n } = useTranslation();
  return (tables: readonly CodeTable[], code: string): string | undefined => {
    for (const table of tables) {
      const key = `${table}.${code}`;
      if (i18n.exists(key)) {
        const text: unknown = t(key as ParseKeys);
        if (typeof text === 'string') return text;
      }
    }
    return undefined;
  };
}
