/**
 * The one small interface through which a domain contributes to someone's workbench: it
 * answers, from its own rows and in its own policy's scope, what waits for the actor and what
 * comes next for them. The workbench only gathers; it keeps nothing of its own.
 */
import type { Todo, TodoKind, Upcoming } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import type { Tx } from '../../db/client';
import { iso } from '../../http';

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

/**
 * A to-do query's rows (oldest first), as the workbench lists them: `since` an instant, `due_on`
 * a calendar day where there is one. How many wait in all: `count`, from a query of its own, or
 * `n` on each row (count(*) OVER ()).
 */
export type TodoRow = {
  id: number;
  title: string;
  place: string | null;
  since: string;
  link: string;
  due_on?: string | null;
  n?: number;
};

export const todoList = (rows: TodoRow[], count = rows[0]?.n ?? 0): { count: number; items: Todo[] } => ({
  count,
  items: rows.map((r) => ({
    id: r.id,
    title: r.title,
    place: r.place,
    since: iso(r.since)!,
    dueAt: r.due_on ?? null,
    link: r.link,
  })),
});

/** What comes next for the actor between `from` and `to`, soonest first. */
export type UpcomingSource = (db: Tx, actor: Actor, from: Date, to: Date) => Promise<Upcoming[]>;
