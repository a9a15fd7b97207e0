import { z } from 'zod';

export const Notification = z.object({
  id: z.number(),
  kind: z.string(),
  text: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

export const NotificationPrefs = z.strictObject({
  /** Kinds of notification not wanted in the bell (e.g. reminders). */
  muted: z.array(z.string().max(60)).max(50).default([]),
  /** Channels besides the bell, delivered through the operator's senders. */
  channels: z
    .array(z.enum(['sms', 'wechat']))
    .max(2)
    .default([]),
  /**
   * The daily digest: what arrives for staff to handle is gathered into one notification a day
   * (08:00 Beijing time, by kind with counts) instead of one bell per arrival.
   */
  digest: z.boolean().default(false),
});

/**
 * What staff are told arrived for them to handle (the workbench lists it until handled): a
 * need to decide, a registration or booking to approve, an objection to answer, a follow-up
 * task due tomorrow or overdue. Each may be muted, or gathered into the daily digest.
 */
export const STAFF_NOTIFICATION_KINDS = [
  'notify_need_raised',
  'notify_registration_requested',
  'notify_booking_pending',
  'notify_objection_raised',
  'notify_task_due',
  'notify_task_overdue',
] as const;
export type StaffNotificationKind = (typeof STAFF_NOTIFICATION_KINDS)[number];

/** The preferences as read back: with the staff kinds this reader may receive (the console shows only those). */
export const NotificationPrefsView = z.object({
  muted: z.array(z.string()),
  channels: z.array(z.enum(['sms', 'wechat'])),
  digest: z.boolean(),
  receivable: z.array(z.enum(STAFF_NOTIFICATION_KINDS)),
});
