/**
 * The one small interface through which a domain contributes to someone's workbench: it
 * answers, from its own rows and in its own policy's scope, what waits for the actor and what
 * comes next for them. The workbench only gathers; it keeps nothing of its own.
 */
import type { Todo, TodoKind, Upcoming } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import type { Tx } from '../../db/client';

/** How many items of a kind to show (the oldest); the count says how many wait in all. */
export const ITEMS_SHOWN = 5;

/** One kind of to-do: its items for this actor (oldest first, at most `limit`) and their count. */
export type TodoSource = {
  kind: TodoKind;
  /** The page listing all of this kind. */
  link: string;
  /** Quick check: whether the actor could have any at all (no query when not: a resident has no inbox). */
  applies: (actor: Actor) => boolean;
  list: (db: Tx, actor: Actor, limit: number) => Promise<{ count: number; items: Todo[] }>;
};

/** What comes next for the actor between `from` and `to`, soonest first. */
export type UpcomingSource = (db: Tx, actor: Actor, from: Date, to: Date) => Promise<Upcoming[]>;
