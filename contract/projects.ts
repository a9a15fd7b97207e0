import { z } from 'zod';
import { Id, KeysetPagination, Pagination, Ref, SearchText } from './common';
import { SpecialtyCode } from './members';

export const PROJECT_STATUSES = [
  'draft',
  'published',
  'claimed',
  'in_progress',
  'done',
  'reviewed',
  'cancelled',
] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
/** The four canonical roles of the article, and custom ones. */
export const ROLE_KINDS = [
  'policy_publicist',
  'security_patrol',
  'health_worker',
  'legal_explainer',
  'custom',
] as const;
export const CLAIM_STATUSES = ['active', 'withdrawn', 'removed'] as const;

export const ProjectRole = z.object({
  id: z.number(),
  kind: z.enum(ROLE_KINDS),
  /** The organiser's own name for the role; empty for a canonical role, which shows its kind's name. */
  name: z.string(),
  slots: z.number(),
  claimed: z.number(),
  specialties: z.array(z.string()),
  hoursPerSlot: z.number(),
  startsAt: z.string(),
  endsAt: z.string(),
  /** The signed-in user (or their unit) holds an active claim on this role. */
  claimedByMe: z.boolean(),
});
export type ProjectRole = z.infer<typeof ProjectRole>;
/** What the reader may do to a claim (computed by the server's projects.policy). */
export const ClaimCan = z.object({
  /** Withdraw it before the role starts: its person, its unit's contact, who runs its team. */
  withdraw: z.boolean(),
  /** Name the members filling a unit's or team's slots, until hours are confirmed. */
  nameMembers: z.boolean(),
  /** The organisers take a claim away, with a reason. */
  remove: z.boolean(),
  /** The organisers confirm the hours served, once the project is under way. */
  confirmHours: z.boolean(),
});
export type ClaimCan = z.infer<typeof ClaimCan>;
export const Claim = z.object({
  id: z.number(),
  projectId: z.number(),
  projectTitle: z.string(),
  roleId: z.number(),
  roleKind: z.enum(ROLE_KINDS),
  /** Empty for a canonical role: show its kind's name. */
  roleName: z.string(),
  claimant: z.object({ kind: z.enum(['person', 'unit', 'team']), id: z.number(), name: z.string() }),
  slots: z.number(),
  status: z.enum(CLAIM_STATUSES),
  reason: z.string().nullable(),
  hoursConfirmed: z.number().nullable(),
  /** The members a unit named for its slots, each with their own confirmed hours. */
  members: z.array(z.object({ id: z.number(), name: z.string(), hoursConfirmed: z.number().nullable() })),
  createdAt: z.string(),
  startsAt: z.string(),
  /** The reader's own claim: theirs, their unit's, or a team's they run. */
  mine: z.boolean(),
  can: ClaimCan,
});
export type Claim = z.infer<typeof Claim>;
/** What the reader may do to a project (computed by the server's projects.policy). */
export const ProjectCan = z.object({
  /** Edit it, move it along, remove claims, confirm hours: the organisers of its area. */
  manage: z.boolean(),
  /** Rate it: a resident of its community, once it is done, once. */
  review: z.boolean(),
  /** Take every free slot for the reader's unit at once. */
  claimWhole: z.boolean(),
});
export type ProjectCan = z.infer<typeof ProjectCan>;
export const Project = z.object({
  id: z.number(),
  title: z.string(),
  description: z.string(),
  regionId: z.number(),
  regionName: z.string(),
  openToStreet: z.boolean(),
  status: z.enum(PROJECT_STATUSES),
  startsAt: z.string(),
  endsAt: z.string(),
  needId: z.number().nullable(),
  roles: z.array(ProjectRole),
  slots: z.number(),
  claimed: z.number(),
  rating: z.number().nullable(),
  reviewCount: z.number(),
  createdAt: z.string(),
});
export type Project = z.infer<typeof Project>;
/** How many of its claims a project's detail embeds: the first page of `GET /api/projects/:id/claims`. */
export const PROJECT_CLAIMS_PAGE = 20;
/**
 * A project as its page shows it. Its claims run to hundreds: the detail embeds their counts,
 * their first page and the reader's own; the other pages come from `GET /api/projects/:id/claims`.
 */
export const ProjectDetail = Project.extend({
  can: ProjectCan,
  /** Its claims counted: all of them (withdrawn and removed too: the pages' total) and the active ones. */
  claimCount: z.object({ all: z.number(), active: z.number(), capped: z.boolean().optional() }),
  /** The first page of its claims, role by role, oldest first; at most PROJECT_CLAIMS_PAGE. */
  claims: z.array(Claim),
  /** The cursor (`after`) of the claims' second page; absent when there is none. */
  claimsNext: z.string().optional(),
  /**
   * The reader's active claims on it, on whatever page they fall: their own, their unit's, a
   * team's they run (each role's claim button reads them).
   */
  myClaims: z.array(Claim),
  reviews: z.array(
    z.object({ id: z.number(), person: Ref, rating: z.number(), comment: z.string(), at: z.string() }),
  ),
});
export const ProjectListQuery = z.strictObject({
  ...KeysetPagination,
  regionId: Id.optional(),
  status: z.enum(PROJECT_STATUSES).optional(),
  roleKind: z.enum(ROLE_KINDS).optional(),
  /** Projects with free slots that the signed-in member may claim, nearest home first. */
  claimable: z.enum(['true', 'false']).optional(),
  q: SearchText.optional(),
});
const RoleInput = z.strictObject({
  kind: z.enum(ROLE_KINDS),
  /** Required for a custom role. */
  name: z.string().trim().min(1).max(40).optional(),
  slots: z.number().int().min(1).max(500),
  specialties: z.array(SpecialtyCode).max(5).default([]),
  hoursPerSlot: z.number().min(0.5).max(24).default(2),
  startsAt: z.iso.datetime({ offset: true }).optional(),
  endsAt: z.iso.datetime({ offset: true }).optional(),
});
export const ProjectCreateBody = z.strictObject({
  title: z.string().trim().min(2).max(100),
  description: z.string().trim().max(5000).default(''),
  regionId: Id,
  openToStreet: z.boolean().default(false),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  /** The need it answers; the need becomes "converted". */
  needId: Id.optional(),
  roles: z.array(RoleInput).min(1).max(20),
});
export const ProjectTransitionBody = z.strictObject({
  to: z.enum(['published', 'in_progress', 'done', 'reviewed', 'cancelled']),
});
export const ClaimCreateBody = z.strictObject({
  /** For a unit's contact: claim for the unit, this many slots. */
  forUnit: z.boolean().default(false),
  /** For a team's leader: claim for the team, this many slots. */
  teamId: Id.optional(),
  slots: z.number().int().min(1).max(100).default(1),
});
export const ClaimRemoveBody = z.strictObject({ reason: z.string().trim().min(2).max(500) });
export const ClaimHoursBody = z.strictObject({
  hours: z
    .number()
    .min(0)
    .max(24 * 14),
  /** For a unit's claim with named members: whose hours these are. */
  personId: Id.optional(),
});
export const ClaimMembersBody = z.strictObject({
  personIds: z.array(Id).max(500),
});
export const ClaimListQuery = z.strictObject({
  ...Pagination,
  mine: z.enum(['true', 'false']).optional(),
  projectId: Id.optional(),
  /** The claims this unit holds (the unit's page). */
  unitId: Id.optional(),
});
/** A project's claims, a page at a time, in the detail's order (role by role, oldest first). */
export const ProjectClaimsQuery = z.strictObject({ ...KeysetPagination });
export const ReviewBody = z.strictObject({
  rating: z.number().int().min(1).max(5),
  comment: z.string().trim().max(1000).default(''),
});
