/**
 * Resolves places typed by name (街道 / 社区 / 楼 / 楼门) to regions of the district. The
 * tree is read once per import through regions.queries, then looked up in memory.
 */
import type { Actor } from '../../auth/actor';
import type { Tx } from '../../db/client';
import { livingRegions } from '../regions/regions.queries';
import type { CellError } from './definitions';

type Node = { id: number; name: string; kind: string; parentId: number | null; path: string };

export type RegionIndex = {
  byId: Map<number, Node>;
  communitiesByName: Map<string, Node[]>;
  children: Map<number, Node[]>;
};

export async function loadRegionIndex(tx: Tx, actor: Actor): Promise<RegionIndex> {
  const rows = await livingRegions(tx, actor.districtId);
  const byId = new Map<number, Node>();
  const communitiesByName = new Map<string, Node[]>();
  const children = new Map<number, Node[]>();
  for (const r of rows) {
    const node = { id: r.id, name: r.name, kind: r.kind, parentId: r.parentId, path: r.path };
    byId.set(node.id, node);
    if (node.kind === 'community')
      communitiesByName.set(node.name, [...(communitiesByName.get(node.name) ?? []), node]);
    if (node.parentId !== null) children.set(node.parentId, [...(children.get(node.parentId) ?? []), node]);
  }
  return { byId, communitiesByName, children };
}

/** "3" finds 3号楼 and "2" finds 2单元: people type what they see on the door. */
function child(index: RegionIndex, parentId: number, typed: string): Node | undefined {
  const kids = index.children.get(parentId) ?? [];
  return (
    kids.find((k) => k.name === typed) ??
    (/^\d+$/.test(typed)
      ? kids.find((k) => k.name === `${typed}号楼` || k.name === `${typed}单元`)
      : undefined)
  );
}

export function resolvePlace(
  index: RegionIndex,
  cols: { street: string; community: string; building: string; entrance: string },
  names: { street: string; community: string; building: string; entrance: string },
): { node: Node; errors?: undefined } | { node?: undefined; errors: CellError[] } {
  let candidates = index.communitiesByName.get(cols.community) ?? [];
  if (cols.street) candidates = candidates.filter((c) => index.byId.get(c.parentId!)?.name === cols.street);
  if (candidates.length === 0) {
    return {
      errors: [{ column: names.community, key: 'import_unknown_place', params: { name: cols.community } }],
    };
  }
  if (candidates.length > 1) {
    return {
      errors: [{ column: names.street, key: 'import_ambiguous_place', params: { name: cols.community } }],
    };
  }
  let node = candidates[0]!;
  if (cols.building) {
    const b = child(index, node.id, cols.building);
    if (!b)
      return {
        errors: [{ column: names.building, key: 'import_unknown_place', params: { name: cols.building } }],
      };
    node = b;
    if (cols.entrance) {
      const e = child(index, node.id, cols.entrance);
      if (!e)
        return {
          errors: [{ column: names.entrance, key: 'import_unknown_place', params: { name: cols.entrance } }],
        };
      node = e;
    }
  } else if (cols.entrance) {
    return { errors: [{ column: names.building, key: 'import_required' }] };
  }
  return { node };
}
