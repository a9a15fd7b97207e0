/**
 * 全局搜索: the console header's search over people, units, projects, needs, facilities and
 * teams. Nothing is indexed here and no other domain's table is read: each kind's matches are
 * its own domain's answer (`search<Kind>` in its <domain>.queries.ts), found within the
 * reader's scope as that domain's own list would find them, the first few of each.
 */
import { sql } from 'drizzle-orm';
import { SEARCH_PER_KIND, type SearchKind, type SearchResults } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import type { Tx } from '../../db/client';
import type { SearchPart, SearchRow } from '../../db/text';
import { searchFacilities } from '../facilities/facilities.queries';
import { searchPeople } from '../members/members.queries';
import { searchNeeds } from '../needs/needs.queries';
import { searchProjects } from '../projects/projects.queries';
import { searchTeams } from '../teams/teams.queries';
import { searchUnits } from '../units/units.queries';
import { searchPolicy } from './search.policy';

const FIND: Record<
  SearchKind,
  (db: Tx, actor: Actor, q: string, limit: number) => SearchPart | Promise<SearchPart>
> = {
  person: searchPeople,
  unit: (_db, actor, q, limit) => searchUnits(actor, q, limit),
  project: (_db, actor, q, limit) => searchProjects(actor, q, limit),
  need: (_db, actor, q, limit) => searchNeeds(actor, q, limit),
  facility: (_db, actor, q, limit) => searchFacilities(actor, q, limit),
  team: (_db, actor, q, limit) => searchTeams(actor, q, limit),
};

/**
 * The kinds with a match, each with its first few, in the order of SEARCH_KINDS: one statement
 * for them all, the kinds' parts side by side (a reader whose people are not the whole
 * district's first looks up their area's homes). Each part's plan serves any text, so whether
 * PostgreSQL keeps a generic plan or plans each call, no name walks the whole list of people.
 */
export async function search(db: Tx, actor: Actor, q: string): Promise<SearchResults> {
  const kinds = searchPolicy.kinds(actor);
  const parts = await Promise.all(kinds.map((kind) => FIND[kind](db, actor, q, SEARCH_PER_KIND)));
  // A union is read branch by branch: each kind's rows come in its own order.
  const { rows } = await db.execute<SearchRow & { kind: SearchKind }>(
    sql.join(
      parts.map(
        (part, i) => sql`(SELECT ${kinds[i]}::text AS kind, x.id, x.title, x.subtitle FROM (${part.sql}) x)`,
      ),
      sql`\nUNION ALL\n`,
    ),
  );
  const groups = kinds.map((kind, i) => ({
    kind,
    ...parts[i]!.present(rows.filter((r) => r.kind === kind)),
  }));
  return { groups: groups.filter((g) => g.items.length > 0) };
}
