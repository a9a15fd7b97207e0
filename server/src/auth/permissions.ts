/**
 * Who may do what: each role's actions, which roles it may grant, and at which
 * kind of node each role is held. Where it may do it is the region tree's business
 * (see authorize.ts).
 */
import type { Action, RegionKind, Role } from '../../../contract';

const NETWORK_ADMIN: Action[] = [
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
  'person.private',
  'registration.decide',
  'body.read',
  'body.manage',
  'task.manage',
  'coverage.read',
  'import.run',
  'ledger.read',
  'ledger.correct',
  'need.decide',
  'project.manage',
  'dedication.manage',
  'facility.manage',
  'booking.make',
  'team.manage',
  'course.manage',
  'notice.publish',
  'campaign.manage',
  'evaluation.manage',
  'evaluation.read',
  'dashboard.read',
];

export const ROLE_ACTIONS: Record<Role, readonly Action[]> = {
  district_admin: [...NETWORK_ADMIN, 'evaluation.nominate'],
  street_admin: [...NETWORK_ADMIN, 'evaluation.nominate'],
  community_worker: NETWORK_ADMIN,
  unit_contact: [
    'region.read',
    'unit.read',
    'unit.manage',
    'org.read',
    'person.read',
    'registration.request',
    'body.read',
    'ledger.read',
    'claim.make',
    'facility.manage',
    'booking.make',
  ],
  party_member: [
    'region.read',
    'registration.request',
    'body.read',
    'need.raise',
    'claim.make',
    'signup.make',
    'booking.make',
    'team.join',
  ],
  resident: ['region.read', 'need.raise', 'booking.make', 'team.join'],
  lecturer: ['region.read', 'booking.make', 'course.teach'],
};

/**
 * For a unit contact these actions reach its unit (rows carrying that unit), not the
 * subtree of the region where the unit stands; its other actions follow the tree.
 */
export const UNIT_SCOPED_ACTIONS: ReadonlySet<Action> = new Set<Action>([
  'unit.read',
  'unit.manage',
  'org.read',
  'person.read',
  'registration.request',
  'ledger.read',
  'facility.manage',
]);

/** Roles an actor holding the key role may grant inside its subtree. */
export const GRANTABLE: Record<Role, readonly Role[]> = {
  district_admin: [
    'district_admin',
    'street_admin',
    'community_worker',
    'unit_contact',
    'party_member',
    'resident',
    'lecturer',
  ],
  street_admin: ['community_worker', 'unit_contact', 'party_member', 'resident', 'lecturer'],
  community_worker: ['unit_contact', 'party_member', 'resident'],
  unit_contact: [],
  party_member: [],
  resident: [],
  lecturer: [],
};

/** The kinds of node at which each role is held. */
export const ROLE_NODE_KINDS: Record<Role, readonly RegionKind[]> = {
  district_admin: ['district'],
  street_admin: ['street'],
  community_worker: ['community'],
  unit_contact: ['street', 'community', 'building', 'entrance'],
  party_member: ['community', 'building', 'entrance'],
  resident: ['community', 'building', 'entrance'],
  lecturer: ['district', 'street', 'community'],
};
