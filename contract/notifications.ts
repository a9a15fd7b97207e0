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
});
