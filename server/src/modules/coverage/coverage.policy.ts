/**
 * Who may look at how far the network of bodies reaches: those who read coverage over a node
 * see its subtree, nothing above or beside it. A gap is filled by setting up the missing body,
 * which those who manage bodies over it may do. The service asks here
 * (`allow(coveragePolicy.read(actor, node), 'out_of_scope')`); every gap carries its reader's
 * answer as `can`, so the console offers the button only where the body may be made.
 */
import type { CoverageGapCan } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { can } from '../../auth/authorize';
import { bodyPolicy } from '../bodies/bodies.policy';

/** What the rules read of a node: its place in the tree. */
export type NodeFacts = { path: string };

export const coveragePolicy = {
  /** Reads the coverage of a node and everything under it: those who read coverage over it. */
  read: (actor: Actor, node: NodeFacts) => can(actor, 'coverage.read', node.path),
  /** Fills a gap: those who may set up a body there (the bodies' own rule). */
  fill: (actor: Actor, gap: NodeFacts) => bodyPolicy.manage(actor, { region_path: gap.path }),
};

/** What the reader may do about this gap, for the console. */
export const coverageGapCan = (actor: Actor, gap: NodeFacts): CoverageGapCan => ({
  createBody: coveragePolicy.fill(actor, gap),
});
