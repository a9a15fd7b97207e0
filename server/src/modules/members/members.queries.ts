/**
 * What other domains may read of a person without reading the people table: where the
 * reader lives, for the rules and orderings that ask (a review's residency, home first);
 * and SQL fragments the caller embeds where its read must stay one set-based statement
 * (a list joined, filtered and paginated in SQL), so people stays named here only. The scope
 * of the list of people (members.service's list and the header's search both read it) and
 * the people a search finds are here too.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Actor } from '../../auth/actor';
import { isWithin, scopes, unitScopes } from '../../auth/authorize';
import type { Tx } from '../../db/client';
import { firstOf } from '../../db/paging';
import { limitOf, type SearchPart, textContains } from '../../db/text';
import { unitsOrgIds } from '../party-orgs/party-orgs.queries';

/** The path of the place the reader lives (a building or a community); null without a person. */
export async function homePathOf(db: Tx, actor: Actor): Promise<string | null> {
  if (actor.personId === null) return null;
  const { rows } = await db.execute<{ path: string }>(sql`
    SELECT h.path::text AS path FROM people p JOIN regions h ON h.district_id = p.district_id AND h.id = p.home_region_id
     WHERE p.district_id = ${actor.districtId} AND p.id = ${actor.personId}`);
  return rows[0]?.path ?? null;
}

// The fragments alias their table person_row, never a short name a caller may use for its own
// rows: an inner `p` would hide the caller's `p` and compare a column with itself.

/**
 * SQL: one person (id, name, user_id, home_region_id, party_org_id, phone, specialties), for
 * `[LEFT] JOIN LATERAL (…) p ON true`; `districtId` and `personId` are the caller's columns.
 */
export const personRow = (districtId: SQL, personId: SQL): SQL => sql`
    SELECT person_row.id, person_row.name, person_row.user_id, person_row.home_region_id, person_row.party_org_id, person_row.phone, person_row.specialties FROM people person_row
     WHERE person_row.district_id = ${districtId} AND person_row.id = ${personId}`;

/**
 * SQL: the members of one Party organisation (district_id, id), as a derived table to count
 * (`SELECT count(*) FROM (…) m`); `districtId` and `orgId` are the caller's columns.
 */
export const orgMembers = (districtId: SQL, orgId: SQL): SQL => sql`
    SELECT person_row.district_id, person_row.id FROM people person_row WHERE person_row.district_id = ${districtId} AND person_row.party_org_id = ${orgId}`;

/**
 * SQL: the people of a district (district_id, id, name, user_id, home_region_id, party_org_id,
 * party_status), as a derived table for a caller that filters or groups many of them in one
 * statement (a notice's audience, an honour's candidates); the planner flattens it.
 */
export const districtPeople = (districtId: number | SQL): SQL => sql`
    SELECT person_row.district_id, person_row.id, person_row.name, person_row.user_id, person_row.home_region_id, person_row.party_org_id, person_row.party_status
      FROM people person_row WHERE person_row.district_id = ${districtId}`;

// ---------- the list of people, as the members' list and the search read it ----------

/** SQL: the person's name (`p.name`) contains `q` (db/text's textContains: grams, or trigrams). */
export const nameContains = (q: string): SQL => textContains(sql`p.name`, q);

/** SQL: people (`p`) living in the actor's area (within `root` if given), or of the actor's units. */
export async function homesInScope(db: Tx, actor: Actor, root: string | null): Promise<SQL> {
  const roots = scopes(actor, 'person.read').flatMap((s) =>
    root === null ? [s] : isWithin(root, s) ? [root] : isWithin(s, root) ? [s] : [],
  );
  const parts = roots.length ? [await homesUnder(db, actor, roots)] : [];
  const units = unitScopes(actor, 'person.read');
  if (units.length) {
    const ofUnits = sql`p.party_org_id IN (${unitsOrgIds(actor.districtId, units)})`;
    parts.push(root === null ? ofUnits : sql`(${ofUnits} AND ${await homesUnder(db, actor, [root])})`);
  }
  return parts.length ? sql`(${sql.join(parts, sql` OR `)})` : sql`false`;
}

/** SQL: people (`p`) whose home is under these subtrees, as the list of their regions: an index range per region. */
export async function homesUnder(db: Tx, actor: Actor, roots: string[]): Promise<SQL> {
  if (roots.some((r) => !r.includes('.'))) return sql`true`; // the whole district
  const { rows } = await db.execute<{ ids: string }>(sql`
    SELECT coalesce(array_agg(id ORDER BY id), '{}')::text AS ids FROM regions
     WHERE district_id = ${actor.districtId} AND kind IN ('community', 'building', 'entrance')
       AND (${sql.join(
         roots.map((r) => sql`path <@ ${r}::ltree`),
         sql` OR `,
       )})`);
  return sql`p.home_region_id = ANY(${rows[0]!.ids}::bigint[])`;
}

/** How far into the list a search reads before it looks the name up instead (see searchPeople). */
const SEARCH_WALK = 2000;

/**
 * The people a search finds (the header's search): those the reader's list of people holds —
 * living in their area, or members of their units' organisations — whose name contains `q`,
 * the first `limit` in the list's own order (home, then name), each with where they live.
 * They have no page of their own: each leads to the list, filtered by their name.
 *
 * One plan must serve every name, common or rare (the statement is prepared once and its plan
 * kept): the list is read in order from the index alone, at most SEARCH_WALK rows, which finds a
 * common name (张丽) at once; only when those rows hold too few is the name looked up by its
 * grams or trigrams (皇甫晓岚: a few rows) and those sorted. Walking the whole list for a rare
 * name cost ~0.8 s; looking up a common one, ~40 ms.
 */
export async function searchPeople(db: Tx, actor: Actor, q: string, limit: number): Promise<SearchPart> {
  const scope = await homesInScope(db, actor, null);
  const list = (name: string) => `/members?q=${encodeURIComponent(name)}`;
  const first = limitOf(limit + 1);
  const few = sql`(SELECT count(*) FROM early) <= ${sql.raw(String(limit))}
                  AND (SELECT count(*) FROM walk) = ${sql.raw(String(SEARCH_WALK))}`;
  return {
    sql: sql`
      WITH walk AS MATERIALIZED (
        SELECT p.district_id, p.id, p.home_region_id, p.name FROM people p
         WHERE p.district_id = ${actor.districtId} AND ${scope}
         ORDER BY p.home_region_id, p.name, p.id ${limitOf(SEARCH_WALK)}),
      -- strpos of the lowered name is what ILIKE and the grams mean by "contains".
      early AS MATERIALIZED (SELECT w.* FROM walk w WHERE strpos(lower(w.name), lower(${q})) > 0 ${first}),
      -- By name alone (the area's homes would lead the plan to read every home's people).
      looked_up AS MATERIALIZED (
        SELECT p.district_id, p.id, p.home_region_id, p.name, p.party_org_id FROM people p
         WHERE p.district_id = ${actor.districtId} AND ${nameContains(q)}),
      pg AS (
        SELECT * FROM early WHERE NOT (${few})
        UNION ALL
        (SELECT p.district_id, p.id, p.home_region_id, p.name FROM looked_up p WHERE ${few} AND ${scope}
          ORDER BY p.home_region_id, p.name, p.id ${first}))
      SELECT pg.id, pg.name AS title,
             (SELECT string_agg(a.name, ' ' ORDER BY nlevel(a.path)) FROM regions h
                JOIN regions a ON a.district_id = h.district_id AND a.path @> h.path AND nlevel(a.path) >= 3
               WHERE h.district_id = pg.district_id AND h.id = pg.home_region_id) AS subtitle
        FROM pg ORDER BY pg.home_region_id, pg.name, pg.id`,
    present: (rows) => ({
      ...firstOf(rows, limit, (r) => ({
        id: r.id,
        title: r.title,
        subtitle: r.subtitle,
        link: list(r.title),
      })),
      link: list(q),
    }),
  };
}
