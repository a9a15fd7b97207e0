/**
 * Who may do what to a body's follow-up tasks: the body's organisers run them; a task's owner
 * (the person, or the owning unit's contact) works on it — progress and notes — but its title,
 * owner and due date are the body's business.
 */
import type { TaskCan } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { actsForUnit, can } from '../../auth/authorize';

/** What the rules read of a body (a joint conference, council, liaison group): its place. */
export type BodyFacts = { region_path: string };

export const bodyPolicy = {
  /** Sees it, its members and its meetings: those who read the network of its area. */
  read: (actor: Actor, b: BodyFacts) => can(actor, 'body.read', b.region_path),
  /** Changes it, its members and its meetings: the organisers of its area. */
  manage: (actor: Actor, b: BodyFacts) => can(actor, 'body.manage', b.region_path),
};

/** What the rules read of a task: its body's place and its owner. */
export type TaskFacts = {
  region_path: string;
  owner_kind: string;
  owner_id: number;
  /** The account of the owning person, when the owner is a person with one. */
  owner_person_user: number | null;
};

export const taskPolicy = {
  /** Reassigns, renames or reschedules it: the organisers of its body's area. */
  manage: (actor: Actor, t: TaskFacts) => can(actor, 'task.manage', t.region_path),
  /** Reports progress and adds notes: the organisers, the owning person, the owning unit's contact. */
  work: (actor: Actor, t: TaskFacts) =>
    taskPolicy.manage(actor, t) ||
    t.owner_person_user === actor.userId ||
    (t.owner_kind === 'unit' && actsForUnit(actor, 'unit.manage', t.owner_id)),
};

/** What the reader may do to this task, for the console. */
export const taskCan = (actor: Actor, t: TaskFacts): TaskCan => ({
  manage: taskPolicy.manage(actor, t),
  work: taskPolicy.work(actor, t),
});
