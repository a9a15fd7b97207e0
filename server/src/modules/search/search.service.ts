/**
 * 全局搜索: the console header's search over people, units, projects, needs, facilities and
 * teams. Nothing is indexed here and no other domain's table is read: each kind's matches are
 * its own domain's answer (`search<Kind>` in its <domain>.queries.ts), found within the
 * reader's scope as that domain's own list would find them, the first few of each.
 */
import { SEARCH_PER_KIND, type SearchFound, type SearchKind, type SearchResults } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import type { Tx } from '../../db/client';
import { searchFacilities } from '../facilities/facilities.queries';
import { searchPeople } from '../members/members.queries';
import { searchNeeds } from '../needs/needs.queries';
import { searchProjects } from '../projects/projects.queries';
import { searchTeams } from '../teams/teams.queries';
import { searchUnits } from '../units/units.queries';
import { searchPolicy } from './search.policy';

const FIND: Record<SearchKind, (db: Tx, actor: Actor, q: string, limit: number) => Promise<SearchFound>> = {
  person: searchPeople,
  unit: searchUnits,
  project: searchProjects,
  need: searchNeeds,
  facility: searchFacilities,
  team: searchTeams,
};

/** The kinds with a match, each with its first few, in the order of SEARCH_KINDS. */
export async function search(db: Tx, actor: Actor, q: string): Promise<SearchResults> {
  const groups = await Promise.all(
    searchPolicy
      .kinds(actor)
      .map(async (kind) => ({ kind, ...(await FIND[kind](db, actor, q, SEARCH_PER_KIND)) })),
  );
  return { groups: groups.filter((g) => g.items.length > 0) };
}
