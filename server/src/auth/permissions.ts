/**
 * Who may do what: each role's actions, which roles it may grant, and at which
 * kind of node each role is held. Where it may do it is the region tree's business
 * (see authorize.ts).
 */
import type { Action, RegionKind, Role } from '../../../contract';

const ADMIN: Action[] = ['region.read', 'region.manage', 'user.read', 'user.manage', 'audit.read'];

export const ROLE_ACTIONS: Record<Role, readonly Action[]> = {
  district_admin: ADMIN,
  street_admin: ADMIN,
  community_worker: ADMIN,
  unit_contact: ['region.read'],
  party_member: ['region.read'],
  resident: ['region.read'],
  lecturer: ['region.read'],
};

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
  unit_contact: ['street', 'community', 'building'],
  party_member: ['community', 'building', 'entrance'],
  resident: ['community', 'building', 'entrance'],
  lecturer: ['district', 'street', 'community'],
};
