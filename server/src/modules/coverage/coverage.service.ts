/**
 * "A network covering the whole district", made visible: for a subtree, which streets
 * lack an active joint conference, which communities a coordination council, which
 * buildings a liaison group (one at the building or at any of its entrances counts).
 */
import { sql } from 'drizzle-orm';
import type { Coverage } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { allow, topScope } from '../../auth/authorize';
import type { Tx } from '../../db/client';
import { nodesWithLivingBody } from '../bodies/bodies.queries';
import { regionLabel } from '../bodies/bodies.service';
import { loadRegion } from '../regions/regions.queries';
import { coverageGapCan, coveragePolicy } from './coverage.policy';

type Level = 'street' | 'community' | 'building';

/**
 * Whether the street, community or building `r` has its body: a joint conference, a
 * coordination council, a liaison group (for a building, at it or at one of its entrances).
 * A set the statement hashes once, not a lookup per node.
 */
export const HAS_BODY = sql`(r.district_id, r.id) IN (${nodesWithLivingBody()})`;
const LEVELS: Level[] = ['street', 'community', 'building'];

type NodeRow = { id: number; kind: Level; path: string; covered: boolean; child_path: string | null };

export async function coverage(db: Tx, actor: Actor, regionId?: number): Promise<Coverage> {
  const rootId = regionId ?? topScope(actor, 'coverage.read');
  const root = await loadRegion(db, actor, rootId);
  allow(coveragePolicy.read(actor, root), 'out_of_scope');
  const depth = root.path.split('.').length;
  // Every street, community and building in the subtree, with whether it has its body.
  const { rows } = await db.execute<NodeRow>(sql`
    SELECT r.id, r.kind::text AS kind, r.path::text AS path,
           CASE WHEN nlevel(r.path) > ${depth} THEN subpath(r.path, 0, ${depth + 1})::text END AS child_path,
           ${HAS_BODY} AS covered
      FROM regions r
     WHERE r.district_id = ${root.districtId} AND r.path <@ ${root.path}::ltree AND r.retired_at IS NULL
       AND r.kind IN ('street', 'community', 'building')`);
  const levelsOf = (nodes: NodeRow[]) =>
    LEVELS.map((kind) => {
      const of = nodes.filter((n) => n.kind === kind);
      const covered = of.filter((n) => n.covered).length;
      return { kind, total: of.length, covered, share: of.length ? covered / of.length : 1 };
    }).filter((l) => l.total > 0);

  const { rows: children } = await db.execute<{
    id: number;
    name: string;
    kind: Coverage['node']['kind'];
    path: string;
  }>(sql`
    SELECT id, name, kind, path::text AS path FROM regions
     WHERE district_id = ${root.districtId} AND parent_id = ${root.id} AND retired_at IS NULL
     ORDER BY code, id`);
  const gaps = rows.filter((r) => !r.covered).sort((a, b) => (a.path < b.path ? -1 : 1));
  const shown = gaps.slice(0, 200);
  const { rows: labels } = shown.length
    ? await db.execute<{ id: number; label: string }>(sql`
        SELECT r.id, ${regionLabel(sql`r`)} AS label FROM regions r
         WHERE r.district_id = ${root.districtId} AND r.id IN (${sql.join(
           shown.map((g) => sql`${g.id}`),
           sql`, `,
         )})`)
    : { rows: [] };
  const labelOf = new Map(labels.map((l) => [l.id, l.label]));
  return {
    node: { id: root.id, name: root.name, kind: root.kind },
    levels: levelsOf(rows),
    children: children.map((c) => {
      const own = rows.find((r) => r.id === c.id);
      return {
        id: c.id,
        name: c.name,
        kind: c.kind,
        covered: own ? own.covered : null,
        levels: levelsOf(rows.filter((r) => r.child_path === c.path)),
      };
    }),
    gaps: shown.map((g) => ({
      id: g.id,
      kind: g.kind,
      label: labelOf.get(g.id) ?? '',
      can: coverageGapCan(actor, g),
    })),
    gapCount: gaps.length,
  };
}

/** Without a node asked for: the top of the actor's own area. */
