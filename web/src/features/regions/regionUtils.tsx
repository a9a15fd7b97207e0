import {
  BankOutlined,
  ClusterOutlined,
  EnvironmentOutlined,
  HomeOutlined,
  LoginOutlined,
} from '@ant-design/icons';
import { REGION_KINDS, type RegionKind, type RoleAssignment } from '@contract';
import type { ComponentType } from 'react';

const KIND_ICON: Record<RegionKind, ComponentType> = {
  district: BankOutlined,
  street: ClusterOutlined,
  community: EnvironmentOutlined,
  building: HomeOutlined,
  entrance: LoginOutlined,
};

export function KindIcon({ kind }: { kind: RegionKind }) {
  const Icon = KIND_ICON[kind];
  return <Icon />;
}

/** The kind one level up, or null for the district. */
export function parentKind(kind: RegionKind): RegionKind | null {
  return REGION_KINDS[REGION_KINDS.indexOf(kind) - 1] ?? null;
}

/**
 * The tree's roots: the regions of the user's roles, leaving out any that lie inside another
 * (a role there adds nothing to browse).
 */
export function scopeRoots(roles: readonly RoleAssignment[]): number[] {
  const paths = new Map(roles.map((r) => [r.regionId, r.regionPath]));
  const all = [...paths.values()];
  return [...paths]
    .filter(([, path]) => !all.some((other) => path.startsWith(`${other}.`)))
    .sort(([, a], [, b]) => a.localeCompare(b))
    .map(([id]) => id);
}

export const isRetired = (region: { retiredAt: string | null }) => region.retiredAt !== null;
