import { z } from 'zod';
import { Id, Pagination, patchOf } from './common';
import { Signup } from './dedication-days';
import { SpecialtyCode } from './members';

export const TEAM_MEMBER_ROLES = ['leader', 'backbone', 'member'] as const;
export const TEAM_MEMBER_STATUSES = ['applied', 'invited', 'active', 'declined', 'left'] as const;
export type TeamMemberStatus = (typeof TEAM_MEMBER_STATUSES)[number];
export const TeamCan = z.object({
  edit: z.boolean(),
  invite: z.boolean(),
  changeLeader: z.boolean(),
  /** See every application and invitation, not only the active members. */
  seeApplications: z.boolean(),
  /** Claim roles and sign up for dedication-day tasks as the team. */
  signUpAsTeam: z.boolean(),
  /** Leave it: an active member who does not lead it (a leader is replaced first). */
  leave: z.boolean(),
});
export type TeamCan = z.infer<typeof TeamCan>;
export const Team = z.object({
  id: z.number(),
  name: z.string(),
  regionId: z.number(),
  regionName: z.string(),
  specialty: z.string(),
  description: z.string(),
  /** The recruitment post; empty when not recruiting. */
  recruitment: z.string(),
  recruiting: z.boolean(),
  leader: z.object({ id: z.number(), name: z.string() }).nullable(),
  memberCount: z.number(),
  partyMemberCount: z.number(),
  /** Confirmed hours of the team's claims and tasks, this year and all time. */
  hoursYear: z.number(),
  hoursAll: z.number(),
  /** The reader's own standing: a member, applied, invited, or none. */
  myStatus: z.enum(TEAM_MEMBER_STATUSES).nullable(),
  /** What the reader may do to it (teams.policy.ts answers; the console shows only these). */
  can: TeamCan,
  retiredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Team = z.infer<typeof Team>;
export const TeamCreateBody = z.strictObject({
  regionId: Id,
  name: z.string().trim().min(2).max(60),
  specialty: SpecialtyCode,
  description: z.string().trim().max(2000).default(''),
  recruitment: z.string().trim().max(2000).default(''),
  recruiting: z.boolean().default(true),
  leaderPersonId: Id,
});
export const TeamUpdateBody = patchOf(TeamCreateBody.omit({ regionId: true }).shape);
export const TeamListQuery = z.strictObject({
  ...Pagination,
  q: z.string().trim().max(50).optional(),
  regionId: Id.optional(),
  specialty: SpecialtyCode.optional(),
  recruiting: z.enum(['true', 'false']).optional(),
  /** Teams the reader belongs to or leads. */
  mine: z.enum(['true', 'false']).optional(),
});
export const TeamMember = z.object({
  id: z.number(),
  person: z.object({ id: z.number(), name: z.string() }),
  party: z.boolean(),
  specialties: z.array(z.string()),
  homeLabel: z.string(),
  role: z.enum(TEAM_MEMBER_ROLES),
  status: z.enum(TEAM_MEMBER_STATUSES),
  joinedAt: z.string().nullable(),
  /** Why, for an application; the reason, for a declined one. */
  note: z.string().nullable(),
  createdAt: z.string(),
});
export type TeamMember = z.infer<typeof TeamMember>;
export const TeamMemberListQuery = z.strictObject({
  ...Pagination,
  status: z.enum(TEAM_MEMBER_STATUSES).optional(),
});
export const TeamApplyBody = z.strictObject({ note: z.string().trim().max(500).default('') });
export const TeamInviteBody = z.strictObject({ personId: Id, note: z.string().trim().max(500).default('') });
export const TeamMemberDecisionBody = z.strictObject({
  decision: z.enum(['accept', 'decline']),
  reason: z.string().trim().max(500).optional(),
});
export const TeamMemberUpdateBody = z.strictObject({ role: z.enum(TEAM_MEMBER_ROLES) });
/** One activity of a team: a project role it claimed, or a dedication-day task it staffed. */
export const TeamActivity = z.object({
  kind: z.enum(['claim', 'signup']),
  id: z.number(),
  title: z.string(),
  at: z.string(),
  link: z.string(),
  people: z.number(),
  hours: z.number(),
});

/** Where to suggest people for: a team, a project role, or a dedication-day task. */
export const SuggestionQuery = z.strictObject({
  teamId: Id.optional(),
  roleId: Id.optional(),
  taskId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});
export const Suggestion = z.object({
  person: z.object({ id: z.number(), name: z.string() }),
  party: z.boolean(),
  homeLabel: z.string(),
  specialties: z.array(z.string()),
  score: z.number(),
  /** How near home is to the place: entrance, building, community, street, district. */
  nearness: z.enum(['entrance', 'building', 'community', 'street', 'district']),
  specialtyMatch: z.array(z.string()),
  /** Confirmed hours in the last 90 days: fewer first, so the work spreads. */
  recentHours: z.number(),
  /** Every reason the rank rests on, in the reader's language. */
  reasons: z.array(z.string()),
});
export type Suggestion = z.infer<typeof Suggestion>;
export const TeamSignupBody = z.strictObject({ taskId: Id, personIds: z.array(Id).min(1).max(100) });
export const TeamSignupResult = z.object({
  signups: z.array(Signup),
  /** Members who could not be put forward (already signed up that day), and why. */
  skipped: z.array(z.object({ personId: z.number(), reason: z.string() })),
});
export const Invitation = z.object({
  id: z.number(),
  kind: z.enum(['role', 'task']),
  targetId: z.number(),
  title: z.string(),
  link: z.string(),
  person: z.object({ id: z.number(), name: z.string() }),
  status: z.enum(['pending', 'accepted', 'declined']),
  invitedBy: z.string(),
  createdAt: z.string(),
});
export type Invitation = z.infer<typeof Invitation>;
export const InvitationBody = z.strictObject({
  roleId: Id.optional(),
  taskId: Id.optional(),
  personId: Id,
});
export const InvitationListQuery = z.strictObject({
  ...Pagination,
  mine: z.enum(['true', 'false']).optional(),
  roleId: Id.optional(),
  taskId: Id.optional(),
});
