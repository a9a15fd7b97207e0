/**
 * What the header's search (全局搜索) looks through for a reader. A kind is searched where its
 * domain's own list opens to the reader at all — people to those who read people (not
 * residents, members or lecturers), units to those who read units, needs to those who decide
 * them and to residents who raise their own; projects, facilities and teams are lists for
 * everyone signed in. Which rows of a kind the reader then finds is that domain's scope,
 * applied in SQL by its own search function (`search<Kind>` in its <domain>.queries.ts).
 */
import { SEARCH_KINDS, type SearchKind } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { holds } from '../../auth/authorize';

const OPENS: Record<SearchKind, (actor: Actor) => boolean> = {
  person: (actor) => holds(actor, 'person.read'),
  unit: (actor) => holds(actor, 'unit.read'),
  // Organisers read their communities' needs; anyone with a person record, the needs they raised.
  need: (actor) => holds(actor, 'need.decide') || actor.personId !== null,
  project: () => true,
  facility: () => true,
  team: () => true,
};

export const searchPolicy = {
  /** Looks for things of this kind at all: the kind's own list opens to the reader. */
  searches: (actor: Actor, kind: SearchKind) => OPENS[kind](actor),
  /** The kinds a search looks through for the reader, in the order their groups show. */
  kinds: (actor: Actor): SearchKind[] => SEARCH_KINDS.filter((kind) => searchPolicy.searches(actor, kind)),
};
