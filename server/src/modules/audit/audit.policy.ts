/**
 * Who may read the audit trail: those who read audits over a place see what was done there and
 * under it — never above or beside it. Entries are written only through `recordAudit` (or
 * `auditFrom`, inside the write's own statement), in the same transaction as the write they
 * record; nobody edits them. What a reader sees is narrowed
 * in SQL (`auditPolicy.visible`), a place asked for is checked
 * (`allow(auditPolicy.readAt(actor, node), 'out_of_scope')`).
 */
import type { SQL, SQLWrapper } from 'drizzle-orm';
import type { Actor } from '../../auth/actor';
import { can, inScope } from '../../auth/authorize';

/** What the rule reads of a place: where it is in the tree. */
export type NodeFacts = { path: string };

export const auditPolicy = {
  /** SQL: the entries the actor may read, given the path of the place each was recorded at. */
  visible: (actor: Actor, path: SQLWrapper): SQL => inScope(actor, 'audit.read', path),
  /** Reads the trail of a place and everything under it: those who read audits over it. */
  readAt: (actor: Actor, node: NodeFacts) => can(actor, 'audit.read', node.path),
};
