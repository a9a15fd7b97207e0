/**
 * The contract shared by the server and the web console: enums and zod schemas
 * of the API's shapes. Names follow ../shared/GLOSSARY.md.
 */
import { z } from 'zod';

// ---------- enums ----------
export const REGION_KINDS = ['district', 'street', 'community', 'building', 'entrance'] as const;
export type RegionKind = (typeof REGION_KINDS)[number];
/** The kind a child of each kind must have: the tree has fixed levels. */
export const CHILD_KIND: Record<RegionKind, RegionKind | null> = {
  district: 'street',
  street: 'community',
  community: 'building',
  building: 'entrance',
  entrance: null,
};

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
export const ACTIONS = ['region.read', 'region.manage', 'user.read', 'user.manage', 'audit.read'] as const;
export type Action = (typeof ACTIONS)[number];

// ---------- common ----------
export const Id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const IdParams = z.strictObject({ id: Id });
export const Pagination = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};
export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int() });
export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;
/** Names of people and places: trimmed, no control characters, bounded. */
export const Name = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[^\p{Cc}\p{Cs}]*$/u, 'must not contain control characters');
export const SearchText = z.string().trim().max(100);

// ---------- auth ----------
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
});
export type RoleAssignment = z.infer<typeof RoleAssignment>;
export const Me = z.object({
  user: z.object({
    id: z.number(),
    username: z.string(),
    displayName: z.string(),
    districtId: z.number(),
  }),
  roles: z.array(RoleAssignment),
  /** The actions this user may take somewhere (the menu shows these). */
  actions: z.array(z.enum(ACTIONS)),
  csrfToken: z.string(),
  demo: z.boolean(),
});
export type Me = z.infer<typeof Me>;

// ---------- regions ----------
export const Region = z.object({
  id: z.number(),
  districtId: z.number(),
  parentId: z.number().nullable(),
  kind: z.enum(REGION_KINDS),
  name: z.string(),
  code: z.string(),
  path: z.string(),
  retiredAt: z.string().nullable(),
  childCount: z.number(),
});
export type Region = z.infer<typeof Region>;
export const RegionWithAncestors = Region.extend({
  ancestors: z.array(z.object({ id: z.number(), name: z.string(), kind: z.enum(REGION_KINDS) })),
});
export type RegionWithAncestors = z.infer<typeof RegionWithAncestors>;
export const RegionListQuery = z.strictObject({
  ...Pagination,
  /** Narrow to the subtree of this node. */
  regionId: Id.optional(),
  parentId: Id.optional(),
  kind: z.enum(REGION_KINDS).optional(),
  q: SearchText.optional(),
  includeRetired: z.enum(['true', 'false']).optional(),
});
export const RegionTreeQuery = z.strictObject({
  depth: z.coerce.number().int().min(0).max(4).default(4),
  includeRetired: z.enum(['true', 'false']).optional(),
});
export const Code = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, _ and - only');
export const RegionCreateBody = z.strictObject({
  parentId: Id,
  name: Name,
  code: Code.optional(),
});
export const RegionUpdateBody = z.strictObject({ name: Name.optional(), code: Code.optional() });
export const RegionMoveBody = z.strictObject({ parentId: Id });

// ---------- users ----------
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
});
export type User = z.infer<typeof User>;
export const UserListQuery = z.strictObject({
  ...Pagination,
  regionId: Id.optional(),
  role: z.enum(ROLES).optional(),
  q: SearchText.optional(),
});
export const RoleGrantBody = z.strictObject({ role: z.enum(ROLES), regionId: Id });
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

// ---------- audit ----------
export const AuditEntry = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.object({ id: z.number(), username: z.string(), displayName: z.string() }).nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  regionId: z.number().nullable(),
  regionName: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export const AuditListQuery = z.strictObject({
  ...Pagination,
  regionId: Id.optional(),
  entityType: z.string().max(40).optional(),
  action: z.string().max(60).optional(),
  actorId: Id.optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
