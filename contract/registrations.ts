import { z } from 'zod';
import { Id, Pagination, SearchText } from './common';

export const REGISTRATION_STATUSES = ['pending', 'approved', 'declined', 'withdrawn'] as const;

export const Registration = z.object({
  id: z.number(),
  personId: z.number(),
  personName: z.string(),
  communityId: z.number(),
  communityName: z.string(),
  orgName: z.string().nullable(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  status: z.enum(REGISTRATION_STATUSES),
  reason: z.string().nullable(),
  requestedAt: z.string(),
  requestedByName: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedByName: z.string().nullable(),
});
export type Registration = z.infer<typeof Registration>;
export const RegistrationListQuery = z.strictObject({
  ...Pagination,
  communityId: Id.optional(),
  unitId: Id.optional(),
  status: z.enum(REGISTRATION_STATUSES).optional(),
  q: SearchText.optional(),
});
export const RegistrationCreateBody = z.strictObject({
  /** Omit to register yourself. */
  personId: Id.optional(),
  communityId: Id,
});
export const RegistrationDecisionBody = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('approve') }),
  z.strictObject({ decision: z.literal('decline'), reason: z.string().trim().min(2).max(500) }),
]);
