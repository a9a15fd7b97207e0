import { z } from 'zod';
import { Id, IdNumber, KeysetPagination, LocalDate, Name, Phone, SearchText } from './common';
import { REGISTRATION_STATUSES } from './registrations';

export const GENDERS = ['male', 'female'] as const;
export const MEMBERSHIP_STATUSES = ['in_service', 'retired'] as const;
export const Specialty = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() });
export type Specialty = z.infer<typeof Specialty>;
export const SpecialtyCode = z.string().regex(/^[a-z_]{2,30}$/);

export const Membership = z.object({
  orgId: z.number(),
  orgName: z.string(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  status: z.enum(MEMBERSHIP_STATUSES),
  since: z.string(),
});
/** What the reader may do to a person (computed by the server's members.policy). */
export const MemberCan = z.object({
  /** Edit the person: those who manage people where the person lives. */
  edit: z.boolean(),
  /** Read the person's participation record: the person, and those who read the ledger of their home, organisation or registered community. */
  seeRecord: z.boolean(),
});
export type MemberCan = z.infer<typeof MemberCan>;
/** A person of the district: a resident, and a Party member when `membership` is set. */
export const Member = z.object({
  id: z.number(),
  name: z.string(),
  gender: z.enum(GENDERS),
  birthYear: z.number().nullable(),
  /** Masked (138****1234) unless the viewer may see personal data. */
  phone: z.string().nullable(),
  idNumber: z.string().nullable(),
  masked: z.boolean(),
  homeRegionId: z.number(),
  /** e.g. 八角北路社区 3号楼 2单元 */
  homeLabel: z.string(),
  /** The community the home lies in: where an in-service member registers. */
  homeCommunityId: z.number(),
  homeCommunityName: z.string(),
  specialties: z.array(z.string()),
  tags: z.array(z.string()),
  membership: Membership.nullable(),
  /** Registration with the home community (in-service members). */
  registration: z
    .object({
      id: z.number(),
      communityId: z.number(),
      communityName: z.string(),
      status: z.enum(REGISTRATION_STATUSES),
    })
    .nullable(),
  userId: z.number().nullable(),
  /** What the reader may do to the person (members.policy.ts answers; the console shows only these). */
  can: MemberCan,
});
export type Member = z.infer<typeof Member>;
export const MemberListQuery = z.strictObject({
  ...KeysetPagination,
  regionId: Id.optional(),
  q: SearchText.optional(),
  specialty: SpecialtyCode.optional(),
  party: z.enum(['true', 'false']).optional(),
  status: z.enum(MEMBERSHIP_STATUSES).optional(),
  orgId: Id.optional(),
  unitId: Id.optional(),
  /** Members registered with this community (approved). */
  registeredWith: Id.optional(),
});
export const MembershipInput = z.strictObject({
  orgId: Id,
  status: z.enum(MEMBERSHIP_STATUSES),
  since: LocalDate,
});
export const MemberCreateBody = z.strictObject({
  name: Name,
  gender: z.enum(GENDERS),
  birthYear: z.number().int().min(1900).max(2030).optional(),
  phone: Phone.optional(),
  idNumber: IdNumber.optional(),
  homeRegionId: Id,
  specialties: z.array(SpecialtyCode).max(10).default([]),
  tags: z.array(z.string().trim().min(1).max(20)).max(10).default([]),
  membership: MembershipInput.optional(),
});
export const MemberUpdateBody = z.strictObject({
  name: Name.optional(),
  gender: z.enum(GENDERS).optional(),
  birthYear: z.number().int().min(1900).max(2030).nullable().optional(),
  phone: Phone.nullable().optional(),
  idNumber: IdNumber.nullable().optional(),
  homeRegionId: Id.optional(),
  specialties: z.array(SpecialtyCode).max(10).optional(),
  tags: z.array(z.string().trim().min(1).max(20)).max(10).optional(),
  membership: MembershipInput.nullable().optional(),
});
