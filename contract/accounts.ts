import { z } from 'zod';
import { Id, Name, Pagination, SearchText } from './common';
import { REGION_KINDS } from './regions';

export const ROLES = [
  'district_admin',
  'street_admin',
  'community_worker',
  'unit_contact',
  'party_member',
  'resident',
  'lecturer',
] as const;
export type Role = (typeof ROLES)[number];

/** Everything an actor may be allowed to do; each route names one. */
export const ACTIONS = [
  'region.read',
  'region.manage',
  'user.read',
  'user.manage',
  'audit.read',
  'unit.read',
  'unit.manage',
  'org.read',
  'org.manage',
  'person.read',
  'person.manage',
  /** See phone and ID numbers unmasked. */
  'person.private',
  'registration.request',
  'registration.decide',
  'body.read',
  'body.manage',
  'task.manage',
  'coverage.read',
  'import.run',
  /** Read participation entries beyond one's own. */
  'ledger.read',
  /** Correct an entry with a new one (never an edit). */
  'ledger.correct',
  'need.raise',
  'need.decide',
  'project.manage',
  'claim.make',
  /** Set dedication days, run their occurrences, check people in, confirm hours. */
  'dedication.manage',
  /** Sign up for a dedication day's task and check in. */
  'signup.make',
  /** Keep facilities (a unit's, or a community's) and decide on their bookings. */
  'facility.manage',
  /** Book a shared facility. */
  'booking.make',
  /** Set up volunteer teams in one's area (their leaders run them). */
  'team.manage',
  /** Apply to join a volunteer team. */
  'team.join',
  /** Set up courses and lectures, nominate, record attendance. */
  'course.manage',
  /** Teach sessions: a lecturer records attendance of their own sessions. */
  'course.teach',
  /** Write and publish notices and open letters to an area. */
  'notice.publish',
  /** Run campaigns such as a publicity week. */
  'campaign.manage',
  /** Open and run evaluations for the three honours; enter deductions. */
  'evaluation.manage',
  /** See evaluations, rankings and score breakdowns. */
  'evaluation.read',
  /** Nominate candidates for an honour within the street's quota. */
  'evaluation.nominate',
  /** Read the participation dashboards of an area. */
  'dashboard.read',
] as const;
export type Action = (typeof ACTIONS)[number];

export const LoginBody = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});
export const ChangePasswordBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(10).max(200),
});
export const RoleAssignment = z.object({
  id: z.number(),
  role: z.enum(ROLES),
  regionId: z.number(),
  regionName: z.string(),
  regionKind: z.enum(REGION_KINDS),
  regionPath: z.string(),
  /** A unit contact's role reaches its unit, not the region's subtree. */
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
});
export type RoleAssignment = z.infer<typeof RoleAssignment>;
export const Me = z.object({
  user: z.object({
    id: z.number(),
    username: z.string(),
    displayName: z.string(),
    districtId: z.number(),
    /** The person record of this account, if any (members and residents have one). */
    personId: z.number().nullable(),
  }),
  roles: z.array(RoleAssignment),
  /** The actions this user may take somewhere (the menu shows these). */
  actions: z.array(z.enum(ACTIONS)),
  csrfToken: z.string(),
  demo: z.boolean(),
  /** The district's time zone (its setting): every date and time is shown in it. */
  timeZone: z.string(),
});
export type Me = z.infer<typeof Me>;
/**
 * Whether this browser is signed in, asked without a 401 (the login page loads it): the
 * signed-in user as `me`, or `signedIn: false` and `me: null`. `timeZone` is the district's,
 * or the default zone when nobody is signed in.
 */
export const AuthSession = z.object({ signedIn: z.boolean(), me: Me.nullable(), timeZone: z.string() });
export type AuthSession = z.infer<typeof AuthSession>;

export const Username = z
  .string()
  .trim()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9_.-]+$/, 'lower-case letters, digits, _ . - only');
export const User = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  regionId: z.number(),
  regionName: z.string(),
  disabled: z.boolean(),
  lockedUntil: z.string().nullable(),
  createdAt: z.string(),
  roles: z.array(RoleAssignment),
  /** The reader's answers (accounts.policy): may issue this account a one-time reset code. */
  can: z.object({ issueReset: z.boolean() }),
});
export type User = z.infer<typeof User>;
export const UserListQuery = z.strictObject({
  ...Pagination,
  regionId: Id.optional(),
  role: z.enum(ROLES).optional(),
  q: SearchText.optional(),
});
/** A role at a node; a unit contact's role names its unit instead (the unit's region is implied). */
export const RoleGrantBody = z.union([
  z.strictObject({ role: z.enum(ROLES).exclude(['unit_contact']), regionId: Id }),
  z.strictObject({ role: z.literal('unit_contact'), unitId: Id }),
]);
export type RoleGrantBody = z.infer<typeof RoleGrantBody>;
export const UserCreateBody = z.strictObject({
  username: Username,
  displayName: Name,
  password: z.string().min(10).max(200),
  regionId: Id,
  roles: z.array(RoleGrantBody).max(10).default([]),
});
export const UserUpdateBody = z.strictObject({
  displayName: Name.optional(),
  regionId: Id.optional(),
  disabled: z.boolean().optional(),
});
export const PasswordResetBody = z.strictObject({ newPassword: z.string().min(10).max(200) });

/** A one-time reset code, shown once to whoever issued it; only its hash is kept. */
export const ResetCode = z.object({
  /** 12 characters of Crockford's base 32 in groups of four (`7KQ2-M9XD-4TRW`). */
  code: z.string(),
  expiresAt: z.string(),
});
export type ResetCode = z.infer<typeof ResetCode>;
/** A person sets a new password with the code their community worker gave them. */
export const ResetCodeUseBody = z.strictObject({
  username: z.string().trim().min(1).max(64),
  /** As typed: case, spaces and dashes do not matter; O reads as 0, I and L as 1. */
  code: z.string().trim().min(1).max(40),
  newPassword: z.string().min(10).max(200),
});
export type ResetCodeUseBody = z.infer<typeof ResetCodeUseBody>;
