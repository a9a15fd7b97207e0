/**
 * Who may do what to a notice or open letter. Its writers are those who publish in its area;
 * every notice carries its reader's answers as `can`.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { NoticeCan } from '../../../../contract';
import type { Actor } from '../../auth/actor';
import { can, inScope, overDistrict } from '../../auth/authorize';

/** What the rules read of a notice: its area and where it stands. */
export type NoticeFacts = { region_path: string; status: string };

export const noticePolicy = {
  /** Writes, publishes and follows up notices of its area. */
  publish: (actor: Actor, n: NoticeFacts) => can(actor, 'notice.publish', n.region_path),
  /**
   * SQL: the notices (area `r`) the actor's list of notices holds: those of the areas they
   * publish in; null when that is the whole district (the list is narrowed to it already).
   */
  listed: (actor: Actor): SQL | null =>
    overDistrict(actor, 'notice.publish') ? null : inScope(actor, 'notice.publish', sql`r.path`),
};

/** What the reader may do to this notice, for the console. */
export const noticeCan = (actor: Actor, n: NoticeFacts): NoticeCan => {
  const publishes = noticePolicy.publish(actor, n);
  return {
    edit: publishes && n.status === 'draft',
    publish: publishes && n.status === 'draft',
    remind: publishes && n.status === 'published',
    seeReads: publishes,
  };
};
