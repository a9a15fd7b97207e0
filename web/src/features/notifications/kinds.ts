/**
 * The kinds of notification the server sends, grouped as a person thinks of them; a kind is
 * muted by name. Kinds not listed here (added later) keep whatever the saved preferences say.
 */
export const KIND_GROUPS = {
  publicity: ['notify_notice', 'notify_course_nominated', 'notify_course_completed'],
  reminders: ['notify_notice_reminder', 'notify_dedication_reminder'],
  dedication: [
    'notify_occurrence_cancelled',
    'notify_signup_promoted',
    'notify_signup_removed',
    'notify_team_signed_up',
    'notify_hours_rejected',
  ],
  projects: [
    'notify_need_status',
    'notify_claim_named',
    'notify_claim_removed',
    'notify_hours_confirmed',
    'notify_invitation',
  ],
  teams: [
    'notify_team_leader',
    'notify_team_application',
    'notify_team_invited',
    'notify_team_invite_answered',
    'notify_team_accepted',
    'notify_team_declined',
  ],
  bookings: [
    'notify_booking_confirmed',
    'notify_booking_declined',
    'notify_booking_cancelled',
    'notify_facility_retired',
  ],
  /** What waits on staff: shown only with the kinds the reader may receive (`receivable`). */
  staff: [
    'notify_need_raised',
    'notify_registration_requested',
    'notify_booking_pending',
    'notify_objection_raised',
    'notify_task_due',
    'notify_task_overdue',
  ],
} as const;

export type KindGroup = keyof typeof KIND_GROUPS;
export type KnownKind = (typeof KIND_GROUPS)[KindGroup][number];
export const GROUPS = Object.keys(KIND_GROUPS) as KindGroup[];

const GROUP_OF = new Map<string, KindGroup>(
  GROUPS.flatMap((group) => KIND_GROUPS[group].map((kind) => [kind, group] as const)),
);

/** The group a kind belongs to, if it is a known one. */
export const groupOf = (kind: string): KindGroup | undefined => GROUP_OF.get(kind);
