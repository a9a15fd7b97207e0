/**
 * What other domains may read of a person without reading the people table: where the
 * reader lives, for the rules and orderings that ask (a review's residency, home first).
 */
import { sql } from 'drizzle-orm';
import type { Actor } from '../../auth/actor';
import type { Tx } from '../../db/client';

/** The path of the place the reader lives (a building or a community); null without a person. */
export async function homePathOf(db: Tx, actor: Actor): Promise<string | null> {
  if (actor.personId === null) return null;
  const { rows } = await db.execute<{ path: string }>(sql`
    SELECT h.path::text AS path FROM people p JOIN regions h ON h.district_id = p.district_id AND h.id = p.home_region_id
     WHERE p.district_id = ${actor.districtId} AND p.id = ${actor.personId}`);
  return rows[0]?.path ?? null;
}
