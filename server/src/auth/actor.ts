import type { Role, RoleAssignment } from '../../../contract';

/** The signed-in user as every service sees it. */
export type Actor = {
  userId: number;
  username: string;
  displayName: string;
  districtId: number;
  /** The person record of this account, if any. */
  personId: number | null;
  sessionId: string;
  ip: string | null;
  roles: RoleAssignment[];
};

export type RoleOf = { role: Role; regionPath: string };
