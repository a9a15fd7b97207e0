/**
 * Who may read the participation figures of a node: those who read dashboards over it see it
 * and everything under it, never above or beside it. The service asks here
 * (`allow(dashboardPolicy.read(actor, node), 'out_of_scope')`); each node on the way back up
 * carries its reader's answer as `can`, so the console links only the steps that will open.
 * (A member's own year is theirs by their person; a unit's year is read as the unit is.)
 */
import type { DashboardNodeCan } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { can, scopes } from '../../auth/authorize';

/** What the rule reads of a node: its place in the tree. */
export type NodeFacts = { path: string };

export const dashboardPolicy = {
  /** Reads a node's figures, its children's and its leaders: those who read dashboards over it. */
  read: (actor: Actor, node: NodeFacts) => can(actor, 'dashboard.read', node.path),
  /** Has the week's figures on their workbench (概况), for the top node of their area: those who read dashboards anywhere. */
  overview: (actor: Actor) => scopes(actor, 'dashboard.read').length > 0,
};

/** What the reader may do with this node, for the console. */
export const dashboardNodeCan = (actor: Actor, node: NodeFacts): DashboardNodeCan => ({
  open: dashboardPolicy.read(actor, node),
});
