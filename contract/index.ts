/**
 * The contract shared by the server and the web console: enums and zod schemas
 * of the API's shapes. Names follow docs/GLOSSARY.md.
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

// ---------- common ----------
const PositiveId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
/**
 * A row's id: a positive whole number, or its digits as text (paths and query strings are
 * text). Nothing else turns into one — `z.coerce` made `true` an id 1 and `[5]` an id 5 in
 * bodies (found by the hostile-input suite).
 */
export const Id = z.union([
  PositiveId,
  z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/)
    .transform(Number)
    .pipe(PositiveId),
]);
export const IdParams = z.strictObject({ id: Id });
export const Pagination = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};
/**
 * The body of a PATCH: every field optional and none defaulted, so a field left out is
 * left alone (a `.partial()` of a create body would still fill in its defaults).
 */
type NoDefault<T> = T extends z.ZodDefault<infer I> ? I : T;
export const patchOf = <T extends z.ZodRawShape>(shape: T) =>
  z
    .strictObject(
      Object.fromEntries(
        Object.entries(shape).map(([k, v]) => [k, v instanceof z.ZodDefault ? v.unwrap() : v]),
      ) as { [K in keyof T]: NoDefault<T[K]> },
    )
    .partial();
export const page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    total: z.number().int(),
    /** The total was counted only up to `total` (a very long list): there are more. */
    capped: z.boolean().optional(),
  });
/** Lists whose totals could run to hundreds of thousands count only this far. */
export const COUNT_CAP = 10_000;
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

// ---------- the organisation network ----------
export const UNIT_KINDS = ['agency', 'school', 'hospital', 'enterprise', 'social_org', 'other'] as const;
export const AFFILIATIONS = ['central', 'municipal', 'district', 'other'] as const;
export const PARTY_ORG_KINDS = [
  'street_committee',
  'community_branch',
  'unit_party_org',
  'general_branch',
] as const;
export const GENDERS = ['male', 'female'] as const;
export const MEMBERSHIP_STATUSES = ['in_service', 'retired'] as const;
export const REGISTRATION_STATUSES = ['pending', 'approved', 'declined', 'withdrawn'] as const;

export const Phone = z
  .string()
  .trim()
  .regex(/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/, 'a mobile (11 digits) or landline number');
/** Resident identity card number: 17 digits and a digit or X. */
export const IdNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^\d{17}[\dX]$/, '18 characters: 17 digits and a digit or X');
export const LocalDate = z.iso.date();

export const Specialty = z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() });
export type Specialty = z.infer<typeof Specialty>;
export const SpecialtyCode = z.string().regex(/^[a-z_]{2,30}$/);

export const Unit = z.object({
  id: z.number(),
  regionId: z.number(),
  regionName: z.string(),
  name: z.string(),
  kind: z.enum(UNIT_KINDS),
  affiliation: z.enum(AFFILIATIONS),
  address: z.string().nullable(),
  contactName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  partyOrgId: z.number().nullable(),
  partyOrgName: z.string().nullable(),
  /** People whose Party organisation is this unit's. */
  memberCount: z.number(),
  /** Of them, registered with their home community. */
  registeredCount: z.number(),
  createdAt: z.string(),
});
export type Unit = z.infer<typeof Unit>;
export const UnitListQuery = z.strictObject({
  ...Pagination,
  regionId: Id.optional(),
  q: SearchText.optional(),
  kind: z.enum(UNIT_KINDS).optional(),
  affiliation: z.enum(AFFILIATIONS).optional(),
});
export const UnitCreateBody = z.strictObject({
  regionId: Id,
  name: Name,
  kind: z.enum(UNIT_KINDS),
  affiliation: z.enum(AFFILIATIONS),
  address: z.string().trim().max(200).optional(),
  contactName: Name.optional(),
  contactPhone: Phone.optional(),
});
export const UnitUpdateBody = z.strictObject({
  regionId: Id.optional(),
  name: Name.optional(),
  kind: z.enum(UNIT_KINDS).optional(),
  affiliation: z.enum(AFFILIATIONS).optional(),
  /** null clears the field. */
  address: z.string().trim().max(200).nullable().optional(),
  contactName: Name.nullable().optional(),
  contactPhone: Phone.nullable().optional(),
});

export const PartyOrg = z.object({
  id: z.number(),
  regionId: z.number(),
  regionName: z.string(),
  kind: z.enum(PARTY_ORG_KINDS),
  name: z.string(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  parentId: z.number().nullable(),
  parentName: z.string().nullable(),
  memberCount: z.number(),
});
export type PartyOrg = z.infer<typeof PartyOrg>;
export const PartyOrgListQuery = z.strictObject({
  ...Pagination,
  regionId: Id.optional(),
  q: SearchText.optional(),
  kind: z.enum(PARTY_ORG_KINDS).optional(),
  unitId: Id.optional(),
});
export const PartyOrgCreateBody = z.strictObject({
  regionId: Id,
  kind: z.enum(PARTY_ORG_KINDS),
  name: Name,
  unitId: Id.optional(),
  parentId: Id.optional(),
});
export const PartyOrgUpdateBody = z.strictObject({
  name: Name.optional(),
  parentId: Id.nullable().optional(),
});

export const Membership = z.object({
  orgId: z.number(),
  orgName: z.string(),
  unitId: z.number().nullable(),
  unitName: z.string().nullable(),
  status: z.enum(MEMBERSHIP_STATUSES),
  since: z.string(),
});
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
});
export type Member = z.infer<typeof Member>;
export const MemberListQuery = z.strictObject({
  ...Pagination,
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

// ---------- joint bodies, meetings, tasks, coverage ----------
export const BODY_KINDS = ['joint_conference', 'coordination_council', 'liaison_group'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];
/** Where each kind of body is set up. */
export const BODY_LEVELS: Record<BodyKind, readonly RegionKind[]> = {
  joint_conference: ['street'],
  coordination_council: ['community'],
  liaison_group: ['building', 'entrance'],
};
export const BODY_MEMBER_KINDS = ['party_org', 'unit', 'person'] as const;
export const OWNER_KINDS = ['party_org', 'unit', 'person'] as const;
export const ATTENDANCE = ['present', 'absent', 'excused'] as const;
export const MEETING_STATUSES = ['scheduled', 'held', 'cancelled'] as const;
export const TASK_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;

const Ref = z.object({ id: z.number(), name: z.string() });

export const Body = z.object({
  id: z.number(),
  kind: z.enum(BODY_KINDS),
  regionId: z.number(),
  regionName: z.string(),
  /** e.g. 八角北路社区 3号楼 */
  regionLabel: z.string(),
  name: z.string(),
  convenor: Ref.nullable(),
  status: z.enum(['active', 'dissolved']),
  establishedOn: z.string(),
  dissolvedOn: z.string().nullable(),
  memberCount: z.number(),
  meetingCount: z.number(),
  lastMeetingAt: z.string().nullable(),
});
export type Body = z.infer<typeof Body>;
export const BodyListQuery = z.strictObject({
  ...Pagination,
  regionId: Id.optional(),
  kind: z.enum(BODY_KINDS).optional(),
  status: z.enum(['active', 'dissolved']).optional(),
  q: SearchText.optional(),
});
export const BodyCreateBody = z.strictObject({
  kind: z.enum(BODY_KINDS),
  regionId: Id,
  name: Name,
  convenorPersonId: Id.optional(),
  establishedOn: LocalDate.optional(),
});
export const BodyUpdateBody = z.strictObject({
  name: Name.optional(),
  convenorPersonId: Id.nullable().optional(),
  /** true dissolves the body (kept in history); false revives it. */
  dissolved: z.boolean().optional(),
});
export const BodyMember = z.object({
  id: z.number(),
  memberKind: z.enum(BODY_MEMBER_KINDS),
  memberId: z.number(),
  name: z.string(),
  /** Party organisation or unit of a person; kind label of an organisation. */
  detail: z.string().nullable(),
  joinedOn: z.string(),
  leftOn: z.string().nullable(),
});
export type BodyMember = z.infer<typeof BodyMember>;
export const BodyMemberListQuery = z.strictObject({ includePast: z.enum(['true', 'false']).optional() });
export const BodyMemberAddBody = z.strictObject({
  memberKind: z.enum(BODY_MEMBER_KINDS),
  memberId: Id,
  joinedOn: LocalDate.optional(),
});

export const Invitee = z.object({
  personId: z.number(),
  name: z.string(),
  detail: z.string().nullable(),
  attendance: z.enum(ATTENDANCE).nullable(),
});
export const Resolution = z.object({
  id: z.number(),
  text: z.string(),
  task: z
    .object({
      id: z.number(),
      title: z.string(),
      status: z.enum(TASK_STATUSES),
      dueOn: z.string(),
      overdue: z.boolean(),
    })
    .nullable(),
});
export const MeetingSummary = z.object({
  id: z.number(),
  bodyId: z.number(),
  bodyName: z.string(),
  bodyKind: z.enum(BODY_KINDS),
  regionId: z.number(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  place: z.string(),
  status: z.enum(MEETING_STATUSES),
  inviteeCount: z.number(),
  presentCount: z.number(),
  resolutionCount: z.number(),
});
export type MeetingSummary = z.infer<typeof MeetingSummary>;
export const Meeting = MeetingSummary.extend({
  agenda: z.string(),
  minutes: z.string().nullable(),
  invitees: z.array(Invitee),
  resolutions: z.array(Resolution),
});
export type Meeting = z.infer<typeof Meeting>;
export const MeetingListQuery = z.strictObject({
  ...Pagination,
  bodyId: Id.optional(),
  regionId: Id.optional(),
  status: z.enum(MEETING_STATUSES).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
const LongText = z.string().trim().max(20_000);
export const MeetingCreateBody = z.strictObject({
  bodyId: Id,
  title: Name,
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }).optional(),
  place: z.string().trim().min(1).max(200),
  agenda: LongText.default(''),
  /** Omit to invite the body's current person members (organisations and units are invited through the people chosen here). */
  inviteePersonIds: z.array(Id).max(500).optional(),
});
export const MeetingUpdateBody = z.strictObject({
  title: Name.optional(),
  startsAt: z.iso.datetime({ offset: true }).optional(),
  endsAt: z.iso.datetime({ offset: true }).nullable().optional(),
  place: z.string().trim().min(1).max(200).optional(),
  agenda: LongText.optional(),
  minutes: LongText.nullable().optional(),
  status: z.enum(MEETING_STATUSES).optional(),
});
export const AttendanceBody = z.strictObject({
  items: z
    .array(z.strictObject({ personId: Id, attendance: z.enum(ATTENDANCE) }))
    .min(1)
    .max(500),
});
export const TaskOwnerInput = z.strictObject({ kind: z.enum(OWNER_KINDS), id: Id });
export const ResolutionCreateBody = z.strictObject({
  text: z.string().trim().min(2).max(2000),
  /** A follow-up task with an owner and a due date; omit for a resolution needing none. */
  task: z.strictObject({ title: Name, owner: TaskOwnerInput, dueOn: LocalDate }).optional(),
});

export const TaskNote = z.object({
  id: z.number(),
  text: z.string(),
  progress: z.number().nullable(),
  at: z.string(),
  authorName: z.string().nullable(),
});
export const Task = z.object({
  id: z.number(),
  title: z.string(),
  regionId: z.number(),
  regionName: z.string(),
  source: z.object({ meetingId: z.number(), meetingTitle: z.string(), resolutionId: z.number() }).nullable(),
  owner: z.object({ kind: z.enum(OWNER_KINDS), id: z.number(), name: z.string() }),
  dueOn: z.string(),
  status: z.enum(TASK_STATUSES),
  overdue: z.boolean(),
  progress: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Task = z.infer<typeof Task>;
export const TaskDetail = Task.extend({ notes: z.array(TaskNote) });
export const TaskListQuery = z.strictObject({
  ...Pagination,
  regionId: Id.optional(),
  status: z.enum(TASK_STATUSES).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  ownerKind: z.enum(OWNER_KINDS).optional(),
  ownerId: Id.optional(),
  q: SearchText.optional(),
});
export const TaskUpdateBody = z.strictObject({
  title: Name.optional(),
  status: z.enum(TASK_STATUSES).optional(),
  dueOn: LocalDate.optional(),
  owner: TaskOwnerInput.optional(),
});
export const TaskNoteBody = z.strictObject({
  text: z.string().trim().min(1).max(2000),
  progress: z.number().int().min(0).max(100).optional(),
});

export const CoverageLevel = z.object({
  kind: z.enum(['street', 'community', 'building']),
  total: z.number(),
  covered: z.number(),
  /** covered / total, 0..1; 1 when there is nothing to cover. */
  share: z.number(),
});
export const Coverage = z.object({
  node: z.object({ id: z.number(), name: z.string(), kind: z.enum(REGION_KINDS) }),
  levels: z.array(CoverageLevel),
  /** Each child of the node, its own state and the levels below it, for drill-down. */
  children: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      kind: z.enum(REGION_KINDS),
      /** Whether the child has its own body (null for kinds that need none, e.g. entrances). */
      covered: z.boolean().nullable(),
      levels: z.array(CoverageLevel),
    }),
  ),
  /** Nodes lacking their body, deepest context first, at most 200. */
  gaps: z.array(
    z.object({ id: z.number(), kind: z.enum(['street', 'community', 'building']), label: z.string() }),
  ),
  gapCount: z.number(),
});
export type Coverage = z.infer<typeof Coverage>;
export const CoverageQuery = z.strictObject({ regionId: Id.optional() });

// ---------- imports and exports ----------
export const IMPORT_KINDS = ['members', 'units'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_STATUSES = ['queued', 'reading', 'validating', 'writing', 'done', 'failed'] as const;
export const ImportError = z.object({
  /** The row number as the spreadsheet shows it (the header is row 1). */
  row: z.number(),
  /** The column's header as in the file ('' for the whole row or file). */
  column: z.string(),
  message: z.string(),
});
export const ImportJob = z.object({
  id: z.number(),
  kind: z.enum(IMPORT_KINDS),
  fileName: z.string(),
  status: z.enum(IMPORT_STATUSES),
  total: z.number(),
  processed: z.number(),
  /** Rows written: all of them when done, none otherwise. */
  written: z.number(),
  errorCount: z.number(),
  /** The first 500 errors, by row and column, in the language of the request. */
  errors: z.array(ImportError),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ImportJob = z.infer<typeof ImportJob>;
export const ImportKindParams = z.strictObject({ kind: z.enum(IMPORT_KINDS) });
export const ImportListQuery = z.strictObject({ ...Pagination });

export const EXPORT_RESOURCES = [
  'members',
  'units',
  'party-orgs',
  'registrations',
  'bodies',
  'meetings',
  'tasks',
  'users',
] as const;
export type ExportResource = (typeof EXPORT_RESOURCES)[number];

// ---------- the participation ledger ----------
/** Kinds of participation; the kind says what `quantity` counts (hours or times). */
export const LEDGER_KINDS = [
  'service_hours',
  'role_completed',
  'meeting_attended',
  'facility_hours_shared',
  'course_completed',
  'notice_read',
] as const;
export type LedgerKind = (typeof LEDGER_KINDS)[number];
export const HOUR_KINDS: readonly LedgerKind[] = ['service_hours', 'facility_hours_shared'];

export const LedgerEntry = z.object({
  id: z.number(),
  kind: z.enum(LEDGER_KINDS),
  /** Hours for hour kinds, otherwise a count; negative in a correction that takes some back. */
  quantity: z.number(),
  at: z.string(),
  recordedAt: z.string(),
  person: Ref.nullable(),
  unit: Ref.nullable(),
  partyOrg: Ref.nullable(),
  regionId: z.number(),
  regionName: z.string(),
  source: z.object({ type: z.string(), id: z.number(), label: z.string().nullable() }),
  /** Set on a correction: the entry it corrects, and why. */
  correctsId: z.number().nullable(),
  reason: z.string().nullable(),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;
export const LedgerListQuery = z.strictObject({
  ...Pagination,
  personId: Id.optional(),
  unitId: Id.optional(),
  orgId: Id.optional(),
  regionId: Id.optional(),
  kind: z.enum(LEDGER_KINDS).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export const LedgerTotals = z.object({
  /** Per kind: this month, this year (Beijing calendar) and all time. */
  byKind: z.array(
    z.object({ kind: z.enum(LEDGER_KINDS), month: z.number(), year: z.number(), all: z.number() }),
  ),
  hoursMonth: z.number(),
  hoursYear: z.number(),
});
export type LedgerTotals = z.infer<typeof LedgerTotals>;
export const LedgerRecord = z.object({
  subject: z.object({ kind: z.enum(['person', 'unit', 'party_org']), id: z.number(), name: z.string() }),
  totals: LedgerTotals,
});
export const LedgerRecordQuery = z.strictObject({
  personId: Id.optional(),
  unitId: Id.optional(),
  orgId: Id.optional(),
});
export const LedgerCorrectionBody = z.strictObject({
  /** The change to the entry's quantity, e.g. -1.5 hours. */
  delta: z
    .number()
    .min(-1000)
    .max(1000)
    .refine((v) => v !== 0, 'must not be zero'),
  reason: z.string().trim().min(2).max(500),
});

// ---------- needs, public-welfare projects, claims ----------
export const NEED_CATEGORIES = [
  'elder_care',
  'repair',
  'health',
  'legal',
  'environment',
  'safety',
  'education',
  'culture',
  'other',
] as const;
export const NEED_STATUSES = ['open', 'accepted', 'merged', 'declined', 'converted'] as const;
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

export const Need = z.object({
  id: z.number(),
  title: z.string(),
  description: z.string(),
  category: z.enum(NEED_CATEGORIES),
  communityId: z.number(),
  communityName: z.string(),
  place: z.string().nullable(),
  wantedBy: z.string().nullable(),
  status: z.enum(NEED_STATUSES),
  reason: z.string().nullable(),
  raisedBy: Ref.nullable(),
  mergedIntoId: z.number().nullable(),
  projectId: z.number().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type Need = z.infer<typeof Need>;
export const NeedListQuery = z.strictObject({
  ...Pagination,
  regionId: Id.optional(),
  status: z.enum(NEED_STATUSES).optional(),
  category: z.enum(NEED_CATEGORIES).optional(),
  mine: z.enum(['true', 'false']).optional(),
  q: SearchText.optional(),
});
export const NeedCreateBody = z.strictObject({
  title: z.string().trim().min(2).max(100),
  description: z.string().trim().max(2000).default(''),
  category: z.enum(NEED_CATEGORIES),
  /** Omit for your home community. */
  communityId: Id.optional(),
  place: z.string().trim().max(100).optional(),
  wantedBy: LocalDate.optional(),
});
export const NeedDecisionBody = z.discriminatedUnion('decision', [
  z.strictObject({ decision: z.literal('accept') }),
  z.strictObject({ decision: z.literal('decline'), reason: z.string().trim().min(2).max(500) }),
  z.strictObject({ decision: z.literal('merge'), intoId: Id }),
]);

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
});
export type Claim = z.infer<typeof Claim>;
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
export const ProjectDetail = Project.extend({
  claims: z.array(Claim),
  reviews: z.array(
    z.object({ id: z.number(), person: Ref, rating: z.number(), comment: z.string(), at: z.string() }),
  ),
});
export const ProjectListQuery = z.strictObject({
  ...Pagination,
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
});
export const ReviewBody = z.strictObject({
  rating: z.number().int().min(1).max(5),
  comment: z.string().trim().max(1000).default(''),
});

export const Notification = z.object({
  id: z.number(),
  kind: z.string(),
  text: z.string(),
  link: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});

// ---------- the fixed dedication day (固定奉献日) ----------
export const OCCURRENCE_STATUSES = ['scheduled', 'cancelled'] as const;
export type OccurrenceStatus = (typeof OCCURRENCE_STATUSES)[number];
export const SIGNUP_STATUSES = ['signed', 'waiting', 'withdrawn', 'removed'] as const;
export type SignupStatus = (typeof SIGNUP_STATUSES)[number];
export const HOURS_STATUSES = ['pending', 'confirmed', 'rejected'] as const;
export type HoursStatus = (typeof HOURS_STATUSES)[number];
/** A wall-clock time in the dedication day's time zone. */
export const LocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm');
/** An IANA time zone name, e.g. Asia/Shanghai. */
export const TimeZone = z
  .string()
  .max(60)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'an IANA time zone, e.g. Asia/Shanghai');

/** A task every occurrence starts with; copied into each occurrence, then editable there. */
export const DedicationTaskTemplate = z.strictObject({
  title: z.string().trim().min(2).max(60),
  place: z.string().trim().max(100).default(''),
  capacity: z.number().int().min(1).max(500),
  specialties: z.array(SpecialtyCode).max(10).default([]),
  /** Within the day's hours; absent = the whole day's hours. */
  startTime: LocalTime.optional(),
  endTime: LocalTime.optional(),
});
export type DedicationTaskTemplate = z.infer<typeof DedicationTaskTemplate>;
/** A date the rule gives that is cancelled, or moved to another date. */
export const DedicationException = z.strictObject({
  date: LocalDate,
  movedTo: LocalDate.optional(),
  reason: z.string().trim().max(200).default(''),
});
export type DedicationException = z.infer<typeof DedicationException>;
const DedicationDayFields = {
  title: z.string().trim().min(2).max(60),
  /** RFC 5545 RRULE without DTSTART, e.g. FREQ=MONTHLY;BYDAY=SA;BYSETPOS=2 (the second Saturday). */
  rrule: z
    .string()
    .trim()
    .toUpperCase()
    .regex(
      /^(RRULE:)?FREQ=[A-Z]+(;[A-Z]+=[A-Z0-9,+-]+)*$/,
      'an RRULE such as FREQ=MONTHLY;BYDAY=SA;BYSETPOS=2',
    ),
  /** The first date the rule may give (DTSTART), in the time zone. */
  startsOn: LocalDate,
  startTime: LocalTime,
  endTime: LocalTime,
  timezone: TimeZone.default('Asia/Shanghai'),
  place: z.string().trim().max(100).default(''),
  exceptions: z.array(DedicationException).max(200).default([]),
  tasks: z.array(DedicationTaskTemplate).min(1).max(20),
};
export const DedicationDayCreateBody = z.strictObject({ regionId: Id, ...DedicationDayFields });
export const DedicationDayUpdateBody = patchOf(DedicationDayFields);
export const DedicationDay = z.object({
  id: z.number(),
  regionId: z.number(),
  regionName: z.string(),
  title: z.string(),
  rrule: z.string(),
  startsOn: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  timezone: z.string(),
  place: z.string(),
  exceptions: z.array(z.object({ date: z.string(), movedTo: z.string().optional(), reason: z.string() })),
  tasks: z.array(
    z.object({
      title: z.string(),
      place: z.string(),
      capacity: z.number(),
      specialties: z.array(z.string()),
      startTime: z.string().optional(),
      endTime: z.string().optional(),
    }),
  ),
  /** The next dates it gives, exceptions applied: how a reader checks the rule says what they meant. */
  upcoming: z.array(z.string()),
  retiredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type DedicationDay = z.infer<typeof DedicationDay>;
export const DedicationDayListQuery = z.strictObject({
  ...Pagination,
  regionId: Id.optional(),
  q: z.string().trim().max(50).optional(),
});
/** Try a rule before saving it: the dates it gives. */
export const RecurrencePreviewBody = z.strictObject({
  rrule: DedicationDayFields.rrule,
  startsOn: LocalDate,
  timezone: TimeZone.default('Asia/Shanghai'),
  exceptions: z.array(DedicationException).max(200).default([]),
  count: z.number().int().min(1).max(50).default(12),
});

export const DedicationTask = z.object({
  id: z.number(),
  title: z.string(),
  place: z.string(),
  capacity: z.number(),
  signed: z.number(),
  waiting: z.number(),
  specialties: z.array(z.string()),
  startsAt: z.string(),
  endsAt: z.string(),
  /** The reader's own sign-up for this task, if any. */
  mine: z
    .object({ signupId: z.number(), status: z.enum(SIGNUP_STATUSES), position: z.number().nullable() })
    .nullable(),
});
export type DedicationTask = z.infer<typeof DedicationTask>;
export const Occurrence = z.object({
  id: z.number(),
  dedicationDayId: z.number(),
  title: z.string(),
  regionId: z.number(),
  regionName: z.string(),
  /** The local date in the dedication day's time zone. */
  date: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  status: z.enum(OCCURRENCE_STATUSES),
  reason: z.string().nullable(),
  tasks: z.array(DedicationTask),
});
export type Occurrence = z.infer<typeof Occurrence>;
export const OccurrenceListQuery = z.strictObject({
  ...Pagination,
  pageSize: z.coerce.number().int().min(1).max(500).default(200),
  regionId: Id.optional(),
  dedicationDayId: Id.optional(),
  /** Only occurrences where the reader has signed up or waits. */
  mine: z.enum(['true', 'false']).optional(),
  from: LocalDate,
  to: LocalDate,
});
export const OccurrenceCancelBody = z.strictObject({ reason: z.string().trim().min(2).max(200) });
export const OccurrenceTaskBody = z.strictObject({
  title: z.string().trim().min(2).max(60),
  place: z.string().trim().max(100).default(''),
  capacity: z.number().int().min(1).max(500),
  specialties: z.array(SpecialtyCode).max(10).default([]),
  startsAt: z.iso.datetime({ offset: true }).optional(),
  endsAt: z.iso.datetime({ offset: true }).optional(),
});
export const OccurrenceTaskUpdateBody = patchOf(OccurrenceTaskBody.shape);

export const Signup = z.object({
  id: z.number(),
  occurrenceId: z.number(),
  dedicationDayId: z.number(),
  title: z.string(),
  regionName: z.string(),
  date: z.string(),
  taskId: z.number(),
  taskTitle: z.string(),
  place: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  person: z.object({ id: z.number(), name: z.string() }),
  status: z.enum(SIGNUP_STATUSES),
  /** 1 for the first in line while waiting. */
  position: z.number().nullable(),
  checkedInAt: z.string().nullable(),
  checkedOutAt: z.string().nullable(),
  checkedBy: z.enum(['qr', 'hand']).nullable(),
  /** From check-in and check-out, capped at the task's length. */
  computedHours: z.number().nullable(),
  hours: z.number().nullable(),
  hoursStatus: z.enum(HOURS_STATUSES),
  reason: z.string().nullable(),
  createdAt: z.string(),
});
export type Signup = z.infer<typeof Signup>;
export const SignupCreateBody = z.strictObject({ taskId: Id });
export const SignupListQuery = z.strictObject({
  ...Pagination,
  mine: z.enum(['true', 'false']).optional(),
  occurrenceId: Id.optional(),
  taskId: Id.optional(),
  status: z.enum(SIGNUP_STATUSES).optional(),
  hoursStatus: z.enum(HOURS_STATUSES).optional(),
});
export const SignupRemoveBody = z.strictObject({ reason: z.string().trim().min(2).max(200) });
/** The organiser checks a person in or out by hand. */
export const HandCheckBody = z.strictObject({ action: z.enum(['in', 'out']) });
export const HoursDecisionBody = z.strictObject({
  decision: z.enum(['confirm', 'reject']),
  /** Absent: the computed hours. A figure other than the computed one needs a reason. */
  hours: z.number().min(0).max(24).optional(),
  reason: z.string().trim().min(2).max(200).optional(),
});
/** The rotating code an organiser shows; a photo of it stops working within a minute. */
export const CheckinCode = z.object({
  token: z.string(),
  /** The page a phone's camera opens: it checks the member in. */
  url: z.string(),
  expiresAt: z.string(),
  refreshSeconds: z.number(),
});
export const CheckinBody = z.strictObject({
  token: z.string().trim().min(10).max(200),
  action: z.enum(['in', 'out']).default('in'),
});
export const CheckinResult = z.object({
  outcome: z.enum(['checked_in', 'already_in', 'checked_out', 'already_out']),
  signup: Signup,
});

// ---------- resource sharing: facilities and bookings (资源共享) ----------
export const FACILITY_KINDS = ['education', 'sports', 'culture', 'health'] as const;
export type FacilityKind = (typeof FACILITY_KINDS)[number];
export const FACILITY_SUB_KINDS = [
  'classroom',
  'library',
  'lab',
  'gym',
  'court',
  'field',
  'pool',
  'hall',
  'activity_room',
  'meeting_room',
  'clinic_room',
  'other',
] as const;
export const BOOKERS = ['resident', 'member', 'team', 'unit'] as const;
export type Booker = (typeof BOOKERS)[number];
export const BOOKING_STATUSES = ['pending', 'confirmed', 'declined', 'cancelled', 'no_show', 'used'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** Open from `opens` to `closes` on a weekday (1 = Monday … 7 = Sunday), Beijing time. */
export const OpeningInterval = z.strictObject({
  weekday: z.number().int().min(1).max(7),
  opens: LocalTime,
  closes: LocalTime,
});
export const FacilityClosure = z.strictObject({
  from: LocalDate,
  to: LocalDate,
  reason: z.string().trim().min(1).max(100),
});
export const BookingRules = z.strictObject({
  minMinutes: z
    .number()
    .int()
    .min(15)
    .max(24 * 60)
    .default(30),
  maxMinutes: z
    .number()
    .int()
    .min(15)
    .max(24 * 60)
    .default(240),
  /** How far ahead one may book. */
  maxDaysAhead: z.number().int().min(1).max(366).default(30),
  /** How long before the start a booking must be made. */
  minNoticeHours: z
    .number()
    .int()
    .min(0)
    .max(24 * 14)
    .default(2),
  needsApproval: z.boolean().default(true),
  whoMayBook: z.array(z.enum(BOOKERS)).min(1).default(['resident', 'member', 'team', 'unit']),
});
export type BookingRules = z.infer<typeof BookingRules>;
const FacilityFields = {
  name: z.string().trim().min(2).max(60),
  kind: z.enum(FACILITY_KINDS),
  subKind: z.enum(FACILITY_SUB_KINDS),
  capacity: z.number().int().min(1).max(10_000),
  /** Where it is: a community, a building or an entrance. */
  regionId: Id,
  address: z.string().trim().max(200).default(''),
  description: z.string().trim().max(2000).default(''),
  rules: z.string().trim().max(2000).default(''),
  openingHours: z.array(OpeningInterval).max(50).default([]),
  closures: z.array(FacilityClosure).max(200).default([]),
  bookingRules: BookingRules.default(BookingRules.parse({})),
};
export const FacilityCreateBody = z.strictObject({
  ...FacilityFields,
  /** The owning unit; absent = the community's own venue. */
  unitId: Id.optional(),
});
export const FacilityUpdateBody = patchOf(FacilityFields);
export const Facility = z.object({
  id: z.number(),
  name: z.string(),
  kind: z.enum(FACILITY_KINDS),
  subKind: z.enum(FACILITY_SUB_KINDS),
  capacity: z.number(),
  regionId: z.number(),
  regionName: z.string(),
  /** The community it stands in. */
  communityName: z.string(),
  owner: z.object({ kind: z.enum(['unit', 'community']), id: z.number(), name: z.string() }),
  address: z.string(),
  description: z.string(),
  rules: z.string(),
  openingHours: z.array(z.object({ weekday: z.number(), opens: z.string(), closes: z.string() })),
  closures: z.array(z.object({ from: z.string(), to: z.string(), reason: z.string() })),
  bookingRules: z.object({
    minMinutes: z.number(),
    maxMinutes: z.number(),
    maxDaysAhead: z.number(),
    minNoticeHours: z.number(),
    needsApproval: z.boolean(),
    whoMayBook: z.array(z.enum(BOOKERS)),
  }),
  /** Whether the reader keeps it (and decides its bookings). */
  managedByMe: z.boolean(),
  retiredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Facility = z.infer<typeof Facility>;
export const FacilityListQuery = z.strictObject({
  ...Pagination,
  q: z.string().trim().max(50).optional(),
  kind: z.enum(FACILITY_KINDS).optional(),
  subKind: z.enum(FACILITY_SUB_KINDS).optional(),
  regionId: Id.optional(),
  unitId: Id.optional(),
  minCapacity: z.coerce.number().int().min(1).max(10_000).optional(),
  /** Free (open, not closed, not booked) for this whole slot. */
  freeFrom: z.iso.datetime({ offset: true }).optional(),
  freeTo: z.iso.datetime({ offset: true }).optional(),
  /** Only those the reader keeps. */
  managed: z.enum(['true', 'false']).optional(),
});

export const Booking = z.object({
  id: z.number(),
  facilityId: z.number(),
  facilityName: z.string(),
  ownerName: z.string(),
  seriesId: z.number().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  purpose: z.string(),
  people: z.number(),
  /** Who asked: a person (resident or member) or a unit. */
  bookedFor: z.object({ kind: z.enum(['person', 'unit']), id: z.number(), name: z.string() }),
  status: z.enum(BOOKING_STATUSES),
  reason: z.string().nullable(),
  usedHours: z.number().nullable(),
  createdAt: z.string(),
});
export type Booking = z.infer<typeof Booking>;
export const BookingCreateBody = z.strictObject({
  facilityId: Id,
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  purpose: z.string().trim().min(2).max(200),
  people: z.number().int().min(1).max(10_000),
  /** For a unit's contact: book for the unit. */
  forUnit: z.boolean().default(false),
  /** A weekly series: the same hours every week until this date (inclusive). */
  weeklyUntil: LocalDate.optional(),
});
export const BookingSeriesResult = z.object({
  seriesId: z.number().nullable(),
  booked: z.array(Booking),
  /** Dates that could not be booked, and why. */
  clashes: z.array(z.object({ date: z.string(), code: z.string(), reason: z.string() })),
});
export const BookingListQuery = z.strictObject({
  ...Pagination,
  mine: z.enum(['true', 'false']).optional(),
  facilityId: Id.optional(),
  status: z.enum(BOOKING_STATUSES).optional(),
  /** The owner's inbox: bookings waiting for a decision on facilities the reader keeps. */
  inbox: z.enum(['true', 'false']).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export const BookingDecisionBody = z.strictObject({
  decision: z.enum(['confirm', 'decline']),
  reason: z.string().trim().min(2).max(200).optional(),
});
export const BookingUseBody = z.strictObject({
  /** Hours the facility was actually used; 0 with `noShow`. */
  usedHours: z.number().min(0).max(24).optional(),
  noShow: z.boolean().default(false),
});
/** A week (or any span ≤ 31 days) of a facility: when it is open, closed, and taken. */
export const FacilityCalendar = z.object({
  open: z.array(z.object({ startsAt: z.string(), endsAt: z.string() })),
  closed: z.array(z.object({ date: z.string(), reason: z.string() })),
  taken: z.array(
    z.object({
      startsAt: z.string(),
      endsAt: z.string(),
      status: z.enum(BOOKING_STATUSES),
      /** Only to those who may see it: the owner, and the one who booked. */
      bookingId: z.number().nullable(),
      purpose: z.string().nullable(),
    }),
  ),
});
export const FacilityCalendarQuery = z.strictObject({ from: LocalDate, to: LocalDate });
export const UtilizationQuery = z.strictObject({
  facilityId: Id.optional(),
  unitId: Id.optional(),
  regionId: Id.optional(),
  from: LocalDate,
  to: LocalDate,
});
export const Utilization = z.object({
  from: z.string(),
  to: z.string(),
  openHours: z.number(),
  bookedHours: z.number(),
  usedHours: z.number(),
  /** Booked and used over open hours, 0…1. */
  bookedRate: z.number(),
  usedRate: z.number(),
  byFacility: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      openHours: z.number(),
      bookedHours: z.number(),
      usedHours: z.number(),
    }),
  ),
  /** Used hours per week (Monday), for a chart. */
  byWeek: z.array(z.object({ week: z.string(), bookedHours: z.number(), usedHours: z.number() })),
});

// ---------- volunteer service teams and suggestions (志愿者服务队) ----------
export const TEAM_MEMBER_ROLES = ['leader', 'backbone', 'member'] as const;
export const TEAM_MEMBER_STATUSES = ['applied', 'invited', 'active', 'declined', 'left'] as const;
export type TeamMemberStatus = (typeof TEAM_MEMBER_STATUSES)[number];
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
  /** Whether the reader leads it or sets it up (accepts members, claims for it). */
  managedByMe: z.boolean(),
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

// ---------- publicity and learning (宣传与培训) ----------
export const COURSE_KINDS = ['course', 'lecture'] as const;
export const ENROLMENT_MODES = ['open', 'nomination'] as const;
export const ENROLMENT_STATUSES = ['enrolled', 'withdrawn'] as const;
export const CourseSessionInput = z.strictObject({
  title: z.string().trim().min(2).max(100),
  /** A user holding the lecturer role. */
  lecturerUserId: Id.optional(),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  place: z.string().trim().max(100).default(''),
});
export const CourseCreateBody = z.strictObject({
  kind: z.enum(COURSE_KINDS),
  title: z.string().trim().min(2).max(100),
  description: z.string().trim().max(5000).default(''),
  /** Who it is for, in words: 社区干部, 楼门长, 全体党员… */
  audience: z.string().trim().max(200).default(''),
  regionId: Id,
  capacity: z.number().int().min(1).max(10_000),
  enrolment: z.enum(ENROLMENT_MODES).default('open'),
  /** Sessions to attend for completion; a lecture has one. */
  minSessions: z.number().int().min(1).max(50).default(1),
  /** null takes it out of its campaign. */
  campaignId: Id.nullable().optional(),
  sessions: z.array(CourseSessionInput).min(1).max(50),
});
export const CourseUpdateBody = patchOf(
  CourseCreateBody.omit({ kind: true, regionId: true, sessions: true }).shape,
);
export const CourseSession = z.object({
  id: z.number(),
  title: z.string(),
  lecturer: z.object({ id: z.number(), name: z.string() }).nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  present: z.number(),
  /** The reader teaches it: they record its attendance. */
  mine: z.boolean(),
});
export const Course = z.object({
  id: z.number(),
  kind: z.enum(COURSE_KINDS),
  title: z.string(),
  description: z.string(),
  audience: z.string(),
  regionId: z.number(),
  regionName: z.string(),
  capacity: z.number(),
  enrolment: z.enum(ENROLMENT_MODES),
  minSessions: z.number(),
  enrolled: z.number(),
  completed: z.number(),
  campaignId: z.number().nullable(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  sessions: z.array(CourseSession),
  /** The reader's own enrolment: sessions attended, completion. */
  mine: z
    .object({ enrolmentId: z.number(), attended: z.number(), completedAt: z.string().nullable() })
    .nullable(),
  managedByMe: z.boolean(),
  createdAt: z.string(),
});
export type Course = z.infer<typeof Course>;
export const CourseListQuery = z.strictObject({
  ...Pagination,
  q: z.string().trim().max(50).optional(),
  kind: z.enum(COURSE_KINDS).optional(),
  regionId: Id.optional(),
  campaignId: Id.optional(),
  /** Courses the reader is enrolled in. */
  mine: z.enum(['true', 'false']).optional(),
  /** Courses with sessions the reader teaches. */
  teaching: z.enum(['true', 'false']).optional(),
});
export const Enrolment = z.object({
  id: z.number(),
  courseId: z.number(),
  person: z.object({ id: z.number(), name: z.string() }),
  status: z.enum(ENROLMENT_STATUSES),
  nominated: z.boolean(),
  attended: z.number(),
  /** Per session of the course, in order: present or not (null before it is recorded). */
  attendance: z.array(z.object({ sessionId: z.number(), present: z.boolean().nullable() })),
  completedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Enrolment = z.infer<typeof Enrolment>;
/** Enrol oneself (open courses), or nominate people (organisers). */
export const EnrolBody = z.strictObject({ personIds: z.array(Id).max(500).optional() });
export const SessionAttendanceBody = z.strictObject({
  items: z
    .array(z.strictObject({ personId: Id, present: z.boolean() }))
    .min(1)
    .max(2000),
});

export const NOTICE_KINDS = ['notice', 'open_letter', 'policy_explainer'] as const;
export const NOTICE_STATUSES = ['draft', 'publishing', 'published'] as const;
/** Who a notice reaches: a subtree of the region tree, narrowed by filters. */
export const NoticeAudience = z.strictObject({
  regionId: Id,
  partyOnly: z.boolean().default(false),
  /** With partyOnly: only those in service, or only the retired. */
  partyStatus: z.enum(['in_service', 'retired']).optional(),
  /** Only this volunteer team's active members. */
  teamId: Id.optional(),
  /** Also the contacts of the units in the area. */
  unitContacts: z.boolean().default(false),
});
export type NoticeAudience = z.infer<typeof NoticeAudience>;
export const NoticeCreateBody = z.strictObject({
  kind: z.enum(NOTICE_KINDS),
  title: z.string().trim().min(2).max(120),
  /** Rich text as HTML; kept to paragraphs, headings, lists, emphasis and links. */
  body: z.string().max(100_000),
  audience: NoticeAudience,
  /** null takes it out of its campaign. */
  campaignId: Id.nullable().optional(),
});
export const NoticeUpdateBody = patchOf(NoticeCreateBody.shape);
export const Notice = z.object({
  id: z.number(),
  kind: z.enum(NOTICE_KINDS),
  title: z.string(),
  body: z.string(),
  audience: NoticeAudience,
  regionName: z.string(),
  status: z.enum(NOTICE_STATUSES),
  recipients: z.number(),
  reads: z.number(),
  readRate: z.number(),
  campaignId: z.number().nullable(),
  author: z.string(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  /** For a recipient: when they read it. */
  readAt: z.string().nullable(),
  managedByMe: z.boolean(),
  attachments: z.array(z.object({ id: z.number(), name: z.string(), size: z.number() })),
});
export type Notice = z.infer<typeof Notice>;
export const NoticeAttachment = z.object({ id: z.number(), name: z.string(), size: z.number() });
export const NoticeListQuery = z.strictObject({
  ...Pagination,
  q: z.string().trim().max(50).optional(),
  kind: z.enum(NOTICE_KINDS).optional(),
  status: z.enum(NOTICE_STATUSES).optional(),
  regionId: Id.optional(),
  campaignId: Id.optional(),
  /** The reader's inbox: notices sent to them. */
  inbox: z.enum(['true', 'false']).optional(),
  unread: z.enum(['true', 'false']).optional(),
});
export const AudiencePreview = z.object({
  count: z.number(),
  byCommunity: z.array(z.object({ regionId: z.number(), name: z.string(), count: z.number() })),
});
export const NoticeReads = z.object({
  recipients: z.number(),
  reads: z.number(),
  readRate: z.number(),
  byCommunity: z.array(
    z.object({
      regionId: z.number(),
      name: z.string(),
      recipients: z.number(),
      reads: z.number(),
      readRate: z.number(),
    }),
  ),
});

export const CAMPAIGN_KINDS = ['publicity_week', 'other'] as const;
export const CampaignCreateBody = z.strictObject({
  kind: z.enum(CAMPAIGN_KINDS),
  title: z.string().trim().min(2).max(100),
  theme: z.string().trim().max(500).default(''),
  regionId: Id,
  startsOn: LocalDate,
  endsOn: LocalDate,
});
export const CampaignUpdateBody = patchOf(CampaignCreateBody.omit({ regionId: true }).shape);
export const Campaign = z.object({
  id: z.number(),
  kind: z.enum(CAMPAIGN_KINDS),
  title: z.string(),
  theme: z.string(),
  regionId: z.number(),
  regionName: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  courses: z.number(),
  notices: z.number(),
  createdAt: z.string(),
});
export type Campaign = z.infer<typeof Campaign>;
export const CampaignListQuery = z.strictObject({
  ...Pagination,
  regionId: Id.optional(),
  q: z.string().trim().max(50).optional(),
});
/** A campaign's reach, from what it grouped and what happened in its area during its dates. */
export const CampaignReach = z.object({
  peopleReached: z.number(),
  noticeRecipients: z.number(),
  noticeReads: z.number(),
  readRate: z.number(),
  courseEnrolments: z.number(),
  sessionAttendance: z.number(),
  projects: z.number(),
  occurrences: z.number(),
  hoursServed: z.number(),
  byDay: z.array(
    z.object({ date: z.string(), hours: z.number(), reads: z.number(), attendance: z.number() }),
  ),
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

// ---------- evaluations of the three honours (文明单位、先进党组织、优秀共产党员) ----------
export const HONOURS = ['civilized_unit', 'advanced_party_org', 'outstanding_member'] as const;
export type Honour = (typeof HONOURS)[number];
/**
 * open: scores computed and recomputed; closed: figures frozen, streets nominate and the
 * district reviews; notice: the shortlist is on public notice (公示) and takes objections;
 * decided: the honour list is final; published: it is public.
 */
export const EVALUATION_STATUSES = ['open', 'closed', 'notice', 'decided', 'published'] as const;
export type EvaluationStatus = (typeof EVALUATION_STATUSES)[number];
/** nominated → approved | rejected (or withdrawn by the street); approved → removed (objection upheld) | awarded. */
export const NOMINATION_STATUSES = [
  'nominated',
  'approved',
  'rejected',
  'withdrawn',
  'removed',
  'awarded',
] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];
export const OBJECTION_STATUSES = ['open', 'upheld', 'dismissed'] as const;
/** One criterion: points for each act of a kind in the ledger, capped per act and per year, weighted. */
export const Criterion = z.strictObject({
  key: z.string().regex(/^[a-z_]{2,40}$/),
  label: z.string().trim().min(2).max(60),
  kind: z.enum(LEDGER_KINDS),
  /** Points for each unit of an act's quantity (an hour, a meeting, a course). */
  pointsPer: z.number().min(0).max(100),
  /** At most this many points from one act. */
  perActCap: z.number().min(0).max(1000).optional(),
  /** At most this many points from this criterion in the period. */
  cap: z.number().min(0).max(10_000).optional(),
  weight: z.number().min(0).max(10).default(1),
  /** For a unit or an organisation: count its members' acts too. */
  includeMembers: z.boolean().default(false),
});
export type Criterion = z.infer<typeof Criterion>;
export const EvaluationCreateBody = z.strictObject({
  honour: z.enum(HONOURS),
  title: z.string().trim().min(2).max(100),
  regionId: Id,
  periodFrom: LocalDate,
  periodTo: LocalDate,
  /** Absent: the honour's template. */
  criteria: z.array(Criterion).min(1).max(20).optional(),
  /** Nominations each street may make. */
  nominationQuota: z.number().int().min(0).max(1000).default(3),
});
export const Evaluation = z.object({
  id: z.number(),
  honour: z.enum(HONOURS),
  title: z.string(),
  regionId: z.number(),
  regionName: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  criteria: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      kind: z.enum(LEDGER_KINDS),
      pointsPer: z.number(),
      perActCap: z.number().optional(),
      cap: z.number().optional(),
      weight: z.number(),
      includeMembers: z.boolean(),
    }),
  ),
  status: z.enum(EVALUATION_STATUSES),
  candidates: z.number(),
  computedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  nominationQuota: z.number(),
  noticeFrom: z.string().nullable(),
  noticeUntil: z.string().nullable(),
  decidedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  createdAt: z.string(),
  /** What the reader may do: run it (compute, close, review, notice, decide, publish), and nominate now. */
  may: z.object({ manage: z.boolean(), nominate: z.boolean() }),
});
export type Evaluation = z.infer<typeof Evaluation>;
export const EvaluationListQuery = z.strictObject({
  ...Pagination,
  honour: z.enum(HONOURS).optional(),
  year: z.coerce.number().int().min(2000).max(2100).optional(),
});
export const Score = z.object({
  rank: z.number(),
  subject: z.object({ kind: z.enum(['person', 'unit', 'party_org']), id: z.number(), name: z.string() }),
  regionName: z.string(),
  total: z.number(),
  /** Points per criterion key, after caps and weights; deductions apart. */
  byCriterion: z.record(z.string(), z.number()),
  deductions: z.number(),
  /** Whether the reader may nominate this candidate now (their street, nominations open). */
  mayNominate: z.boolean(),
});
export type Score = z.infer<typeof Score>;
export const ScoreListQuery = z.strictObject({
  ...Pagination,
  regionId: Id.optional(),
  q: z.string().trim().max(50).optional(),
});
/** Why a score is what it is: each criterion, and the acts (ledger entries) behind it. */
export const ScoreBreakdown = z.object({
  subject: Score.shape.subject,
  total: z.number(),
  criteria: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      raw: z.number(),
      capped: z.boolean(),
      points: z.number(),
      acts: z.array(
        z.object({
          entryId: z.number(),
          at: z.string(),
          quantity: z.number(),
          points: z.number(),
          person: z.string().nullable(),
          source: z.object({ type: z.string(), id: z.number(), label: z.string().nullable() }),
        }),
      ),
    }),
  ),
  deductions: z.array(
    z.object({ id: z.number(), points: z.number(), reason: z.string(), by: z.string(), at: z.string() }),
  ),
});
export const DeductionBody = z.strictObject({
  subjectId: Id,
  points: z.number().positive().max(1000),
  reason: z.string().trim().min(2).max(300),
});

// ---------- nominations, public notice (公示), objections, the honour list ----------
export const Quota = z.object({
  region: z.object({ id: z.number(), name: z.string() }),
  quota: z.number(),
  used: z.number(),
});
export const QuotaBody = z.strictObject({ quota: z.number().int().min(0).max(1000) });
export const NominationBody = z.strictObject({
  subjectId: Id,
  /** The street's reasons for putting the candidate forward. */
  statement: z.string().trim().min(2).max(1000),
});
export const NominationReviewBody = z.strictObject({
  decision: z.enum(['approved', 'rejected']),
  comment: z.string().trim().max(500).default(''),
});
export const Nomination = z.object({
  subject: Score.shape.subject,
  region: z.object({ id: z.number(), name: z.string() }),
  rank: z.number(),
  total: z.number(),
  statement: z.string(),
  status: z.enum(NOMINATION_STATUSES),
  nominatedBy: z.string(),
  nominatedAt: z.string(),
  reviewComment: z.string().nullable(),
  reviewedBy: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  openObjections: z.number(),
  /** Whether the reader may withdraw it (the street's nominator, before the notice). */
  mayWithdraw: z.boolean(),
});
export type Nomination = z.infer<typeof Nomination>;
export const NominationListQuery = z.strictObject({
  ...Pagination,
  status: z.enum(NOMINATION_STATUSES).optional(),
  regionId: Id.optional(),
});
export const NoticeBody = z.strictObject({
  /** 公示 lasts whole days; five is usual. */
  days: z.number().int().min(1).max(30),
});
export const ObjectionBody = z.strictObject({
  subjectId: Id,
  reason: z.string().trim().min(5).max(1000),
});
export const ObjectionHandleBody = z.strictObject({
  decision: z.enum(['upheld', 'dismissed']),
  response: z.string().trim().min(2).max(1000),
});
export const Objection = z.object({
  id: z.number(),
  subject: Score.shape.subject,
  reason: z.string(),
  /** Shown to the district's reviewers and to the one who raised it; hidden otherwise. */
  raisedBy: z.string().nullable(),
  raisedAt: z.string(),
  status: z.enum(OBJECTION_STATUSES),
  response: z.string().nullable(),
  handledAt: z.string().nullable(),
});
export type Objection = z.infer<typeof Objection>;
export const ObjectionListQuery = z.strictObject({
  ...Pagination,
  status: z.enum(OBJECTION_STATUSES).optional(),
});
/** A shortlist on public notice, or a published honour list: what everyone may read. */
export const HonourList = z.object({
  evaluation: z.object({
    id: z.number(),
    honour: z.enum(HONOURS),
    title: z.string(),
    regionName: z.string(),
    periodFrom: z.string(),
    periodTo: z.string(),
    status: z.enum(EVALUATION_STATUSES),
    noticeFrom: z.string().nullable(),
    noticeUntil: z.string().nullable(),
    publishedAt: z.string().nullable(),
  }),
  entries: z.array(
    z.object({
      subject: Score.shape.subject,
      regionName: z.string(),
      total: z.number(),
      statement: z.string(),
    }),
  ),
  /** The reader's own objections to this list. */
  myObjections: z.array(Objection),
});
export type HonourList = z.infer<typeof HonourList>;
export const HonourSummary = HonourList.shape.evaluation;
export const HonourListQuery = z.strictObject({ ...Pagination });

// ---------- the time bank (人人为我，我为人人) ----------
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

// ---------- reports back to units (在职党员双重管理) ----------
export const UnitReportQuery = z.strictObject({
  year: z.coerce.number().int().min(2000).max(2100),
  quarter: z.coerce.number().int().min(1).max(4),
});
/** A quarter of a unit's members' participation in their home communities. */
export const UnitReport = z.object({
  unit: z.object({ id: z.number(), name: z.string() }),
  year: z.number(),
  quarter: z.number(),
  from: z.string(),
  to: z.string(),
  members: z.array(
    z.object({
      person: z.object({ id: z.number(), name: z.string() }),
      homeCommunity: z.string(),
      registered: z.boolean(),
      hours: z.number(),
      roles: z.number(),
      meetings: z.number(),
      courses: z.number(),
      /** Residents' average rating (1–5), this quarter, of the projects the member served on. */
      rating: z.number().nullable(),
    }),
  ),
  totals: z.object({
    members: z.number(),
    registered: z.number(),
    active: z.number(),
    hours: z.number(),
    roles: z.number(),
    meetings: z.number(),
    courses: z.number(),
    rating: z.number().nullable(),
  }),
});
export type UnitReport = z.infer<typeof UnitReport>;

// ---------- dashboards: is participation rising? ----------
export const PERIOD_KINDS = ['month', 'quarter', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];
export const FigureQuery = z.strictObject({
  regionId: Id.optional(),
  kind: z.enum(PERIOD_KINDS).default('month'),
  /** Any day in the period; absent: the current one. */
  at: LocalDate.optional(),
  /** Another period of the same kind to compare with. */
  compareAt: LocalDate.optional(),
});
export const ENGAGEMENT_STATES = ['both', 'community_only', 'residents_only', 'neither'] as const;
/** Every figure of a node in a period; shares are 0..1. */
export const Figures = z.object({
  residents: z.number(),
  residentsActive: z.number(),
  residentShare: z.number(),
  members: z.number(),
  membersActive: z.number(),
  memberShare: z.number(),
  inService: z.number(),
  registered: z.number(),
  registeredShare: z.number(),
  units: z.number(),
  unitsActive: z.number(),
  unitShare: z.number(),
  serviceHours: z.number(),
  facilityHours: z.number(),
  facilityHoursUsed: z.number(),
  facilityHoursOpen: z.number(),
  /** Venue hours used over the hours the venues were open, up to today. */
  facilityUtilization: z.number(),
  rolesCompleted: z.number(),
  meetingsAttended: z.number(),
  coursesCompleted: z.number(),
  noticesDelivered: z.number(),
  noticesRead: z.number(),
  readRate: z.number(),
  projectsOpened: z.number(),
  projectsDone: z.number(),
  needsRaised: z.number(),
  needsResolved: z.number(),
  /** Average days from a need raised to its decision; null when none was decided. */
  needsResolveDays: z.number().nullable(),
  meetingsHeld: z.number(),
  daysHeld: z.number(),
  communitySide: z.number(),
  participationSide: z.number(),
  engagement: z.number(),
  state: z.enum(ENGAGEMENT_STATES),
});
export type Figures = z.infer<typeof Figures>;
const FigureRegion = z.object({ id: z.number(), name: z.string(), kind: z.enum(REGION_KINDS) });
export const Period = z.object({ kind: z.enum(PERIOD_KINDS), start: z.string(), end: z.string() });
export const Overview = z.object({
  region: FigureRegion,
  /** From the district down to the region: for the drill-down's way back. */
  trail: z.array(FigureRegion),
  period: Period,
  figures: Figures,
  compare: z.object({ period: Period, figures: Figures }).nullable(),
  children: z.array(z.object({ region: FigureRegion, figures: Figures })),
  /** The periods up to this one, oldest first. */
  trend: z.array(z.object({ period: Period, figures: Figures })),
  /** When the figures were last brought up to date. */
  refreshedAt: z.string().nullable(),
  /** The organisation network under the node now: the share of streets, communities and buildings with their body. */
  coverage: z.array(CoverageLevel),
});
export type Overview = z.infer<typeof Overview>;
export const Leaders = z.object({
  period: Period,
  top: z.array(z.object({ region: FigureRegion, parentName: z.string(), figures: Figures })),
  bottom: z.array(z.object({ region: FigureRegion, parentName: z.string(), figures: Figures })),
  teams: z.array(z.object({ id: z.number(), name: z.string(), regionName: z.string(), hours: z.number() })),
  units: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      regionName: z.string(),
      hours: z.number(),
      acts: z.number(),
    }),
  ),
});
export type Leaders = z.infer<typeof Leaders>;
/** A member's own year, month by month, next to their community. */
export const MyFigures = z.object({
  year: z.number(),
  months: z.array(z.object({ start: z.string(), hours: z.number(), acts: z.number() })),
  totals: z.object({ hours: z.number(), acts: z.number() }),
  community: z.object({
    name: z.string(),
    /** Service hours per resident taking part, this year. */
    averageHours: z.number(),
    residentShare: z.number(),
  }),
});
export const UnitFigures = z.object({
  unit: z.object({ id: z.number(), name: z.string() }),
  year: z.number(),
  months: z.array(z.object({ start: z.string(), hours: z.number(), acts: z.number() })),
  totals: z.object({ hours: z.number(), acts: z.number() }),
  /** Among the district's units by hours this year; null before any. */
  rank: z.number().nullable(),
  unitsTakingPart: z.number(),
});
