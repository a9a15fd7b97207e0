/**
 * Who may change the region tree: those who hold region.manage shape the tree of their area.
 * They add children under any node of it and move nodes to any parent in it, but change a node
 * itself — rename, move, retire, restore it — only from a scope strictly above it: nobody edits
 * the root of their own area. Services ask here
 * (`allow(regionPolicy.change(actor, node), 'region_is_scope_root')`); every region read one by
 * one carries its reader's answers as `can`, so the console never works a rule out again.
 */
import { CHILD_KIND, type RegionCan, type RegionKind } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { can, isWithin, scopes } from '../../auth/authorize';

/** What the rules read of a node: its place in the tree. */
export type RegionFacts = { path: string };
/** What the console's answers also read: its kind (which may have children) and whether it is retired. */
export type RegionStateFacts = RegionFacts & { kind: RegionKind; retiredAt: string | null };

export const regionPolicy = {
  /** Works in its area — adds children under the node, moves nodes to it: the region managers over it. */
  manage: (actor: Actor, r: RegionFacts) => can(actor, 'region.manage', r.path),
  /** Changes the node itself: only from a manage scope strictly above it — the root of an area is its superiors' to change. */
  change: (actor: Actor, r: RegionFacts) =>
    scopes(actor, 'region.manage').some((root) => root !== r.path && isWithin(r.path, root)),
  /** Changes the district's settings (its time zone): those who manage the whole district, its admins. */
  settings: (actor: Actor, district: RegionFacts) => can(actor, 'region.manage', district.path),
};

/** What the reader may do to this node, for the console. */
export const regionCan = (actor: Actor, r: RegionStateFacts): RegionCan => {
  const open = r.retiredAt === null;
  const changes = regionPolicy.change(actor, r);
  return {
    addChild: open && CHILD_KIND[r.kind] !== null && regionPolicy.manage(actor, r),
    edit: open && changes,
    move: open && changes,
    retire: open && changes,
    restore: !open && changes,
  };
};
