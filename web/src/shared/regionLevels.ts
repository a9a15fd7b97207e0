import { REGION_KINDS, type RegionKind } from '@contract';

/** Levels are fixed, so ordering by kind puts ancestors top-down whatever order they came in. */
export function byLevel<T extends { kind: RegionKind }>(regions: readonly T[]): T[] {
  return [...regions].sort((a, b) => REGION_KINDS.indexOf(a.kind) - REGION_KINDS.indexOf(b.kind));
}
