import { z } from 'zod';
import { Pagination } from './common';

export const TIME_REQUEST_STATUSES = ['open', 'accepted', 'done', 'cancelled'] as const;
export const TimeAccount = z.object({
  person: z.object({ id: z.number(), name: z.string() }),
  /** Confirmed service hours in the ledger: where every hour in the bank comes from. */
  earned: z.number(),
  received: z.number(),
  spent: z.number(),
  /** Hours promised to open or accepted requests, not yet paid. */
  held: z.number(),
  balance: z.number(),
  /** What can still be asked for: the balance less what is held. */
  available: z.number(),
});
export const TimeRequest = z.object({
  id: z.number(),
  title: z.string(),
  description: z.string(),
  hours: z.number(),
  status: z.enum(TIME_REQUEST_STATUSES),
  asker: z.object({ id: z.number(), name: z.string() }),
  helper: z.object({ id: z.number(), name: z.string() }).nullable(),
  communityName: z.string(),
  createdAt: z.string(),
  doneAt: z.string().nullable(),
});
export type TimeRequest = z.infer<typeof TimeRequest>;
export const TimeRequestBody = z.strictObject({
  title: z.string().trim().min(2).max(100),
  description: z.string().trim().max(1000).default(''),
  /** Paid to whoever helps, at most 8 hours a request. */
  hours: z.number().positive().max(8),
});
export const TimeRequestListQuery = z.strictObject({
  ...Pagination,
  /** Mine: asked or helped by me. Otherwise open requests near home. */
  mine: z.enum(['true', 'false']).optional(),
});
